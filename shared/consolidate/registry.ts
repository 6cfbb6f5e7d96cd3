// The bureau's school registry (学校名册): read from the bureau's own xlsx/xls/csv (UTF-8 or GBK),
// validated whole — every problem named by file, sheet, row and column, and nothing returned
// while any remains — or grown one school at a time from a received file once the clerk confirms.
// The file is untrusted: it goes through shared/import/decode.ts (limits, then SheetJS; text
// decoded without SheetJS) and the header is found as a 名册's is (title rows, full-width
// brackets, “*必填”, other systems' words for each column).
import type { LedgerColumn, Pack } from '../pack/schema';
import { decodeSpreadsheet, type DecodedSheet, type RawCell } from '../import/decode';
import { chooseSheet } from '../import/header';
import { describeLocation, ReportReadError } from '../xlsx/read-errors';
import { address } from '../xlsx/addresses';
import type { FileProblem, Registry, RegistrySchool, Verdict } from './types';
import { csvText } from './csv';
import { cellWord, puhuiOf, REGISTRY_COLUMNS, REGISTRY_HEADERS, schoolTypeOf, sponsorOf, urbanRuralOf } from './registry-values';

export { REGISTRY_HEADERS } from './registry-values';

export type RegistryResult = { ok: true; schools: RegistrySchool[]; warnings: string[] } | { ok: false; problems: FileProblem[] };

/** More problems than this are summed up in one last line: the clerk fixes the file and tries again. */
const MAX_PROBLEMS = 200;
const KINDERGARTEN = '幼儿园';
// a bureau's list often ends with a 合计 line or a note under the table
const NOTE_ROW = /^(注|说明|备注|合计|总计|小计|填表|制表|审核|负责人)/;

const HEADER_COLUMNS: LedgerColumn[] = REGISTRY_COLUMNS.map((c) => ({ key: c.key, label: c.label, aliases: c.aliases, type: 'text' }));

function problemAt(file: string, sheet: string | undefined, row: number | undefined, col: number | undefined, message: string): FileProblem {
  const text = `${describeLocation({ file, sheet, row, col })}：${message}`;
  return { message: text, ...(sheet ? { sheet } : {}), ...(row && col ? { cell: address(col, row) } : {}) };
}

/** One data row → a school, or the problems of its cells (1-based row, columns as in the file). */
function readRow(pack: Pack, row: readonly RawCell[], mapping: Record<string, number>, at: (col: number | undefined, msg: string) => FileProblem) {
  const problems: FileProblem[] = [];
  const get = (key: string) => (mapping[key] === undefined ? '' : cellWord(row[mapping[key]!]));
  const col = (key: string) => (mapping[key] === undefined ? undefined : mapping[key]! + 1);
  const code = get('code');
  if (!/^\d{10}$/.test(code)) problems.push(at(col('code'), code ? `学校标识码“${code}”应为 10 位数字` : '学校标识码为空'));
  // kept as the bureau typed it (（东校区） stays full-width); verify.ts compares names width-blind
  const name = String(row[mapping.name!] ?? '').trim();
  if (name.length < 2 || name.length > 60) problems.push(at(col('name'), name ? `学校名称“${name}”应为 2–60 个字` : '学校名称为空'));
  const typeWord = get('type');
  const type = schoolTypeOf(pack, typeWord);
  if (!type) problems.push(at(col('type'), `办学类型“${typeWord}”不在报表包中，可选：${pack.schoolTypes.map((t) => t.id).join('、')}`));
  const sponsorWord = get('sponsor');
  const sponsor = sponsorOf(sponsorWord);
  if (!sponsor) problems.push(at(col('sponsor'), `举办者“${sponsorWord}”无法识别，应为 公办 或 民办`));
  const township = String(row[mapping.township!] ?? '').trim();
  if (!township || township.length > 40) problems.push(at(col('township'), township ? `所在乡镇（街道）“${township}”超过 40 个字` : '所在乡镇（街道）为空'));
  const urWord = get('urbanRural');
  const urbanRural = urbanRuralOf(urWord);
  if (!urbanRural) problems.push(at(col('urbanRural'), `城乡分类“${urWord}”无法识别，应为 城区、镇区 或 乡村（或统计用城乡划分代码 111–220）`));
  let puhui: boolean | undefined;
  if (type === KINDERGARTEN && mapping.puhui !== undefined) {
    const w = get('puhui');
    puhui = puhuiOf(w);
    if (puhui === undefined) problems.push(at(col('puhui'), `是否普惠性幼儿园“${w}”应为 是 或 否`));
  }
  if (problems.length) return { problems };
  const school: RegistrySchool = { code, name, type: type!, sponsor: sponsor!, township, urbanRural: urbanRural!, ...(puhui !== undefined ? { puhui } : {}) };
  return { school, problems };
}

function isBlank(row: readonly RawCell[] | undefined): boolean {
  return !row || row.every((c) => cellWord(c) === '');
}

function isNoteRow(row: readonly RawCell[]): boolean {
  const filled = row.map(cellWord).filter(Boolean);
  return filled.length <= 2 && NOTE_ROW.test(filled[0] ?? '');
}

/** Reads one decoded sheet whose header row is known. */
function readSheet(file: string, sheet: DecodedSheet | undefined, sheetLabel: string | undefined, headerRow: number, mapping: Record<string, number>, pack: Pack) {
  const problems: FileProblem[] = [];
  const schools: RegistrySchool[] = [];
  const firstRow = new Map<string, number>();
  const warnings: string[] = [];
  const rows = sheet?.rows ?? [];
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (isBlank(row) || isNoteRow(row)) continue;
    const row1 = r + 1;
    const res = readRow(pack, row, mapping, (col, msg) => problemAt(file, sheetLabel, row1, col, msg));
    problems.push(...res.problems);
    if (!res.school) continue;
    const before = firstRow.get(res.school.code);
    if (before !== undefined) {
      problems.push(problemAt(file, sheetLabel, row1, mapping.code! + 1, `学校标识码 ${res.school.code} 与第${before}行重复（同一所学校只能列一次）`));
      continue;
    }
    firstRow.set(res.school.code, row1);
    schools.push(res.school);
  }
  const names = new Map<string, string>();
  for (const s of schools) {
    const other = names.get(s.name);
    if (other) warnings.push(`学校名称“${s.name}”出现两次（${other}、${s.code}），请确认不是同一所学校`);
    names.set(s.name, s.code);
  }
  return { problems, schools, warnings };
}

/**
 * A registry file → its schools, validated against the pack's school types. On any problem,
 * nothing: `problems` names each (file, sheet, row, column) in Chinese.
 */
export function parseRegistry(bytes: Uint8Array, fileName: string, pack: Pack): RegistryResult {
  let book;
  try {
    book = decodeSpreadsheet(fileName, bytes);
  } catch (e) {
    if (e instanceof ReportReadError) return { ok: false, problems: [{ message: e.message, ...(e.at.sheet ? { sheet: e.at.sheet } : {}) }] };
    return { ok: false, problems: [{ message: `文件「${fileName}」：无法读取（${e instanceof Error ? e.message : String(e)}）` }] };
  }
  const { index, guess } = chooseSheet(HEADER_COLUMNS, book.sheets);
  const sheet = book.sheets[index];
  // a csv has no worksheet of its own: its name is the file's, which the message already says
  const sheetLabel = book.kind === 'csv' ? undefined : sheet?.name;
  const missing = REGISTRY_COLUMNS.filter((c) => c.required && guess.mapping[c.key] === undefined).map((c) => c.label);
  if (guess.headerRow === undefined || missing.length) {
    const where = guess.headerRow === undefined ? undefined : guess.headerRow + 1;
    const message = guess.headerRow === undefined
      ? `找不到表头：前 20 行中没有 ${REGISTRY_HEADERS.slice(0, 6).join('、')} 这些列名`
      : `表头缺少列：${missing.join('、')}（应有 ${REGISTRY_HEADERS.slice(0, 6).join('、')}，是否普惠性幼儿园可选）`;
    return { ok: false, problems: [problemAt(fileName, sheetLabel, where, undefined, message)] };
  }
  const res = readSheet(fileName, sheet, sheetLabel, guess.headerRow, guess.mapping, pack);
  if (res.problems.length) {
    const shown = res.problems.slice(0, MAX_PROBLEMS);
    if (res.problems.length > MAX_PROBLEMS) shown.push({ message: `文件「${fileName}」：另有 ${res.problems.length - MAX_PROBLEMS} 处问题未列出` });
    return { ok: false, problems: shown };
  }
  if (!res.schools.length) return { ok: false, problems: [problemAt(fileName, sheetLabel, guess.headerRow + 1, undefined, '表头下没有任何学校')] };
  const kindergartens = res.schools.filter((x) => x.type === KINDERGARTEN && x.puhui === undefined).length;
  if (kindergartens && guess.mapping.puhui === undefined)
    res.warnings.push(`名册没有“是否普惠性幼儿园”一列：${kindergartens} 所幼儿园按各园报表封面上的填写计算普惠性幼儿园覆盖率，封面也没有的不计为普惠`);
  return { ok: true, schools: res.schools, warnings: res.warnings };
}

/** Problems of a registry as held (after edits by hand or a merge): duplicates and unknown types. */
export function registryProblems(registry: Registry, pack: Pack): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const s of registry.schools) {
    if (seen.has(s.code)) out.push(`学校标识码 ${s.code} 在名册中出现不止一次`);
    seen.add(s.code);
    if (!pack.schoolTypes.some((t) => t.id === s.type)) out.push(`${s.name}（${s.code}）的办学类型“${s.type}”不在报表包 ${pack.id} 中`);
  }
  return out;
}

export function findRegistrySchool(registry: Registry | undefined, code: string | undefined): RegistrySchool | undefined {
  return code ? registry?.schools.find((s) => s.code === code) : undefined;
}

/**
 * The school a received file's 封面 describes, proposed for the registry; undefined when the file
 * could not be read that far. The clerk confirms it (addRegistrySchool) — never added silently.
 */
export function registryFromVerdict(verdict: Verdict): RegistrySchool | undefined {
  const s = verdict.school;
  if (!s) return undefined;
  return {
    code: s.code, name: s.name, type: s.type, sponsor: s.sponsor, township: s.township, urbanRural: s.urbanRural,
    ...(s.type === KINDERGARTEN && s.puhui !== undefined ? { puhui: s.puhui } : {}),
  };
}

/** The registry with one more school, or why not (its code is there already, its type not in the pack). */
export function addRegistrySchool(registry: Registry, school: RegistrySchool, pack: Pack): { ok: true; registry: Registry } | { ok: false; problem: string } {
  const held = findRegistrySchool(registry, school.code);
  if (held) return { ok: false, problem: `学校标识码 ${school.code} 已在名册中（${held.name}）` };
  if (!pack.schoolTypes.some((t) => t.id === school.type)) return { ok: false, problem: `办学类型“${school.type}”不在报表包 ${pack.id} 中` };
  return { ok: true, registry: { ...registry, schools: [...registry.schools, school] } };
}

/** The registry as a table with the set-up's headers (to write as csv or xlsx; re-read by parseRegistry). */
export function registryTable(schools: readonly RegistrySchool[]): string[][] {
  return [
    [...REGISTRY_HEADERS],
    ...schools.map((s) => [s.code, s.name, s.type, s.sponsor, s.township, s.urbanRural, s.type === KINDERGARTEN && s.puhui !== undefined ? (s.puhui ? '是' : '否') : '']),
  ];
}

/** The registry as a CSV (UTF-8 with BOM) the bureau can open in Excel/WPS and read back. */
export function registryCsv(schools: readonly RegistrySchool[]): string {
  return csvText(registryTable(schools), { guardFormulas: true });
}
