// Item 7: every file the CLI writes is written atomically. A write that dies half-way (injected fs:
// half the bytes reach the temp file, then the disk "fails") leaves the previous export whole and no
// temp file behind, and the clerk reads a Chinese message, not a stack trace.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../shared/cli/main';
import type { Io } from '../../shared/cli/commands';
import type { AtomicWriteFs } from '../../shared/cli/atomic-write';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xiaobiao-atomic-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** an fs whose file writes put half the bytes on disk and then throw, like a full disk or a kill */
const halfWriteFs = (): AtomicWriteFs => ({
  open: (async (p: string, flags: string) => {
    const h = await fsp.open(p, flags);
    if (flags === 'r') return h;
    return Object.assign(Object.create(h) as fsp.FileHandle, {
      writeFile: async (data: Uint8Array) => {
        await h.write(data.subarray(0, data.length >> 1));
        throw new Error('ENOSPC: no space left on device');
      },
      close: () => h.close(),
      sync: () => h.sync(),
    });
  }) as unknown as AtomicWriteFs['open'],
  rename: fsp.rename,
  rm: fsp.rm,
});

async function run(io: Partial<Io>, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), today: () => '2025-10-31', ...io });
  return { code, out, err };
}

describe('atomic CLI writes', () => {
  it('export: a write failing half-way leaves the previous workbook intact', async () => {
    const data = join(dir, 'school.json');
    expect((await run({}, 'demo', '--type', '小学', '--out', data)).code).toBe(0);
    const first = await run({}, 'export', '--data', data, '--submission', 'XNC', '--period', '2025-2026', '--out', dir);
    expect(first.code, first.err.join('\n')).toBe(0);
    const path = first.out[0]!;
    const before = readFileSync(path);
    const failed = await run({ fs: halfWriteFs() }, 'export', '--data', data, '--submission', 'XNC', '--period', '2025-2026', '--out', dir);
    expect(failed.code).toBe(2);
    expect(failed.err.join('\n')).toMatch(/^错误：文件「.+」无法写入：ENOSPC.*（原有文件未改动）$/);
    expect(failed.out).toEqual([]);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('xiaobiao-tmp'))).toEqual([]);
  });

  it('demo and template: the same, for a JSON file and a blank workbook', async () => {
    const data = join(dir, 'keep.json');
    writeFileSync(data, '{"old":true}\n');
    const r = await run({ fs: halfWriteFs() }, 'demo', '--type', '初中', '--out', data);
    expect(r.code).toBe(2);
    expect(readFileSync(data, 'utf8')).toBe('{"old":true}\n');
    const tpl = join(dir, 'blank.xlsx');
    writeFileSync(tpl, 'previous');
    const t = await run({ fs: halfWriteFs() }, 'template', '--submission', 'XNC', '--school-type', '小学', '--out', tpl);
    expect(t.code).toBe(2);
    expect(readFileSync(tpl, 'utf8')).toBe('previous');
    expect(readdirSync(dir).filter((f) => f.includes('xiaobiao-tmp'))).toEqual([]);
    // and with the real fs the same command replaces it whole
    expect((await run({}, 'template', '--submission', 'XNC', '--school-type', '小学', '--out', tpl)).code).toBe(0);
    expect(readFileSync(tpl).subarray(0, 2).toString()).toBe('PK');
  });
});
