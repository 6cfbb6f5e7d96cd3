// A per-record file (the 学籍系统's one row per pupil) counted into a ledger of groups (班级名册:
// one row per class). Recognised by its header (rules as data: the ledger's `recordImport`),
// every record placed by its 年级 and 班级 and counted into the columns its values test into.
// A record that cannot be placed or read is a problem naming its sheet row and column — never
// dropped unnoticed. Personal cells (姓名, 身份证件号, 出生日期) are read only to recognise the file;
// nothing of a record leaves this function but the counts.
import type { LedgerSheet, Pack } from '../pack/schema';
import type { RecordImport } from '../pack/schema-record-import';
import type { CellValue } from '../model/data';
import { columnLetter } from '../xlsx/addresses';
import { findSubmission } from '../pack/applicability';
import { cellText, validateRows, type ConversionResult, type ConvertedRow, type RowProblem, type ValidationTarget } from './convert';
import type { DecodedBook, RawCell } from './decode';
import { detectHeader, type ColumnMapping } from './header';
import { className, gradeFromGroup, homeProvince, matchGrade, norm, passes, type RecordCells, type TestEnv, type Unreadable } from './record-rules';
import { describeRules, type RuleLine } from './record-describe';

export type { RuleLine };

export interface RecordListGuess {
  sheetIndex: number;
  headerRow: number;
  /** field key → 0-based source column */
  fields: ColumnMapping;
}

export interface RecordListResult extends ConversionResult {
  /** records counted (pupils) and groups made (classes) */
  summary: { records: number; groups: number; uncounted: number };
  guess: RecordListGuess;
  /** how each count was made, for the preview */
  rules: RuleLine[];
  /** each grade wording of the file and what it was read as */
  grades: { text: string; stage?: string; grade?: string; records: number }[];
}

const TEXT = { key: 'x', label: 'x', type: 'text' as const };
const asText = (v: RawCell | undefined) => cellText(TEXT, v ?? null);

/** The record fields as the header matcher's columns. */
function fieldColumns(rules: RecordImport) {
  return rules.fields.map((f) => ({ key: f.key, label: f.label, aliases: f.aliases, type: 'text' as const }));
}

function recognised(rules: RecordImport, mapping: ColumnMapping): boolean {
  return rules.recognise.all.every((k) => mapping[k] !== undefined) && rules.recognise.any.some((k) => mapping[k] !== undefined);
}

/** The sheet and header row of a per-record file, or undefined when no sheet looks like one. */
export function detectRecordList(sheet: LedgerSheet, book: DecodedBook): RecordListGuess | undefined {
  const rules = sheet.recordImport;
  if (!rules) return undefined;
  const cols = fieldColumns(rules);
  let best: (RecordListGuess & { score: number }) | undefined;
  book.sheets.forEach((s, sheetIndex) => {
    const g = detectHeader(cols, s);
    if (g.headerRow === undefined || !recognised(rules, g.mapping)) return;
    if (!best || g.score > best.score) best = { sheetIndex, headerRow: g.headerRow, fields: g.mapping, score: g.score };
  });
  if (!best) return undefined;
  const { score: _score, ...guess } = best;
  return guess;
}

interface Group {
  key: string;
  sourceRow: number;
  values: Record<string, CellValue>;
  problems: Omit<RowProblem, 'index'>[];
}

function startYear(target: ValidationTarget): number | undefined {
  const y = /^(\d{4})/.exec(target.period);
  return findSubmission(target.pack, target.submission)?.periodKind === 'schoolYear' && y ? Number(y[1]) : undefined;
}

function schoolStages(pack: Pack, schoolType: string) {
  const ids = pack.schoolTypes.find((t) => t.id === schoolType)?.stages ?? pack.stages.map((s) => s.id);
  return pack.stages.filter((s) => ids.includes(s.id));
}

/** Counts the records under the guessed header into groups and validates the groups as ledger rows. */
export function countRecords(sheet: LedgerSheet, book: DecodedBook, guess: RecordListGuess, target: ValidationTarget): RecordListResult {
  const rules = sheet.recordImport!;
  const source = book.sheets[guess.sheetIndex]!.rows;
  const header = source[guess.headerRow] ?? [];
  const present = new Set(Object.keys(guess.fields));
  const at = (field: string) => {
    const c = guess.fields[field];
    return c === undefined ? {} : { sourceCol: columnLetter(c + 1), header: asText(header[c]).trim() || undefined };
  };
  const label = (field: string) => rules.fields.find((f) => f.key === field)?.label ?? field;
  const records: { row: number; cells: RecordCells }[] = [];
  let blankRows = 0;
  for (let r = guess.headerRow + 1; r < source.length; r++) {
    const line = source[r] ?? [];
    const cells: RecordCells = {};
    for (const [k, c] of Object.entries(guess.fields)) cells[k] = norm(asText(line[c]));
    if (Object.values(cells).every((v) => v === '')) {
      blankRows++;
      continue;
    }
    records.push({ row: r + 1, cells });
  }
  const env0 = { rules, present, home: rules.origin?.hukouField ? homeProvince(records.map((x) => x.cells[rules.origin!.hukouField!] ?? '')) : undefined };
  const stages = schoolStages(target.pack, target.school.type);
  const year = startYear(target);
  const groups = new Map<string, Group>();
  const loose: Omit<RowProblem, 'index'>[] = [];
  const grades = new Map<string, RecordListResult['grades'][number]>();
  let counted = 0;
  for (const rec of records) {
    const stageText = rules.stageField ? (rec.cells[rules.stageField] ?? '') : '';
    // no 年级 column: the 班级 cell names it (三年级2班)
    const gradeText = present.has(rules.gradeField) ? (rec.cells[rules.gradeField] ?? '') : gradeFromGroup(rules, stages, rec.cells[rules.groupField] ?? '');
    const g = matchGrade(rules, stages, gradeText, stageText, year);
    const gi = grades.get(gradeText) ?? { text: gradeText, stage: g?.stage, grade: g?.grade, records: 0 };
    gi.records++;
    grades.set(gradeText, gi);
    const groupText = rec.cells[rules.groupField] ?? '';
    const problem = (field: string, colKey: string, message: string) => ({ sourceRow: rec.row, ...at(field), colKey, severity: 'error' as const, message });
    if (!g || !groupText) {
      loose.push(
        !g
          ? !present.has(rules.gradeField)
            ? problem(rules.groupField, rules.gradeColumn, `${label(rules.groupField)}“${groupText}”看不出是本校（${stages.map((s) => s.id).join('、')}）哪个年级，此学生未统计`)
            : problem(rules.gradeField, rules.gradeColumn, gradeText ? `年级“${gradeText}”不是本校学段（${stages.map((s) => s.id).join('、')}）的年级，此学生未统计` : `${label(rules.gradeField)}为空，此学生未统计`)
          : problem(rules.groupField, rules.groupColumn, `${label(rules.groupField)}为空，此学生未统计`),
      );
      continue;
    }
    const words = rules.grades.find((x) => x.stage === g.stage && x.grade === g.grade)?.words ?? [];
    const name = className(rules, g.stage, gradeText, groupText, words);
    const key = `${g.stage}|${g.grade}|${norm(name)}`;
    let group = groups.get(key);
    if (!group) {
      const values: Record<string, CellValue> = { [rules.stageColumn]: g.stage, [rules.gradeColumn]: g.grade, [rules.groupColumn]: name, [rules.totalColumn]: 0 };
      for (const c of rules.counts) values[c.column] = 0;
      group = { key, sourceRow: rec.row, values, problems: [] };
      groups.set(key, group);
    }
    counted++;
    group.values[rules.totalColumn] = (group.values[rules.totalColumn] as number) + 1;
    const seen = new Set<string>();
    const unreadable = (u: Unreadable) => {
      if (seen.has(u.field)) return;
      seen.add(u.field);
      group!.problems.push(problem(u.field, rules.totalColumn, `${label(u.field)}${u.text ? `“${u.text}”` : ''}${u.why}`));
    };
    for (const f of rules.fields) {
      if (!present.has(f.key)) continue;
      const v = rec.cells[f.key] ?? '';
      if (f.required && v === '') unreadable({ field: f.key, text: '', why: '为空，无法统计' });
      else if (v !== '' && f.values && !f.values.some((w) => norm(w) === v)) unreadable({ field: f.key, text: v, why: `不是可识别的值（${f.values.join('、')}）` });
    }
    const env: TestEnv = { ...env0, unreadable };
    for (const c of rules.counts) if (passes(env, c.test, rec.cells)) group.values[c.column] = (group.values[c.column] as number) + 1;
  }
  // in the order the class list is read: 学段, 年级, then class number (the file's order is by 学籍号)
  const rank = (v: Record<string, CellValue>) => {
    const si = target.pack.stages.findIndex((x) => x.id === v[rules.stageColumn]);
    return si * 100 + (target.pack.stages[si]?.grades.indexOf(String(v[rules.gradeColumn])) ?? 0);
  };
  const list = [...groups.values()].sort(
    (a, b) => rank(a.values) - rank(b.values) || String(a.values[rules.groupColumn]).localeCompare(String(b.values[rules.groupColumn]), 'zh', { numeric: true }),
  );
  const rows: ConvertedRow[] = list.map((g) => ({ sourceRow: g.sourceRow, values: g.values }));
  const problems: RowProblem[] = [];
  list.forEach((g, index) => problems.push(...g.problems.map((p) => ({ ...p, index }))));
  for (const p of validateRows(sheet, rows.map((r) => r.values), target))
    problems.push({ ...p, sourceRow: rows[p.index]!.sourceRow, message: `统计出的「${list[p.index]!.values[rules.groupColumn]}」${p.message}` });
  problems.push(...loose.map((p) => ({ ...p, index: -1 })));
  problems.sort((a, b) => a.sourceRow - b.sourceRow);
  const invalid = new Set(problems.filter((p) => p.severity === 'error' && p.index >= 0).map((p) => p.index));
  return {
    rows, problems, invalid, blankRows,
    summary: { records: records.length, groups: rows.length, uncounted: records.length - counted },
    guess,
    rules: describeRules(sheet, guess.fields, header),
    grades: [...grades.values()],
  };
}

/**
 * THE entry (dialog and CLI): a decoded file counted into the ledger's rows when it is a
 * per-record list for this ledger; undefined when the ledger has no such rules or the file is
 * not one (a per-class file is imported row by row).
 */
export function importRecordList(sheet: LedgerSheet, book: DecodedBook, target: ValidationTarget): RecordListResult | undefined {
  const guess = detectRecordList(sheet, book);
  return guess ? countRecords(sheet, book, guess, target) : undefined;
}
