// The demo canteen month (shared/demo/demo-canteen-ledgers.ts) for every school type: a 校级领导 or
// 中层干部 at every meal served and parents on some days, 6–10 food handlers with one certificate
// due within 30 days (its 经验校验 explained), a 晨检 each school day, 2–4 deliveries a day, the
// 自查表 done with one item found and fixed — no 逻辑校验 error, and the workbook reads back whole.
import { describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import { demoSchool } from '../../shared/demo/demo-school';
import { runAudit } from '../../shared/audit/run';
import { exportReport } from '../../shared/xlsx/export';
import { readReport } from '../../shared/xlsx/read';
import type { LedgerRow } from '../../shared/model/data';
import { comparable } from '../fixtures/period-data';

const packs = seedPacks();
const pack = packs.get('luojiang')!;
const TYPES = ['幼儿园', '小学', '初级中学', '九年一贯制学校', '完全中学', '高级中学', '十二年一贯制学校', '特殊教育学校'];
const month = (type: string) => {
  const demo = demoSchool({ pack, type, today: '2025-11-25' });
  return { school: demo.school, data: demo.periods.find((p) => p.submission === 'SPAQ')! };
};
const rows = (d: ReturnType<typeof month>['data'], id: string) => (d.sheets[id]?.rows ?? []) as LedgerRow[];

describe.each(TYPES)('demo SPAQ 2025-10 of a %s', (type) => {
  const { school, data } = month(type);
  const served = [...new Set(rows(data, 'sampleLog').map((r) => `${r.date}|${r.meal}`))];
  const days = [...new Set(rows(data, 'sampleLog').map((r) => String(r.date)))];

  it('passes every 逻辑校验; its one 经验校验, the certificate due soon, has a 说明', () => {
    const findings = runAudit({ pack, school, data });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const mine = findings.filter((f) => ['sampleLog', 'mealCompanion', 'foodHealth', 'purchaseCheck', 'selfCheck'].includes(f.sheetId));
    expect(mine.map((f) => f.ruleId)).toEqual(['SPAQ-JKRY-W01']);
    expect(data.explanations?.[mine[0]!.key]).toMatch(/复检/);
  });

  it('陪餐: a 校级领导 or 中层干部 at every meal served, parents at lunch on some days', () => {
    const led = new Set(rows(data, 'mealCompanion').filter((r) => r.role === '校级领导' || r.role === '中层干部').map((r) => `${r.date}|${r.meal}`));
    expect(served.filter((m) => !led.has(m))).toEqual([]);
    const parents = rows(data, 'mealCompanion').filter((r) => r.role === '家长');
    expect(parents).toHaveLength(7); // Tuesdays and Thursdays of October 2025 from the 8th: 9, 14, 16, 21, 23, 28, 30
    expect(parents.every((r) => r.meal === '午餐')).toBe(true);
  });

  it('从业人员: 6–10 people, all valid all month, exactly one due within 30 days; a 晨检 each school day', () => {
    const staff = rows(data, 'foodStaff');
    expect(staff.length).toBeGreaterThanOrEqual(6);
    expect(staff.length).toBeLessThanOrEqual(10);
    expect(staff.every((r) => String(r.validUntil) >= '2025-10-31')).toBe(true);
    expect(staff.filter((r) => String(r.validUntil) <= '2025-11-30').map((r) => r.validUntil)).toEqual(['2025-11-18']);
    const checks = rows(data, 'morningCheck');
    expect(checks.map((r) => r.date)).toEqual(days);
    expect(checks.every((r) => (r.checked as number) <= (r.expected as number) && (r.expected as number) <= staff.length)).toBe(true);
  });

  it('进货查验: 2–4 deliveries every school day, from named suppliers with a phone number', () => {
    const perDay = days.map((d) => rows(data, 'purchaseCheck').filter((r) => r.date === d).length);
    expect(Math.min(...perDay)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...perDay)).toBeLessThanOrEqual(4);
    expect(rows(data, 'purchaseCheck').every((r) => /^罗江区/.test(String(r.supplier)) && /^0838-\d{7}$/.test(String(r.supplierContact)))).toBe(true);
  });

  it('自查表: 21 items, one 否 fixed within the month', () => {
    const items = rows(data, 'selfCheck');
    expect(items).toHaveLength(21);
    const no = items.filter((r) => r.result === '否');
    expect(no).toHaveLength(1);
    expect(no[0]).toMatchObject({ content: '防蝇防鼠设施', rectify: '已完成' });
    expect(String(no[0]!.rectifyDate) >= '2025-10-01' && String(no[0]!.rectifyDate) <= '2025-10-31').toBe(true);
  });

  it('exports and reads back whole, 说明 included', async () => {
    const r = await exportReport({ pack, school, data, appVersion: '1.0.0', now: new Date('2025-11-25T08:00:00Z') });
    const back = readReport(r.bytes, packs, { fileName: r.fileName });
    expect(back.hashMismatches).toEqual([]);
    expect(back.warnings).toEqual([]);
    expect(comparable(back.data)).toEqual(comparable(data));
  });
});
