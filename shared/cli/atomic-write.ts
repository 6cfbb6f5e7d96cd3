/**
 * Atomic file replacement: write a temp file in the target's folder, fsync it,
 * rename it over the target. Readers (and a crash) see either the old file or
 * the complete new one, never a torn write. On any error the temp file is
 * removed and the previous target is left untouched.
 *
 * Pure Node (node:fs/promises); the fs functions are injectable for tests.
 */
import * as fsp from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export interface AtomicWriteFs {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  rm: typeof fsp.rm;
}

export interface AtomicWriteOptions {
  fs?: AtomicWriteFs;
  platform?: NodeJS.Platform;
}

const defaultFs: AtomicWriteFs = { open: fsp.open, rename: fsp.rename, rm: fsp.rm };

/** Suffix of temp files; short so long (CJK) target names don't push it past NAME_MAX. */
export const TEMP_SUFFIX = '.xiaobiao-tmp';

export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${randomBytes(8).toString('hex')}${TEMP_SUFFIX}`);
}

export async function writeFileAtomic(
  target: string,
  data: Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? defaultFs;
  const platform = options.platform ?? process.platform;
  const tmp = tempPathFor(target);
  let handle: fsp.FileHandle | undefined;
  let tmpCreated = false;
  try {
    // 'wx': fail rather than follow/clobber anything already at the temp path.
    handle = await fs.open(tmp, 'wx');
    tmpCreated = true;
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(tmp, target);
    tmpCreated = false;
  } catch (err) {
    if (handle) await handle.close().catch(() => undefined);
    if (tmpCreated) await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
  // Persist the rename itself (directory entry). Best effort; not possible on Windows.
  if (platform !== 'win32') {
    try {
      const dir = await fs.open(path.dirname(target), 'r');
      try {
        await dir.sync();
      } finally {
        await dir.close();
      }
    } catch {
      // The data is already safely in place; a failed directory fsync is not an error.
    }
  }
}
