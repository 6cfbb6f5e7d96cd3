// Every command that reads a file, on every hostile corpus file, in-process: no crash, no stack
// trace, exit 2 with a Chinese message naming the file — unless the file is one the command reads.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import { buildCorpus, outcomeOf, type CorpusFile } from '../hostile/corpus';
import { MAX_MS_PER_FILE } from '../hostile/entry-points';
import { cliRunner } from '../fixtures/cli-run';

const corpus = await buildCorpus(seedPacks());
const dir = mkdtempSync(join(tmpdir(), 'xb-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = cliRunner('2026-11-25');

/** The commands that read a file, and the reader whose verdict each one follows. */
const COMMANDS: { argv: (file: string) => string[]; reader: (f: CorpusFile) => 'report' | 'json' }[] = [
  { argv: (file) => ['read', file], reader: () => 'report' },
  { argv: (file) => ['read', file, '--json'], reader: () => 'report' },
  // check picks the workbook reader for a zip, an OLE file or a spreadsheet's name, else the data file reader
  { argv: (file) => ['check', file, '--submission', 'XNC', '--period', '2025-2026'], reader: (f) => (/\.json$/.test(f.name) && f.bytes[0] !== 0x50 && f.bytes[0] !== 0xd0 ? 'json' : 'report') },
  { argv: (file) => ['export', '--data', file, '--submission', 'XNC', '--period', '2025-2026', '--out', join(dir, 'out')], reader: () => 'json' },
];

describe(`xiaobiao on ${corpus.files.length} hostile files`, () => {
  it.each(corpus.files.map((f) => [f.name, f] as const))('%s', async (_, f) => {
    const file = join(dir, f.name);
    writeFileSync(file, f.bytes);
    for (const c of COMMANDS) {
      const t = performance.now();
      const r = await run(...c.argv(file));
      const err = r.err.join('\n');
      const where = `${c.argv(f.name).join(' ')} → ${r.code}: ${err.slice(0, 300)}`;
      expect(performance.now() - t, where).toBeLessThan(MAX_MS_PER_FILE);
      expect(err, where).not.toMatch(/内部错误|\n\s+at /);
      const want = outcomeOf(f, c.reader(f));
      // the data file holds several periods; the workbook's own period may differ from --period
      if (want === 'refuse') {
        expect(r.code, where).toBe(2);
        expect(err, where).toMatch(/^错误：.*[\u4e00-\u9fff]/);
        expect(err, where).toContain(`文件「${c.reader(f) === 'json' ? file : f.name}」`);
      } else expect([0, 1, 2], where).toContain(r.code);
    }
  }, COMMANDS.length * MAX_MS_PER_FILE);
});
