// 打开校表通导出的报表 in Chromium: export the period, change a cell, open the exported file through
// 更多, see the changed cell in the preview, 恢复 — the current data is downloaded as a backup first,
// then the exported value is back in the grid.
import { describe, expect, it } from 'vitest';
import { useDemoSession } from './demo-session';

const session = useDemoSession(new Date('2025-10-20T10:00:00+08:00'));
const tid = session.tid;

describe('restore a period from an exported workbook', () => {
  it('previews the changed cell, backs up the current data, and brings the exported value back', async () => {
    const { app } = session;
    await session.loadDemo();

    await tid('sheet-nav-classList').click();
    const cell = tid('cell-classList-0-students');
    const before = await cell.inputValue();
    const file = await app.download(() => tid('export-button').click());
    expect(file.name).toMatch(/_XNC_2025-2026\.xlsx$/);

    const changed = String(Number(before) + 3);
    await cell.fill(changed);
    await cell.press('Enter');
    await expect.poll(() => tid('save-status').textContent(), { timeout: 10_000 }).toContain('已保存');

    await tid('more-menu').click();
    await tid('restore-report').click();
    await tid('restore-file').setInputFiles({ name: file.name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(file.bytes) });
    await expect.poll(() => tid('restore-change-count').textContent(), { timeout: 20_000 }).toBe('1');
    const row = app.page.locator('[data-testid="restore-changes"] .ant-table-tbody tr.ant-table-row').first();
    expect(await row.locator('td').allTextContents()).toEqual(['班级名册', 'E4', '第 1 行', '学生数', changed, before]);
    expect(await tid('restore-summary').textContent()).toContain('2025-2026 学年');

    const safety = await app.download(() => tid('restore-confirm').click());
    expect(safety.name).toMatch(/_备份_.*\.json$/);
    expect(new TextDecoder().decode(safety.bytes)).toContain(`"students": ${changed}`);
    await expect.poll(() => tid('cell-classList-0-students').inputValue(), { timeout: 10_000 }).toBe(before);
    expect(app.pageErrors).toEqual([]);
  }, 90_000);
});
