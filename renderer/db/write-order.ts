// Keystrokes are written by the data worker, everything else on the page: a page write started
// right after a keystroke (a fill, a paste, 审核通过, an import) must not overtake it — IndexedDB
// orders transactions by creation, and the worker creates its transaction a moment later. So page
// writes that can follow typing start through afterKeystrokes, which waits for every keystroke
// write started before (however it ended).

let settled: Promise<void> = Promise.resolve();

/** Called by the data worker client for each keystroke write it starts. */
export function keystrokeStarted(done: Promise<unknown>): void {
  settled = Promise.all([settled, done.catch(() => undefined)]).then(() => undefined);
}

/** Runs a page write after every keystroke write started before it. */
export function afterKeystrokes<T>(write: () => Promise<T>): Promise<T> {
  return settled.then(write);
}
