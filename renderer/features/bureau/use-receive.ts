// One receiving run: read the picked files, verify them in workers (verify-pool.ts), and hand
// each verdict, in arrival order, to receive-flow.ts. Progress counts verdicts reached; cancel
// stops the workers, and the files without a verdict are not stored.
import { useCallback, useRef, useState } from 'react';
import type { Pack } from '../../../shared/pack/schema';
import type { BureauProfile } from '../../../shared/consolidate/types';
import { db } from '../../db/db';
import { registryOf } from './engine';
import { verifyFiles, type VerifyRun } from './verify-pool';
import { confirmSupersede, confirmUnknown, receiveVerdict, type ReceiveEntry } from './receive-flow';
import { isWorkbookName, type PickedFile } from './pick-files';
import { readFileBytes } from '../import/import-session';

export interface ReceiveState {
  entries: ReceiveEntry[];
  skipped: string[];
  done: number;
  total: number;
  running: boolean;
  cancelled: boolean;
}

const IDLE: ReceiveState = { entries: [], skipped: [], done: 0, total: 0, running: false, cancelled: false };

export function useReceive(pack: Pack, bureau: BureauProfile) {
  const [state, setState] = useState<ReceiveState>(IDLE);
  const run = useRef<VerifyRun | null>(null);

  const receive = useCallback(async (picked: PickedFile[]) => {
    if (run.current) return;
    const skipped = picked.filter((p) => !isWorkbookName(p.name)).map((p) => p.name);
    const files = picked.filter((p) => isWorkbookName(p.name));
    setState({ ...IDLE, skipped, total: files.length, running: files.length > 0 });
    if (!files.length) return;
    const jobs = await Promise.all(files.map(async (p) => ({ name: p.file.name, bytes: await readFileBytes(p.file) })));
    const ctx = { pack, bureau };
    // the registry as it is when the drop starts: the 封面 of each file is checked against it
    const registry = registryOf(bureau, await db.registry.toArray());
    let chain = Promise.resolve();
    const r = verifyFiles(jobs, pack, registry, (i, verdict) => {
      // stored one after another: the second file of a school is decided against the first
      chain = chain.then(async () => {
        const entry = await receiveVerdict(i, verdict, jobs[i]!.bytes, ctx).catch((): ReceiveEntry => ({
          key: i, fileName: verdict.fileName, verdict: { ...verdict, kind: 'refused', problems: [{ message: '保存失败，请重试这个文件' }] },
          action: 'rejected', outcome: 'listed',
        }));
        setState((s) => ({ ...s, done: s.done + 1, entries: [...s.entries, entry] }));
      });
    });
    run.current = r;
    const { cancelled } = await r.done;
    await chain;
    run.current = null;
    setState((s) => ({ ...s, running: false, cancelled }));
  }, [pack, bureau]);

  const cancel = useCallback(() => run.current?.cancel(), []);

  const resolve = useCallback(async (e: ReceiveEntry) => {
    const ctx = { pack, bureau };
    const next = e.action === 'supersede' ? await confirmSupersede(e, ctx) : await confirmUnknown(e, ctx);
    setState((s) => ({ ...s, entries: s.entries.map((x) => (x.key === e.key ? next : x)) }));
  }, [pack, bureau]);

  const dismiss = useCallback((e: ReceiveEntry) => {
    setState((s) => ({ ...s, entries: s.entries.map((x) => (x.key === e.key ? { ...x, outcome: 'listed', bytes: undefined } : x)) }));
  }, []);

  return { state, receive, cancel, resolve, dismiss };
}
