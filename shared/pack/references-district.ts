// Cross-references of the bureau's formulas (schema-district.ts): a target names a formula that
// exists, a formula names submissions, school types and 学段 the pack has, and the 差异系数 names
// rows of an indicator sheet of its submission.
import type { Pack } from './schema';
import type { SchoolSum } from './schema-district';

function checkSum(sum: SchoolSum, at: string, pack: Pack, out: string[]): void {
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
  pack.targets.forEach((t, i) => {
    if (t.formula && !ids.has(t.formula)) out.push(`targets[${i}].formula: 没有区级公式 "${t.formula}"`);
  });
  formulas.forEach((f, i) => {
    const at = `districtFormulas[${i}]`;
    if (f.kind === 'balance') {
      if (!pack.balance) out.push(`${at}: 包及其表单库没有定义差异系数（balance）`);
      return;
    }
    if (!submissions.has(f.submission)) out.push(`${at}.submission: 没有报表 "${f.submission}"`);
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
  });
}
