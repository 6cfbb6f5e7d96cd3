// Keystrokes are written by the data worker (on the page only while it is hidden or without a
// worker), everything else on the page. IndexedDB orders transactions by when they are created,
// and the worker creates its transaction a moment after the key — so order is kept here, one
// way and the other:
//   - a page write that can follow typing (a fill, a paste, 审核通过, an import) starts through
//     afterKeystrokes, after every keystroke write started before it (however that ended);
//   - a keystroke typed while such a page write is still waiting or running starts after it.

let keystrokes: Promise<void> = Promise.resolve();
let pageWrites: Promise<void> = Promise.resolve();
let pagePending = 0;

const settle = (p: Promise<unknown>) => p.then(() => undefined, () => undefined);

/**
 * Starts a keystroke write: at once (the usual case, no latency added), or after the page writes
 * still waiting or running. Returns the write's promise.
 */
export function startKeystroke<T>(write: () => Promise<T>): Promise<T> {
  const done = pagePending ? pageWrites.then(write) : write();
  keystrokes = Promise.all([keystrokes, settle(done)]).then(() => undefined);
  return done;
}

/** Runs a page write after every keystroke write started before it. */
export function afterKeystrokes<T>(write: () => Promise<T>): Promise<T> {
  pagePending++;
  const run = keystrokes.then(write);
  const finished = settle(run).then(() => {
    pagePending--;
  });
  pageWrites = Promise.all([pageWrites, finished]).then(() => undefined);
  return run;
}
