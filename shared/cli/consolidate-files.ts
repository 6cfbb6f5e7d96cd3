// The received files of `xiaobiao consolidate`: gathered from the command line (folders walked,
// .xlsx only) and verified — on worker threads, one per core, each reading its files from disk
// and returning the verdict (and an accepted file's district values) as plain JSON (verify-task.ts).
import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { runPool } from '../consolidate/worker-pool';
import { InputError } from './commands';
import { verifyPath, type VerifyInit, type VerifyOutcome, type VerifyTask } from './verify-task';

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

/** Few files are verified in-process: a thread costs more to start than they take. */
const POOL_FROM = 4;

export async function verifyFiles(
  files: readonly string[], roots: readonly string[], init: VerifyInit,
  onProgress?: (done: number, total: number) => void, signal?: AbortSignal,
): Promise<VerifyOutcome[]> {
  const base = roots.length === 1 && statSync(roots[0]!).isDirectory() ? resolve(roots[0]!) : undefined;
  const tasks = files.map((path) => ({ path, name: base ? relative(base, path).split('\\').join('/') : basename(path) }));
  if (tasks.length < POOL_FROM) {
    return tasks.map((t, i) => {
      const v = verifyPath(t, init);
      onProgress?.(i + 1, tasks.length);
      return v;
    });
  }
  return runPool<VerifyTask, VerifyOutcome>({
    module: new URL('./verify-task.ts', import.meta.url).href, factory: 'verifyWorker', init, tasks, signal,
    onProgress: (done, total) => onProgress?.(done, total),
  });
}
