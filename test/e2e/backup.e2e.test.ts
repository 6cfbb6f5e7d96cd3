// 数据与备份 in Chromium (web version): the header reminds to back up, 下载备份 saves the whole
// database as JSON, a later change is undone by restoring that file through the dialog (after the
// current data is itself downloaded as a backup first).
import { describe, expect, it } from 'vitest';
import { useDemoSession } from './demo-session';

const session = useDemoSession(new Date('2025-10-20T10:00:00+08:00'));
const tid = session.tid;

describe('backup and restore the whole database', () => {
  it('downloads a backup, and restoring it brings the data back', async () => {
    const { app } = session;
    await session.loadDemo();
    await expect.poll(() => tid('backup-reminder').textContent(), { timeout: 10_000 }).toContain('下载备份');

    await tid('more-menu').click();
    await tid('backup-open').click();
    const file = await app.download(() => tid('backup-download').click());
    expect(file.name).toMatch(/^\d{10}_罗江区实验小学_备份_2025-10-20_\d{4}\.json$/);
    expect(JSON.parse(new TextDecoder().decode(file.bytes)).format).toBe('xiaobiao-data/1');
    await tid('backup-cancel').click();
    await expect.poll(() => tid('backup-reminder').count()).toBe(0);

    await tid('sheet-nav-classList').click();
    const cell = tid('cell-classList-0-students');
    const before = await cell.inputValue();
    await cell.fill(String(Number(before) + 5));
    await cell.press('Enter');
    await expect.poll(() => tid('save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');

    await tid('more-menu').click();
    await tid('backup-open').click();
    await tid('backup-file').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.bytes) });
    await expect.poll(() => tid('backup-summary').textContent(), { timeout: 10_000 }).toContain('罗江区实验小学');
    const safety = await app.download(() => tid('backup-restore-confirm').click());
    expect(safety.name).toMatch(/_备份_.*\.json$/);
    expect(new TextDecoder().decode(safety.bytes)).toContain(`"students": ${Number(before) + 5}`);
    await expect.poll(() => tid('cell-classList-0-students').inputValue(), { timeout: 10_000 }).toBe(before);
    expect(app.pageErrors).toEqual([]);
  }, 90_000);
});
