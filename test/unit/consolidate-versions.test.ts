// Receiving versions of one school × submission × period: new, supersede (after the diff; the old
// one kept in history), the same file again (idempotent by sha256:all, even re-exported later),
// a lower version refused, two different files of one version a conflict, an unknown school
// listed, a rejected verdict never held.
import { describe, expect, it } from 'vitest';
import { verifyReport } from '../../shared/consolidate/verify';
import { applyReceive, describeReceiveAction, receiveAction, reportDiff, type ReportSlot } from '../../shared/consolidate/versions';
import { exportReport } from '../../shared/xlsx/export';
import { approvedPeriod, districtSchools, pack, packs, registryOf, workbookOf } from '../fixtures/district';

const [s0, stranger] = districtSchools(2);
const registry = registryOf([s0!]);

async function verdictOf(version: number, edit?: (rows: Record<string, unknown>[]) => void, now?: Date) {
  const data = approvedPeriod(s0!, 'XNC', version);
  if (edit) edit(data.sheets.classList!.rows!);
  const wb = now ? await exportReport({ pack, school: s0!.demo.school, data, appVersion: '1.0.0', now }) : await workbookOf(s0!, data);
  return verifyReport(wb.bytes, wb.fileName, packs, registry);
}

describe('receiveAction and the history it keeps', () => {
  it('new, then the same content again, then a higher version superseding with its diff, then a lower one refused', async () => {
    const v1 = await verdictOf(1);
    expect(v1.kind).toBe('accepted');
    let slot: ReportSlot = { history: [] };
    expect(receiveAction(slot.current, v1, registry)).toBe('new');
    slot = applyReceive(slot, v1, 'new', '2025-09-18T02:00:00.000Z');
    expect(slot.current).toMatchObject({ schoolCode: s0!.registry.code, version: 1, contentHash: v1.contentHash, fileSha256: v1.fileSha256 });

    // the very same bytes, and the same content exported again a day later (other bytes)
    expect(receiveAction(slot.current, v1, registry)).toBe('same');
    const again = await verdictOf(1, undefined, new Date('2025-09-19T08:00:00Z'));
    expect(again.fileSha256).not.toBe(v1.fileSha256);
    expect(again.contentHash).toBe(v1.contentHash);
    expect(receiveAction(slot.current, again, registry)).toBe('same');
    expect(applyReceive(slot, again, 'same', '2025-09-19T09:00:00.000Z')).toBe(slot);

    const v2 = await verdictOf(2, (rows) => (rows[0]!.headTeacher = '欧阳新'));
    expect(v2.kind).toBe('accepted');
    expect(receiveAction(slot.current, v2, registry)).toBe('supersede');
    const diff = reportDiff(pack, s0!.demo.school, slot.current!, v2);
    expect(diff.filter((c) => c.sheet === '班级名册')).toEqual([
      expect.objectContaining({ kind: 'changed', row: '第 1 行', column: '班主任', old: String(v1.data!.sheets.classList!.rows![0]!.headTeacher), new: '欧阳新' }),
    ]);
    expect(diff).toHaveLength(1);
    const before = slot;
    slot = applyReceive(slot, v2, 'supersede', '2025-09-25T02:00:00.000Z');
    expect(slot.current!.version).toBe(2);
    expect(slot.history).toEqual([before.current]);
    expect(describeReceiveAction('supersede', before.current, v2)).toContain('第 2 版将替换已收的第 1 版（旧版保留在历史中）');

    expect(receiveAction(slot.current, v1, registry)).toBe('lower');
    expect(applyReceive(slot, v1, 'lower', '2025-09-26T02:00:00.000Z')).toBe(slot);
    expect(describeReceiveAction('lower', slot.current, v1)).toContain('第 1 版低于已收的第 2 版，不予接收');
  });

  it('two different files with the version held are a conflict, never merged', async () => {
    const a = await verdictOf(3);
    const b = await verdictOf(3, (rows) => (rows[1]!.minority = Number(rows[1]!.minority) + 1));
    expect(b.kind).toBe('accepted');
    const slot = applyReceive({ history: [] }, a, 'new', '2025-09-18T02:00:00.000Z');
    expect(receiveAction(slot.current, b, registry)).toBe('conflict');
    expect(applyReceive(slot, b, 'conflict', '2025-09-18T03:00:00.000Z')).toBe(slot);
    // a held report of another period is no comparison: a caller's mistake, said so
    expect(() => receiveAction({ ...slot.current!, period: '2024-2025' }, b, registry)).toThrow('不是同一学校、报表和期间');
  });

  it('a school not in the registry is listed, not held; a rejected verdict is never held', async () => {
    const wb = await workbookOf(stranger!, approvedPeriod(stranger!, 'XNC'));
    const v = verifyReport(wb.bytes, wb.fileName, packs, registry);
    expect(v.kind).toBe('accepted');
    expect(receiveAction(undefined, v, registry)).toBe('unknownSchool');
    expect(describeReceiveAction('unknownSchool', undefined, v)).toContain('学校不在名册中');
    const draft = await verdictOf(1, undefined);
    const rejected = { ...draft, kind: 'auditFailed' as const };
    expect(receiveAction(undefined, rejected, registry)).toBe('rejected');
    expect(() => applyReceive({ history: [] }, rejected, 'new', '2025-09-18T02:00:00.000Z')).toThrow('只有通过校验的文件才能收存');
  });
});
