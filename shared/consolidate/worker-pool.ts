// A bounded pool of node worker_threads, one per core, for the CLI's heavy loops (verifying
// hundreds of received workbooks, exporting a demo district). Each worker loads a TypeScript
// module through tsx (pool-worker.mjs), asks its factory for a handler once, then handles one task
// at a time: at most `threads` tasks are in flight, so memory stays bounded whatever the count.
// Tasks and results cross as structured clones (plain JSON); byte buffers named by `transfer`
// are moved, not copied. Cancel with an AbortSignal: the workers are terminated at once.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';

export interface PoolOptions<T, R> {
  /** file:// URL of a TypeScript module exporting `factory` */
  module: string;
  /** name of the export: `(init) => (task) => R | Promise<R>` */
  factory: string;
  /** passed to the factory once per worker (structured clone) */
  init?: unknown;
  tasks: readonly T[];
  /** default: one per core (os.availableParallelism()), never more than there are tasks */
  threads?: number;
  signal?: AbortSignal;
  /** buffers of a task to move to its worker instead of copying */
  transfer?: (task: T) => ArrayBuffer[];
  onProgress?: (done: number, total: number, result: R, index: number) => void;
}

/** A worker that failed (could not start, threw outside its handler) or a handler that threw. */
export class PoolError extends Error {
  constructor(message: string, readonly index?: number) {
    super(message);
    this.name = 'PoolError';
  }
}

export class PoolCancelled extends Error {
  constructor() {
    super('已取消');
    this.name = 'PoolCancelled';
  }
}

type Reply = { ready: true } | { id: number; result: unknown } | { id: number; error: string } | { fatal: string };

/** A module URL without the query tsx adds under tsImport (`?tsx-namespace=…`): the worker's own
 * tsx would take a foreign namespace for "not mine" and load the TypeScript untransformed. */
export function plainUrl(url: string | URL): URL {
  const u = new URL(url);
  u.search = '';
  u.hash = '';
  return u;
}

const ENTRY = plainUrl(new URL('./pool-worker.mjs', import.meta.url));

export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/** Runs every task; results in task order. Rejects with PoolCancelled or PoolError. */
export function runPool<T, R>(o: PoolOptions<T, R>): Promise<R[]> {
  const total = o.tasks.length;
  const results = new Array<R>(total);
  if (!total) return Promise.resolve(results);
  const threads = Math.max(1, Math.min(o.threads ?? defaultThreads(), total));
  return new Promise<R[]>((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      o.signal?.removeEventListener('abort', onAbort);
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolve(results);
    };
    const onAbort = () => finish(new PoolCancelled());
    if (o.signal?.aborted) return finish(new PoolCancelled());
    o.signal?.addEventListener('abort', onAbort);

    const feed = (w: Worker) => {
      if (settled || next >= total) return;
      const id = next++;
      const task = o.tasks[id]!;
      w.postMessage({ id, task }, o.transfer?.(task) ?? []);
    };
    for (let i = 0; i < threads; i++) {
      const w = new Worker(ENTRY, { workerData: { module: plainUrl(o.module).href, factory: o.factory, init: o.init } });
      workers.push(w);
      w.on('message', (m: Reply) => {
        if (settled) return;
        if ('ready' in m) return feed(w);
        if ('fatal' in m) return finish(new PoolError(m.fatal));
        if ('error' in m) return finish(new PoolError(m.error, m.id));
        results[m.id] = m.result as R;
        done++;
        o.onProgress?.(done, total, m.result as R, m.id);
        if (done === total) return finish();
        feed(w);
      });
      w.on('error', (e) => finish(new PoolError(e.message)));
      w.on('exit', (code) => {
        if (!settled && code !== 0) finish(new PoolError(`工作线程意外退出（代码 ${code}）`));
      });
    }
  });
}
