// Work that can wait until the browser has nothing better to do, a little at a time: a
// dropdown mounted while the list scrolls completes its option list here (ledger-cell.tsx), so
// the frames of the scroll itself only mount what is seen. Jobs run while the idle period lasts
// (each renders its cell at once, flushSync, so the time left is real), at least a few per period
// so that a busy machine still gets there; many at once would be the long frame this avoids.
type Job = () => void;

const queue = new Set<Job>();
let scheduled = false;
/** jobs per idle period however little time is left: about one row of dropdowns */
const PER_SLICE = 16;
/** ms of an idle period kept free */
const SPARE_MS = 3;
/** under load there may be no idle period: run anyway after this long */
const TIMEOUT_MS = 500;

const idle: (cb: (deadline?: IdleDeadline) => void) => void =
  typeof requestIdleCallback === 'function' ? (cb) => requestIdleCallback(cb, { timeout: TIMEOUT_MS }) : (cb) => setTimeout(cb, 16);

function drain(deadline?: IdleDeadline) {
  scheduled = false;
  let n = 0;
  for (const job of queue) {
    queue.delete(job);
    job();
    if (++n >= PER_SLICE && !(deadline && !deadline.didTimeout && deadline.timeRemaining() > SPARE_MS)) break;
  }
  if (queue.size) schedule();
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  idle(drain);
}

/** Runs `job` in a later idle period; the returned function cancels it (a cell scrolled away). */
export function whenIdle(job: Job): () => void {
  queue.add(job);
  schedule();
  return () => void queue.delete(job);
}
