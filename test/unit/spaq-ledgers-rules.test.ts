// The SPAQ ledgers' rules (FORMS.md §2.2–§2.5, §4): every rule passes and fails on hand-made data
// (rule-cases/spaq-ledgers.cases.ts), plus what is particular to these sheets — findings of the
// two-block 从业人员健康管理 land on the worksheet's cells wherever the blocks end up, and the
// 自查表's 21 items exist whatever is stored.
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../shared/audit/run';
import { completenessRuleIds, describeRuleCases, pack, school } from './rule-cases/kit';
import { CASES, morning, spaqMonth, staff } from './rule-cases/spaq-ledgers.cases';
import { selfCheckDone } from '../fixtures/spaq-ledgers';
import type { PeriodData } from '../../shared/model/data';

describeRuleCases('SPAQ ledger rules', CASES);

// the completeness rules (an empty 名单 here) have their own cases: set aside, as in the kit
const COMPLETENESS = completenessRuleIds(pack);
const audit = (data: PeriodData, type = '小学') => runAudit({ pack, school: school(type), data }).filter((f) => !COMPLETENESS.has(f.ruleId));
const cells = (data: PeriodData) => audit(data).map((f) => `${f.ruleId} ${f.cell}`);

describe('从业人员健康管理: one worksheet, two blocks', () => {
  it('a 晨检 finding names the worksheet, the block and the cell; its key names the list', () => {
    const [f] = audit(spaqMonth({ checks: [morning('m0', { checked: 7 })] }));
    expect(f).toMatchObject({
      ruleId: 'SPAQ-JKCJ-02', sheetId: 'foodHealth', partId: 'morningCheck', sheetTitle: '从业人员健康管理', cell: 'D10',
      key: 'SPAQ-JKCJ-02|morningCheck|m0|checked', row: { kind: 'ledger', index: 0, id: 'm0' },
    });
    expect(f!.message).toBe('从业人员健康管理 晨检记录 第1行「实检人数」(D10)：实检人数不得大于应检人数（7 > 6）');
  });

  it('the 晨检 block moves down with the length of the 名单', () => {
    // 5 staff: 名单 rows 5–9, blank 10, title 11, header 12, 晨检 from 13 → its second row is 14
    const five = ['a', 'b', 'c', 'd', 'e'].map((id, i) => staff(id, { certNo: `51062620251000${i}` }));
    const checks = [morning('m0'), morning('m1', { date: '2025-10-10', checked: 7 })];
    expect(cells(spaqMonth({ staffRows: five, checks }))).toEqual(['SPAQ-JKCJ-02 D14']);
    // no 名单 at all: header 4, blank 5, title 6, header 7, 晨检 from 8
    expect(cells(spaqMonth({ staffRows: [], checks }))).toEqual(['SPAQ-JKCJ-02 D9']);
  });

  it('a certificate running out on the month’s last day warns once (due soon), a day earlier once (expired)', () => {
    const on = (validUntil: string) => cells(spaqMonth({ staffRows: [staff('s0', { validUntil })] }));
    expect(on('2025-10-31')).toEqual(['SPAQ-JKRY-W01 F5']);
    expect(on('2025-10-30')).toEqual(['SPAQ-JKRY-W02 F5']);
    const [f] = audit(spaqMonth({ staffRows: [staff('s0', { validUntil: '2025-10-30' })] }));
    expect(f!.message).toContain('本月有 1 天无有效证明');
    expect(f!.severity).toBe('warning'); // FORMS.md §4: kept as 经验校验
  });
});

describe('食品安全自查表: 21 fixed items', () => {
  it('a month whose 自查 was never opened has every 结果 to fill, on D4…D24', () => {
    const data = spaqMonth();
    delete data.sheets.selfCheck;
    const found = audit(data);
    expect(found.map((f) => f.ruleId)).toEqual(Array(21).fill('SPAQ-ZC-REQ'));
    expect(found.map((f) => f.cell)).toEqual(Array.from({ length: 21 }, (_, i) => `D${4 + i}`));
    expect(found[20]!.message).toBe('食品安全自查表 第21行「结果」(D24)：必填项未填');
  });

  it('stored text in the fixed columns is ignored and rows beyond the 21st are dropped', () => {
    const rows = [...selfCheckDone({ 1: { item: '随便', content: '改过的内容' } }), { id: 'x', result: '合格' }];
    expect(audit(spaqMonth({ selfCheck: rows }))).toEqual([]);
  });

  it('a 否 needs its 问题描述 and 整改情况 together: both missing give two errors', () => {
    expect(cells(spaqMonth({ selfCheck: selfCheckDone({ 20: { result: '否' } }) }))).toEqual(['SPAQ-ZC-01 E23', 'SPAQ-ZC-02 F23']);
  });
});

describe('陪餐 and 进货查验 of a whole month', () => {
  it('clean rows of every list give no finding, for every school type', () => {
    for (const t of pack.schoolTypes) expect(audit(spaqMonth(), t.id), t.id).toEqual([]);
  });
});
