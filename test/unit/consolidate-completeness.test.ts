// 报送情况 from what the bureau received: 已报 v n on time, 逾期 by the first accepted receipt
// (Beijing day against the due date 9月20日 of XNC), 哈希不符 and 校验不通过 from rejected
// receipts, 未报 (overdue once the due date is past); rates per submission and per 乡镇; filters;
// the plain table for the xlsx export.
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyReport } from '../../shared/consolidate/verify';
import { applyReceive, type ReportSlot } from '../../shared/consolidate/versions';
import { beijingDay, completenessMatrix, completenessRates, completenessTable, filterCompleteness, type ReceiptRecord } from '../../shared/consolidate/completeness';
import type { HeldReport, Verdict } from '../../shared/consolidate/types';
import { approvedPeriod, districtSchools, pack, packs, registryOf, workbookOf } from '../fixtures/district';
import { rezip } from '../hostile/zip-tools';

const schools = districtSchools(6); // types: 小学, 初级中学, 九年一贯制学校, 幼儿园, 完全中学, 小学
const registry = registryOf(schools);
const code = (i: number) => schools[i]!.registry.code;
const PERIOD = '2025-2026';
const held: HeldReport[] = [];
const history: HeldReport[] = [];
const receipts: ReceiptRecord[] = [];

const receipt = (v: Verdict, receivedAt: string): ReceiptRecord => ({
  kind: v.kind, fileName: v.fileName, schoolCode: v.schoolCode, submission: v.submission, period: v.period, version: v.version,
  reportDate: v.reportDate, problems: v.problems, receivedAt,
});

async function receive(i: number, receivedAt: string, version = 1, edit?: (b: Uint8Array) => Uint8Array, status: '已审核' | '草稿' = '已审核') {
  const wb = await workbookOf(schools[i]!, approvedPeriod(schools[i]!, 'XNC', version, { status }));
  const v = verifyReport(edit ? edit(wb.bytes) : wb.bytes, wb.fileName, packs, registry);
  receipts.push(receipt(v, receivedAt));
  return v;
}

beforeAll(async () => {
  // 0: on time at 23:59 Beijing on the due day (15:59 UTC)
  const a = await receive(0, '2025-09-20T15:59:00.000Z');
  held.push(applyReceive({ history: [] }, a, 'new', '2025-09-20T15:59:00.000Z').current!);
  // 1: one minute past midnight Beijing: late
  const b = await receive(1, '2025-09-20T16:01:00.000Z');
  held.push(applyReceive({ history: [] }, b, 'new', '2025-09-20T16:01:00.000Z').current!);
  // 2: on time with v1, corrected late with v2: still on time (the first accepted receipt counts)
  const c1 = await receive(2, '2025-09-18T01:00:00.000Z');
  let slot: ReportSlot = applyReceive({ history: [] }, c1, 'new', '2025-09-18T01:00:00.000Z');
  const c2 = await receive(2, '2025-10-08T01:00:00.000Z', 2);
  slot = applyReceive(slot, c2, 'supersede', '2025-10-08T01:00:00.000Z');
  held.push(slot.current!);
  history.push(...slot.history);
  // 3: a tampered file only
  await receive(3, '2025-09-19T01:00:00.000Z', 1, (bytes) =>
    rezip(bytes, (parts) => parts.set('xl/worksheets/sheet2.xml', new TextEncoder().encode(new TextDecoder().decode(parts.get('xl/worksheets/sheet2.xml')!).replace(/(<c r="E4"[^>]*><v>)(\d+)/, (_, x, n) => `${x}${Number(n) + 1}`)))));
  // 4: a 草稿 only; 5: nothing
  await receive(4, '2025-09-19T02:00:00.000Z', 1, undefined, '草稿');
}, 120_000);

describe('completenessMatrix', () => {
  it('gives each school its state word for XNC', () => {
    const cells = completenessMatrix({ pack, registry, periods: [{ submission: 'XNC', period: PERIOD }], held, history, receipts, now: '2025-10-10T00:00:00.000Z' });
    expect(cells.map((c) => [c.schoolCode, c.label])).toEqual([
      [code(0), '已报 v1'], [code(1), '逾期 v1'], [code(2), '已报 v2'], [code(3), '哈希不符'], [code(4), '校验不通过'], [code(5), '未报'],
    ]);
    expect(cells[0]!.dueDate).toBe('2025-09-20');
    expect(cells[1]).toMatchObject({ judgedDay: '2025-09-21', firstReceivedAt: '2025-09-20T16:01:00.000Z' });
    expect(cells[2]).toMatchObject({ judgedDay: '2025-09-18', receivedAt: '2025-10-08T01:00:00.000Z' });
    expect(cells[3]!.problems![0]).toContain('内容与校验值不符');
    expect(cells[4]!.problems![0]).toContain('状态为“草稿”');
    expect(cells[5]).toMatchObject({ state: '未报', overdue: true });
    // before the due date a school that has not sent is not yet overdue
    const early = completenessMatrix({ pack, registry, periods: [{ submission: 'XNC', period: PERIOD }], held: [], now: '2025-09-10T00:00:00.000Z' });
    expect(early.every((c) => c.state === '未报' && !c.overdue)).toBe(true);
  });

  it('judged by 报出日期 instead when asked (the 封面 says 2025-09-15: nobody is late)', () => {
    const cells = completenessMatrix({ pack, registry, periods: [{ submission: 'XNC', period: PERIOD }], held, history, receipts, now: '2025-10-10T00:00:00.000Z', lateBy: 'reportDate' });
    expect(cells.find((c) => c.schoolCode === code(1))!.state).toBe('已报');
  });

  it('rates per submission and per 乡镇, filters and the table', () => {
    const periods = [{ submission: 'XNC', period: PERIOD }, { submission: 'SPAQ', period: '2025-10' }];
    const cells = completenessMatrix({ pack, registry, periods, held, history, receipts, now: '2025-11-10T00:00:00.000Z' });
    expect(cells).toHaveLength(12);
    const bySub = completenessRates(cells, registry, 'submission');
    expect(bySub).toEqual([
      { submission: 'XNC', period: PERIOD, group: '全区', expected: 6, reported: 3, onTime: 2, reportingRate: 0.5, onTimeRate: 2 / 6 },
      { submission: 'SPAQ', period: '2025-10', group: '全区', expected: 6, reported: 0, onTime: 0, reportingRate: 0, onTimeRate: 0 },
    ]);
    const byTown = completenessRates(cells, registry, 'township').filter((r) => r.submission === 'XNC');
    expect(byTown).toHaveLength(6); // one school per 乡镇 in this district
    expect(byTown.find((r) => r.group === schools[1]!.registry.township)).toMatchObject({ expected: 1, reported: 1, onTime: 0 });
    expect(filterCompleteness(cells, registry, { states: ['未报'], submission: 'XNC' }).map((c) => c.schoolCode)).toEqual([code(5)]);
    expect(filterCompleteness(cells, registry, { sponsor: '民办' }).map((c) => c.schoolCode)).toEqual([code(3), code(3)]);
    expect(filterCompleteness(cells, registry, { overdueOnly: true, submission: 'XNC' }).map((c) => c.schoolCode)).toEqual([code(3), code(4), code(5)]);
    const table = completenessTable(cells, registry);
    expect(table.header.slice(0, 9)).toEqual(['学校标识码', '学校名称', '所在乡镇（街道）', '办学类型', '举办者', '城乡分类', '报表', '期间', '状态']);
    expect(table.rows[2]!.slice(0, 14)).toEqual([code(1), schools[1]!.registry.name, schools[1]!.registry.township, '初级中学', '公办', '镇区', 'XNC', PERIOD, '逾期', 1, '2025-09-20', '2025-09-20T16:01:00.000Z', '2025-09-15', '是']);
  });

  it('beijingDay: an instant’s day in Beijing; a bare date is itself', () => {
    expect(beijingDay('2025-09-20T15:59:59.000Z')).toBe('2025-09-20');
    expect(beijingDay('2025-09-20T16:00:00.000Z')).toBe('2025-09-21');
    expect(beijingDay('2025-09-20')).toBe('2025-09-20');
  });
});
