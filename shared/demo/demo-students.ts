// Entered cells of the demo's 初中/普通高中 student tables (教基3115, 3118), the 幼儿园 table and
// 残疾学生情况, derived from the class lists so that every 逻辑校验 passes:
// 毕业生数 = last year's final grade, 招生数 = this year's first grade, and 随班就读 in
// 残疾学生情况 = the class list's 残疾学生(随班就读).
import type { Pack, StatSheet } from '../pack/schema';
import type { PeriodData, SheetEntry } from '../model/data';
import { findSubmission, sheetsFor } from '../pack/applicability';
import { cellKey, resolveCell } from '../pack/stat-cells';
import { computeStatTable, listRows, tableValue, type StatTable } from '../compute/stat-table';
import { toNumber } from '../compute/conditions';

type Cells = Record<string, number>;

function isEntered(sheet: StatSheet, code: string, key: string): boolean {
  const row = sheet.rows.find((r) => r.code === code);
  const col = sheet.columns.find((c) => c.key === key);
  return !!row && !!col && resolveCell(sheet, row, col).kind === 'entered';
}

const value = (t: StatTable | undefined, code: string, key: string) => (t ? (tableValue(t, code, key) ?? 0) : 0);

/** 教基3115 / 3118: like the demo's 3112, without the 学前教育年限 columns. */
function gradeTable(sheet: StatSheet, now: StatTable, before?: StatTable): Cells {
  const cells: Cells = {};
  const set = (code: string, key: string, v: number) => {
    if (isEntered(sheet, code, key)) cells[cellKey(code, key)] = v;
  };
  const grades = sheet.columns.filter((c) => /^g\d+$/.test(c.key)).map((c) => c.key);
  const last = grades[grades.length - 1]!;
  for (const row of sheet.rows) {
    // without last year's list, 毕业生数 is this year's final grade less a few who repeat or leave
    set(row.code, 'graduates', before ? value(before, row.code, last) : Math.round(value(now, row.code, last) * 0.97));
    set(row.code, 'enrol', value(now, row.code, grades[0]!));
    // girls within each group: a fixed share, so that the sub-rows stay ≤ their totals
    set(row.code, 'female', Math.floor(value(now, row.code, 'total') * 0.47));
  }
  // rows that are sums of sub-rows get the sums, so 06 = 07 + 08 and 09 = 10 + 11 hold exactly
  for (const [sum, parts] of [['06', ['07', '08']], ['09', ['10', '11']]] as const)
    for (const key of ['graduates', 'enrol', 'female'])
      if (isEntered(sheet, sum, key)) cells[cellKey(sum, key)] = parts.reduce((s, p) => s + (cells[cellKey(p, key)] ?? 0), 0);
  return cells;
}

/** 幼儿园班数和幼儿数 rows 06 入园 and 07 离园, per 年级 column; 合计 = Σ of the 年级. */
function kindergarten(sheet: StatSheet, now: StatTable, before?: StatTable): Cells {
  const cells: Cells = {};
  const grades = sheet.columns.filter((c) => c.key !== 'total').map((c) => c.key); // 托班 小班 中班 大班
  const share: Record<string, [number, number]> = { g1: [1, 0.02], g2: [0.85, 0.02], g3: [0.04, 0.02], g4: [0.02, 0] };
  for (const code of ['06', '07']) {
    let total = 0;
    for (const key of grades) {
      const inNow = value(now, '02', key);
      const [admit, leave] = share[key] ?? [0, 0];
      // 大班 children leave when they go on to 小学: last year's 大班 (or this year's, without last year)
      const v = code === '06' ? Math.round(inNow * admit)
        : key === 'g4' ? (before ? value(before, '02', key) : Math.round(inNow * 0.97)) : Math.round(inNow * leave);
      cells[cellKey(code, key)] = v;
      total += v;
    }
    cells[cellKey(code, 'total')] = total;
  }
  return cells;
}

// how the demo's disabled pupils spread over the 残疾类别 rows (02 视力 … 08 多重), cycled
const IN_CLASS_PATTERN = ['06', '05', '06', '03', '04', '06', '05', '02', '08', '07'];
const HOME_PATTERN = ['08', '05', '06'];

/** 残疾学生情况: 随班就读 = the class list's 残疾学生(随班就读); a 特教 school's pupils are in 特教班. */
function disabled(sheet: StatSheet, data: PeriodData, type: string): Cells {
  const classes = listRows(data, 'classList').filter((r) => r.stage !== '学前');
  const sum = (field: string) => classes.reduce((s, r) => s + (toNumber(r[field]) ?? 0), 0);
  const special = type === '特殊教育学校';
  const counts: Record<string, number> = {
    inClass: sum('disabled'),
    specialClass: special ? sum('students') - sum('disabled') : 0,
    homeTeaching: special ? 6 : classes.some((r) => r.stage === '小学') ? 2 : 0,
  };
  const categories = sheet.rows.filter((r) => r.code !== '01').map((r) => r.code);
  const byRow: Record<string, Record<string, number>> = Object.fromEntries(categories.map((c) => [c, {}]));
  for (const [col, n] of Object.entries(counts)) {
    const pattern = col === 'homeTeaching' ? HOME_PATTERN : IN_CLASS_PATTERN;
    for (const c of categories) byRow[c]![col] = 0;
    for (let i = 0; i < n; i++) byRow[pattern[i % pattern.length]!]![col]! += 1;
  }
  const cells: Cells = {};
  for (const c of categories) {
    const r = byRow[c]!;
    r.total = r.inClass! + r.specialClass! + r.homeTeaching!;
    r.female = Math.floor(r.total * 0.4);
    for (const [col, v] of Object.entries(r)) cells[cellKey(c, col)] = v;
  }
  // 总计 = Σ of the categories, column by column
  for (const col of sheet.columns.map((c) => c.key))
    cells[cellKey('01', col)] = categories.reduce((s, c) => s + (cells[cellKey(c, col)] ?? 0), 0);
  return cells;
}

export function demoStudentCells(pack: Pack, type: string, data: PeriodData, previous?: PeriodData): Record<string, SheetEntry> {
  const out: Record<string, SheetEntry> = {};
  const sub = findSubmission(pack, data.submission);
  if (!sub) return out;
  for (const sheet of sheetsFor(pack, sub, type)) {
    if (sheet.kind !== 'stat') continue;
    const now = () => computeStatTable(sheet, data);
    const before = () => (previous ? computeStatTable(sheet, previous) : undefined);
    if (sheet.id === 'jj3115' || sheet.id === 'jj3118') out[sheet.id] = { cells: gradeTable(sheet, now(), before()) };
    if (sheet.id === 'kgClasses') out[sheet.id] = { cells: kindergarten(sheet, now(), before()) };
    if (sheet.id === 'disabledStudents') out[sheet.id] = { cells: disabled(sheet, data, type) };
  }
  return out;
}
