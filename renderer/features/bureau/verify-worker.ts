// Verifies received workbooks on a thread of its own (started by verify-pool.ts, several at a
// time): reading and re-auditing one XNC workbook takes tens of milliseconds, three hundred of
// them would freeze the window for seconds. The page sends the pack and the registry with each
// file, so the worker does not carry the packs' source files and checks the 封面 against the
// registry as it is now.
import type { Pack } from '../../../shared/pack/schema';
import type { Registry } from '../../../shared/consolidate/types';
import { errorAnswer, workerPort } from '../../lib/worker-messages';
import { verifyReport } from './engine';

const port = workerPort();

port.onmessage = (ev: MessageEvent) => {
  const { id, name, bytes, pack, registry } = (ev.data ?? {}) as { id?: number; name?: unknown; bytes?: unknown; pack?: Pack; registry?: Registry };
  try {
    if (typeof name !== 'string' || !(bytes instanceof Uint8Array) || !pack || !registry) throw new Error('核验请求格式不正确');
    port.postMessage({ id, ok: true, verdict: verifyReport(bytes, name, new Map([[pack.id, pack]]), registry) });
  } catch (e) {
    port.postMessage({ id, ok: false, ...errorAnswer(e) });
  }
};
