// Row and column relations of a statistics sheet (表内审核), and comparisons with last period.
import type { StatCheck } from '../pack/schema';
import type { SchoolProfile } from '../model/school';
import { conditionContext, listRows, tableValue, type StatTable } from '../compute/stat-table';
import { aggregate, type CondContext } from '../compute/conditions';
import { periodKindOfText } from '../model/period';
import type { PeriodData } from '../model/data';
import { statCellAddress } from '../xlsx/addresses';
import type { Finding } from './types';

/** A cell's number for checking: blocked → undefined, empty entered cell → 0 (as the national client). */
function num(t: StatTable, code: string, col: string): number | undefined {
  const v = tableValue(t, code, col);
  return v === undefined ? undefined : (v ?? 0);
}

/** `data` is the period the table was computed from: listSum checks compare with its lists, under `cond`. */
export function checkStat(table: StatTable, school: SchoolProfile, previous?: StatTable, data?: PeriodData, cond?: CondContext): Finding[] {
  const sheet = table.sheet;
  const out: Finding[] = [];
  const label = (code: string) => sheet.rows.find((r) => r.code === code)?.label.trim() ?? code;
  const colLabel = (key: string) => sheet.columns.find((c) => c.key === key)?.label ?? key;
  const emit = (k: StatCheck, code: string, col: string, detail: string) => {
    const cell = statCellAddress(sheet, code, col);
    out.push({
      key: `${k.id}|${sheet.id}|${code}|${col}`, ruleId: k.id, severity: k.severity, sheetId: sheet.id,
      sheetTitle: sheet.title, row: { kind: 'stat', code }, colKey: col, cell,
      message: `${sheet.title} [${code} ${label(code)} × ${colLabel(col)}] (${cell})：${k.message}（${detail}）`,
    });
  };
  const cols = sheet.columns.map((c) => c.key);
  for (const k of sheet.checks ?? []) {
    switch (k.kind) {
      case 'rowsLte':
        for (const code of k.rows)
          for (const col of cols) {
            const a = num(table, code, col);
            const b = num(table, k.than, col);
            if (a !== undefined && b !== undefined && a > b) emit(k, code, col, `${a} > ${label(k.than)} ${b}`);
          }
        break;
      case 'rowSum':
        for (const col of cols) {
          const a = num(table, k.row, col);
          const parts = k.of.map((c) => num(table, c, col));
          if (a === undefined || parts.some((p) => p === undefined)) continue;
          const sum = parts.reduce((s: number, p) => s + p!, 0);
          if (a !== sum) emit(k, k.row, col, `${a} ≠ ${sum}`);
        }
        break;
      case 'colsLte':
        for (const row of sheet.rows)
          for (const col of k.cols) {
            const a = num(table, row.code, col);
            const b = num(table, row.code, k.than);
            if (a !== undefined && b !== undefined && a > b) emit(k, row.code, col, `${a} > ${colLabel(k.than)} ${b}`);
          }
        break;
      case 'colSumLte':
        for (const row of sheet.rows) {
          const a = num(table, row.code, k.than);
          const parts = k.cols.map((c) => num(table, row.code, c));
          if (a === undefined || parts.some((p) => p === undefined)) continue;
          const sum = parts.reduce((s: number, p) => s + p!, 0);
          if (sum > a) emit(k, row.code, k.than, `${k.cols.map(colLabel).join('+')} ${sum} > ${colLabel(k.than)} ${a}`);
        }
        break;
      case 'colSum':
        for (const row of sheet.rows) {
          const a = num(table, row.code, k.col);
          const parts = k.of.map((c) => num(table, row.code, c));
          if (a === undefined || parts.some((p) => p === undefined)) continue;
          const sum = parts.reduce((s: number, p) => s + p!, 0);
          if (a !== sum) emit(k, row.code, k.col, `${a} ≠ ${sum}`);
        }
        break;
      case 'cellMax': {
        const limit = k.bySchoolType?.[school.type] ?? k.value;
        const a = num(table, k.row, k.col);
        if (a !== undefined && a > limit) emit(k, k.row, k.col, `${a} > ${limit}`);
        break;
      }
      case 'prevChange': {
        const a = num(table, k.row, k.col);
        const b = previous ? num(previous, k.row, k.col) : undefined;
        if (a === undefined || !b) break;
        const pct = (Math.abs(a - b) / b) * 100;
        if (pct > k.percent) emit(k, k.row, k.col, `上期 ${b}，本期 ${a}，变化 ${pct.toFixed(1)}%`);
        break;
      }
      case 'notBlank': {
        // a blank entered cell is a 0 to the national client: once the table applies (`when`),
        // it must be typed, 0 included; computed and blocked cells are never blank
        const w = k.when ? num(table, k.when.row, k.when.col) : undefined;
        if (k.when && (w === undefined || w < k.when.min)) break;
        for (const code of k.rows)
          for (const col of k.cols)
            if (tableValue(table, code, col) === null)
              emit(k, code, col, k.when ? `${label(k.when.row)} ${colLabel(k.when.col)}为 ${w}；空白在国家客户端按 0 上报，确为 0 请填 0` : '空白在国家客户端按 0 上报，确为 0 请填 0');
        break;
      }
      case 'cellLte': {
        const a = num(table, k.row, k.col);
        const b = num(table, k.than.row, k.than.col);
        if (a !== undefined && b !== undefined && a > b) emit(k, k.row, k.col, `${a} > ${label(k.than.row)} ${colLabel(k.than.col)} ${b}`);
        break;
      }
      case 'cellNear': {
        // a blank is notBlank's finding, not a second one here
        const a = tableValue(table, k.row, k.col);
        const b = num(table, k.near.row, k.near.col);
        if (typeof a !== 'number' || b === undefined) break;
        const tolerance = Math.max(k.min ?? 0, (b * k.percent) / 100);
        const off = k.side === 'below' ? b - a : Math.abs(a - b);
        if (off > tolerance) emit(k, k.row, k.col, `${colLabel(k.col)} ${a}，${label(k.near.row)} ${colLabel(k.near.col)} ${b}，相差 ${Math.abs(a - b)}，超过 ${Number(tolerance.toFixed(1))}`);
        break;
      }
      case 'listSum': {
        const a = num(table, k.row, k.col);
        if (a === undefined || !data) break;
        const sum = aggregate(listRows(data, k.list), k.where ?? [], { agg: 'sum', fields: [k.field] }, cond ?? conditionContext(periodKindOfText(data.period), data.period));
        if (a !== sum) emit(k, k.row, k.col, `${a} ≠ 名册合计 ${sum}`);
        break;
      }
    }
  }
  return out;
}

