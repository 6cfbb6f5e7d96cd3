// Issue 3's "done when": for both bureaus and every school type, the demo school's every
// period audits with no 逻辑校验 error and exports a workbook that reads back intact.
import { describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import { demoSchool } from '../../shared/demo/demo-school';
import { runAudit } from '../../shared/audit/run';
import { exportReport } from '../../shared/xlsx/export';
import { readReport } from '../../shared/xlsx/read';
import { findPeriod, type SchoolData } from '../../shared/model/data';
import { previousPeriod } from '../../shared/model/period';
import { findSubmission } from '../../shared/pack/applicability';

const packs = seedPacks();
const lookupIn = (d: SchoolData) => (sub: string, period: string) => findPeriod(d, sub, period);

describe('every demo school, every submission', () => {
  for (const pack of packs.values())
    for (const type of pack.schoolTypes.map((t) => t.id))
      it(`${pack.id} ${type}`, async () => {
        const demo = demoSchool({ pack, type, today: '2026-01-15' });
        expect(new Set(demo.periods.map((p) => p.submission))).toEqual(new Set(pack.submissions.map((s) => s.code)));
        for (const data of demo.periods) {
          const kind = findSubmission(pack, data.submission)!.periodKind;
          const previous = findPeriod(demo, data.submission, previousPeriod(kind, data.period));
          const findings = runAudit({ pack, school: demo.school, data, previous, lookup: lookupIn(demo), history: demo.periods.filter((p) => p.submission === data.submission && p.period < data.period) });
          const errors = findings.filter((f) => f.severity === 'error').map((f) => f.message);
          expect([data.submission, data.period, errors]).toEqual([data.submission, data.period, []]);
          const r = await exportReport({ pack, school: demo.school, data, previous, lookup: lookupIn(demo), appVersion: 'test' });
          const back = readReport(r.bytes, packs, { fileName: r.fileName });
          expect(back.hashMismatches).toEqual([]);
          expect(back.school).toEqual(demo.school);
        }
      }, 60_000);
});
