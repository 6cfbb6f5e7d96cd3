// A statistics sheet (基表) laid out like the bureau's printed form. Computed cells are
// recalculated from the lists on every change, so editing 班级名册 updates this table at once.
import { useCallback, useMemo } from 'react';
import type { Pack, StatSheet } from '../../../shared/pack/schema';
import type { SchoolProfile } from '../../../shared/model/school';
import type { Finding } from '../../../shared/audit/types';
import { findSubmission } from '../../../shared/pack/applicability';
import { cellKey } from '../../../shared/pack/stat-cells';
import { whenLine } from '../../../shared/model/period';
import { useStore } from '../../state/store';
import { useStatGrid } from './use-stat-grid';
import { useCellFocus } from './use-cell-focus';
import { usePreviousTable } from './use-previous-table';
import { useSheetContext, type PeriodView } from '../workspace/use-period-data';
import type { CellProblem } from './ledger-cell';
import { StatCellView } from './stat-cell';
import { ColumnNumberRow, StatHead } from './stat-head';
import './stat.css';
import { SheetNotes } from './sheet-notes';
import { problemsBy } from './cell-problems';
import { PreviousToggle } from '../workspace/previous-toggle';

export interface StatSheetViewProps {
  pack: Pack;
  school: SchoolProfile;
  submission: string;
  period: string;
  sheet: StatSheet;
  findings?: readonly Finding[];
  /** the period is 已审核: entered cells read-only */
  locked?: boolean;
  /** the workspace's live view of the period (null while loading); without it the sheet loads its own */
  view?: PeriodView | null;
}

function statProblems(findings: readonly Finding[], sheetId: string): Map<string, CellProblem> {
  return problemsBy(findings, sheetId, (f) => (f.row?.kind === 'stat' && f.colKey ? cellKey(f.row.code, f.colKey) : undefined));
}

export function StatSheetView({ pack, school, submission, period, sheet, findings = [], locked, view }: StatSheetViewProps) {
  const ctx = useSheetContext(pack, school, submission, period, view);
  const data = ctx?.data;
  const table = useMemo(() => ctx?.stat(sheet.id), [ctx, sheet.id]);
  const problems = useMemo(() => statProblems(findings, sheet.id), [findings, sheet.id]);
  const kind = findSubmission(pack, submission)?.periodKind ?? 'schoolYear';
  const sourceTitle = sheet.source ? pack.sheets[sheet.source.sheet]?.title : undefined;
  const showPrevious = useStore((s) => s.showPrevious);
  const setShowPrevious = useStore((s) => s.setShowPrevious);
  const prevTable = usePreviousTable(pack, school, sheet, submission, period, showPrevious);
  // last period's figure of each cell, by cell key (none when the toggle is off or there is no approved period)
  const prevValues = useMemo(() => {
    const m = new Map<string, number | null>();
    for (const r of prevTable?.rows ?? []) for (const c of r.cells) if (c.kind !== 'blocked') m.set(cellKey(r.code, c.key), c.value);
    return m;
  }, [prevTable]);
  const when = whenLine(kind, period);

  const ref = useMemo(() => ({ submission, period, sheetId: sheet.id }), [submission, period, sheet.id]);
  // arrows/Enter/Tab between entered cells, block paste from Excel, Ctrl+Z/Ctrl+Y
  const { onCommit, handlers } = useStatGrid(ref, sheet, table, locked);

  useCellFocus(sheet.id, table !== undefined, useCallback((f) => (f.code && f.colKey ? `stat-${sheet.id}-${f.code}-${f.colKey}` : undefined), [sheet.id]));

  const colLabel = (key: string) => sheet.columns.find((c) => c.key === key)?.label ?? key;
  return (
    <div className="stat-view">
      <h2 className="sheet-title">{sheet.title}</h2>
      <div className="sheet-subline">
        <span>填报单位：{school.name}</span>
        <span>
          {when}　单位：{sheet.unit}
        </span>
      </div>
      <PreviousToggle checked={showPrevious} onChange={setShowPrevious} title="在每格下方显示上期（已审核）的数，便于对照" none={prevTable === null} />
      <table className="grid stat-grid" data-testid={`stat-${sheet.id}`} {...handlers}>
        <StatHead sheet={sheet} />
        <tbody>
          <ColumnNumberRow sheet={sheet} />
          {table?.rows.map((row) => (
            <tr key={row.code}>
              <td className="label">{row.label}</td>
              <td className="code">{row.code}</td>
              {row.cells.map((cell) => (
                <StatCellView
                  key={cell.key}
                  sheetId={sheet.id}
                  code={row.code}
                  cell={cell}
                  label={`${row.label.trim()} × ${colLabel(cell.key)}`}
                  sourceTitle={sourceTitle}
                  problem={problems.get(cellKey(row.code, cell.key))}
                  previous={prevTable ? prevValues.get(cellKey(row.code, cell.key)) : undefined}
                  locked={locked}
                  onCommit={onCommit}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="stat-sign">
        单位负责人：{school.head}　统计负责人：{school.statHead}　填表人：{school.filler}　报出日期：
        {data?.reportDate ?? '（审核通过时自动填写）'}
      </div>
      <div className="stat-legend">
        <span>
          <span className="swatch" style={{ background: '#fff' }} />
          白格：直接填写
        </span>
        {sourceTitle && (
          <span>
            <span className="swatch" style={{ background: '#f2f3f5' }} />
            灰格（标“计”）：由{sourceTitle}自动计算，不能改
          </span>
        )}
        <span>
          <span className="swatch stat-legend-blocked" />
          “-”：此格不填
        </span>
      </div>
      <SheetNotes notes={sheet.notes} />
    </div>
  );
}
