// Reads a roster file (.xlsx/.xls/.csv) on a thread of its own: a 20,000-row workbook takes the
// better part of two seconds to decode, and on the page that froze the window. Started for one
// file by decode-off-thread.ts and stopped after it; the limits on hostile files
// (shared/xlsx/limits.ts) apply here exactly as on the page.
import { decodeSpreadsheet } from '../../../shared/import/decode';
import { errorAnswer, workerPort } from '../../lib/worker-messages';

const port = workerPort();

port.onmessage = (ev: MessageEvent) => {
  const { name, bytes } = (ev.data ?? {}) as { name?: unknown; bytes?: unknown };
  try {
    if (typeof name !== 'string' || !(bytes instanceof Uint8Array)) throw new Error('读取请求格式不正确');
    port.postMessage({ ok: true, book: decodeSpreadsheet(name, bytes) });
  } catch (e) {
    port.postMessage({ ok: false, ...errorAnswer(e) });
  }
};
