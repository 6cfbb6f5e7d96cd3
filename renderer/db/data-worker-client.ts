// Where keystroke writes and period-view reads run: in the data worker (data-worker.ts) when one
// could start, else on the page — a page opened from file:// may not start workers, and tests
// have none. Either way a write is one transaction with its 修改记录, and its promise settles
// when it is on disk (or failed, with the error's name and message).
//
// Order: page writes that may follow typing wait for the keystrokes before them (write-order.ts).
import type { PeriodViewData, PeriodViewQuery } from './period-view';
import { startKeystroke } from './write-order';
import { errorFromAnswer } from '../lib/worker-messages';
import { runJob, type JobAnswer, type KeystrokeWrite, type WorkerJob } from './worker-jobs';

interface Waiting {
  job: WorkerJob;
  /** handed to the worker (else queued until it is ready) */
  sent: boolean;
  resolve: (value: unknown) => void;
  reject: (e: Error) => void;
}

let worker: Worker | undefined;
let ready = false;
let nextId = 1;
/** not answered yet */
const waiting = new Map<number, Waiting>();

/**
 * The worker failed (did not load, or stopped): the page runs the jobs from now on. Jobs still
 * queued were never sent and run here; a sent write may or may not have been written, so it is
 * reported as failed (保存失败, the user types it again) rather than risked twice.
 */
function giveUp(reason: string): void {
  console.warn(`数据线程不可用，改在页面中读写：${reason}`);
  worker?.terminate();
  worker = undefined;
  ready = false;
  for (const [id, entry] of waiting) {
    waiting.delete(id);
    if (entry.sent && entry.job.kind !== 'periodView') entry.reject(new Error('数据线程意外停止，这次修改可能没有保存，请检查后重新输入'));
    else runJob(entry.job).then(entry.resolve, entry.reject);
  }
}

function post(id: number, entry: Waiting): void {
  entry.sent = true;
  worker!.postMessage({ id, job: entry.job });
}

function onAnswer(ev: MessageEvent): void {
  const data = ev.data as JobAnswer | { ready: true };
  if ('ready' in data) {
    ready = true;
    for (const [id, entry] of waiting) post(id, entry);
    return;
  }
  const entry = waiting.get(data.id);
  if (!entry) return;
  waiting.delete(data.id);
  if (data.ok) entry.resolve(data.value);
  else entry.reject(errorFromAnswer(data));
}

/**
 * Starts the data worker. Call once the database is open at this version (start-app.tsx): the worker
 * opens it too, and must never be the connection that upgrades it.
 */
export function startDataWorker(create?: () => Worker): void {
  if (worker || (!create && typeof Worker === 'undefined')) return;
  try {
    worker = (create ?? defaultWorker)();
  } catch (e) {
    console.warn('数据线程无法启动，改在页面中读写', e);
    worker = undefined;
    return;
  }
  worker.onmessage = onAnswer;
  worker.onerror = (ev) => {
    ev.preventDefault?.();
    giveUp(ev.message || '加载失败');
  };
}

function defaultWorker(): Worker {
  return new Worker(new URL('./data-worker.ts', import.meta.url), { type: 'module', name: '校表通数据线程' });
}

/** Stops the worker (tests): later jobs run on the page. */
export function stopDataWorker(): void {
  if (worker) giveUp('已停止');
}

function run(job: WorkerJob, onPage: boolean): Promise<unknown> {
  if (!worker || onPage) return runJob(job);
  return new Promise((resolve, reject) => {
    const id = nextId++;
    const entry: Waiting = { job, sent: false, resolve, reject };
    waiting.set(id, entry);
    if (ready) post(id, entry);
  });
}

/** Writes one keystroke; settles once it is on disk. */
export function writeKeystroke(write: KeystrokeWrite): Promise<void> {
  return startKeystroke(() => {
    // a page being closed or hidden writes on its own thread, its transaction started before
    // this returns: a worker may be stopped with the page before it even reads the message —
    // unless earlier keystrokes are still with the worker, which this one must not overtake
    const hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden' && ![...waiting.values()].some((w) => w.job.kind !== 'periodView');
    return run(write, hidden).then(() => undefined);
  });
}

/** Reads a period view (period-view.ts) off the page's thread when it can. */
export function readPeriodView(query: PeriodViewQuery): Promise<PeriodViewData> {
  return run({ kind: 'periodView', query }, false) as Promise<PeriodViewData>;
}
