// Every hostile corpus file through every reader (workbook read, restore read, data file, roster
// import, backup): a Chinese refusal naming the file (and sheet/row/column where they apply) or the
// documented warning; never an uncaught exception, never a hang.
import { describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import { buildCorpus, INJECTIONS, outcomeOf, type EntryPoint } from '../hostile/corpus';
import { attempt, isUserMessage, MAX_MS_PER_FILE } from '../hostile/entry-points';
import type { PeriodWorkbook } from '../../shared/xlsx/read-period';
import { cleanText } from '../../shared/model/clean-text';

const packs = seedPacks();
const corpus = await buildCorpus(packs);
const ENTRY_POINTS: EntryPoint[] = ['report', 'restore', 'json', 'import', 'backup'];

describe(`hostile corpus of ${corpus.files.length} files`, () => {
  it('has at least 200 files with distinct names', () => {
    expect(corpus.files.length).toBeGreaterThanOrEqual(200);
    expect(new Set(corpus.files.map((f) => f.name)).size).toBe(corpus.files.length);
  });

  it.each(corpus.files.map((f) => [f.name, f] as const))('%s', (_, f) => {
    for (const at of ENTRY_POINTS) {
      const a = attempt(f, at, packs, corpus.school);
      const where = `${f.name} → ${at}: ${a.message.slice(0, 300)}`;
      expect(a.unexpected, where).toBeUndefined();
      expect(a.ms, where).toBeLessThan(MAX_MS_PER_FILE);
      const want = outcomeOf(f, at);
      if (want !== 'any') expect(a.outcome, where).toBe(want);
      if (a.outcome === 'refuse') expect(isUserMessage(a.message, f.name), where).toBe(true);
      if (f.why && f.whyFor?.includes(at)) expect(a.message, where).toMatch(f.why);
    }
  }, 3 * MAX_MS_PER_FILE);

  it('a workbook edited after export is restored only with the warning saying so', () => {
    const a = attempt(corpus.files.find((f) => f.name === 'tampered.xlsx')!, 'restore', packs, corpus.school);
    expect(a.outcome).toBe('warn');
    expect(a.message).toMatch(/文件在导出后被改动过（班级名册 的内容与导出时的校验值不符）/);
  });

  it('formula-like text in a list comes back as the same text', () => {
    const a = attempt(corpus.files.find((f) => f.name === 'injection.xlsx')!, 'restore', packs, corpus.school);
    const rows = (a.value as PeriodWorkbook).data.sheets.classList!.rows!;
    expect(rows.slice(0, INJECTIONS.length).map((r) => r.className)).toEqual(INJECTIONS.map(cleanText)); // CR reads as LF (clean-text.ts)
  });
});
