// Checks on indicator sheets: entered values of the right kind, and 经验校验 warnings where a
// value misses its target (e.g. 专职保安人数 below what GB/T 29315 requires).
import type { IndicatorTable } from '../compute/indicator';
import { indicatorLayout } from '../xlsx/layout-indicator';
import { address } from '../xlsx/addresses';
import type { Finding, Severity } from './types';

export function checkIndicators(table: IndicatorTable, submission: string): Finding[] {
  const { sheet } = table;
  const L = indicatorLayout(table);
  const out: Finding[] = [];
  const values = new Map(table.sections.flatMap((s) => s.results.map((r) => [r.row.code, r.value] as const)));
  for (const s of table.sections) {
    const valueCol = 3 + s.section.columns.indexOf('value');
    for (const r of s.results) {
      const cell = address(valueCol, L.rowOf.get(r.row.code)!);
      const emit = (ruleId: string, severity: Severity, text: string) =>
        out.push({
          key: `${ruleId}|${sheet.id}|${r.row.code}|value`, ruleId, severity, sheetId: sheet.id, sheetTitle: sheet.title,
          row: { kind: 'stat', code: r.row.code }, colKey: 'value', cell,
          message: `${sheet.title} [${r.row.code} ${r.row.label}] (${cell})：${text}`,
        });
      const pre = `${submission}-${sheet.ruleCode}`;
      if (r.row.value.op === 'entered' && r.value !== null) {
        const allowed = r.row.value.values;
        if (allowed && !allowed.includes(String(r.value))) emit(`${pre}-ENUM`, 'error', `“${r.value}”不在可选值（${allowed.join('、')}）中`);
        if (!allowed && (typeof r.value !== 'number' || r.value < 0)) emit(`${pre}-TYPE`, 'error', `应为非负数，现为“${r.value}”`);
      }
      const cap = r.row.notAbove;
      const other = cap ? values.get(cap.code) : undefined;
      if (cap && typeof r.value === 'number' && typeof other === 'number' && r.value > other)
        emit(cap.id, 'error', `${cap.message}（${r.value} > ${other}）`);
      const floor = r.row.notBelow;
      const min = floor ? values.get(floor.code) : undefined;
      if (floor && typeof r.value === 'number' && typeof min === 'number' && r.value < min)
        emit(floor.id, 'warning', `${floor.message}（${r.value} < ${min}）`);
      const nb = r.row.notBlank;
      if (nb && r.row.value.op === 'entered' && r.value === null && r.needed)
        emit(nb.id, nb.severity ?? 'error', `${nb.message}（空白在国家客户端按 0 上报；确为 0 请填 0）`);
      if (r.row.warnIfMissed && r.met === false)
        emit(r.row.warnIfMissed.id, 'warning', `${r.row.warnIfMissed.message}（本校值 ${r.value}，目标 ${r.target}）`);
    }
  }
  return out;
}
