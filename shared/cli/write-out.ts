// Every file the CLI writes goes through here: atomically (temp in the same folder, fsync, rename),
// so a CLI killed during a slow write leaves the previous file whole, never a 0-byte one. A write
// that fails is an input error in Chinese (exit 2) that says the old file is untouched.
import { writeFileAtomic, type AtomicWriteFs } from './atomic-write';

export class WriteError extends Error {}

export interface WriteIo {
  /** injected by tests to make a write fail half-way */
  fs?: AtomicWriteFs;
}

export async function writeOut(io: WriteIo, path: string, data: Uint8Array | string): Promise<void> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  try {
    await writeFileAtomic(path, bytes, io.fs ? { fs: io.fs } : {});
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new WriteError(`文件「${path}」无法写入：${why}（原有文件未改动）`);
  }
}
