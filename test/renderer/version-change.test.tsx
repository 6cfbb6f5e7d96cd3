// A newer 校表通 opening the database in another window: this window's connection closes at
// once (so the upgrade is not blocked), stays closed (no silent reopen under the old schema),
// and a Chinese banner asks for a reload while the app under it takes no input.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { XiaobiaoDB } from '../../renderer/db/db';
import { watchVersionChange } from '../../renderer/db/version-watch';
import { VersionGate } from '../../renderer/features/shell/version-gate';
import { AppProviders } from '../../renderer/app-providers';

let n = 0;

/** Opens `name` at IndexedDB version `version` the raw way a newer app would, and closes it. */
function openNewer(name: string, version: number): Promise<'opened' | 'blocked'> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, version);
    req.onblocked = () => resolve('blocked');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      req.result.close();
      resolve('opened');
    };
  });
}

async function setUp() {
  const name = `version-watch-${++n}`;
  const db = new XiaobiaoDB(name);
  const watch = watchVersionChange(db);
  await db.open();
  await db.school.put({ id: 'current', profile: { name: '罗江区实验小学' } as never, updatedAt: 'x' });
  return { name, db, watch };
}

describe('another window opens the database at a newer version', () => {
  it('closes this connection for good, so the upgrade runs and no write lands under the old schema', async () => {
    const { name, db, watch } = await setUp();
    expect(watch.superseded()).toBeUndefined();
    const heard = vi.fn();
    watch.subscribe(heard);
    expect(await openNewer(name, db.verno * 10 + 10)).toBe('opened');
    expect(heard).toHaveBeenCalledTimes(1);
    expect(watch.superseded()).toBe(db.verno + 1);
    expect(db.isOpen()).toBe(false);
    await expect(db.school.get('current')).rejects.toThrow(/closed/i);
  });

  it('shows a Chinese banner asking to reload, and the app under it is inert', async () => {
    const { name, db, watch } = await setUp();
    const reload = vi.fn();
    render(
      <AppProviders>
        <VersionGate watch={watch} reload={reload}>
          <input data-testid="some-cell" defaultValue="45" />
        </VersionGate>
      </AppProviders>,
    );
    expect(screen.queryByTestId('version-banner')).toBeNull();
    expect(screen.getByTestId('version-gate').hasAttribute('inert')).toBe(false);
    await openNewer(name, db.verno * 10 + 10);
    const banner = await screen.findByTestId('version-banner');
    expect(banner.textContent).toContain(`本机数据已被另一个窗口中更新版本的校表通打开（数据版本 ${db.verno + 1}），这个窗口已停止保存。请重新加载本页后继续填写。`);
    expect(screen.getByTestId('version-gate').hasAttribute('inert')).toBe(true);
    // the same input element, not a remounted one: nothing the user sees jumps
    expect((screen.getByTestId('some-cell') as HTMLInputElement).value).toBe('45');
    fireEvent.click(screen.getByTestId('version-reload'));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('a deleted database reads as such', async () => {
    const { name, watch } = await setUp();
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
    });
    expect(watch.superseded()).toBeNull();
  });
});
