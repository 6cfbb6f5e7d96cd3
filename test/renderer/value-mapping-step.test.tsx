// The 对应 step of 从 Excel 导入 on a 人事 staff list: the values no synonym knows are listed once each
// with their count, an answer re-converts the preview, the import writes the list's own values, and
// the answers are remembered: the next import of a similar file shows no step and has 0 errors.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LedgerSheet } from '../../shared/pack/schema';
import { ImportDialog } from '../../renderer/features/import/import-dialog';
import { listRows } from '../../renderer/features/entry/rows-repo';
import { rememberedValueMap, rememberValueMap } from '../../renderer/features/import/value-maps-repo';
import { getSchool, saveSchool } from '../../renderer/features/setup/school-repo';
import { currentBackup } from '../../renderer/features/backup/backup-repo';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';
import { workbookBytes } from '../fixtures/import/make-files';
import { staffExportRows, UNKNOWN_ANSWERS } from '../fixtures/import/staff-export';

const STAFF = { submission: 'XNC', period: '2025-2026', sheetId: 'staffList' };

beforeEach(resetAll);

function renderDialog(onClose = () => {}) {
  const pack = luojiang();
  const target = { pack, school: SCHOOL, submission: 'XNC', period: '2025-2026' };
  return renderApp(<ImportDialog open sheet={pack.sheets.staffList as LedgerSheet} target={target} defaults={{ stage: '小学' }} onClose={onClose} />);
}

async function pickFile(seed: number) {
  const file = new File([workbookBytes([{ name: '花名册', rows: staffExportRows(20, seed) }]) as BlobPart], `花名册${seed}.xlsx`);
  fireEvent.change(await screen.findByTestId('import-file'), { target: { files: [file] } });
  return screen.findByTestId('import-summary');
}

const user = () => userEvent.setup({ delay: null, pointerEventsCheck: 0 });

async function choose(u: ReturnType<typeof user>, colKey: string, value: string, to: string) {
  await u.click(within(screen.getByTestId(`value-map-${colKey}-${value}`)).getByRole('combobox'));
  await u.click((await screen.findAllByTitle(to)).at(-1)!);
}

describe('the 对应 step', { timeout: 120_000 }, () => {
  it('lists each unknown value once with its count; the answers take the list to 0 errors and are remembered', async () => {
    await saveSchool(SCHOOL);
    const u = user();
    renderDialog();
    const summary = await pickFile(0);
    expect(summary.textContent).toContain('共 20 行数据，其中 4 行有错误');
    const step = screen.getByTestId('value-mapping');
    expect(step.textContent).toContain('文件中有 3 种写法不是本表的可选值');
    const rows = [...step.querySelectorAll('tbody tr')].map((tr) => tr.textContent);
    expect(rows.filter((t) => t?.includes('×'))).toEqual([
      expect.stringMatching(/岗位类别后勤\s*×1保持原样（报错）/),
      expect.stringMatching(/主要任教课程心理健康\s*×2保持原样（报错）/),
      expect.stringMatching(/骨干级别校级骨干\s*×2保持原样（报错）/),
    ]);

    await choose(u, 'post', '后勤', '工勤人员');
    await waitFor(() => expect(screen.getByTestId('import-summary').textContent).toContain('其中 3 行有错误'));
    await choose(u, 'subject', '心理健康', '其他');
    await choose(u, 'backbone', '校级骨干', '无');
    await waitFor(() => expect(screen.getByTestId('import-summary').textContent).toContain('都没有错误，可导入 20 行'));
    expect(screen.getByTestId('value-mapping').textContent).toContain('每种写法都已对应');

    fireEvent.click(screen.getByTestId('import-confirm'));
    await waitFor(async () => expect(await listRows(STAFF)).toHaveLength(20));
    const written = (await listRows(STAFF)).map((r) => r.values);
    expect(written.filter((v) => v.post === '工勤人员')).toHaveLength(1);
    expect(written.filter((v) => v.backbone === '无')).toHaveLength(2);
    expect(new Set(written.map((v) => v.education))).toEqual(new Set(['本科', '专科', '硕士研究生', '高中阶段']));
    await waitFor(async () => expect(await rememberedValueMap('staffList')).toEqual(UNKNOWN_ANSWERS));
    // remembered beside the school, not in it: the profile and the backup are as before
    expect(await getSchool()).toEqual(SCHOOL);
    expect(JSON.stringify(await currentBackup())).not.toContain('校级骨干');
  });

  it('a second import of a similar file needs no 对应 step: the remembered answers are applied', async () => {
    await rememberValueMap('staffList', UNKNOWN_ANSWERS as never);
    renderDialog();
    const summary = await pickFile(3);
    expect(summary.textContent).toContain('都没有错误，可导入 20 行');
    expect(screen.queryByTestId('value-mapping')).toBeNull();
    expect(screen.getByTestId('value-mapping-remembered').textContent).toMatch(/已按记住的对应换算 3 种写法/);
    // they can still be changed: 保持原样 makes those rows errors again
    fireEvent.click(screen.getByTestId('value-mapping-edit'));
    const u = user();
    await choose(u, 'post', '后勤', '保持原样（报错）');
    await waitFor(() => expect(screen.getByTestId('import-summary').textContent).toMatch(/其中 \d+ 行有错误/));
    expect(screen.getByTestId('value-mapping').textContent).toContain('文件中有 1 种写法不是本表的可选值');
  });

  it('取消 remembers nothing', async () => {
    const u = user();
    renderDialog();
    await pickFile(0);
    await choose(u, 'post', '后勤', '工勤人员');
    await waitFor(() => expect(screen.getByTestId('import-summary').textContent).toContain('其中 3 行有错误'));
    fireEvent.click(screen.getByTestId('import-cancel'));
    await waitFor(() => expect(screen.queryByTestId('import-summary')).toBeNull());
    expect(await rememberedValueMap('staffList')).toEqual({});
    expect(await listRows(STAFF)).toEqual([]);
  });
});
