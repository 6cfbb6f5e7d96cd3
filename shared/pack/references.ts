// Cross-reference checks zod cannot express: every id a pack mentions must exist.
import type { Condition, LedgerSheet, Measure, Pack, StatSheet } from './schema';
import { resolveCell } from './stat-cells';
import { expandStatSheet } from './expand';
import { checkCopyPeriods, checkCopyRefs, checkRowRuleRefs } from './references-row-rules';
import { checkIndicator } from './indicator-references';
import { checkStaffColumnRefs, checkStaffStatRefs } from './references-staff';
import { checkSynonymRefs } from './references-synonyms';
import { checkGroupsMatchRefs } from './references-groups-match';
import { checkCompletenessLedgerRefs, checkCompletenessStatRefs } from './references-completeness';
import { checkGroupMembership, checkLedgerExtras, checkLedgerGroup } from './references-ledger-extras';
import { checkRecordImportRefs } from './references-record-import';
import { checkDistrictRefs } from './references-district';

function dupes(values: string[]): string[] {
  const seen = new Set<string>();
  const out = new Set<string>();
  for (const v of values) (seen.has(v) ? out : seen).add(v);
  return [...out];
}

function checkLedger(sheet: LedgerSheet, at: string, out: string[]): void {
  const keys = new Set(sheet.columns.map((c) => c.key));
  for (const d of dupes(sheet.columns.map((c) => c.key))) out.push(`${at}.columns: 列 "${d}" 重复`);
  sheet.columns.forEach((c, i) => {
    const cat = `${at}.columns[${i}]`;
    if (c.type === 'enum' && !c.values && !c.valuesFrom) out.push(`${cat}: 枚举列需要 values 或 valuesFrom`);
    if (c.type !== 'enum' && (c.values || c.valuesFrom)) out.push(`${cat}: 只有枚举列可以有 values`);
    if (c.valuesFrom === 'stageGrades' && !(c.stageField && keys.has(c.stageField)))
      out.push(`${cat}.stageField: 需要指向本表的学段列`);
    (c.checks ?? []).forEach((k, j) => {
      const kat = `${cat}.checks[${j}]`;
      if (k.kind === 'notGreaterThan' && !keys.has(k.field)) out.push(`${kat}.field: 本表没有列 "${k.field}"`);
      if (k.kind === 'hoursAfter') {
        if (!keys.has(k.fromDate)) out.push(`${kat}.fromDate: 本表没有列 "${k.fromDate}"`);
        if (!keys.has(k.fromTime)) out.push(`${kat}.fromTime: 本表没有列 "${k.fromTime}"`);
      }
      checkRowRuleRefs(k, keys, kat, out);
    });
  });
  (sheet.checks ?? []).forEach((k, j) => {
    if ('field' in k && !keys.has(k.field)) out.push(`${at}.checks[${j}].field: 本表没有列 "${k.field}"`);
  });
  checkCopyRefs(sheet, at, out);
  checkRecordImportRefs(sheet, at, out);
}

function checkFields(conds: Condition[] | undefined, m: Measure | undefined, fields: Set<string>, at: string, out: string[]) {
  for (const c of conds ?? []) if (!fields.has(c.field)) out.push(`${at}: 来源名册没有列 "${c.field}"`);
  if (m?.agg === 'sum') for (const f of m.fields) if (!fields.has(f)) out.push(`${at}: 来源名册没有列 "${f}"`);
}

/** `checkPaths[j]` is where check j of the (expanded) sheet stands in the file. */
function checkStat(sheet: StatSheet, at: string, pack: Pack, out: string[], checkPaths: string[] = []): void {
  const codes = new Set(sheet.rows.map((r) => r.code));
  const cols = new Set(sheet.columns.map((c) => c.key));
  for (const d of dupes(sheet.rows.map((r) => r.code))) out.push(`${at}.rows: 代码 "${d}" 重复`);
  for (const d of dupes(sheet.columns.map((c) => c.key))) out.push(`${at}.columns: 列 "${d}" 重复`);
  let fields = new Set<string>();
  if (sheet.source) {
    const src = pack.sheets[sheet.source.sheet];
    if (!src || src.kind !== 'ledger') out.push(`${at}.source.sheet: "${sheet.source.sheet}" 不是名册表`);
    else fields = new Set(src.columns.map((c) => c.key));
    checkFields(sheet.source.where, undefined, fields, `${at}.source.where`, out);
  }
  sheet.columns.forEach((c, i) => checkFields(c.where, c.measure, fields, `${at}.columns[${i}]`, out));
  sheet.rows.forEach((r, i) => checkFields(r.where, r.measure, fields, `${at}.rows[${i}]`, out));
  if (!sheet.rows.length) out.push(`${at}.rows: 表没有行`);
  (sheet.cells ?? []).forEach((o, i) => {
    for (const r of o.rows) if (!codes.has(r)) out.push(`${at}.cells[${i}].rows: 没有代码 "${r}"`);
    for (const c of o.cols) if (!cols.has(c)) out.push(`${at}.cells[${i}].cols: 没有列 "${c}"`);
    checkFields(undefined, o.measure, fields, `${at}.cells[${i}]`, out);
  });
  for (const row of sheet.rows)
    for (const col of sheet.columns) {
      const cell = resolveCell(sheet, row, col);
      if (cell.kind !== 'computed') continue;
      if (!sheet.source) out.push(`${at}: 行 ${row.code} 列 ${col.key} 是计算格，但表没有 source`);
      else if (!cell.measure) out.push(`${at}: 行 ${row.code} 列 ${col.key} 是计算格，但没有 measure`);
    }
  (sheet.checks ?? []).forEach((k, j) => {
    const kat = checkPaths[j] ?? `${at}.checks[${j}]`;
    const rowRefs = k.kind === 'rowsLte' ? [...k.rows, k.than] : k.kind === 'rowSum' ? [k.row, ...k.of]
      : k.kind === 'cellMax' || k.kind === 'prevChange' || k.kind === 'listSum' ? [k.row] : [];
    const colRefs = k.kind === 'colsLte' ? [...k.cols, k.than] : k.kind === 'colSum' ? [k.col, ...k.of]
      : k.kind === 'cellMax' || k.kind === 'prevChange' || k.kind === 'listSum' ? [k.col] : [];
    for (const r of rowRefs) if (!codes.has(r)) out.push(`${kat}: 没有代码 "${r}"`);
    for (const c of colRefs) if (!cols.has(c)) out.push(`${kat}: 没有列 "${c}"`);
    checkStaffStatRefs(k, codes, cols, pack, kat, out);
    checkCompletenessStatRefs(k, codes, cols, kat, out);
    if (k.kind === 'listSum') {
      const list = pack.sheets[k.list];
      if (list?.kind !== 'ledger') out.push(`${kat}.list: "${k.list}" 不是名册表`);
      else checkFields(k.where, { agg: 'sum', fields: [k.field] }, new Set(list.columns.map((c) => c.key)), kat, out);
    }
  });
}

export function checkPackReferences(pack: Pack): string[] {
  const out: string[] = [];
  const stageIds = new Set(pack.stages.map((s) => s.id));
  const typeIds = new Set(pack.schoolTypes.map((t) => t.id));
  pack.schoolTypes.forEach((t, i) => {
    for (const s of t.stages) if (!stageIds.has(s)) out.push(`schoolTypes[${i}].stages: 没有学段 "${s}"`);
  });
  for (const d of dupes(pack.submissions.map((s) => s.code))) out.push(`submissions: 报表代号 "${d}" 重复`);
  // forms name a target by id, so an id must mean one target
  for (const d of dupes(pack.targets.map((t) => t.id))) out.push(`targets: 目标 "${d}" 重复`);
  checkDistrictRefs(pack, out);
  pack.submissions.forEach((sub, i) => {
    const at = `submissions[${i}]`;
    for (const t of sub.schoolTypes ?? []) if (!typeIds.has(t)) out.push(`${at}.schoolTypes: 没有办学类型 "${t}"`);
    for (const d of dupes(sub.sheets)) out.push(`${at}.sheets: 表 "${d}" 重复`);
    sub.sheets.forEach((id, j) => {
      if (!pack.sheets[id]) out.push(`${at}.sheets[${j}]: 找不到表 "${id}"`);
    });
    if (pack.sheets[sub.sheets[0]!]?.kind !== 'cover') out.push(`${at}.sheets[0]: 第一张表必须是封面`);
  });
  for (const [id, sheet] of Object.entries(pack.sheets)) {
    const at = `sheets["${id}"]`;
    for (const s of sheet.kind !== 'cover' ? (sheet.appliesTo?.stages ?? []) : [])
      if (!stageIds.has(s)) out.push(`${at}.appliesTo.stages: 没有学段 "${s}"`);
    for (const t of sheet.kind !== 'cover' ? (sheet.appliesTo?.schoolTypes ?? []) : [])
      if (!typeIds.has(t)) out.push(`${at}.appliesTo.schoolTypes: 没有办学类型 "${t}"`);
    if (sheet.kind === 'ledger') checkLedger(sheet, at, out);
    if (sheet.kind === 'ledger') {
      const keys = new Set(sheet.columns.map((c) => c.key));
      sheet.columns.forEach((c, i) => checkStaffColumnRefs(c, keys, pack, `${at}.columns[${i}]`, out));
      sheet.columns.forEach((c, i) => checkSynonymRefs(c, pack, `${at}.columns[${i}]`, out));
    }
    if (sheet.kind === 'ledger') checkLedgerExtras(sheet, at, out);
    if (sheet.kind === 'ledger') checkGroupsMatchRefs(sheet, at, pack, out);
    if (sheet.kind === 'ledger') checkCompletenessLedgerRefs(sheet, at, pack, out);
    if (sheet.kind === 'ledgerGroup') checkLedgerGroup(sheet, at, pack, out);
    if (sheet.kind === 'indicator') checkIndicator(sheet, at, pack, out);
    // a sheet with per-学段 blocks is checked as a school with every one of its 学段 would see it
    if (sheet.kind === 'stat') {
      const stages = sheet.stageRows?.stages ?? [];
      // a check on `*key` rows becomes one per 学段 block: a problem still names the check as written
      const paths = (sheet.checks ?? []).flatMap((k, j) =>
        (expandStatSheet({ ...sheet, checks: [k] }, stages).checks ?? []).map(() => `${at}.checks[${j}]`));
      checkStat(expandStatSheet(sheet, stages), at, pack, out, paths);
    }
  }
  out.push(...checkCopyPeriods(pack));
  out.push(...checkGroupMembership(pack));
  return out;
}
