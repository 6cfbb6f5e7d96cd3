// The worker pool the CLI verifies with: real worker_threads running TypeScript through tsx, one
// task at a time each, results in task order and equal to verifying in-process, progress per file,
// cancel at once, and a worker that cannot start said in Chinese.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import { districtSchoolFiles, planDistrict } from '../../shared/demo/demo-district';
import { PoolCancelled, PoolError, runPool } from '../../shared/consolidate/worker-pool';
import { verifyReport } from '../../shared/consolidate/verify';
import { registryFromVerdict } from '../../shared/consolidate/registry';
import { reportValues, totalledSheets } from '../../shared/consolidate/totals-layout';
import type { HeldReport } from '../../shared/consolidate/types';
import type { VerifyOutcome, VerifyTask } from '../../shared/cli/verify-task';

const pack = seedPacks().get('luojiang')!;
const MODULE = new URL('../../shared/cli/verify-task.ts', import.meta.url).href;
let dir: string;
let tasks: VerifyTask[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xiaobiao-pool-'));
  const plan = planDistrict({ pack, schools: 12, seed: '4' });
  // one school of each case that gives a different verdict, and a second intact one
  const indexOf = (c: string, nth = 0) => plan.schools.map((s, i) => [s.case, i] as const).filter(([k]) => k === c)[nth]![1];
  const wanted = [indexOf('ok'), indexOf('tampered'), indexOf('draft'), indexOf('ok', 1)].map((i) => [plan.schools[i]!, i] as const);
  tasks = [];
  for (const [, i] of wanted) {
    for (const f of await districtSchoolFiles(pack, plan, i, 'test')) {
      writeFileSync(join(dir, f.name), f.bytes);
      tasks.push({ path: join(dir, f.name), name: f.name });
    }
  }
  tasks.push({ path: join(dir, '不存在.xlsx'), name: '不存在.xlsx' });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runPool', () => {
  it('verifies in worker threads with the same verdicts as in-process, in task order, with progress', async () => {
    const progress: number[] = [];
    const out = await runPool<VerifyTask, VerifyOutcome>({
      module: MODULE, factory: 'verifyWorker', init: { opts: {}, totals: { packId: pack.id, submission: 'XNC' } }, tasks, threads: 2,
      onProgress: (done) => progress.push(done),
    });
    const got = out.map((o) => o.verdict);
    expect(progress).toEqual(tasks.map((_, i) => i + 1));
    expect(got.map((v) => v.fileName)).toEqual(tasks.map((t) => t.name));
    const layouts = totalledSheets(pack, 'XNC');
    for (const [i, t] of tasks.slice(0, -1).entries()) {
      // the whole verdict, problems, counts and data included
      const here = verifyReport(readFileSync(t.path), t.name, seedPacks(), undefined);
      expect(got[i]).toEqual(here);
      // an accepted file's district values, placed on the worker's period memo, are the main thread's own
      if (here.kind !== 'accepted') expect(out[i]!.values).toBeUndefined();
      else {
        const held = { ...here, data: here.data!, contentHash: here.contentHash!, receivedAt: '' } as HeldReport;
        expect(out[i]!.values).toEqual(reportValues(pack, layouts, registryFromVerdict(here)!, held));
      }
    }
    expect(out.filter((o) => o.values).length).toBeGreaterThan(1);
    expect(new Set(got.map((v) => v.kind))).toEqual(new Set(['accepted', 'hashMismatch', 'auditFailed', 'refused']));
    expect(got.at(-1)!.problems[0]!.message).toContain('不存在.xlsx');
  });

  it('stops at once when cancelled, and before starting when already cancelled', async () => {
    const ctl = new AbortController();
    let seen = 0;
    await expect(runPool({ module: MODULE, factory: 'verifyWorker', init: { opts: {} }, tasks, threads: 1, signal: ctl.signal, onProgress: () => {
      seen++;
      ctl.abort();
    } })).rejects.toBeInstanceOf(PoolCancelled);
    expect(seen).toBe(1);
    const done = new AbortController();
    done.abort();
    await expect(runPool({ module: MODULE, factory: 'verifyWorker', tasks, signal: done.signal })).rejects.toBeInstanceOf(PoolCancelled);
  });

  it('says in Chinese when a worker cannot start', async () => {
    const err = await runPool({ module: MODULE, factory: 'noSuchFactory', tasks: [1] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PoolError);
    expect((err as Error).message).toMatch(/^工作线程无法启动/);
  });
});
