// 载入示例学校 (and later restore): a whole data file replaces the database in one transaction,
// or nothing changes.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../renderer/db/db';
import { replaceSchoolData } from '../../renderer/db/replace-all';
import { loadSnapshot } from '../../renderer/features/backup/snapshot';
import { getSchool } from '../../renderer/features/setup/school-repo';
import { addRow } from '../../renderer/features/entry/rows-repo';
import { demoSchool } from '../../shared/demo/demo-school';
import { runAudit } from '../../shared/audit/run';
import { packList } from '../../renderer/lib/packs';
import { resetAll } from './helpers';

beforeEach(resetAll);
const pack = packList().find((p) => p.id === 'luojiang')!;
const strip = (rows: { id: string }[] | undefined) => (rows ?? []).map(({ id: _, ...r }) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)));

describe('replaceSchoolData', () => {
  it('puts every period of a demo school in the database, and its 说明 still explain its warnings', async () => {
    await addRow({ submission: 'XNC', period: '2019-2020', sheetId: 'classList' }, { className: '旧数据' });
    const demo = demoSchool({ pack, type: '小学', today: '2026-11-25' });
    await replaceSchoolData(JSON.parse(JSON.stringify(demo)));
    expect(await getSchool()).toEqual(demo.school);
    expect(await db.rows.where('[submission+period]').equals(['XNC', '2019-2020']).count()).toBe(0);
    for (const p of demo.periods) {
      const snap = await loadSnapshot({ submission: p.submission, period: p.period });
      for (const [sheetId, entry] of Object.entries(p.sheets)) {
        if (entry.rows) expect([sheetId, strip(snap.sheets[sheetId]?.rows)]).toEqual([sheetId, strip(entry.rows)]);
        if (entry.cells) expect([sheetId, snap.sheets[sheetId]?.cells]).toEqual([sheetId, entry.cells]);
      }
      const warnings = runAudit({ pack, school: demo.school, data: snap }).filter((f) => f.severity === 'warning');
      const explained = warnings.filter((f) => snap.explanations?.[f.key]);
      expect(explained.length).toBe(Object.keys(p.explanations ?? {}).length);
    }
  });

  it('a file of the wrong shape changes nothing', async () => {
    const demo = demoSchool({ pack, type: '小学', today: '2026-11-25' });
    await replaceSchoolData(demo);
    const before = await db.rows.count();
    const bad = JSON.parse(JSON.stringify(demo));
    bad.periods[0].sheets.classList.rows[0].students = { many: true };
    await expect(replaceSchoolData(bad)).rejects.toThrow();
    expect(await db.rows.count()).toBe(before);
    expect((await getSchool())?.name).toBe(demo.school.name);
  });
});
