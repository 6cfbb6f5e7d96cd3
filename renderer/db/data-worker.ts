// The data worker: runs keystroke writes and period-view reads (worker-jobs.ts) on a thread of
// their own. On the page's main thread a transaction started by a keystroke waits for the frame
// that paints the key before each of its reads returns (Chromium gives rendering priority after
// input), and a read transaction stays open until the page, busy painting, takes its answers —
// holding back the next keystroke's write. Here nothing competes with them. Writes run one after
// another in the order posted, as they would on the page; a read does not wait behind them (it
// is asked for after the writes it should see have committed, and IndexedDB orders the rest).
import { workerPort } from '../lib/worker-messages';
import { failureOf, isWorkerJob, runJob, type JobAnswer } from './worker-jobs';

const port = workerPort();

let chain: Promise<void> = Promise.resolve();

port.onmessage = (ev: MessageEvent) => {
  const { id, job } = (ev.data ?? {}) as { id?: unknown; job?: unknown };
  if (typeof id !== 'number') return;
  const run = async () => {
    let answer: JobAnswer;
    try {
      if (!isWorkerJob(job)) throw new Error('数据线程收到的请求格式不正确');
      const value = await runJob(job);
      answer = value === undefined ? { id, ok: true } : { id, ok: true, value };
    } catch (e) {
      answer = failureOf(id, e);
    }
    port.postMessage(answer);
  };
  if (isWorkerJob(job) && job.kind === 'periodView') void run();
  else chain = chain.then(run);
};

// the page waits for this before it sends anything: a worker that fails to load never says it
port.postMessage({ ready: true });
