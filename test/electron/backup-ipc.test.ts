// The automatic backups folder through its IPC handlers: written atomically, 30 kept (plus the one
// just written and the newest migration/restore backups), listed newest first by mtime, and
// read by bare name only; hostile names, paths and payloads refused before the disk is touched.
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../electron/main/atomic-write';
import { backupPath, createBackupStore } from '../../electron/main/backups';
import { createIpcHandlers, type InvokeEvent, type IpcDeps } from '../../electron/main/ipc';
import { backupBytes, makeBackup } from '../../shared/backup/backup-file';
import type { SchoolProfile } from '../../shared/model/school';

const APP = { senderFrame: { url: 'app://xiaobiao/index.html' }, sender: {} } as unknown as InvokeEvent;
const EVIL = { senderFrame: { url: 'https://evil.example/' }, sender: {} } as unknown as InvokeEvent;
const school: SchoolProfile = {
  code: '5106260001', name: '罗江区实验小学', type: '小学', sponsor: '公办', township: '万安街道', urbanRural: '城区',
  head: '张明', statHead: '李华', filler: '王芳', phone: '0838-6212345', packId: 'luojiang',
};
const BACKUP = backupBytes(makeBackup({ school, periods: [], appVersion: '0.1.0', now: new Date(2026, 10, 25) }));

let root: string;
let dir: string;
let clock: number;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'xiaobiao-backups-'));
  dir = path.join(root, 'backups');
  clock = new Date(2026, 10, 1, 8, 0).getTime();
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function setup() {
  const write = vi.fn((p: string, b: Uint8Array) => writeFileAtomic(p, b));
  const backups = createBackupStore({ dir: () => dir, now: () => new Date((clock += 60_000)), writeFile: write });
  const deps = {
    origin: { devOrigin: null }, documentsDir: () => '/tmp', appVersion: () => '0.1.0', platform: 'linux',
    showSaveDialog: vi.fn(), writeFile: vi.fn(), backups,
  } satisfies IpcDeps;
  return { write, handlers: createIpcHandlers(deps) };
}

describe('backup:write', () => {
  it('writes atomically into <userData>/backups under a name it makes itself', async () => {
    const { write, handlers } = setup();
    const entry = await handlers['backup:write'](APP, { reason: 'daily', bytes: BACKUP });
    expect(entry.name).toMatch(/^xiaobiao-backup-20261101-080100-000-daily\.json$/);
    expect(entry.size).toBe(BACKUP.byteLength);
    expect(write).toHaveBeenCalledWith(path.join(dir, entry.name), BACKUP);
    expect(new Uint8Array(await readFile(path.join(dir, entry.name)))).toEqual(BACKUP);
    expect(await readdir(dir)).toEqual([entry.name]); // no temp file left
  });

  it('keeps the newest 30 and leaves other files alone', async () => {
    const { handlers } = setup();
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, '说明.txt'), 'x');
    const names: string[] = [];
    for (let i = 0; i < 33; i++) names.push((await handlers['backup:write'](APP, { reason: i % 2 ? 'restore' : 'daily', bytes: BACKUP })).name);
    const left = (await readdir(dir)).sort();
    expect(left).toEqual([...names.slice(3), '说明.txt'].sort());
    const listed = await handlers['backup:list'](APP, undefined);
    expect(listed.map((b) => b.name)).toEqual(names.slice(3).reverse()); // newest first
  });

  it('a backup made with the PC clock set back is kept, listed first, and reported truthfully', async () => {
    const { handlers } = setup();
    const old: string[] = [];
    for (let i = 0; i < 30; i++) old.push((await handlers['backup:write'](APP, { reason: 'daily', bytes: BACKUP })).name);
    // they were written an hour ago (by the real clock the file system uses)
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const name of old) await utimes(path.join(dir, name), hourAgo, hourAgo);
    clock = new Date(2025, 0, 1, 8, 0).getTime();
    const entry = await handlers['backup:write'](APP, { reason: 'restore', bytes: BACKUP });
    expect(entry.name).toMatch(/^xiaobiao-backup-20250101-.*-restore\.json$/);
    expect(new Uint8Array(await readFile(path.join(dir, entry.name)))).toEqual(BACKUP);
    const listed = (await handlers['backup:list'](APP, undefined)).map((b) => b.name);
    expect(listed[0]).toBe(entry.name);
    expect(listed).toHaveLength(30);
    expect(listed).not.toContain(old[0]);
  });

  it('the newest migration and restore backups outlast 30 daily ones', async () => {
    const { handlers } = setup();
    const migration = (await handlers['backup:write'](APP, { reason: 'migration', bytes: BACKUP })).name;
    const restore = (await handlers['backup:write'](APP, { reason: 'restore', bytes: BACKUP })).name;
    for (let i = 0; i < 31; i++) await handlers['backup:write'](APP, { reason: 'daily', bytes: BACKUP });
    const left = await readdir(dir);
    expect(left).toHaveLength(32);
    expect(left).toContain(migration);
    expect(left).toContain(restore);
  });

  it('two backups in the same millisecond get different names', async () => {
    const backups = createBackupStore({ dir: () => dir, now: () => new Date(2026, 10, 1, 8, 0) });
    const a = await backups.write('manual', BACKUP);
    const b = await backups.write('manual', BACKUP);
    expect(a.name).not.toBe(b.name);
    expect((await readdir(dir)).length).toBe(2);
  });

  it('refuses what is not a valid backup, a wrong reason, wrong types and extra fields — nothing written', async () => {
    const { write, handlers } = setup();
    const bad: unknown[] = [
      { reason: 'daily', bytes: new TextEncoder().encode('{"format":"xiaobiao-data/1"}') },
      { reason: 'daily', bytes: new Uint8Array([0x50, 0x4b, 3, 4]) },
      { reason: '../../evil', bytes: BACKUP },
      { reason: 'daily', bytes: 'not bytes' },
      { reason: 'daily', bytes: BACKUP, name: '../x.json' },
      { reason: 'daily', bytes: BACKUP, path: '/etc/passwd' },
      'daily',
      null,
      undefined,
    ];
    for (const payload of bad) await expect(handlers['backup:write'](APP, payload)).rejects.toThrow(/无效/);
    expect(write).not.toHaveBeenCalled();
    await expect(readdir(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses an untrusted sender before anything else', async () => {
    const { write, handlers } = setup();
    await expect(handlers['backup:write'](EVIL, { reason: 'daily', bytes: BACKUP })).rejects.toThrow('拒绝访问');
    await expect(handlers['backup:list'](EVIL, undefined)).rejects.toThrow('拒绝访问');
    await expect(handlers['backup:read'](EVIL, { name: 'xiaobiao-backup-20261101-080100-000-daily.json' })).rejects.toThrow('拒绝访问');
    expect(write).not.toHaveBeenCalled();
  });
});

describe('backup:list / backup:read', () => {
  it('an absent folder lists as empty; list takes no argument', async () => {
    const { handlers } = setup();
    expect(await handlers['backup:list'](APP, undefined)).toEqual([]);
    await expect(handlers['backup:list'](APP, { dir: '/' })).rejects.toThrow('参数无效');
  });

  it('reads a backup by its bare name', async () => {
    const { handlers } = setup();
    const { name } = await handlers['backup:write'](APP, { reason: 'manual', bytes: BACKUP });
    const got = await handlers['backup:read'](APP, { name });
    expect(got.name).toBe(name);
    expect(new Uint8Array(got.bytes)).toEqual(BACKUP);
  });

  it.each([
    '../secret.json',
    '../backups/xiaobiao-backup-20261101-080100-000-daily.json',
    '/etc/passwd',
    'C:\\Users\\a\\x.json',
    '\\\\server\\share\\x.json',
    'xiaobiao-backup-20261101-080100-000-daily.json/../../x',
    'xiaobiao-backup-20261101-080100-000-daily.json\u0000',
    'notes.txt',
  ])('refuses the name %j', async (name) => {
    const { handlers } = setup();
    await expect(handlers['backup:read'](APP, { name })).rejects.toThrow('备份名无效');
    expect(() => backupPath(dir, name)).toThrow('备份名无效');
  });

  it('refuses wrong types and extra fields', async () => {
    const { handlers } = setup();
    for (const payload of [undefined, 'x', 42, { name: 42 }, { name: ['a'] }, { name: 'xiaobiao-backup-20261101-080100-000-daily.json', dir: '/' }])
      await expect(handlers['backup:read'](APP, payload)).rejects.toThrow('参数无效');
  });

  it('a missing backup, or a symlink under a backup name, is not read', async () => {
    const { handlers } = setup();
    const name = 'xiaobiao-backup-20261101-080100-000-daily.json';
    await expect(handlers['backup:read'](APP, { name })).rejects.toThrow('找不到备份');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(root, 'outside.json'), 'secret');
    await symlink(path.join(root, 'outside.json'), path.join(dir, name));
    await expect(handlers['backup:read'](APP, { name })).rejects.toThrow('找不到备份');
    expect(await handlers['backup:list'](APP, undefined)).toEqual([]);
  });
});
