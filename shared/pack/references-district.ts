// Cross-references of the bureau's formulas (schema-district.ts): a target names a formula that
// exists, a formula names submissions, school types and 学段 the pack has, and the 差异系数 names
// rows of an indicator sheet of its submission.
import type { Expr } from './indicator-schema';
import type { Pack } from './schema';
import type { SchoolSum } from './schema-district';

function walk(e: Expr, visit: (e: Expr) => void): void {
  visit(e);
  if ('args' in e) e.args.forEach((a) => walk(a, visit));
  if (e.op === 'tiers') walk(e.arg, visit);
}

/**
 * An expression evaluated on each school's period: what it reads must be a sheet of the right kind
 * (a row of an indicator sheet must exist), and it has no sheet of its own, so `row`, `metCount`
 * and `balanced` mean nothing here.
 */
function checkExpr(expr: Expr, at: string, pack: Pack, out: string[]): void {
  // whether the sheet is one of the submission's is not checked: a library's formula serves packs
  // whose submissions list different sheets, and a school without the sheet simply has no figure
  const own = (id: string, kind: string, word: string) => {
    if (pack.sheets[id]?.kind !== kind) out.push(`${at}: "${id}" 不是${word}`);
  };
  walk(expr, (e) => {
    if (e.op === 'count' || e.op === 'sum' || e.op === 'max' || e.op === 'distinct' || e.op === 'groups') {
      if (!('from' in e && e.from)) own(e.sheet, 'ledger', '名册表');
    }
    if (e.op === 'cell') {
      own(e.sheet, 'stat', '统计表');
      const s = pack.sheets[e.sheet];
      if (s?.kind === 'stat' && !s.columns.some((c) => c.key === e.col)) out.push(`${at}: 统计表 ${e.sheet} 没有列 "${e.col}"`);
    }
    if (e.op === 'ind') {
      own(e.sheet, 'indicator', '指标表');
      const s = pack.sheets[e.sheet];
      if (s?.kind === 'indicator' && !s.sections.some((x) => x.rows.some((r) => r.code === e.code))) out.push(`${at}: 指标表 ${e.sheet} 没有第 ${e.code} 行`);
    }
    if (e.op === 'row' || e.op === 'metCount' || e.op === 'balanced') out.push(`${at}: 区级公式不能用 "${e.op}"（它没有自己的表），请用 ind 指向学校的指标表`);
  });
}

function checkSum(sum: SchoolSum, at: string, pack: Pack, out: string[]): void {
  checkExpr(sum.expr, `${at}.expr`, pack, out);
  const types = new Set(pack.schoolTypes.map((t) => t.id));
  const stages = new Set(pack.stages.map((s) => s.id));
  (sum.schools ?? []).forEach((f, i) => {
    for (const t of f.types ?? []) if (!types.has(t)) out.push(`${at}.schools[${i}].types: 没有办学类型 "${t}"`);
    for (const s of f.stages ?? []) if (!stages.has(s)) out.push(`${at}.schools[${i}].stages: 没有学段 "${s}"`);
  });
}

export function checkDistrictRefs(pack: Pack, out: string[]): void {
  const formulas = pack.districtFormulas ?? [];
  const ids = new Set(formulas.map((f) => f.id));
  const submissions = new Set(pack.submissions.map((s) => s.code));
  const used = new Set(pack.targets.map((t) => t.formula));
  pack.targets.forEach((t, i) => {
    if (t.formula && !ids.has(t.formula)) out.push(`targets[${i}].formula: 没有区级公式 "${t.formula}"`);
  });
  formulas.forEach((f, i) => {
    const at = `districtFormulas[${i}]`;
    if (f.kind === 'balance') {
      if (!pack.balance && used.has(f.id)) out.push(`${at}: 包及其表单库没有定义差异系数（balance）`);
      return;
    }
    // a library formula no target of this pack names may read a submission the pack does not have
    if (!submissions.has(f.submission) && used.has(f.id)) out.push(`${at}.submission: 没有报表 "${f.submission}"`);
    if (f.kind === 'share') {
      checkSum(f.num, `${at}.num`, pack, out);
      checkSum(f.den, `${at}.den`, pack, out);
    } else if (f.kind === 'sum') checkSum(f.of, `${at}.of`, pack, out);
    else {
      checkSum(f.num, `${at}.num`, pack, out);
      if (f.ages.from > f.ages.to) out.push(`${at}.ages: 起始年龄大于截止年龄`);
    }
  });
  const b = pack.balance;
  if (!b) return;
  if (!submissions.has(b.submission)) out.push(`balance.submission: 没有报表 "${b.submission}"`);
  const sheet = pack.sheets[b.sheet];
  if (sheet?.kind !== 'indicator') {
    out.push(`balance.sheet: 没有指标表 "${b.sheet}"`);
    return;
  }
  const codes = new Set(sheet.sections.flatMap((s) => s.rows.map((r) => r.code)));
  b.stages.forEach((s, i) => {
    if (!pack.stages.some((x) => x.id === s.stage)) out.push(`balance.stages[${i}].stage: 没有学段 "${s.stage}"`);
    for (const c of [...s.rows, s.standardRow]) if (!codes.has(c)) out.push(`balance.stages[${i}]: 表 "${b.sheet}" 没有第 ${c} 行`);
    checkExpr(s.students, `balance.stages[${i}].students`, pack, out);
  });
}
