// 逻辑校验 and 经验校验 on list sheets: required, type, enumeration, and the pack's column checks.
import type { LedgerColumn, LedgerSheet, Pack } from '../pack/schema';
import type { LedgerRow, PeriodData } from '../model/data';
import type { SchoolProfile } from '../model/school';
import { enumValues } from '../pack/applicability';
import { hasColumnType, formatValue, impossibleDate, parseDate } from '../model/values';
import { ageAt, matches, toNumber } from '../compute/conditions';
import { ledgerCellAddress } from '../xlsx/addresses';
import type { Finding, Severity } from './types';
import type { LedgerContext } from './ledger-context';
import { carriedWhileOpen, checkMinRows, requiredIfProblems, rowRuleProblem } from './row-rules';
import { periodDateProblem, requiredIfMinProblems } from './ledger-extra-checks';
import { checkGroupsMatch } from './groups-match';
import { checkAnswerMatchesLedger, checkNonEmpty } from './completeness-checks';

// the context type lives in its own module (groups-match and completeness-checks need it too)
export type { LedgerContext } from './ledger-context';

const TYPE_NAME: Record<LedgerColumn['type'], string> = {
  integer: '非负整数', decimal: '数字', text: '文字', date: '日期（如 2025-09-01）', time: '时间（如 08:30）',
  datetime: '日期时间（如 2025-09-03 12:00）', enum: '下拉选项', yearMonth: '年月（如 1985-03）',
};

function minutesOf(date: string, time: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(`${date}${time ? ` ${time}` : ''}`);
  // an impossible date (2025-02-30) is already a TYPE finding; don't let it roll over into a second one
  if (!m || parseDate(date) !== date) return undefined;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0)) / 60000;
}

export function checkLedger(sheet: LedgerSheet, rows: readonly LedgerRow[], ctx: LedgerContext): Finding[] {
  const out: Finding[] = [];
  const emit = (ruleId: string, severity: Severity, index: number, row: LedgerRow, col: LedgerColumn, text: string) => {
    const at = ctx.placement;
    const cell = ledgerCellAddress(sheet, index, col.key, at?.firstDataRow);
    out.push({
      key: `${ruleId}|${sheet.id}|${row.id}|${col.key}`,
      ruleId, severity, sheetId: at?.sheetId ?? sheet.id, sheetTitle: at?.sheetTitle ?? sheet.title,
      ...(at ? { partId: sheet.id } : {}),
      row: { kind: 'ledger', index, id: row.id }, colKey: col.key, cell,
      message: `${at ? `${at.sheetTitle} ${sheet.title}` : sheet.title} 第${index + 1}行「${col.label}」(${cell})：${text}`,
    });
  };
  const pre = `${ctx.submission}-${sheet.ruleCode}`;
  rows.forEach((row, index) => {
    for (const col of sheet.columns) {
      const v = row[col.key];
      const empty = v === null || v === undefined || v === '';
      if (empty) {
        if (col.required) emit(`${pre}-REQ`, 'error', index, row, col, '必填项未填');
        else for (const [k, text] of requiredIfProblems(sheet, col.checks ?? [], row)) emit(k.id, k.severity, index, row, col, text);
        if (!col.required) for (const [k, text] of requiredIfMinProblems(sheet, col.checks ?? [], row)) emit(k.id, k.severity, index, row, col, text);
        continue;
      }
      if (!hasColumnType(col, v) || (col.type === 'integer' && (v as number) < 0)) {
        const why = impossibleDate(col, v);
        emit(`${pre}-TYPE`, 'error', index, row, col, `应为${TYPE_NAME[col.type]}，现为“${formatValue(v)}”${why ? `（${why}）` : ''}`);
        continue;
      }
      if (col.type === 'enum') {
        const allowed = enumValues(ctx.pack, ctx.school.type, col, row);
        if (!allowed.includes(String(v))) {
          emit(`${pre}-ENUM`, 'error', index, row, col, `“${formatValue(v)}”不在可选值（${allowed.join('、')}）中`);
          continue;
        }
      }
      for (const k of col.checks ?? []) {
        const problem = rowRuleProblem(sheet, k, v, row, ctx);
        if (problem) emit(k.id, k.severity, index, row, col, problem);
        const dated = periodDateProblem(k, v, ctx.range);
        if (dated) emit(k.id, k.severity, index, row, col, dated);
        const n = toNumber(v);
        if (k.kind === 'min' && n !== undefined && n < k.value) emit(k.id, k.severity, index, row, col, `${k.message}，现为 ${n}`);
        if (k.kind === 'max' && n !== undefined && n > k.value) emit(k.id, k.severity, index, row, col, `${k.message}，现为 ${n}`);
        if (k.kind === 'notGreaterThan') {
          const other = toNumber(row[k.field]) ?? 0;
          if (n !== undefined && n > other) emit(k.id, k.severity, index, row, col, `${k.message}（${n} > ${other}）`);
        }
        if (k.kind === 'inPeriod' && typeof v === 'string') {
          const day = v.slice(0, 10);
          if ((day < ctx.range.start || day > ctx.range.end) && !carriedWhileOpen(k, day, row, ctx))
            emit(k.id, k.severity, index, row, col, `${k.message}（${ctx.range.start} 至 ${ctx.range.end}），现为 ${day}`);
        }
        if (k.kind === 'age') {
          const asOf = ctx.asOf ?? ctx.range.start;
          const age = ageAt(v, asOf);
          const applies = (k.when ?? []).every((c) => matches(row, c, asOf));
          if (age !== undefined && applies && ((k.min !== undefined && age < k.min) || (k.max !== undefined && age > k.max)))
            emit(k.id, k.severity, index, row, col, `${k.message}，现为 ${age} 周岁（统计时点 ${asOf}）`);
        }
        if (k.kind === 'hoursAfter' && typeof v === 'string') {
          const from = minutesOf(String(row[k.fromDate] ?? ''), String(row[k.fromTime] ?? ''));
          const to = minutesOf(v.slice(0, 10), v.slice(11));
          if (from !== undefined && to !== undefined && to - from < k.hours * 60) {
            // truncated, not rounded: 47 h 59 min must not read as "48 小时" next to "至少 48 小时"
            const hours = Math.trunc(((to - from) / 60) * 10) / 10;
            emit(k.id, k.severity, index, row, col, `${k.message}，现为 ${hours} 小时`);
          }
        }
      }
    }
  });
  for (const k of sheet.checks ?? []) {
    if (k.kind === 'minRows') out.push(...checkMinRows(sheet, k, rows, { ...ctx, schoolType: ctx.school.type }));
    if (k.kind === 'groupsMatch' && ctx.data) out.push(...checkGroupsMatch(sheet, k, rows, ctx.data, ctx));
    if (k.kind === 'nonEmpty') out.push(...checkNonEmpty(sheet, k, rows));
    if (k.kind === 'answerMatchesLedger' && ctx.data) out.push(...checkAnswerMatchesLedger(sheet, k, rows, ctx.data, ctx));
    if (k.kind !== 'sumMax') continue;
    const limit = k.bySchoolType?.[ctx.school.type] ?? k.value;
    const total = rows.reduce((s, r) => s + (toNumber(r[k.field]) ?? 0), 0);
    if (total > limit) {
      const label = sheet.columns.find((c) => c.key === k.field)?.label ?? k.field;
      out.push({
        key: `${k.id}|${sheet.id}||${k.field}`, ruleId: k.id, severity: k.severity, sheetId: sheet.id,
        sheetTitle: sheet.title, colKey: k.field,
        message: `${sheet.title}「${label}」合计：${k.message}（${total} > ${limit}）`,
      });
    }
  }
  return out;
}
