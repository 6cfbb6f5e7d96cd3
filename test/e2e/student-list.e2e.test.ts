// A 学籍 per-pupil export (519 pupils, 12 classes) imported into the demo 小学's 班级名册 in
// Chromium: the dialog says it is a 学生名单, shows the counted classes, the rules and the diff
// against the demo's class list, and replaces it. Then the privacy check: no pupil's name or ID
// number is anywhere the app keeps or writes — every IndexedDB store (every record, JSON), local
// and session storage, Cache Storage, the backup file, the exported XNC workbook and the 修改记录
// workbook (every zip part, XML as text).
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { useDemoSession } from './demo-session';
import { makePupils, pupilGrid, pupilWorkbook, tally, type Pupil } from '../fixtures/import/student-files';

const session = useDemoSession(new Date('2025-10-20T10:00:00+08:00'));
const tid = session.tid;
const GRADES = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级'];
const CLASSES: [number, number][] = GRADES.flatMap((_, g) => [[g, 1], [g, 2]] as [number, number][]);
const pupils = makePupils(519, CLASSES, 2025);
const expected = tally(pupils, (p: Pupil) => `${GRADES[p.grade]}（${p.klass}）班`);
const secrets = pupils.flatMap((p) => [p.name, p.id]);

/** Every string of the page's storage: all IndexedDB databases and stores, web storage, caches. */
async function storageDump(): Promise<string> {
  return session.app.page.evaluate(async () => {
    const parts: string[] = [];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => ok(req.result);
        req.onerror = () => ko(req.error);
      });
      for (const name of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((ok, ko) => {
          const req = db.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => ok(req.result);
          req.onerror = () => ko(req.error);
        });
        parts.push(`${info.name}/${name}:${JSON.stringify(all)}`);
      }
      db.close();
    }
    for (const s of [localStorage, sessionStorage]) for (let i = 0; i < s.length; i++) parts.push(`${s.key(i)}=${s.getItem(s.key(i)!)}`);
    if (typeof caches !== 'undefined')
      for (const k of await caches.keys()) {
        const c = await caches.open(k);
        for (const req of await c.keys()) parts.push(`${k}:${req.url}:${await (await c.match(req))!.text()}`);
      }
    return parts.join('\n');
  });
}

/** Every part of an xlsx zip as text (sheet XML, shared strings, metadata). */
function workbookText(bytes: Uint8Array): string {
  const cfb = XLSX.CFB.read(Buffer.from(bytes), { type: 'buffer' });
  return cfb.FileIndex.map((f: { content?: unknown }) => (f.content ? new TextDecoder().decode(f.content as Uint8Array) : '')).join('\n');
}

const leaked = (text: string) => secrets.filter((s) => text.includes(s));

async function rowCount(): Promise<number> {
  const count = session.app.page.locator('.ledger-toolbar .count').filter({ hasText: /共 \d+ 行/ }).first();
  await count.waitFor();
  return Number(/共 (\d+) 行/.exec((await count.textContent()) ?? '')![1]);
}

describe('a 学籍 export counted into 班级名册, and nothing personal kept', () => {
  it('the preview says 学生名单：519 名学生，将统计为 12 个班 and shows classes, rules and the diff; replace writes 12 classes', async () => {
    const { app } = session;
    await session.loadDemo();
    await tid('sheet-nav-classList').click();
    const before = await rowCount();
    expect(before).toBeGreaterThan(0);
    // the file is read in a worker (decode-worker.ts): it must end with the read, holding nothing after
    const workers: { url: string; closed: boolean }[] = [];
    app.page.on('worker', (w) => {
      const entry = { url: w.url(), closed: false };
      workers.push(entry);
      w.on('close', () => (entry.closed = true));
    });
    await tid('ledger-import-classList').click();
    const bytes = pupilWorkbook(pupilGrid(pupils, { grades: GRADES, migrantColumn: 'yesNo', birthAsDate: true }));
    await tid('import-file').setInputFiles({ name: '学生基础信息.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
    await expect.poll(() => tid('student-list-summary').textContent()).toContain('学生名单：519 名学生，将统计为 12 个班');
    await expect.poll(() => tid('student-list-diff-summary').textContent()).toContain(`本期已有 ${before} 个班`);
    expect(await tid('student-list-classes').locator('tbody tr.ant-table-row').count()).toBe(12);
    await app.page.getByRole('tab', { name: '统计规则' }).click();
    await expect.poll(() => tid('student-list-rules').textContent()).toContain('C 性别');
    await app.page.getByRole('tab', { name: /与现有名册比较/ }).click();
    await tid('student-list-diff').waitFor();
    await tid('import-confirm').click();
    await tid('import-summary').waitFor({ state: 'detached' });
    await expect.poll(() => rowCount()).toBe(12);
    expect(workers.filter((w) => w.url.includes('decode-worker')).length).toBe(1);
    await expect.poll(() => workers.every((w) => !w.url.includes('decode-worker') || w.closed)).toBe(true);
    for (let i = 0; i < 12; i++) {
      const name = await tid(`cell-classList-${i}-className`).inputValue();
      expect([name, Number(await tid(`cell-classList-${i}-students`).inputValue()), Number(await tid(`cell-classList-${i}-female`).inputValue())])
        .toEqual([name, expected.get(name)!.students, expected.get(name)!.female]);
    }
    // 教基3112 is computed from the imported class list: totals from the pupils themselves
    await tid('sheet-nav-jj3112').click();
    const count = (f: (p: Pupil) => boolean) => String(pupils.filter(f).length);
    // a computed cell shows a 计 mark before its number
    const cell = async (code: string, col = 'total') => ((await tid(`stat-jj3112-${code}-${col}`).textContent()) ?? '').replace(/\D/g, '');
    await expect.poll(() => cell('01')).toBe('519');
    expect([await cell('02'), await cell('03'), await cell('07'), await cell('08'), await cell('09'), await cell('12')]).toEqual([
      count((p) => p.female), count((p) => p.ethnicity !== '汉族'), count((p) => p.origin === 'otherProvince'),
      count((p) => p.origin === 'otherCounty'), count((p) => p.worker), count((p) => p.leftBehind),
    ]);
    expect(await cell('01', 'g3')).toBe(count((p) => p.grade === 2));
  });

  it('no name or ID number in IndexedDB, web storage or caches — though the counted classes are there', async () => {
    const dump = await storageDump();
    expect(dump.includes('三年级（2）班')).toBe(true); // the dump is real: the classes are in it
    expect(leaked(dump)).toEqual([]);
  });

  it('none in the backup file, the exported XNC workbook or the 修改记录 workbook', async () => {
    const { app } = session;
    await tid('more-menu').click();
    await tid('backup-open').click();
    const backup = await app.download(() => tid('backup-download').click());
    await tid('backup-cancel').click();
    const backupText = new TextDecoder().decode(backup.bytes);
    expect(backupText.includes('三年级（2）班')).toBe(true);
    expect(leaked(backupText)).toEqual([]);

    const report = await app.download(async () => {
      await tid('export-button').click();
      // a draft with 逻辑校验 errors asks first; the demo's other sheets may have some
      await app.page.getByRole('button', { name: '仍要导出' }).click({ timeout: 3000 }).catch(() => undefined);
    });
    const reportText = workbookText(report.bytes);
    expect(reportText.includes('三年级（2）班')).toBe(true);
    expect(leaked(reportText)).toEqual([]);

    await tid('more-menu').click();
    await tid('changes-open').click();
    const changes = await app.download(() => tid('changes-export').click());
    const changesText = workbookText(changes.bytes);
    expect(changesText.includes('三年级（2）班')).toBe(true);
    expect(leaked(changesText)).toEqual([]);
    expect(leaked(await storageDump())).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
