// Verifies many files in a few web workers (verify-worker.ts) — one per spare core, at least two
// (on the 2-core PCs bureaus have, the page itself only stores verdicts), at most four —
// reporting each verdict as it is reached, in any order. Cancel stops the workers at once: the
// files not yet verified get no verdict, and since nothing is stored before a verdict, nothing
// of them is stored. Without workers (tests, an old browser) the files are verified on the page.
import type { Pack } from '../../../shared/pack/schema';
import type { Registry, Verdict } from '../../../shared/consolidate/types';

export interface VerifyJob {
  name: string;
  bytes: Uint8Array;
}

export interface VerifyRun {
  /** resolves when every file has a verdict, or the run was cancelled */
  done: Promise<{ cancelled: boolean }>;
  cancel: () => void;
}

type Answer = { id: number; ok: true; verdict: Verdict } | { id: number; ok: false; message: string };

function defaultWorker(): Worker {
  return new Worker(new URL('./verify-worker.ts', import.meta.url), { type: 'module', name: '校表通核验报表' });
}

const refusedFor = (job: VerifyJob, message: string): Verdict => ({
  kind: 'refused', fileName: job.name, fileSha256: '', byteLength: job.bytes.byteLength, problems: [{ message }],
});

export function workerCount(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(2, Math.min(4, cores - 1));
}

async function onPage(jobs: readonly VerifyJob[], pack: Pack, registry: Registry, onVerdict: (i: number, v: Verdict) => void, stopped: () => boolean) {
  const { verifyReport } = await import('./engine');
  for (let i = 0; i < jobs.length && !stopped(); i++) {
    onVerdict(i, verifyReport(jobs[i]!.bytes, jobs[i]!.name, new Map([[pack.id, pack]]), registry));
    await new Promise((r) => setTimeout(r, 0)); // let the progress bar draw between files
  }
}

export function verifyFiles(
  jobs: readonly VerifyJob[],
  pack: Pack,
  registry: Registry,
  onVerdict: (index: number, verdict: Verdict) => void,
  create: (() => Worker) | null = typeof Worker === 'undefined' ? null : defaultWorker,
): VerifyRun {
  let cancelled = false;
  const workers: Worker[] = [];
  let finish: (r: { cancelled: boolean }) => void = () => undefined;
  const done = new Promise<{ cancelled: boolean }>((r) => (finish = r));
  const cancel = () => {
    if (cancelled) return;
    cancelled = true;
    for (const w of workers) w.terminate();
    finish({ cancelled: true });
  };
  if (!create) {
    onPage(jobs, pack, registry, onVerdict, () => cancelled).then(() => finish({ cancelled }));
    return { done, cancel };
  }
  let next = 0;
  let answered = 0;
  const current = new Map<Worker, number>();
  const feed = (w: Worker) => {
    if (cancelled || next >= jobs.length) return;
    const id = next++;
    current.set(w, id);
    // copied, not transferred: a worker that fails leaves the page the bytes to report on
    w.postMessage({ id, name: jobs[id]!.name, bytes: jobs[id]!.bytes, pack, registry });
  };
  const answer = (w: Worker, i: number, v: Verdict) => {
    if (cancelled) return;
    onVerdict(i, v);
    if (++answered === jobs.length) {
      for (const x of workers) x.terminate();
      finish({ cancelled: false });
    } else feed(w);
  };
  const n = Math.min(workerCount(), jobs.length);
  if (!n) finish({ cancelled: false });
  for (let k = 0; k < n; k++) {
    const w = create();
    workers.push(w);
    w.onmessage = (ev: MessageEvent) => {
      const a = ev.data as Answer;
      current.delete(w);
      answer(w, a.id, a.ok ? a.verdict : refusedFor(jobs[a.id]!, a.message));
    };
    w.onerror = (ev: ErrorEvent) => {
      ev.preventDefault?.();
      const i = current.get(w);
      current.delete(w);
      if (i !== undefined) answer(w, i, refusedFor(jobs[i]!, '核验时出错，请重试这个文件'));
    };
    feed(w);
  }
  return { done, cancel };
}
