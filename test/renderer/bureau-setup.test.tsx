// First run asks what this PC is for: 学校 (preselected, the school set-up exactly as before) or
// 区教育局, whose name, 6-digit 行政区划代码 and pack are checked in Chinese before anything is saved.
import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../renderer/app';
import { db } from '../../renderer/db/db';
import { getBureau, saveBureau } from '../../renderer/features/bureau/bureau-repo';
import { getSchool, saveSchool } from '../../renderer/features/setup/school-repo';
import { resetAll, SCHOOL } from './helpers';

beforeEach(resetAll);

type User = ReturnType<typeof userEvent.setup>;

async function pick(user: User, testId: string, option: string) {
  await user.click(within(screen.getByTestId(testId)).getByRole('combobox'));
  const options = await screen.findAllByTitle(option);
  await user.click(options[options.length - 1]!);
}

async function enter(user: User, testId: string, text: string) {
  await user.click(screen.getByTestId(testId));
  await user.paste(text);
}

async function chooseBureau(user: User) {
  render();
  await screen.findByTestId('setup-mode');
  await user.click(screen.getByText('区教育局（汇总）'));
  await screen.findByTestId('bureau-submit');
}

const render = () => {
  // imported lazily so the App's live query starts after resetAll
  return import('@testing-library/react').then(({ render: r }) => r(<App />));
};

describe('first run: 学校 or 区教育局', { timeout: 20_000 }, () => {
  it('preselects 学校 and shows the school set-up unchanged', async () => {
    await render();
    const mode = await screen.findByTestId('setup-mode');
    expect(within(mode).getByRole('radio', { name: '学校（填报）' })).toHaveProperty('checked', true);
    expect(await screen.findByText('欢迎使用校表通 — 先填写学校信息')).toBeTruthy();
    expect(screen.getByTestId('setup-submit')).toBeTruthy();
    expect(screen.queryByTestId('bureau-submit')).toBeNull();
  });

  it('refuses a 5-digit 行政区划代码 and an empty name in Chinese, and saves nothing', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await chooseBureau(user);
    expect(screen.queryByTestId('setup-submit')).toBeNull();
    await enter(user, 'bureau-regionCode', '51062');
    await user.click(screen.getByTestId('bureau-submit'));
    expect(await screen.findByText('行政区划代码必须是 6 位数字，如：510626')).toBeTruthy();
    expect(await screen.findByText('请填写教育局名称，如：德阳市罗江区教育局')).toBeTruthy();
    expect(await getBureau()).toBeUndefined();
    expect(await db.bureau.count()).toBe(0);
  });

  it('saves the bureau (name filled from the pack, digits kept only) and opens the bureau workspace', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await chooseBureau(user);
    await pick(user, 'bureau-pack', '德阳市罗江区教育局');
    await waitFor(() => expect((screen.getByTestId('bureau-name') as HTMLInputElement).value).toBe('德阳市罗江区教育局'));
    await enter(user, 'bureau-regionCode', '５１-06 26');
    await user.click(screen.getByTestId('bureau-submit'));
    expect((await screen.findByTestId('bureau-title')).textContent).toBe('德阳市罗江区教育局');
    expect(await getBureau()).toEqual({ name: '德阳市罗江区教育局', regionCode: '510626', packId: 'luojiang' });
    expect(await getSchool()).toBeUndefined();
    expect(await screen.findByTestId('completeness-empty')).toBeTruthy();
  });

  it('a saved bureau opens its workspace; a saved school still opens the school workspace', async () => {
    await saveBureau({ name: '成都市双流区教育局', regionCode: '510116', packId: 'shuangliu' });
    const first = await render();
    expect((await screen.findByTestId('bureau-title')).textContent).toBe('成都市双流区教育局');
    first.unmount();
    await resetAll();
    await saveSchool(SCHOOL);
    await render();
    expect((await screen.findByTestId('school-name')).textContent).toBe(SCHOOL.name);
    expect(screen.queryByTestId('bureau-title')).toBeNull();
  });
});
