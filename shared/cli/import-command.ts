// `xiaobiao import`: the app's 从 Excel 导入 from the command line. The file is decoded, its
// worksheet, header and columns found, its values converted (synonyms, then the --map 对应) and
// checked exactly as the dialog does (shared/import), then the rows are appended to or replace the
// list and a new data file is written atomically. Unlike the dialog, which shows the problems and
// lets the user import only the good rows, the command refuses the whole import when any row has an
// error (exit 2, each problem named by file, worksheet, row and column), unless --skip-bad-rows
// says to import the good ones: a script must not lose rows without being told.
import { randomUUID } from 'node:crypto';
import { basename, resolve } from 'node:path';
import { emptyPeriod, schoolDataSchema, type CellValue, type LedgerRow, type SchoolData } from '../model/data';
import type { LedgerSheet, Pack, Submission } from '../pack/schema';
import { sheetApplies, submissionsFor } from '../pack/applicability';
import { newRowDefaults } from '../pack/row-defaults';
import { isValidPeriod } from '../model/period';
import { decodeSpreadsheet } from '../import/decode';
import { describeProblem, type ConversionResult, type ValidationTarget } from '../import/convert';
import { planImport, PlanError, recordList } from '../import/import-plan';
import { keepTyped } from '../import/class-diff';
import { readValueMap, ValueMapError, type ValueChoice, type ValueMap } from '../import/value-map';
import { HEADER_SCAN_ROWS } from '../import/header';
import { JsonLimitError, parseUntrustedJsonBytes } from '../model/json-limits';
import { writeOut } from './write-out';
import { flag, UsageError, type Args } from './args';
import { InputError, readInput, readSchoolData, type Io } from './commands';
import { seedPacks } from './seeds';

/** How many problem lines are printed before “另有 N 条”. */
const MAX_LINES = 50;

function schoolAndPack(file: string): { data: SchoolData; pack: Pack } {
  const data = readSchoolData(file);
  const pack = seedPacks().get(data.school.packId);
  if (!pack) throw new InputError(`文件「${file}」：学校使用的报表包“${data.school.packId}”未安装`);
  if (!pack.schoolTypes.some((t) => t.id === data.school.type))
    throw new InputError(`文件「${file}」 school.type：办学类型“${data.school.type}”不在报表包 ${pack.id} 中`);
  return { data, pack };
}

/** The list named by --sheet and the submission it belongs to (a part of a 从业人员健康管理 counts as its group's). */
function findList(pack: Pack, schoolType: string, id: string, code: string | undefined): { sheet: LedgerSheet; submission: Submission } {
  const lists = Object.values(pack.sheets).filter((s): s is LedgerSheet => s.kind === 'ledger' && !s.fixedRows);
  const sheet = pack.sheets[id];
  if (sheet?.kind === 'ledgerGroup') throw new UsageError(`「${sheet.title}」由几张名单组成，请用 --sheet 指定其中一张：${sheet.parts.map((p) => `${p.id}（${p.title}）`).join('、')}`);
  if (sheet?.kind === 'ledger' && sheet.fixedRows) throw new UsageError(`「${sheet.title}」的行由报表包固定，不能导入，请在应用中逐项填写`);
  if (sheet?.kind !== 'ledger') throw new UsageError(`报表包 ${pack.id} 没有可导入的名单“${id}”，可选：${lists.map((s) => `${s.id}（${s.title}）`).join('、')}`);
  if (!sheetApplies(pack, sheet, schoolType)) throw new UsageError(`${schoolType}不填报「${sheet.title}」`);
  const holds = (sub: Submission) => sub.sheets.some((s) => s === id || (pack.sheets[s]?.kind === 'ledgerGroup' && (pack.sheets[s] as { parts: { id: string }[] }).parts.some((p) => p.id === id)));
  const subs = submissionsFor(pack, schoolType).filter(holds).filter((s) => code === undefined || s.code === code);
  if (!subs.length) throw new UsageError(code ? `报表 ${code} 不含「${sheet.title}」` : `${schoolType}要报的报表都不含「${sheet.title}」`);
  if (subs.length > 1) throw new UsageError(`「${sheet.title}」属于几个报表（${subs.map((s) => s.code).join('、')}），请用 --submission 指定`);
  return { sheet, submission: subs[0]! };
}

function readMap(path: string, sheet: LedgerSheet, target: ValidationTarget): ValueMap {
  try {
    return readValueMap(parseUntrustedJsonBytes(path, readInput(path)), sheet, target, path);
  } catch (e) {
    if (e instanceof JsonLimitError || e instanceof ValueMapError) throw new InputError(e.message);
    throw e;
  }
}

/** The values no synonym or --map entry covers, with how to give them in --map. */
function unknownLines(file: string, sheet: LedgerSheet, unknown: readonly ValueChoice[]): string[] {
  const lines = unknown.map((u) => `  「${u.label}」“${u.value}” ×${u.count}：不在可选值（${u.allowed.join('、')}）中`);
  const example: Record<string, Record<string, string>> = {};
  for (const u of unknown) (example[u.label] ??= {})[u.value] = `<${u.allowed.slice(0, 3).join('/')}…之一>`;
  return [
    `文件「${file}」中「${sheet.title}」有 ${unknown.length} 种写法不是本表的可选值，每种只需说一次它对应哪个值：`,
    ...lines,
    `请写一个对应文件（JSON，列名或列代码 → 文件中的写法 → 本表的可选值）并用 --map 给出，例如：`,
    `  ${JSON.stringify(example)}`,
  ];
}

function problemLines(file: string, worksheet: string, result: ConversionResult, severity: 'error' | 'warning'): string[] {
  const all = result.problems.filter((p) => p.severity === severity).map((p) => `  文件「${file}」${describeProblem(worksheet, p)}`);
  return all.length > MAX_LINES ? [...all.slice(0, MAX_LINES), `  ……另有 ${all.length - MAX_LINES} 条`] : all;
}

/** The data file with the rows appended to (or replacing) the list of the period; pure. */
export function withImportedRows(
  data: SchoolData,
  ref: { submission: string; period: string; sheetId: string },
  rows: readonly Record<string, CellValue>[],
  mode: 'append' | 'replace',
  defaults: Record<string, CellValue> = {},
  newId: () => string = randomUUID,
): { data: SchoolData; removed: number } {
  const periods = data.periods.map((p) => ({ ...p, sheets: { ...p.sheets } }));
  let period = periods.find((p) => p.submission === ref.submission && p.period === ref.period);
  if (!period) periods.push((period = emptyPeriod(ref.submission, ref.period)));
  const old = period.sheets[ref.sheetId]?.rows ?? [];
  // as importRows in the app: a value the file gives wins over a default, an empty one is not stored
  const added: LedgerRow[] = rows.map((values) => {
    const row: LedgerRow = { id: newId() };
    for (const [k, v] of Object.entries({ ...defaults, ...values })) if (v !== null && v !== '') row[k] = v;
    return row;
  });
  period.sheets[ref.sheetId] = { ...period.sheets[ref.sheetId], rows: mode === 'replace' ? added : [...old, ...added] };
  return { data: { ...data, periods }, removed: mode === 'replace' ? old.length : 0 };
}

export async function importCmd(args: Args, io: Io): Promise<number> {
  const file = args.positional[0];
  if (!file) throw new UsageError('请给出要导入的文件（.xlsx、.xls、.csv、.txt）');
  const dataPath = flag(args, 'data');
  const period = flag(args, 'period');
  const sheetId = flag(args, 'sheet');
  const out = resolve(flag(args, 'out'));
  const given = typeof args.flags.get('mode') === 'string' ? flag(args, 'mode') : undefined;
  if (given !== undefined && given !== 'append' && given !== 'replace') throw new UsageError(`--mode 只能是 append（追加）或 replace（替换），现为“${given}”`);
  const code = typeof args.flags.get('submission') === 'string' ? flag(args, 'submission') : undefined;
  const headerText = typeof args.flags.get('header-row') === 'string' ? flag(args, 'header-row') : undefined;
  const headerRow = headerText === undefined ? undefined : Number(headerText) - 1;
  if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow >= 0)) throw new UsageError(`--header-row 应为表头所在的行号（从 1 起），现为“${headerText}”`);

  const { data, pack } = schoolAndPack(dataPath);
  const { sheet, submission } = findList(pack, data.school.type, sheetId, code);
  if (!isValidPeriod(submission.periodKind, period))
    throw new UsageError(`期间“${period}”格式不对，${submission.periodKind === 'schoolYear' ? '学年如 2025-2026' : '月份如 2025-10'}`);
  const existing = data.periods.find((p) => p.submission === submission.code && p.period === period);
  if (existing?.status === '已审核')
    throw new InputError(`文件「${dataPath}」中 ${submission.code} ${period} 已审核通过（第 ${existing.version} 版），如需修改请先在应用中“取消审核”`);
  const target: ValidationTarget = { pack, school: data.school, submission: submission.code, period };
  const valueMap = typeof args.flags.get('map') === 'string' ? readMap(flag(args, 'map'), sheet, target) : {};

  const name = basename(file);
  const book = decodeSpreadsheet(name, readInput(file));
  let plan;
  try {
    const worksheet = typeof args.flags.get('worksheet') === 'string' ? flag(args, 'worksheet') : undefined;
    plan = planImport(sheet, book, target, { worksheet, headerRow, valueMap });
  } catch (e) {
    if (e instanceof PlanError) throw new InputError(e.message);
    throw e;
  }
  const worksheet = book.sheets[plan.sheetIndex]!.name;
  const result = plan.result;
  // a pupil list stands for the whole class list (next term's list replaces this term's), as in the app
  const mode: 'append' | 'replace' = (given as 'append' | 'replace' | undefined) ?? (plan.converter === recordList.name ? 'replace' : 'append');
  if (plan.description) io.err(`文件「${name}」工作表「${worksheet}」：${plan.description}`);
  if (!result)
    throw new InputError(`文件「${name}」工作表「${worksheet}」：没有找到表头——前 ${HEADER_SCAN_ROWS} 行里没有一行写着「${sheet.title}」的列名（${sheet.columns.slice(0, 6).map((c) => c.label).join('、')}…）；可用 --header-row 指定表头所在行`);
  if (!result.rows.length) throw new InputError(`文件「${name}」工作表「${worksheet}」表头下没有数据行`);

  const unknown = (result.valueChoices ?? []).filter((c) => c.to === undefined);
  // a row whose only fault is a value listed among the unknown ones is not listed again, row by row
  const listed = new Set(unknown.map((u) => `${u.colKey}\u0000${u.value}`));
  const rowErrors = { ...result, problems: result.problems.filter((p) => !listed.has(`${p.colKey}\u0000${String(result.rows[p.index]?.values[p.colKey])}`)) };
  const errors = problemLines(name, worksheet, rowErrors, 'error');
  const skip = args.flags.get('skip-bad-rows') === true;
  if (result.invalid.size && !skip) {
    io.err(`错误：文件「${name}」工作表「${worksheet}」有 ${result.invalid.size} 行有错误，没有导入任何行（改正后再导入，或加 --skip-bad-rows 只导入正确的 ${result.rows.length - result.invalid.size} 行）`);
    for (const l of unknown.length ? unknownLines(name, sheet, unknown) : []) io.err(l);
    if (errors.length && unknown.length) io.err('其他错误：');
    for (const l of errors) io.err(l);
    return 2;
  }
  if (unknown.length) for (const l of unknownLines(name, sheet, unknown)) io.err(`提示：${l.trim()}`);
  let good = result.rows.filter((_, i) => !result.invalid.has(i)).map((r) => r.values);
  // counted classes replacing last term's keep what only a person types (班主任, 复式班, 备注), as in the app
  if (plan.converter === recordList.name && mode === 'replace')
    good = keepTyped(sheet, (existing?.sheets[sheet.id]?.rows ?? []).map(({ id: _id, ...v }) => v), good);
  if (!good.length) {
    io.err(`错误：文件「${name}」工作表「${worksheet}」没有一行没有错误，没有导入任何行`);
    return 2;
  }
  for (const l of problemLines(name, worksheet, result, 'warning')) io.err(`提示：${l.trim()}`);

  const ref = { submission: submission.code, period, sheetId: sheet.id };
  const next = withImportedRows(data, ref, good, mode, newRowDefaults(pack, data.school.type, sheet.columns));
  const checked = schoolDataSchema.safeParse({ ...next.data, savedAt: new Date().toISOString() });
  if (!checked.success) throw new InputError(`导入后的数据不符合数据文件格式（${checked.error.issues[0]!.path.join('.')}：${checked.error.issues[0]!.message}），没有写出文件`);
  await writeOut(io, out, JSON.stringify(checked.data, null, 2) + '\n');
  const skipped = skip && result.invalid.size ? `，跳过有错误的 ${result.invalid.size} 行` : '';
  io.err(`已从「${name}」工作表「${worksheet}」导入 ${good.length} 行到「${sheet.title}」（${submission.code} ${period}）${next.removed ? `，替换了原有 ${next.removed} 行` : ''}${skipped}`);
  io.out(out);
  return 0;
}
