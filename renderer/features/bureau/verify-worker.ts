// Verifies received workbooks on a thread of its own (started by verify-pool.ts, several at a
// time): reading and re-auditing one XNC workbook takes tens of milliseconds, three hundred of
// them would freeze the window for seconds. The page sends the pack with each file, so the
// worker does not carry the packs' source files.
import type { Pack } from '../../../shared/pack/schema';
import { errorAnswer, workerPort } from '../../lib/worker-messages';
import { verifyReport } from './engine';

const port = workerPort();

port.onmessage = (ev: MessageEvent) => {
  const { id, name, bytes, pack } = (ev.data ?? {}) as { id?: number; name?: unknown; bytes?: unknown; pack?: Pack };
  try {
    if (typeof name !== 'string' || !(bytes instanceof Uint8Array) || !pack) throw new Error('核验请求格式不正确');
    port.postMessage({ id, ok: true, verdict: verifyReport(bytes, name, new Map([[pack.id, pack]]), pack.id) });
  } catch (e) {
    port.postMessage({ id, ok: false, ...errorAnswer(e) });
  }
};
