// The verify pool: files go to a few workers, each verdict is reported once as it arrives (in
// any order), a worker that breaks gives that file a Chinese refusal instead of a hang, and
// cancel stops every worker — no verdict arrives after it, so nothing more can be stored.
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../shared/consolidate/types';
import { verifyFiles } from '../../renderer/features/bureau/verify-pool';
import { luojiang } from './helpers';

const REGISTRY = { bureau: { name: '德阳市罗江区教育局', regionCode: '510626', packId: 'luojiang' }, schools: [] };

/** A stand-in for verify-worker.ts: answers after `delay(id)` ms, or fails on the ids in `broken`. */
class FakeWorker {
  static all: FakeWorker[] = [];
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(private delay: (id: number) => number, private broken: Set<number>) {
    FakeWorker.all.push(this);
  }
  postMessage(m: { id: number; name: string; registry: unknown; pack: { id: string } }) {
    expect(m.registry).toEqual(REGISTRY);
    expect(m.pack.id).toBe('luojiang');
    setTimeout(() => {
      if (this.terminated) return;
      if (this.broken.has(m.id)) return this.onerror?.({ preventDefault() {} } as ErrorEvent);
      const verdict: Verdict = { kind: 'accepted', fileName: m.name, fileSha256: `sha${m.id}`, byteLength: 1, problems: [] };
      this.onmessage?.({ data: { id: m.id, ok: true, verdict } } as MessageEvent);
    }, this.delay(m.id));
  }
  terminate() {
    this.terminated = true;
  }
}

const jobs = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `f${i}.xlsx`, bytes: new Uint8Array([i]) }));

describe('verifyFiles', () => {
  it('reports every file once, as it arrives, then stops its workers', async () => {
    FakeWorker.all = [];
    const got: [number, string][] = [];
    const run = verifyFiles(jobs(5), luojiang(), REGISTRY, (i, v) => got.push([i, v.fileName]), () => new FakeWorker((id) => (id === 0 ? 30 : 5), new Set()) as unknown as Worker);
    expect(await run.done).toEqual({ cancelled: false });
    expect([...got].sort()).toEqual([[0, 'f0.xlsx'], [1, 'f1.xlsx'], [2, 'f2.xlsx'], [3, 'f3.xlsx'], [4, 'f4.xlsx']]);
    expect(got[0]![0]).not.toBe(0); // the slow first file did not hold the others back
    expect(FakeWorker.all.length).toBeGreaterThanOrEqual(2);
    expect(FakeWorker.all.every((w) => w.terminated)).toBe(true);
  });

  it('a worker that breaks refuses that file in Chinese and goes on with the rest', async () => {
    const got = new Map<number, Verdict>();
    const run = verifyFiles(jobs(3), luojiang(), REGISTRY, (i, v) => got.set(i, v), () => new FakeWorker(() => 1, new Set([1])) as unknown as Worker);
    await run.done;
    expect(got.get(1)).toMatchObject({ kind: 'refused', fileName: 'f1.xlsx', problems: [{ message: '核验时出错，请重试这个文件' }] });
    expect(got.get(0)?.kind).toBe('accepted');
    expect(got.get(2)?.kind).toBe('accepted');
  });

  it('cancel stops every worker: no verdict comes after it', async () => {
    FakeWorker.all = [];
    const got: number[] = [];
    const run = verifyFiles(jobs(20), luojiang(), REGISTRY, (i) => {
      got.push(i);
      if (got.length === 3) run.cancel();
    }, () => new FakeWorker(() => 2, new Set()) as unknown as Worker);
    expect(await run.done).toEqual({ cancelled: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(got).toHaveLength(3);
    expect(FakeWorker.all.every((w) => w.terminated)).toBe(true);
  });
});
