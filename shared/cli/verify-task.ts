// What one worker thread of `xiaobiao consolidate` does with one received file: reads it from disk,
// verifies it (verify.ts) and, for an accepted file of the round's pack and submission, places its
// figures in the district layout on the period memo the verification already filled — so neither
// the worker nor the main thread computes the school's tables a second time.
// This module is what each worker loads (pool-worker.mjs → tsx): it imports only the reader, the
// verification and the totals layout, never the rest of the CLI (ExcelJS, the demo school…), which
// cost every worker seconds of start-up before it verified a single file.
import { readFileSync } from 'node:fs';
import type { Registry, Verdict } from '../consolidate/types';
import { verifyReportDetail, type VerifyOptions } from '../consolidate/verify';
import { placedParts, totalledSheets, type SheetValues, type SheetWeights, type TotalsSheetLayout } from '../consolidate/totals-layout';
import { sha256 } from '../hash/sha256';
import { seedPacks } from './seeds';

/** What one worker verifies: a path it reads itself. */
export interface VerifyTask {
  path: string;
  /** the name the verdict and its messages give (relative to the folder given) */
  name: string;
}

export interface VerifyInit {
  registry?: Registry;
  opts: VerifyOptions;
  /** the round's pack and submission: an accepted file of them comes back with its district values */
  totals?: { packId: string; submission: string };
}

export interface VerifyOutcome {
  verdict: Verdict;
  /** the file's figures in the district layout (totals-layout.ts reportValues), keyed by sheet id */
  values?: Record<string, SheetValues>;
  /** the divisors of its 率 rows, for rates weighted over schools */
  weights?: Record<string, SheetWeights>;
}

/** The layouts of a pack's submission, made once per worker (they depend on nothing else). */
const layoutCache = new Map<string, TotalsSheetLayout[]>();

export function verifyPath(task: VerifyTask, init: VerifyInit): VerifyOutcome {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(task.path);
  } catch (e) {
    const verdict: Verdict = { kind: 'refused', fileName: task.name, fileSha256: sha256(new Uint8Array()), byteLength: 0, problems: [{ message: `文件「${task.name}」无法读取：${(e as Error).message}` }] };
    return { verdict };
  }
  // a file is verified alone: an indicator that reads another submission (a month's row reading the
  // 学年) finds nothing here, and its values are then left to the main thread, which holds the 学年
  let lookedUp = false;
  const lookup = () => {
    lookedUp = true;
    return undefined;
  };
  const { verdict, context } = verifyReportDetail(bytes, task.name, seedPacks(), init.registry, { ...init.opts, lookup });
  const t = init.totals;
  if (!t || !context || verdict.kind !== 'accepted' || verdict.packId !== t.packId || verdict.submission !== t.submission) return { verdict };
  const key = `${t.packId}\u0000${t.submission}`;
  let layouts = layoutCache.get(key);
  if (!layouts) layoutCache.set(key, (layouts = totalledSheets(context.pack, t.submission)));
  const { values, weights } = placedParts(layouts, context);
  return lookedUp ? { verdict } : { verdict, values, weights };
}

/** Worker side (pool-worker.mjs): the handler of each task. */
export function verifyWorker(init: VerifyInit) {
  return (task: VerifyTask) => verifyPath(task, init);
}
