// What a rule case is and how it is checked, for the case files of rule-cases/*.cases.ts: one
// passing and one failing input per rule, the failing one stating every finding it causes (the
// rule's own with severity, place and Excel cell, and any knock-on findings of other rules).
// audit-rules.test.ts reads the CASES of every case file for its coverage test.
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import type { FindingRow, Severity } from '../../../shared/audit/types';
import { seedPacks } from '../../../shared/cli/seeds';
import type { PeriodData } from '../../../shared/model/data';
import type { Pack } from '../../../shared/pack/schema';
import type { SchoolProfile } from '../../../shared/model/school';

export const pack = seedPacks().get('luojiang')!;

export function school(type: string): SchoolProfile {
  return {
    code: '5106260001', name: '罗江区示例学校', type, sponsor: '公办', township: '万安街道', urbanRural: '城区',
    head: '王伟', statHead: '李娜', filler: '张敏', phone: '0838-6212345', packId: 'luojiang',
  };
}

export interface Input {
  type?: string; // 办学类型 of the school audited (小学 when not given)
  data: PeriodData;
  previous?: PeriodData;
  /** earlier periods of the same submission, for rules spanning months (a quarter's drills) */
  history?: PeriodData[];
  /** a pack other than the 罗江 seed pack, e.g. one whose sheet a bureau mis-edited */
  pack?: Pack;
  /** other submissions' periods (the XNC 学年 a month's 安全防范 reads its 在校生数 from) */
  lookup?: (submission: string, period: string) => PeriodData | undefined;
}

export interface Expected {
  severity: Severity;
  sheetId: string;
  row?: FindingRow;
  colKey?: string; // none for a finding on the whole list (e.g. no 应急演练 this month)
  cell?: string;
  /** text the Chinese message must contain besides the sheet title and the cell */
  says?: string;
}

export interface RuleCase {
  rule: string;
  name: string;
  pass: Input;
  /** rule ids the passing input still raises (other rules), usually none */
  passOthers?: string[];
  fail: Input;
  expect: Expected[];
  /** knock-on findings of other rules the failing input also raises, as [ruleId, cell] */
  others?: [string, string | undefined][];
}

/** An error on a statistics sheet, at row `code`, column `colKey`, Excel cell `cell`. */
export const statError = (sheetId: string, code: string, colKey: string, cell: string, says?: string): Expected => ({
  severity: 'error', sheetId, row: { kind: 'stat', code }, colKey, cell, says,
});

/**
 * The completeness rules (schema-completeness.ts: a blank figure, an empty list, a 自查表 answer
 * without its list). A case's hand-made period holds only the sheets its rule reads, so these fire
 * on every other sheet it leaves empty; the cases of other rules set them aside. Their own cases
 * (completeness.cases.ts) are checked in full, and audit-rules-completeness.test.ts pins what they
 * raise on an empty period and that the demo school raises none.
 */
export function completenessRuleIds(p: Pack): Set<string> {
  const ids = new Set<string>();
  const kinds = new Set(['notBlank', 'nonEmpty', 'answerMatchesLedger']);
  for (const s of Object.values(p.sheets)) {
    if (s.kind === 'stat' || s.kind === 'ledger') for (const k of s.checks ?? []) if (kinds.has(k.kind)) ids.add(k.id);
    if (s.kind === 'indicator') for (const sec of s.sections) for (const r of sec.rows) if (r.notBlank) ids.add(r.notBlank.id);
  }
  return ids;
}
const COMPLETENESS = completenessRuleIds(pack);

const audit = ({ data, previous, history, type = '小学', pack: p = pack, lookup }: Input, rule: string) =>
  runAudit({ pack: p, school: school(type), data, previous, history, lookup }).filter((f) => f.ruleId === rule || !COMPLETENESS.has(f.ruleId));
const titleOf = (sheetId: string) => pack.sheets[sheetId]!.title;

export function describeRuleCases(title: string, cases: RuleCase[]): void {
  describe(title, () => {
    it.each(cases.map((c) => [c.rule, c.name, c] as const))('%s passes: %s', (_rule, _name, c) => {
      const found = audit(c.pass, c.rule);
      if (c.passOthers) expect(found.map((f) => f.ruleId)).toEqual(c.passOthers);
      else expect(found.map((f) => `${f.ruleId} ${f.cell}`)).toEqual([]);
    });

    it.each(cases.map((c) => [c.rule, c.name, c] as const))('%s fails: %s', (rule, _name, c) => {
      const findings = audit(c.fail, rule);
      const own = findings.filter((f) => f.ruleId === rule);
      expect(own.map((f) => f.cell)).toEqual(c.expect.map((e) => e.cell));
      c.expect.forEach((want, i) => {
        const f = own[i]!;
        expect(f.severity).toBe(want.severity);
        expect(f.sheetId).toBe(want.sheetId);
        expect(f.sheetTitle).toBe(titleOf(want.sheetId));
        expect(f.row).toEqual(want.row);
        expect(f.colKey).toBe(want.colKey);
        expect(f.message.startsWith(titleOf(want.sheetId))).toBe(true);
        if (want.cell) expect(f.message).toContain(`(${want.cell})`);
        if (want.says) expect(f.message).toContain(want.says);
      });
      expect(findings.filter((f) => f.ruleId !== rule).map((f) => [f.ruleId, f.cell])).toEqual(c.others ?? []);
    });

    it('a rule id says its severity: W rules are warnings, the others errors', () => {
      for (const c of cases) for (const e of c.expect) expect(e.severity, c.rule).toBe(/-W\d+$/.test(c.rule) ? 'warning' : 'error');
    });
  });
}
