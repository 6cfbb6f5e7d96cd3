// `xiaobiao demo-district --pack P --schools N --out DIR [--seed S] [--submission XNC] [--period 2025-2026]`:
// a demo district's workbooks, registry.csv and manifest.json (which school is which case), for
// tests, demos and the bench. The exports run on worker threads, one per core.
import { mkdirSync } from 'node:fs';
import { writeOut } from './write-out';
import { join, resolve } from 'node:path';
import { DemoDistrictError, districtManifest, districtSchoolFiles, planDistrict, registryCsv, type DistrictPlan } from '../demo/demo-district';
import { runPool } from '../consolidate/worker-pool';
import { flag, UsageError, type Args } from './args';
import { appVersion, seedPacks } from './seeds';
import { InputError, type Io } from './commands';

/** Below this many schools the threads cost more to start than they save. */
const POOL_FROM = 24;

export interface DemoTask {
  index: number;
  dir: string;
}

/** Worker side (pool-worker.mjs): writes one school's files, returns their names. */
export function demoDistrictWorker(init: { plan: DistrictPlan; appVersion: string }) {
  const pack = seedPacks().get(init.plan.packId)!;
  return async ({ index, dir }: DemoTask): Promise<string[]> => writeSchool(pack, init.plan, index, dir, init.appVersion);
}

async function writeSchool(pack: Parameters<typeof districtSchoolFiles>[0], plan: DistrictPlan, index: number, dir: string, version: string): Promise<string[]> {
  const files = await districtSchoolFiles(pack, plan, index, version);
  for (const f of files) await writeOut({}, join(dir, f.name), f.bytes);
  return files.map((f) => f.name);
}

export async function demoDistrict(args: Args, io: Io): Promise<number> {
  const packId = flag(args, 'pack', 'luojiang');
  const pack = seedPacks().get(packId);
  if (!pack) throw new UsageError(`没有报表包“${packId}”，可选：${[...seedPacks().keys()].join('、')}`);
  const count = flag(args, 'schools');
  if (!/^\d+$/.test(count)) throw new UsageError(`--schools “${count}”应为学校数，如 300`);
  let plan: DistrictPlan;
  try {
    plan = planDistrict({
      pack, schools: Number(count), seed: flag(args, 'seed', '1'),
      submission: flag(args, 'submission', 'XNC'), period: flag(args, 'period', '2025-2026'),
    });
  } catch (e) {
    if (e instanceof DemoDistrictError) throw new UsageError(e.message);
    throw e;
  }
  const dir = resolve(flag(args, 'out'));
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new InputError(`目录「${dir}」无法创建：${(e as Error).message}`);
  }
  const started = performance.now();
  const version = appVersion();
  const tasks = plan.schools.map((_, index) => ({ index, dir }));
  if (tasks.length < POOL_FROM) {
    for (const t of tasks) await writeSchool(pack, plan, t.index, dir, version);
  } else {
    await runPool<DemoTask, string[]>({
      module: import.meta.url, factory: 'demoDistrictWorker', init: { plan, appVersion: version }, tasks,
      onProgress: (done, total) => {
        if (done % 100 === 0 || done === total) io.err(`已生成 ${done}/${total} 所学校`);
      },
    });
  }
  await writeOut(io, join(dir, 'registry.csv'), registryCsv(plan));
  await writeOut(io, join(dir, 'manifest.json'), JSON.stringify(districtManifest(plan), null, 2) + '\n');
  const by = (c: string) => plan.schools.filter((s) => s.case === c).length;
  const files = plan.schools.reduce((n, s) => n + s.files.length, 0);
  io.err(
    `已生成示例学区 ${plan.bureau}：名册 ${plan.schools.filter((s) => s.registered).length} 所学校，${files} 个工作簿` +
      `（未报 ${by('missing')}，改动 ${by('tampered')}，两版 ${by('superseded')}，逾期 ${by('late')}，草稿 ${by('draft')}，名册外 ${by('unknown')}），` +
      `用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`,
  );
  io.out(dir);
  return 0;
}
