// Cases from the review of the bureau's consolidation: a registry typed with half-width brackets
// accepts the school's full-width 封面 name; lateness goes by the first version when a round
// receives several at once; a kindergarten the registry says nothing about takes its 封面's 普惠;
// two different files of one version in one round are 冲突 and neither is counted.
import { describe, expect, it } from 'vitest';
import { verifyReport } from '../../shared/consolidate/verify';
import { parseRegistry } from '../../shared/consolidate/registry';
import { heldFromVerdict } from '../../shared/consolidate/versions';
import { completenessMatrix } from '../../shared/consolidate/completeness';
import { districtReports } from '../../shared/consolidate/district-reports';
import { receiveAll } from '../../shared/cli/consolidate-command';
import type { Registry } from '../../shared/consolidate/types';
import { approvedPeriod, districtSchools, pack, packs, registryOf, workbookOf, type DistrictSchool } from '../fixtures/district';

const [base] = districtSchools(1);

function named(s: DistrictSchool, name: string): DistrictSchool {
  return { demo: { ...s.demo, school: { ...s.demo.school, name } }, registry: { ...s.registry, name } };
}

describe('the review cases', () => {
  it('a name typed with half-width brackets in the registry matches the 封面 written full-width', async () => {
    const s = named(base!, '罗江区实验小学（东校区）');
    const csv = `学校标识码,学校名称,办学类型,举办者,所在乡镇（街道）,城乡分类\n${s.registry.code},罗江区实验小学(东校区),${s.registry.type},${s.registry.sponsor},${s.registry.township},${s.registry.urbanRural}\n`;
    const parsed = parseRegistry(new TextEncoder().encode(csv), '名册.csv', pack);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.schools[0]!.name).toBe('罗江区实验小学(东校区)'); // kept as typed
    const registry: Registry = { bureau: { name: '德阳市罗江区教育局', regionCode: '510626', packId: 'luojiang' }, schools: parsed.schools };
    const wb = await workbookOf(s, approvedPeriod(s, 'XNC', 1));
    expect(verifyReport(wb.bytes, wb.fileName, packs, registry).kind).toBe('accepted');
    // a really different name is still refused
    const other = await workbookOf(named(base!, '罗江区实验小学（西校区）'), approvedPeriod(s, 'XNC', 1));
    const v = verifyReport(other.bytes, other.fileName, packs, registry);
    expect(v.kind).toBe('refused');
    expect(v.problems.map((p) => p.message).join()).toMatch(/学校名称“罗江区实验小学（西校区）”与名册中的“罗江区实验小学\(东校区\)”不一致/);
  });

  it('v1 on time and its late correction v2, received in one round: 已报 by v1’s 报出日期', async () => {
    const s = base!;
    const registry = registryOf([s]);
    const v1wb = await workbookOf(s, approvedPeriod(s, 'XNC', 1, { reportDate: '2025-09-15' }));
    const v1 = verifyReport(v1wb.bytes, v1wb.fileName, packs, registry);
    const v2wb = await workbookOf(s, approvedPeriod(s, 'XNC', 2, { reportDate: '2025-10-08' }));
    const v2 = verifyReport(v2wb.bytes, v2wb.fileName, packs, registry);
    const at = '2025-11-20T04:00:00.000Z';
    const cells = completenessMatrix({
      pack, registry, periods: [{ submission: 'XNC', period: v1.period! }], held: [heldFromVerdict(v2, at)], history: [heldFromVerdict(v1, at)],
      now: at, lateBy: 'reportDate',
    });
    expect(cells[0]).toMatchObject({ state: '已报', version: 2, judgedDay: '2025-09-15' });
  });

  it('a kindergarten the registry says nothing about counts as 普惠 when its 封面 says so', () => {
    const kg = districtSchools(8).find((s) => s.registry.type === '幼儿园')!;
    const { puhui: _, ...unsaid } = kg.registry;
    const held = { schoolCode: kg.registry.code, submission: 'XNC', period: '2025-2026', version: 1, contentHash: 'x', fileSha256: 'y', receivedAt: '2025-09-10T00:00:00Z', data: approvedPeriod(kg, 'XNC') };
    expect(districtReports([unsaid], [{ ...held, puhui: true }])[0]!.school.puhui).toBe(true);
    expect(districtReports([{ ...unsaid, puhui: false }], [{ ...held, puhui: true }])[0]!.school.puhui).toBe(false); // the registry decides
    expect(districtReports([unsaid], [held])[0]!.school.puhui).toBeUndefined();
    expect(districtReports([], [held])).toEqual([]); // not in the registry: never counted
  });

  it('two different files of one version in one round: 冲突, neither counted', async () => {
    const s = base!;
    const registry = registryOf([s]);
    const a = await workbookOf(s, approvedPeriod(s, 'XNC', 1));
    const changed = approvedPeriod(s, 'XNC', 1);
    changed.sheets.classList!.rows![0]!.headTeacher = '欧阳新';
    const b = await workbookOf(s, changed);
    const verdicts = [verifyReport(a.bytes, 'a.xlsx', packs, registry), verifyReport(b.bytes, 'b.xlsx', packs, registry)];
    expect(verdicts.map((v) => v.kind)).toEqual(['accepted', 'accepted']);
    const r = receiveAll(verdicts, registry, '2025-09-10T00:00:00Z');
    expect(r.held).toEqual([]);
    expect(r.outcomes.map((o) => o.conflict)).toEqual([true, true]);
    const cells = completenessMatrix({ pack, registry, periods: [{ submission: 'XNC', period: verdicts[0]!.period! }], held: r.held, history: r.history, now: '2025-09-10T00:00:00Z', conflicts: r.conflicts });
    expect(cells[0]!.state).toBe('冲突');
    // a higher version in the same round settles it
    const v2 = await workbookOf(s, approvedPeriod(s, 'XNC', 2));
    const settled = receiveAll([...verdicts, verifyReport(v2.bytes, 'c.xlsx', packs, registry)], registry, '2025-09-10T00:00:00Z');
    expect(settled.held.map((h) => h.version)).toEqual([2]);
    expect(settled.conflicts).toEqual([]);
  });
});
