import { mkdtemp, readdir, readFile, rm, writeFile, open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEMP_SUFFIX, writeFileAtomic, type AtomicWriteFs } from '../../electron/main/atomic-write';
import * as fsp from 'node:fs/promises';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'xiaobiao-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Real fs, but the temp file's writeFile writes half the data, then fails. */
function failingMidWriteFs(): AtomicWriteFs {
  return {
    ...fsp,
    open: (async (p: string, flags?: string, mode?: number) => {
      const handle = await open(p, flags, mode);
      if (!String(p).endsWith(TEMP_SUFFIX)) return handle;
      return new Proxy(handle, {
        get(target, key) {
          if (key === 'writeFile') {
            return async (data: Uint8Array) => {
              await target.write(data.subarray(0, Math.floor(data.byteLength / 2)));
              throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
            };
          }
          const value = Reflect.get(target, key) as unknown;
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }) as FileHandle;
    }) as AtomicWriteFs['open'],
    rename: fsp.rename,
    rm: fsp.rm,
  };
}

describe('writeFileAtomic', () => {
  it('writes the exact bytes and leaves no temp file behind', async () => {
    const target = path.join(dir, '罗江区_3112表.xlsx');
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 255]);
    await writeFileAtomic(target, bytes);
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
    expect(await readdir(dir)).toEqual(['罗江区_3112表.xlsx']);
  });

  it('replaces an existing file', async () => {
    const target = path.join(dir, 'report.json');
    await writeFile(target, 'old');
    await writeFileAtomic(target, new TextEncoder().encode('{"new":true}'));
    expect(await readFile(target, 'utf8')).toBe('{"new":true}');
    expect(await readdir(dir)).toEqual(['report.json']);
  });

  it('a failure mid-write leaves the previous file intact and removes the temp file', async () => {
    const target = path.join(dir, 'report.xlsx');
    await writeFile(target, 'previous version');
    const big = new Uint8Array(64 * 1024).fill(7);
    await expect(writeFileAtomic(target, big, { fs: failingMidWriteFs() })).rejects.toThrow(/ENOSPC/);
    expect(await readFile(target, 'utf8')).toBe('previous version');
    expect(await readdir(dir)).toEqual(['report.xlsx']);
  });

  it('a failing rename leaves the previous file intact and removes the temp file', async () => {
    const target = path.join(dir, 'report.xlsx');
    await writeFile(target, 'previous version');
    const fs: AtomicWriteFs = {
      ...fsp,
      rename: async () => {
        throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
      },
    };
    await expect(writeFileAtomic(target, new Uint8Array([1, 2, 3]), { fs })).rejects.toThrow(/EBUSY/);
    expect(await readFile(target, 'utf8')).toBe('previous version');
    expect(await readdir(dir)).toEqual(['report.xlsx']);
  });

  it('fails without creating anything when the folder does not exist', async () => {
    const target = path.join(dir, 'missing', 'report.xlsx');
    await expect(writeFileAtomic(target, new Uint8Array([1]))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes the temp file in the target folder (same filesystem, so rename is atomic)', async () => {
    const target = path.join(dir, 'report.xlsx');
    const opened: string[] = [];
    const fs: AtomicWriteFs = {
      ...fsp,
      open: ((p: string, ...rest: [string?, number?]) => {
        opened.push(String(p));
        return open(p, ...rest);
      }) as AtomicWriteFs['open'],
    };
    await writeFileAtomic(target, new Uint8Array([1]), { fs, platform: 'linux' });
    const temp = opened.find((p) => p.endsWith(TEMP_SUFFIX));
    expect(temp).toBeDefined();
    expect(path.dirname(temp!)).toBe(dir);
  });
});
