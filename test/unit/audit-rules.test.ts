// Every audit rule of the seeds (审核, FORMS.md §4) has a passing and a failing case: the cases live
// in rule-cases/*.cases.ts and are checked by rule-cases/kit.ts; this file runs the 班级名册 / 3112 /
// 2106 / 留样 cases, checks that the case files together cover every rule id of the seeds, and
// tests details of findings (messages, keys, severities) on the same hand-made data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit, countBySeverity } from '../../shared/audit/run';
import { readSeedFiles, REPO_ROOT, seedPacks } from '../../shared/cli/seeds';
import type { PeriodData } from '../../shared/model/data';
import type { SchoolProfile } from '../../shared/model/school';
import type { LedgerSheet } from '../../shared/pack/schema';
import { completenessRuleIds, describeRuleCases } from './rule-cases/kit';
import { bare, cls, CASES, twoClasses, xnc } from './rule-cases/class-list.cases';
import { CASES as SAMPLE_CASES, sample, spaq } from './rule-cases/sample-log.cases';

const pack = seedPacks().get('luojiang')!;

const school = (type = '小学'): SchoolProfile => ({
  code: '5106260001', name: type === '小学' ? '罗江区实验小学' : '罗江区万安学校', type, sponsor: '公办',
  township: '万安街道', urbanRural: '城区', head: '王伟', statHead: '李娜', filler: '张敏', phone: '0838-6212345',
  packId: 'luojiang',
});

// the completeness rules fire on every sheet this hand-made data leaves empty (staff, 办学条件, 招生数):
// set aside here as in the rule cases, and pinned in audit-rules-completeness.test.ts
const COMPLETENESS = completenessRuleIds(pack);
const audit = ({ data, previous, type }: { data: PeriodData; previous?: PeriodData; type?: string }) =>
  runAudit({ pack, school: school(type), data, previous }).filter((f) => !COMPLETENESS.has(f.ruleId));

describeRuleCases('班级名册, 3112 and 2106 rules: a passing and a failing case each', CASES);
describeRuleCases('食品留样记录 rules: a passing and a failing case each', SAMPLE_CASES);

describe('every rule id of the seeds has a case', () => {
  it('covers every rule id of the seeds and the generic REQ/TYPE/ENUM rules of every ledger', () => {
    const ids = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        // a check object has an id and a severity; an indicator row's check (warnIfMissed,
        // notAbove, notBelow) has an id and a message, its severity fixed by its kind
        if (typeof o.id === 'string' && (typeof o.severity === 'string' || (typeof o.message === 'string' && /^(XNC|SPAQ|XYAQ)-/.test(o.id)))) ids.add(o.id);
        Object.values(o).forEach(walk);
      }
    };
    for (const f of readSeedFiles()) walk(f.json);
    // the ids as they appear in the seed files (grep '"id": "XNC-' / '"SPAQ-' / '"XYAQ-')
    const grepped = readSeedFiles()
      .map((f) => readFileSync(join(REPO_ROOT, f.path), 'utf8'))
      .flatMap((text) => [...text.matchAll(/"id": "((?:XNC|SPAQ|XYAQ)-[^"]+)"/g)].map((m) => m[1]!));
    expect([...ids].sort()).toEqual([...new Set(grepped)].sort());
    for (const sub of pack.submissions) {
      for (const id of sub.sheets) {
        const top = pack.sheets[id]!;
        // the lists of a worksheet of several lists (ledgerGroup) are audited as ledgers too
        const lists = top.kind === 'ledger' ? [top] : top.kind === 'ledgerGroup' ? top.parts.map((p) => pack.sheets[p.id] as LedgerSheet) : [];
        for (const sheet of lists) {
          ids.add(`${sub.code}-${sheet.ruleCode}-REQ`);
          ids.add(`${sub.code}-${sheet.ruleCode}-TYPE`);
          if (sheet.columns.some((c) => c.type === 'enum')) ids.add(`${sub.code}-${sheet.ruleCode}-ENUM`);
        }
      }
    }
    expect(ids.size).toBeGreaterThanOrEqual(30);
    // the cases of later sheets live in rule-cases/*.cases.ts, each run by its own test file
    const more = Object.values(import.meta.glob<{ CASES: { rule: string }[] }>('./rule-cases/*.cases.ts', { eager: true }));
    const covered = new Set(more.flatMap((m) => m.CASES).map((c) => c.rule));
    expect([...ids].filter((id) => !covered.has(id))).toEqual([]);
    expect([...covered].filter((id) => !ids.has(id))).toEqual([]);
  });

});

describe('details of findings', () => {
  it('clean data for a 小学 gives no finding beyond the completeness rules', () => {
    expect(audit({ data: xnc(twoClasses()) })).toEqual([]);
    expect(audit({ data: spaq([sample('s0'), sample('s1', { meal: '早餐', dish: '馒头', sampleTime: '07:10', disposeTime: '2025-10-10 07:30' })]) })).toEqual([]);
  });

  it('messages name the sheet, the row, the column label and the cell', () => {
    const [f] = audit({ data: xnc([cls('c0'), cls('c1', { female: 50 })]) }).filter((x) => x.ruleId === 'XNC-BJMC-02');
    expect(f!.message).toBe('班级名册 第2行「女」(F5)：女生数不得大于学生数（50 > 45）');
    expect(f!.key).toBe('XNC-BJMC-02|classList|c1|female');
    const [g] = audit({ data: xnc(twoClasses(), { '01:graduates': 5, '03:graduates': 6 }) });
    expect(g!.message).toBe('教基3112 小学分类型学生数 [03 #少数民族 × 毕业生数] (C8)：“#”行及其分项不得大于总计（6 > 总计 5）');
    expect(g!.key).toBe('XNC-3112-01|jj3112|03|graduates');
  });

  it('prevChange: a fall of 25% warns, exactly 20% does not, and without last year nothing is compared', () => {
    const prev = xnc([bare('a', '一年级', 50), bare('b', '二年级', 50)], {}, '2024-2025');
    const fall = audit({ data: xnc([bare('a', '一年级', 40), bare('b', '二年级', 35)]), previous: prev });
    expect(fall.map((f) => [f.ruleId, f.severity, f.cell])).toEqual([['XNC-3112-W01', 'warning', 'I6']]);
    expect(fall[0]!.message).toContain('上期 100，本期 75，变化 25.0%');
    expect(audit({ data: xnc([bare('a', '一年级', 40), bare('b', '二年级', 40), bare('c', '三年级', 40)]), previous: prev })).toEqual([]);
    expect(audit({ data: xnc([bare('a', '一年级', 45), bare('b', '二年级', 50), bare('c', '三年级', 50)]) })).toEqual([]); // +45% but no last year
    // last year without any class: nothing to compare against
    expect(audit({ data: xnc([bare('a', '一年级', 45)]), previous: xnc([], {}, '2024-2025') })).toEqual([]);
  });

  it('an empty entered cell counts as 0 in the checks, as in the national client', () => {
    const f = audit({ data: xnc(twoClasses(), { '01:enrol': 3, '01:pre0': null }) });
    // 招生数 3 against 45 pupils in 一年级 is also far below: XNC-3112-W02 on the same cell
    expect(f.map((x) => [x.ruleId, x.cell])).toEqual([['XNC-3112-05', 'D6'], ['XNC-3112-W02', 'D6']]);
    expect(f[0]!.message).toContain('（3 ≠ 0）');
  });

  it('a negative count and a fraction in an integer column are type errors', () => {
    const f = audit({ data: xnc([cls('c0', { disabled: -1, boarding: 2.5 })]) });
    expect(f.map((x) => [x.ruleId, x.cell])).toEqual([
      ['XNC-BJMC-TYPE', 'H4'],
      ['XNC-BJMC-TYPE', 'N4'],
      ['XNC-3112-06', 'J18'], // 3112 row 13 在校生数 becomes −1, below its entered #女 of 0
      ['XNC-CJXS-04', 'E5'], // 残疾学生情况 随班就读 总计 0 ≠ the list's −1
    ]);
  });

  it('sheets that do not apply to the school are not audited', () => {
    // a 幼儿园 has no 3112: entered cells that would break it are ignored
    const kg = xnc([{ id: 'k', stage: '学前', grade: '大班', className: '大一班', students: 30 }], { '01:enrol': 5 });
    expect(audit({ type: '幼儿园', data: kg })).toEqual([]);
  });

  it('counts errors and warnings', () => {
    const f = audit({ data: xnc([cls('c0', { students: 66, female: 67 })]) });
    expect(f.map((x) => x.ruleId).sort()).toEqual(['XNC-3112-01', 'XNC-3112-01', 'XNC-3112-06', 'XNC-BJMC-02', 'XNC-BJMC-W01', 'XNC-BJMC-W02']);
    expect(countBySeverity(f)).toEqual({ errors: 4, warnings: 2 });
  });

  it('the list of rules in a sheet matches its ruleCode', () => {
    for (const s of Object.values(pack.sheets)) {
      if (s.kind !== 'ledger') continue;
      for (const c of (s as LedgerSheet).columns)
        for (const k of c.checks ?? []) expect(k.id, `${s.id}.${c.key}`).toMatch(new RegExp(`^[A-Z]+-${s.ruleCode}-W?\\d+$`));
    }
  });
});
