// `xiaobiao template`: a blank workbook for a pack × submission × school type.
import { resolve } from 'node:path';
import { exportTemplate } from '../xlsx/template';
import { flag, UsageError, type Args } from './args';
import type { Io } from './commands';
import { appVersion, seedPacks } from './seeds';
import { writeOut } from './write-out';

export async function template(args: Args, io: Io): Promise<number> {
  const packId = flag(args, 'pack', 'luojiang');
  const pack = seedPacks().get(packId);
  if (!pack) throw new UsageError(`没有报表包“${packId}”，可选：${[...seedPacks().keys()].join('、')}`);
  let out;
  try {
    out = await exportTemplate({
      pack, submission: flag(args, 'submission'), schoolType: flag(args, 'school-type'),
      period: typeof args.flags.get('period') === 'string' ? flag(args, 'period') : undefined,
      today: io.today(), appVersion: appVersion(),
    });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError((e as Error).message);
  }
  const path = resolve(flag(args, 'out', out.fileName));
  await writeOut(io, path, out.bytes);
  io.out(path);
  return 0;
}
