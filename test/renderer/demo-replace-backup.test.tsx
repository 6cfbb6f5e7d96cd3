// 载入示例学校 over a school's own data backs that data up first (web: a download), and replaces
// nothing when the backup cannot be made.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { demoSchool } from '../../shared/demo/demo-school';
import { DemoLoader } from '../../renderer/features/setup/demo-loader';
import { readDump } from '../../renderer/features/backup/backup-repo';
import { replaceSchoolData } from '../../renderer/db/replace-all';
import { getSchool } from '../../renderer/features/setup/school-repo';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';

const own = demoSchool({ pack: luojiang(), type: '初级中学', today: '2026-11-25' });

beforeEach(async () => {
  await resetAll();
  await replaceSchoolData({ ...own, school: { ...SCHOOL, type: '初级中学' } });
});
afterEach(() => vi.restoreAllMocks());

describe('载入示例学校 over existing data', () => {
  it('downloads a backup of the existing data, then replaces it', async () => {
    const downloads: string[] = [];
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const onClose = vi.fn();
    renderApp(<DemoLoader open packs={[luojiang()]} replaces onClose={onClose} />);
    fireEvent.click(screen.getByTestId('demo-confirm'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(downloads).toEqual([expect.stringMatching(new RegExp(`^${SCHOOL.code}_${SCHOOL.name}_备份_.+\\.json$`))]);
    expect((await getSchool())?.type).toBe('小学'); // the demo, not the 初级中学 that was here
  });

  it('replaces nothing when the backup cannot be made', async () => {
    Object.assign(URL, { createObjectURL: vi.fn(() => { throw new Error('no blob'); }), revokeObjectURL: vi.fn() });
    const before = await readDump();
    renderApp(<DemoLoader open packs={[luojiang()]} replaces onClose={() => undefined} />);
    fireEvent.click(screen.getByTestId('demo-confirm'));
    await waitFor(() => expect(document.body.textContent).toContain('未能先备份本机现有数据，所以没有替换'));
    expect(await readDump()).toEqual(before);
  });
});
