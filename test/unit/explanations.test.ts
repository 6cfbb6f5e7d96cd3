// 说明 written once for all findings of a rule (`rule:{ruleId}`) beside a finding's own: which text
// covers a warning, which warnings still block 审核通过, and how 校验说明 prints and reads them back.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { explanationFor, ruleExplanationKey, ruleOfExplanationKey, unexplainedWarnings, warningsByRule } from '../../shared/audit/explanations';
import type { Finding } from '../../shared/audit/types';
import { runAudit } from '../../shared/audit/run';
import { seedPacks } from '../../shared/cli/seeds';
import { exportReport } from '../../shared/xlsx/export';
import { readReport } from '../../shared/xlsx/read';
import { diffPeriods, positionalIds } from '../../shared/xlsx/period-diff';
import type { PeriodData } from '../../shared/model/data';
import { selfCheckDone } from '../fixtures/spaq-ledgers';
import { leaderCompanion, mealSample } from '../fixtures/spaq-meals';
import { SCHOOL } from '../fixtures/small-school';

const packs = seedPacks();
const pack = packs.get('luojiang')!;
const w = (key: string, ruleId: string, severity: Finding['severity'] = 'warning') => ({ key, ruleId, severity });

describe('explanation resolution', () => {
  const a = w('R1|s|r1|c', 'R1');
  const b = w('R1|s|r2|c', 'R1');
  const c = w('R2|s|r1|c', 'R2');
  const e = w('R3|s|r1|c', 'R3', 'error');

  it('a finding’s own 说明 wins, else its rule’s, else none; blank text counts as none', () => {
    const ex = { [a.key]: '本条', [ruleExplanationKey('R1')]: '整条规则', [c.key]: '   ' };
    expect(explanationFor(a, ex)).toEqual({ text: '本条', source: 'own' });
    expect(explanationFor(b, ex)).toEqual({ text: '整条规则', source: 'rule' });
    expect(explanationFor(c, ex)).toBeUndefined();
    expect(explanationFor(c, { [ruleExplanationKey('R2')]: '\t ' })).toBeUndefined();
    expect(explanationFor(a, undefined)).toBeUndefined();
  });

  it('only warnings block approval, each needing its own or its rule’s 说明', () => {
    expect(unexplainedWarnings([a, b, c, e], {})).toEqual([a, b, c]);
    expect(unexplainedWarnings([a, b, c, e], { [ruleExplanationKey('R1')]: '家长开放周' })).toEqual([c]);
    expect(unexplainedWarnings([a, b, c, e], { [ruleExplanationKey('R1')]: '家长开放周', [c.key]: '属实' })).toEqual([]);
    // a rule-level 说明 of another rule covers nothing here
    expect(unexplainedWarnings([c], { [ruleExplanationKey('R1')]: 'x' })).toEqual([c]);
  });

  it('groups warnings by rule in order of appearance, and tells a rule key from a finding key', () => {
    expect([...warningsByRule([a, c, e, b])].map(([r, fs]) => [r, fs.length])).toEqual([['R1', 2], ['R2', 1]]);
    expect(ruleOfExplanationKey('rule:SPAQ-PC-W01')).toBe('SPAQ-PC-W01');
    expect(ruleOfExplanationKey('SPAQ-PC-W01|sampleLog|ly1|date')).toBeUndefined();
  });
});

const DAYS = ['2025-10-09', '2025-10-10', '2025-10-13', '2025-10-14'];
/** four meal days, a 负责人 陪餐 only on the first: 3 × SPAQ-PC-W01 (留样 rows 2–4) and 1 × SPAQ-ZC-W03 */
function month(explanations: Record<string, string>): PeriodData {
  return {
    submission: 'SPAQ', period: '2025-10', status: '草稿', version: 0, reportDate: '2025-11-03', explanations,
    sheets: {
      sampleLog: { rows: DAYS.map((d, i) => mealSample(`ly${i}`, d, '午餐')) },
      mealCompanion: { rows: [leaderCompanion('pc0', DAYS[0]!, '午餐')] },
      foodStaff: { rows: [{ id: 's0', name: '赵敏', post: '厨师', certNo: '510626202512345', issueDate: '2025-03-01', validUntil: '2026-02-28', trained: '是' }] },
      morningCheck: { rows: DAYS.map((date, i) => ({ id: `m${i}`, date, expected: 6, checked: 6, abnormal: 0, checker: '赵敏' })) },
      purchaseCheck: { rows: [{ id: 'j0', date: DAYS[0]!, name: '大米', spec: '25kg/袋', quantity: 6, unit: '袋', batch: '2025-09-20', shelfLife: '12个月', supplier: '粮油公司', supplierContact: '0838-6212345', tickets: '是', inspector: '赵敏' }] },
      selfCheck: { rows: selfCheckDone() },
    },
  };
}

describe('校验说明 with a rule-level 说明', () => {
  const RULE = '本月第二周起校领导外出培训，陪餐由年级组长代行';
  const base = month({});
  const [, second] = runAudit({ pack, school: SCHOOL, data: base });
  const data = month({ [ruleExplanationKey('SPAQ-PC-W01')]: RULE, [second!.key]: '当日校领导值班，漏记' });

  it('lists every warning with its text and scope, and reads the rule-level 说明 back once', async () => {
    const r = await exportReport({ pack, school: SCHOOL, data, appVersion: '1', now: new Date('2025-11-03T08:00:00Z') });
    const wb = XLSX.read(r.bytes, { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['校验说明']!, { header: 1, defval: null });
    expect(rows[2]).toEqual(['规则编号', '表', '位置', '提示', '学校说明', '说明范围']);
    expect(rows.slice(3).map((x) => [x[0], x[2], x[4], x[5]])).toEqual([
      ['SPAQ-PC-W01', 'B5', RULE, '本规则全部'],
      ['SPAQ-PC-W01', 'B6', '当日校领导值班，漏记', '本条'],
      ['SPAQ-PC-W01', 'B7', RULE, '本规则全部'],
      ['SPAQ-ZC-W03', 'D23', '', ''],
    ]);
    const back = readReport(r.bytes, packs, { fileName: r.fileName });
    expect(back.warnings).toEqual([]);
    expect(back.hashMismatches).toEqual([]);
    // row ids come back numbered r1, r2…; the rule-level key has none and comes back as it was
    expect(back.data.explanations).toEqual(positionalIds(data).explanations);
    expect(back.data.explanations?.['rule:SPAQ-PC-W01']).toBe(RULE);
    // the same three warnings are covered after the round trip
    expect(unexplainedWarnings(runAudit({ pack, school: SCHOOL, data: back.data }), back.data.explanations).map((f) => f.ruleId)).toEqual(['SPAQ-ZC-W03']);
  });

  it('a changed rule-level 说明 shows in the restore diff as the rule’s', () => {
    const changed = month({ [ruleExplanationKey('SPAQ-PC-W01')]: '家长开放周', [second!.key]: '当日校领导值班，漏记' });
    const diff = diffPeriods(pack, SCHOOL, data, changed).filter((c) => c.sheet === '校验说明');
    expect(diff.map((c) => [c.row, c.column, c.old, c.new])).toEqual([['SPAQ-PC-W01（本规则全部）', '学校说明', RULE, '家长开放周']]);
  });
});
