// An indicator sheet (办学条件与优质均衡, 教师发展, 月度汇总 …): one value per row, entered or
// computed from the lists, beside its target and whether it is met.
import { useCallback, useMemo, useState } from 'react';
import { Tag } from 'antd';
import type { IndicatorSheet, Pack } from '../../../shared/pack/schema';
import type { SchoolProfile } from '../../../shared/model/school';
import type { Finding } from '../../../shared/audit/types';
import type { IndicatorResult } from '../../../shared/compute/indicator';
import { sectionLabels } from '../../../shared/xlsx/layout-indicator';
import { toHalfWidth } from '../../../shared/model/values';
import { findSubmission } from '../../../shared/pack/applicability';
import { whenLine } from '../../../shared/model/period';
import { setIndicatorValue } from './cells-repo';
import { trackSave, useStore } from '../../state/store';
import { useCellFocus } from './use-cell-focus';
import { useSheetContext, type PeriodView } from '../workspace/use-period-data';
import { usePreviousContext } from './use-previous-table';
import { SheetNotes } from './sheet-notes';
import { problemsBy } from './cell-problems';
import './stat.css';
import { PreviousToggle } from '../workspace/previous-toggle';
import { CODE_WIDTH } from './stat-head';

export interface IndicatorSheetViewProps {
  pack: Pack;
  school: SchoolProfile;
  submission: string;
  period: string;
  sheet: IndicatorSheet;
  findings?: readonly Finding[];
  /** the period is 已审核: entered values read-only */
  locked?: boolean;
  /** the workspace's live view of the period (null while loading); without it the sheet loads its own */
  view?: PeriodView | null;
}

const UNIT_WIDTH = 64;
const VALUE_WIDTH = 120;
const show = (v: IndicatorResult['value']) => (v === null ? '—' : String(v));

/** Width of the 指标名称 column: the sheet's longest label (about 14px a character), one for all sections. */
function labelWidthPx(sheet: IndicatorSheet): number {
  const chars = Math.max(...sheet.sections.flatMap((s) => s.rows.map((r) => [...r.label].length + (r.unit ? r.unit.length + 2 : 0))));
  return Math.min(420, Math.max(200, chars * 14 + 20));
}

/**
 * The unit after the label, on screen only, for a section whose form has no 单位 column
 * (生均… rows print theirs in the label already, as the bureau's form does: nothing added then).
 */
export function unitSuffix(label: string, unit: string | undefined, hasUnitColumn: boolean): string {
  if (!unit || hasUnitColumn || /[(（][^()（）]*[)）]\s*$/.test(label)) return '';
  return `（${unit}）`;
}

/** Last approved period's value under this one (显示上期数); undefined shows nothing. */
function PreviousLine({ value }: { value: IndicatorResult['value'] | undefined }) {
  if (value === undefined) return null;
  return <div className="stat-prev">上期 {value ?? '空'}</div>;
}

/** A number box that keeps what was typed and says so when it is not a non-negative number. */
function NumberInput({ testId, res, locked, onCommit }: { testId: string; res: IndicatorResult; locked?: boolean; onCommit: (v: number | null) => void }) {
  const [invalid, setInvalid] = useState(false);
  return (
    <input
      data-testid={testId}
      className={invalid ? 'num invalid' : 'num'}
      inputMode="decimal"
      aria-label={res.row.label}
      aria-invalid={invalid || undefined}
      title={invalid ? '请填写非负数，例如 1200 或 35.5；未保存' : undefined}
      readOnly={locked}
      defaultValue={res.value === null ? '' : String(res.value)}
      key={String(res.value)}
      onBlur={(e) => {
        if (locked) return;
        const t = toHalfWidth(e.target.value).trim().replace(/,/g, '');
        const n = Number(t);
        const ok = t === '' || (Number.isFinite(n) && n >= 0);
        setInvalid(!ok);
        if (t === '') onCommit(null);
        else if (ok) onCommit(n);
      }}
    />
  );
}

function EnteredValue({ testId, res, locked, onCommit }: { testId: string; res: IndicatorResult; locked?: boolean; onCommit: (v: number | string | null) => void }) {
  const values = res.row.value.op === 'entered' ? res.row.value.values : undefined;
  if (values)
    return (
      <select data-testid={testId} disabled={locked} value={res.value === null ? '' : String(res.value)} onChange={(e) => onCommit(e.target.value || null)} aria-label={res.row.label}>
        <option value="" />
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    );
  return <NumberInput testId={testId} res={res} locked={locked} onCommit={onCommit} />;
}

export function IndicatorSheetView({ pack, school, submission, period, sheet, findings = [], locked, view }: IndicatorSheetViewProps) {
  const ctx = useSheetContext(pack, school, submission, period, view);
  const table = useMemo(() => ctx?.indicator(sheet.id), [ctx, sheet.id]);
  const showPrevious = useStore((s) => s.showPrevious);
  const setShowPrevious = useStore((s) => s.setShowPrevious);
  const prevCtx = usePreviousContext(pack, school, submission, period, showPrevious);
  // last approved period's value of each row, computed with the same rows from that period's data
  const prevValues = useMemo(() => {
    const t = prevCtx?.indicator(sheet.id);
    return new Map(t?.sections.flatMap((s) => s.results.map((r) => [r.row.code, r.value] as const)) ?? []);
  }, [prevCtx, sheet.id]);
  const problems = useMemo(() => problemsBy(findings, sheet.id, (f) => (f.row?.kind === 'stat' ? f.row.code : undefined)), [findings, sheet.id]);
  const kind = findSubmission(pack, submission)?.periodKind ?? 'schoolYear';
  const when = whenLine(kind, period);
  const onCommit = useCallback(
    (code: string, v: number | string | null) => void trackSave(setIndicatorValue({ submission, period, sheetId: sheet.id }, code, v)),
    [submission, period, sheet.id],
  );
  useCellFocus(sheet.id, table !== undefined, useCallback((f) => (f.code ? `ind-${sheet.id}-${f.code}` : undefined), [sheet.id]));
  const labelWidth = useMemo(() => labelWidthPx(sheet), [sheet]);

  return (
    <div className="stat-view">
      <h2 className="sheet-title">{sheet.title}</h2>
      <div className="sheet-subline">
        <span>填报单位：{school.name}</span>
        <span>{when}</span>
      </div>
      <PreviousToggle checked={showPrevious} onChange={setShowPrevious} title="在每项本校值下方显示上期（已审核）的值，便于对照" none={prevCtx === null} />
      {table?.sections.map((s, i) => (
        <section key={i} className="indicator-section">
          {s.title && <h3 className="indicator-section-title">{s.title}</h3>}
          {/* fixed column widths: the sticky 代码 column sits right after 指标名称 and never over
              the 单位 column, however short the labels */}
          <table className="grid stat-grid indicator-grid" data-testid={`indicator-${sheet.id}-${i}`} style={{ ['--label-w' as string]: `${labelWidth}px`, width: labelWidth + CODE_WIDTH + s.section.columns.reduce((w, c) => w + (c === 'unit' ? UNIT_WIDTH : VALUE_WIDTH), 0) }}>
            <colgroup>
              <col style={{ width: labelWidth }} />
              <col style={{ width: CODE_WIDTH }} />
              {s.section.columns.map((c) => (
                <col key={c} style={{ width: c === 'unit' ? UNIT_WIDTH : VALUE_WIDTH }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th className="sticky-col first">指标名称</th>
                <th className="sticky-col second">代码</th>
                {sectionLabels(s.section).map((l) => (
                  <th key={l}>{l}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {s.results.map((r) => {
                const testId = `ind-${sheet.id}-${r.row.code}`;
                const problem = problems.get(r.row.code);
                // a row the previous period did not have (another school type then) shows 空
                const previous = prevCtx ? (prevValues.get(r.row.code) ?? null) : undefined;
                return (
                  <tr key={r.row.code}>
                    <td className="label">
                      {r.row.label}
                      <span className="unit-suffix">{unitSuffix(r.row.label, r.row.unit, s.section.columns.includes('unit'))}</span>
                    </td>
                    <td className="code">{r.row.code}</td>
                    {s.section.columns.map((c) => {
                      if (c === 'unit')
                        return (
                          <td key={c} className="unit" data-testid={`ind-unit-${sheet.id}-${r.row.code}`}>
                            {r.row.unit ?? ''}
                          </td>
                        );
                      if (c === 'target')
                        return (
                          <td key={c} className="num">
                            {r.target === null ? '' : String(r.target)}
                            {/* the bureau's form has no 是否达标 column here; the screen still says */}
                            {!s.section.columns.includes('met') && r.met !== undefined && (
                              <Tag color={r.met ? 'green' : 'red'} style={{ marginInlineStart: 6 }}>{r.met ? '达标' : '未达标'}</Tag>
                            )}
                          </td>
                        );
                      if (c === 'met')
                        return <td key={c}>{r.met === undefined ? '' : <Tag color={r.met ? 'green' : 'red'}>{r.met ? '是' : '否'}</Tag>}</td>;
                      const cls = problem ? (problem.severity === 'error' ? 'cell-error' : 'cell-warning') : '';
                      if (r.kind === 'computed')
                        return (
                          <td key={c} className={`computed num ${cls}`} data-testid={testId} data-kind="computed" title={problem?.message ?? '自动计算'} tabIndex={-1}>
                            <span className="calc-mark" aria-hidden>计</span>
                            {show(r.value)}
                            <PreviousLine value={previous} />
                          </td>
                        );
                      return (
                        <td key={c} className={cls} title={problem?.message}>
                          <EnteredValue testId={testId} res={r} locked={locked} onCommit={(v) => onCommit(r.row.code, v)} />
                          <PreviousLine value={previous} />
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
      <SheetNotes notes={sheet.notes} />
    </div>
  );
}
