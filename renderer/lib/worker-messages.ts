// What the app's workers (the data worker, the file reader) and the page say to each other that
// is not specific to one of them: the worker's side of the channel, and errors, which cross as
// name + message — all the page reads of them (saveErrorMessage tells a full disk by its name).

/** The worker's end of its channel (a dedicated worker's global scope). */
export interface WorkerPort {
  onmessage: ((ev: MessageEvent) => void) | null;
  postMessage: (message: unknown) => void;
}

export const workerPort = (): WorkerPort => self as unknown as WorkerPort;

export interface ErrorAnswer {
  name: string;
  message: string;
}

export function errorAnswer(e: unknown): ErrorAnswer {
  // Dexie wraps the browser's error: a full disk must keep its name through the wrapper
  const inner = (e as { inner?: { name?: unknown } } | undefined)?.inner;
  const name = inner?.name === 'QuotaExceededError' ? 'QuotaExceededError' : e instanceof Error ? e.name : 'Error';
  return { name, message: e instanceof Error ? e.message : String(e) };
}

export function errorFromAnswer(answer: ErrorAnswer): Error {
  const e = new Error(answer.message);
  e.name = answer.name;
  return e;
}
