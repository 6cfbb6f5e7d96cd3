// The database is unchanged by every hostile corpus file: a demo school is loaded, the whole
// database (all tables, canonical JSON) is hashed, every file goes through every entry point the
// app has for files — restore of a workbook (read + preview), the data file and a backup (read +
// replace), the roster import (decode) — and the hash afterwards is the same.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../renderer/db/db';
import { replaceSchoolData } from '../../renderer/db/replace-all';
import { previewRestore } from '../../renderer/features/backup/restore-preview';
import { packList } from '../../renderer/lib/packs';
import { readSchoolDataFile } from '../../shared/model/data-file';
import { decodeSpreadsheet } from '../../shared/import/decode';
import { parseBackup } from '../../shared/backup/backup-file';
import { sha256 } from '../../shared/hash/sha256';
import { buildCorpus, outcomeOf } from '../hostile/corpus';
import { isUserMessage, MAX_MS_PER_FILE } from '../hostile/entry-points';
import { resetAll } from './helpers';

const packs = new Map(packList().map((p) => [p.id, p]));
const corpus = await buildCorpus(packs);

/** Keys sorted at every level, so equal content gives equal text whatever the insertion order. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  return v;
}

async function databaseHash(): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const t of db.tables) tables[t.name] = await t.toArray();
  return sha256(new TextEncoder().encode(JSON.stringify(canonical(tables))));
}

type Entry = (name: string, bytes: Uint8Array) => Promise<unknown>;
const ENTRIES: Record<'restore' | 'json' | 'import' | 'backup', Entry> = {
  restore: (name, bytes) => previewRestore(name, bytes, packs, corpus.school),
  import: async (name, bytes) => decodeSpreadsheet(name, bytes),
  backup: async (name, bytes) => replaceSchoolData(parseBackup(name, bytes)),
  json: async (name, bytes) => replaceSchoolData(readSchoolDataFile(name, bytes)),
};

describe(`the database after ${corpus.files.length} hostile files`, () => {
  beforeAll(async () => {
    await resetAll();
    await replaceSchoolData(JSON.parse(JSON.stringify(corpus.demo)));
  });

  it('is unchanged, and every refusal is a Chinese message naming the file', async () => {
    const before = await databaseHash();
    expect(await db.rows.count()).toBeGreaterThan(0);
    let refused = 0;
    for (const f of corpus.files) {
      for (const [at, feed] of Object.entries(ENTRIES) as [keyof typeof ENTRIES, Entry][]) {
        // files a reader accepts would legitimately write once the user confirms: only the rest are fed
        if (outcomeOf(f, at) !== 'refuse') continue;
        const t = performance.now();
        const error = await feed(f.name, f.bytes).then(() => undefined, (e: unknown) => e as Error);
        expect(error, `${f.name} → ${at} was accepted`).toBeInstanceOf(Error);
        expect(isUserMessage(error!.message, f.name), `${f.name} → ${at}: ${error!.message}`).toBe(true);
        expect(performance.now() - t).toBeLessThan(MAX_MS_PER_FILE);
        refused++;
      }
    }
    expect(refused).toBeGreaterThanOrEqual(600);
    expect(await databaseHash()).toBe(before);
  }, 240_000);
});
