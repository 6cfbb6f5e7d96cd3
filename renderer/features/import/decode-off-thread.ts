// decodeSpreadsheet in a worker (decode-worker.ts), so the window stays responsive while a big
// roster is read; on the page itself when no worker can start (tests, a browser without module
// workers) or the worker fails to load. Same result, same Chinese error messages either way.
import type { DecodedBook } from '../../../shared/import/decode';
import { errorFromAnswer, type ErrorAnswer } from '../../lib/worker-messages';

// loaded only when the page must read the file itself: SheetJS is a third of a megabyte the
// first screen does not need (the worker carries its own copy)
const onPage = async (name: string, bytes: Uint8Array): Promise<DecodedBook> =>
  (await import('../../../shared/import/decode')).decodeSpreadsheet(name, bytes);

function defaultWorker(): Worker {
  return new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module', name: '校表通读取文件' });
}

export function decodeOffThread(name: string, bytes: Uint8Array, create: () => Worker = defaultWorker): Promise<DecodedBook> {
  let worker: Worker;
  try {
    if (create === defaultWorker && typeof Worker === 'undefined') throw new Error('no workers');
    worker = create();
  } catch {
    return onPage(name, bytes);
  }
  return new Promise<DecodedBook>((resolve, reject) => {
    worker.onmessage = (ev: MessageEvent) => {
      worker.terminate();
      const a = ev.data as { ok: true; book: DecodedBook } | ({ ok: false } & ErrorAnswer);
      if (a.ok) resolve(a.book);
      else reject(errorFromAnswer(a));
    };
    worker.onerror = (ev: ErrorEvent) => {
      ev.preventDefault?.();
      worker.terminate();
      // the worker did not load (or broke before answering): read the file here instead
      onPage(name, bytes).then(resolve, reject);
    };
    // copied, not transferred: the page may still need the bytes if the worker fails
    worker.postMessage({ name, bytes });
  });
}
