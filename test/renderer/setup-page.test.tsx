// First-run setup: the shared schema decides, in Chinese, next to the field.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SetupPage } from '../../renderer/features/setup/setup-page';
import { getSchool } from '../../renderer/features/setup/school-repo';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';

beforeEach(resetAll);

/**
 * Opens an antd Select by its test id and picks the option with this text. (The user is set
 * up without the pointer-events check: a reopened dropdown is still in its closing motion
 * under jsdom, which has no animation frames to finish it.)
 */
async function pick(user: ReturnType<typeof userEvent.setup>, testId: string, option: string) {
  const select = screen.getByTestId(testId);
  await user.click(within(select).getByRole('combobox'));
  const options = await screen.findAllByTitle(option);
  await user.click(options[options.length - 1]!);
}

/** Types into a text field in one input event (as an IME commit or a paste does): antd forms are slow to drive key by key. */
async function enter(user: ReturnType<typeof userEvent.setup>, testId: string, text: string) {
  await user.click(screen.getByTestId(testId));
  await user.paste(text);
}

async function fillValid(user: ReturnType<typeof userEvent.setup>, code: string) {
  await enter(user, 'setup-name', SCHOOL.name);
  await enter(user, 'setup-code', code);
  await pick(user, 'setup-type', '小学');
  await pick(user, 'setup-sponsor', '公办');
  await enter(user, 'setup-township', SCHOOL.township);
  await pick(user, 'setup-urbanRural', '城区');
  await enter(user, 'setup-head', SCHOOL.head);
  await enter(user, 'setup-statHead', SCHOOL.statHead);
  await enter(user, 'setup-filler', SCHOOL.filler);
  await enter(user, 'setup-phone', SCHOOL.phone);
}

// antd forms under jsdom are slow to drive key by key
describe('SetupPage', { timeout: 20_000 }, () => {
  it('puts the test ids on the inputs and on the Select roots, with the only pack preselected', () => {
    renderApp(<SetupPage packs={[luojiang()]} onSaved={() => undefined} />);
    expect(screen.getByTestId('setup-name').tagName).toBe('INPUT');
    expect(screen.getByTestId('setup-code').tagName).toBe('INPUT');
    expect(within(screen.getByTestId('setup-type')).getByRole('combobox')).toBeTruthy();
    expect(screen.getByTestId('setup-pack').textContent).toContain('德阳市罗江区教育局');
    expect(screen.queryByTestId('setup-puhui')).toBeNull();
  });

  it('refuses a 9-digit 学校标识码 with the Chinese message and saves nothing', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const onSaved = vi.fn();
    renderApp(<SetupPage packs={[luojiang()]} onSaved={onSaved} />);
    await fillValid(user, '510626000');
    await user.click(screen.getByTestId('setup-submit'));
    expect(await screen.findByText('学校标识码必须是 10 位数字')).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();
    expect(await getSchool()).toBeUndefined();
  });

  it('saves a valid profile (full-width digits from an IME are accepted)', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const onSaved = vi.fn();
    renderApp(<SetupPage packs={[luojiang()]} onSaved={onSaved} />);
    await fillValid(user, '５１０６２６０００１');
    await user.click(screen.getByTestId('setup-submit'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(await getSchool()).toEqual(SCHOOL);
  });

  it('shows the required-field messages in Chinese', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    renderApp(<SetupPage packs={[luojiang()]} onSaved={() => undefined} />);
    await user.click(screen.getByTestId('setup-submit'));
    // antd validates the fields one after another: each message may show a render later than the first
    for (const text of ['请填写学校名称', '请选择办学类型', '请选择举办者', '请选择城乡分类', '请填写单位负责人'])
      expect(await screen.findByText(text)).toBeTruthy();
  });

  it('asks a 幼儿园 whether it is 普惠性 and stores the answer', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const onSaved = vi.fn();
    renderApp(<SetupPage packs={[luojiang()]} onSaved={onSaved} />);
    await fillValid(user, '5106260002');
    await pick(user, 'setup-type', '幼儿园');
    await user.click(screen.getByTestId('setup-submit'));
    expect(await screen.findByText('请选择是否普惠性幼儿园')).toBeTruthy();
    await pick(user, 'setup-puhui', '是');
    await user.click(screen.getByTestId('setup-submit'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(await getSchool()).toMatchObject({ type: '幼儿园', puhui: true, code: '5106260002' });
  });

  it('edits an existing profile', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const onSaved = vi.fn();
    renderApp(<SetupPage packs={[luojiang()]} initial={SCHOOL} onSaved={onSaved} onCancel={() => undefined} />);
    expect((screen.getByTestId('setup-name') as HTMLInputElement).value).toBe(SCHOOL.name);
    await user.clear(screen.getByTestId('setup-filler'));
    await enter(user, 'setup-filler', '赵老师');
    await user.click(screen.getByTestId('setup-submit'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect((await getSchool())?.filler).toBe('赵老师');
  });
});
