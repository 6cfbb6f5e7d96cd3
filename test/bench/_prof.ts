import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, extname } from 'node:path';
const root = process.env.XB_DIST_WEB!;
const server = createServer((q, r) => { const p = q.url === '/' ? '/index.html' : q.url!.split('?')[0]!; let b: Buffer; try { b = readFileSync(join(root, p)); } catch { return void r.writeHead(404).end(); } r.writeHead(200, { 'content-type': extname(p) === '.js' ? 'text/javascript' : extname(p) === '.css' ? 'text/css' : 'text/html' }).end(b); });
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${(server.address() as any).port}/`;
const ctx = await chromium.launchPersistentContext(mkdtempSync('/tmp/xbp-'), { executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = ctx.pages()[0]!;
await page.goto(url + 'favicon.svg');
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.goto(url);
await page.getByTestId('setup-name').waitFor({ timeout: 60000 });
await page.waitForTimeout(300);
const { profile } = (await cdp.send('Profiler.stop')) as any;
await ctx.close(); server.close();
// self time per node
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const self = new Map<number, number>();
for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
// source map
const B64='ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const maps = new Map<string, any>();
function load(file: string) {
  if (maps.has(file)) return maps.get(file);
  let m: any = null;
  try {
    const sm = JSON.parse(readFileSync(join(root, 'assets', file + '.map'), 'utf8'));
    const lines: [number, number][][] = []; let src = 0;
    for (const ml of sm.mappings.split(';')) { let col = 0; const pts: [number, number][] = [];
      for (const s of ml.split(',').filter(Boolean)) { const vals: number[] = []; let v = 0, sh = 0; for (const ch of s) { let d = B64.indexOf(ch); const c = d & 32; d &= 31; v += d << sh; if (c) sh += 5; else { const neg = v & 1; v >>= 1; vals.push(neg ? -v : v); v = 0; sh = 0; } } col += vals[0]!; if (vals.length > 1) src += vals[1]!; pts.push([col, vals.length > 1 ? src : -1]); }
      lines.push(pts); }
    m = { sm, lines };
  } catch {}
  maps.set(file, m); return m;
}
const keyOf = new Map<number, string>();
const agg = new Map<string, number>(); let total = 0;
for (const [id, t] of self) {
  const n: any = byId.get(id); const cf = n.callFrame; total += t;
  keyOf.set(id, '');
  let key = cf.functionName || '(anon)';
  const file = cf.url.split('/').pop();
  const m = file && load(file);
  if (m && cf.lineNumber >= 0) { const pts = m.lines[cf.lineNumber] ?? []; let s = -1; for (const p of pts) { if (p[0] <= cf.columnNumber) s = p[1]; else break; } const src = s >= 0 ? m.sm.sources[s] : '?'; const mm = src.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/); key = mm ? mm[1] : src.replace(/^(\.\.\/)+/, ''); }
  else key = `${cf.url ? 'js' : ''}${key}`;
  agg.set(key, (agg.get(key) ?? 0) + t);
  keyOf.set(id, key);
}
// timeline: 250 ms buckets from navigation (profile start ≈ just before goto)
let at = 0; const buckets: Map<string, number>[] = [];
for (let i = 0; i < profile.samples.length; i++) { at += profile.timeDeltas[i] ?? 0; const b = Math.floor(at / 250000); (buckets[b] ??= new Map()).set(keyOf.get(profile.samples[i]) ?? '?', ((buckets[b]!.get(keyOf.get(profile.samples[i]) ?? '?') ?? 0) + (profile.timeDeltas[i+1] ?? 0))); }
buckets.forEach((m, b) => console.log(String(b * 250).padStart(6), [...m].sort((x, y) => y[1] - x[1]).slice(0, 4).map(([k, t]) => `${k} ${(t / 1000).toFixed(0)}`).join(' | ')));
console.log('total ms', (total / 1000).toFixed(0));
console.log([...agg].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, t]) => `${(t / 1000).toFixed(0).padStart(6)} ${k}`).join('\n'));
