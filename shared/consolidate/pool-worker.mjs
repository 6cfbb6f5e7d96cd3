// One worker of worker-pool.ts. Plain JavaScript so node can start it under tsx (the CLI), under
// vitest and under `node shared/cli/run-ts.mjs` alike; it loads the task's TypeScript module
// through tsx, as xiaobiao.mjs loads the CLI.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const say = (m, transfer) => parentPort.postMessage(m, transfer);
let handler;
try {
  const mod = await tsImport(workerData.module, import.meta.url);
  handler = await mod[workerData.factory](workerData.init);
  if (typeof handler !== 'function') throw new Error(`${workerData.factory} 没有返回处理函数`);
} catch (e) {
  say({ fatal: `工作线程无法启动：${e instanceof Error ? e.message : String(e)}` });
}
if (handler) {
  parentPort.on('message', async ({ id, task }) => {
    try {
      say({ id, result: await handler(task) });
    } catch (e) {
      say({ id, error: e instanceof Error ? e.message : String(e) });
    }
  });
  say({ ready: true });
}
