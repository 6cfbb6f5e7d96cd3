// IndexedDB commit latency in real Chromium with `durability: 'strict'` (fsync before the commit
// event) against 'relaxed' (Chromium's default since 121): one edit = one readwrite transaction
// putting a ledger row and adding its 修改记录 entry, as rows-repo does. Prints p50/p95 in ms;
// docs/durability.md records the choice these numbers support. Run: `npm run bench` (or this file alone).
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// the e2e harness's flags (not imported: the harness is CommonJS-only through __dirname)
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const EDITS = Number(process.env.BENCH_IDB_EDITS ?? 300);

async function page() {
  const server = createServer((_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>bench</title>'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  // a profile on disk: a plain new context is off the record, its IndexedDB in memory and never fsynced
  const profile = mkdtempSync(join(process.env.BENCH_IDB_DIR ?? tmpdir(), 'xiaobiao-idb-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const p = await context.newPage();
  await p.goto(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
  return { p, close: async () => (await context.close(), server.close(), rmSync(profile, { recursive: true, force: true })) };
}

// A string, not a function: the TypeScript runner's helpers (__name) do not exist inside the page.
const IN_PAGE = `async (durability, edits) => {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('bench-' + durability, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore('rows', { keyPath: 'id' });
      req.result.createObjectStore('changes', { autoIncrement: true });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const times = [];
  for (let i = 0; i < edits; i++) {
    const t = performance.now();
    await new Promise((resolve, reject) => {
      const tx = db.transaction(['rows', 'changes'], 'readwrite', { durability });
      tx.objectStore('rows').put({ id: 'r' + (i % 50), submission: 'XNC', period: '2025-2026', sheetId: 'classList', seq: i, values: { className: '一年级（' + i + '）班', students: 45 } });
      tx.objectStore('changes').add({ at: new Date().toISOString(), who: '王芳', field: 'students', old: 44, new: 45 });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    times.push(performance.now() - t);
  }
  db.close();
  times.sort((a, b) => a - b);
  const at = (q) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] * 100) / 100;
  return { p50: at(0.5), p95: at(0.95) };
}`;

export async function benchIdbDurability(): Promise<Record<string, { p50: number; p95: number }>> {
  const { p, close } = await page();
  try {
    const out: Record<string, { p50: number; p95: number }> = {};
    for (const durability of ['relaxed', 'strict'] as const) {
      out[durability] = (await p.evaluate(`(${IN_PAGE})(${JSON.stringify(durability)}, ${EDITS})`)) as { p50: number; p95: number };
    }
    return out;
  } finally {
    await close();
  }
}

if (process.argv[1]?.endsWith('idb-durability.ts')) {
  const r = await benchIdbDurability();
  console.log(`IndexedDB commit, ${EDITS} edits (ms)`);
  for (const [k, v] of Object.entries(r)) console.log(`  ${k.padEnd(8)} p50 ${v.p50}  p95 ${v.p95}`);
}
