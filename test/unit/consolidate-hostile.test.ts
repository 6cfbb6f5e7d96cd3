// The bureau receives the whole hostile corpus (test/hostile: two-way zips, bombs, formulas, error
// cells, tampered cells, other formats…): verifyReport never throws; every file a report reader
// must refuse gets a verdict that keeps no figures, with a Chinese message naming the file and no
// stack trace; no file of the corpus is accepted (its school's period is a 草稿).
import { beforeAll, describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import { verifyReport } from '../../shared/consolidate/verify';
import type { Registry } from '../../shared/consolidate/types';
import { buildCorpus, outcomeOf, type Corpus } from '../hostile/corpus';

const packs = seedPacks();
let corpus: Corpus;
let registry: Registry;

beforeAll(async () => {
  corpus = await buildCorpus(packs);
  const s = corpus.school;
  registry = {
    bureau: { name: '德阳市罗江区教育局', regionCode: '510626', packId: 'luojiang' },
    schools: [{ code: s.code, name: s.name, type: s.type, sponsor: s.sponsor, township: s.township, urbanRural: s.urbanRural }],
  };
}, 300_000);

describe('verifyReport on the hostile corpus', () => {
  it('refuses what a report reader must refuse, keeping nothing, in Chinese naming the file', () => {
    expect(corpus.files.length).toBeGreaterThan(100);
    const kinds = new Map<string, number>();
    for (const f of corpus.files) {
      const v = verifyReport(f.bytes, f.name, packs, registry);
      kinds.set(v.kind, (kinds.get(v.kind) ?? 0) + 1);
      expect(v.kind, f.name).not.toBe('accepted');
      expect(v.fileName).toBe(f.name);
      expect(v.byteLength).toBe(f.bytes.length);
      for (const p of v.problems) {
        expect(p.message.startsWith(`文件「${f.name}」`), `${f.name}: ${p.message}`).toBe(true);
        expect(p.message, f.name).not.toMatch(/\n\s+at |TypeError|RangeError|undefined/);
      }
      if (outcomeOf(f, 'report') === 'refuse') {
        expect(['refused', 'hashMismatch'], `${f.name}: ${v.kind}`).toContain(v.kind);
        expect(v.problems.length, f.name).toBeGreaterThan(0);
        expect(v.data, f.name).toBeUndefined();
        if (f.why && (f.whyFor ?? ['report']).includes('report')) expect(v.problems.map((p) => p.message).join('\n'), f.name).toMatch(f.why);
      }
      if (v.kind === 'auditFailed') expect(v.data, f.name).toBeDefined();
    }
    expect(kinds.get('refused')).toBeGreaterThan(50);
    expect(kinds.get('hashMismatch')).toBeGreaterThan(0);
  }, 300_000);
});
