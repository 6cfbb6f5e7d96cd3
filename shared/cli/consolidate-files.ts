// The received files of `xiaobiao consolidate`: gathered from the command line (folders walked,
// .xlsx only) and verified — on worker threads, one per core, each reading its files from disk
// and returning the verdict as plain JSON.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { Registry, Verdict } from '../consolidate/types';
import { verifyReport, type VerifyOptions } from '../consolidate/verify';
import { runPool } from '../consolidate/worker-pool';
import { sha256 } from '../hash/sha256';
import { seedPacks } from './seeds';
import { InputError } from './commands';

export interface Gathered {
  files: string[];
  /** files inside the folders that are not .xlsx (listed, never read) */
  skipped: string[];
}

/** Excel's and WPS's lock files (~$name.xlsx) are not workbooks a school sent. */
const isWorkbookName = (name: string) => /\.xlsx$/i.test(name) && !name.startsWith('~$') && !name.startsWith('.~');

export function gatherFiles(paths: readonly string[]): Gathered {
  const files: string[] = [];
  const skipped: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && isWorkbookName(e.name)) files.push(full);
      else if (e.isFile()) skipped.push(full);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new InputError(`文件或文件夹「${p}」不存在`);
    }
    if (st.isDirectory()) walk(resolve(p));
    else files.push(resolve(p)); // a file named on purpose is verified whatever its name; verify says what it is
  }
  return { files: [...new Set(files)], skipped };
}

/** What one worker verifies: a path it reads itself. */
export interface VerifyTask {
  path: string;
  /** the name the verdict and its messages give (relative to the folder given) */
  name: string;
}

export interface VerifyInit {
  registry?: Registry;
  opts: VerifyOptions;
}

function verifyPath(task: VerifyTask, init: VerifyInit): Verdict {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(task.path);
  } catch (e) {
    return { kind: 'refused', fileName: task.name, fileSha256: sha256(new Uint8Array()), byteLength: 0, problems: [{ message: `文件「${task.name}」无法读取：${(e as Error).message}` }] };
  }
  return verifyReport(bytes, task.name, seedPacks(), init.registry, init.opts);
}

/** Worker side (pool-worker.mjs). */
export function verifyWorker(init: VerifyInit) {
  return (task: VerifyTask) => verifyPath(task, init);
}

/** Few files are verified in-process: a thread costs more to start than they take. */
const POOL_FROM = 4;

export async function verifyFiles(
  files: readonly string[], roots: readonly string[], init: VerifyInit,
  onProgress?: (done: number, total: number) => void, signal?: AbortSignal,
): Promise<Verdict[]> {
  const base = roots.length === 1 && statSync(roots[0]!).isDirectory() ? resolve(roots[0]!) : undefined;
  const tasks = files.map((path) => ({ path, name: base ? relative(base, path).split('\\').join('/') : basename(path) }));
  if (tasks.length < POOL_FROM) {
    return tasks.map((t, i) => {
      const v = verifyPath(t, init);
      onProgress?.(i + 1, tasks.length);
      return v;
    });
  }
  return runPool<VerifyTask, Verdict>({
    module: import.meta.url, factory: 'verifyWorker', init, tasks, signal,
    onProgress: (done, total) => onProgress?.(done, total),
  });
}
