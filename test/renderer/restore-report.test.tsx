// 更多 → 打开校表通导出的报表…: the dialog previews whose file it is and the changed cells; 取消
// writes nothing; 恢复 replaces only that period (status and version included) and records it; a
// period approved here needs confirming; another school's file is refused. 恢复 backs the current data
// up first (also over an approved period); a failed backup blocks unless the user ticks the fallback.
// An approved workbook restored into an empty app is last 学年 for the year-on-year rule and 显示上期数.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { StatSheet } from '../../shared/pack/schema';
import type { SchoolProfile } from '../../shared/model/school';
import { exportReport } from '../../shared/xlsx/export';
import { RestoreReportDialog } from '../../renderer/features/backup/restore-report-dialog';
import { StatSheetView } from '../../renderer/features/entry/stat-sheet-view';
import { addRow, listRows, updateCell } from '../../renderer/features/entry/rows-repo';
import { approvePeriod, getPeriod } from '../../renderer/features/workspace/periods-repo';
import { setCell } from '../../renderer/features/entry/cells-repo';
import { saveSchool } from '../../renderer/features/setup/school-repo';
import { loadSnapshot } from '../../renderer/features/backup/snapshot';
import { db } from '../../renderer/db/db';
import { packLoad } from '../../renderer/lib/packs';
import { auditPeriod, loadPeriodView } from '../../renderer/features/workspace/use-period-data';
import type { BackupFolder, Platform } from '../../renderer/platform/types';
import { useStore } from '../../renderer/state/store';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';

const LAST = { submission: 'XNC', period: '2024-2025' };
const THIS = { submission: 'XNC', period: '2025-2026' };
const SPAQ = { submission: 'SPAQ', period: '2025-10', sheetId: 'sampleLog' };

const SAVED = { name: 'xiaobiao-backup-20251020-080000-000-restore.json', size: 1, savedAt: 1 };
let write: ReturnType<typeof vi.fn<BackupFolder['write']>>;
let platform: Platform;

beforeEach(async () => {
  await resetAll();
  await saveSchool(SCHOOL);
  write = vi.fn<BackupFolder['write']>(async () => SAVED);
  platform = { kind: 'electron', saveFile: vi.fn(async () => ({ saved: false })), backups: { write, list: vi.fn(async () => []), read: vi.fn(async () => new Uint8Array()) } };
});

async function exportPeriod(ref: { submission: string; period: string }, school: SchoolProfile = SCHOOL) {
  const data = await loadSnapshot(ref);
  return exportReport({ pack: luojiang(), school, data, appVersion: '1.0.0', now: new Date('2025-10-20T08:00:00Z') });
}

/**
 * What a 小学 must fill besides its classes — 毕业生数 and 招生数 (= 一年级), 办学条件, a teacher — or its
 * 审核 has 逻辑校验 errors and the export leaves an approved period as 草稿.
 */
async function fillRequired(ref: { submission: string; period: string }, enrol: number) {
  for (const [key, v] of [['01:graduates', 40], ['01:enrol', enrol], ['01:pre3', enrol]] as const) await setCell({ ...ref, sheetId: 'jj3112' }, key, v);
  for (const [code, v] of [['01', 1000], ['02', 1500], ['03', 50], ['04', 5], ['05', 8000], ['06', 30]] as const)
    await setCell({ ...ref, sheetId: 'conditions' }, `${code}:value`, v);
  await addRow({ ...ref, sheetId: 'staffList' }, {
    name: '教师一', gender: '女', birth: '1990-05', ethnicity: '汉族', post: '专任教师', inEstablishment: '是', stage: '小学',
    education: '本科', title: '中级', subject: '语文', backbone: '无',
  });
}

function openDialog(school: SchoolProfile = SCHOOL, showing = { submission: 'SPAQ', period: '2025-10' }) {
  renderApp(<RestoreReportDialog open onClose={() => {}} packs={packLoad.packs} school={school} showing={showing} platform={platform} />);
}

async function choose(file: { fileName: string; bytes: Uint8Array }) {
  const input = screen.getByTestId('restore-file') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([file.bytes as BlobPart], file.fileName)] } });
}

const studentsOf = async (ref: { submission: string; period: string }) =>
  (await listRows({ ...ref, sheetId: 'classList' })).map((r) => r.values.students);

describe('restore dialog', { timeout: 60_000 }, () => {
  it('previews the changed cell; 取消 writes nothing; 恢复 brings the period back, and only that period', async () => {
    const a = await addRow({ ...THIS, sheetId: 'classList' }, { stage: '小学', grade: '一年级', className: '一年级（1）班', students: 45 });
    await addRow({ ...THIS, sheetId: 'classList' }, { stage: '小学', grade: '二年级', className: '二年级（1）班', students: 44 });
    await addRow(SPAQ, { date: '2025-10-09', meal: '午餐', dish: '米饭' });
    const file = await exportPeriod(THIS);
    await updateCell(a, 'students', 50);
    await addRow(SPAQ, { date: '2025-10-10', meal: '午餐', dish: '面条' });
    const trail = await db.changes.count();

    openDialog();
    await choose(file);
    const changes = await screen.findByTestId('restore-changes');
    expect(screen.getByTestId('restore-change-count').textContent).toBe('1');
    const row = within(changes).getByText('E4').closest('tr')!;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['班级名册', 'E4', '第 1 行', '学生数', '50', '45']);
    expect(screen.getByTestId('restore-summary').textContent).toContain('罗江区实验小学（5106260001）');
    expect(screen.queryByTestId('restore-warnings')).toBeNull();

    fireEvent.click(screen.getByTestId('restore-cancel'));
    expect(await studentsOf(THIS)).toEqual([50, 44]);
    expect(await db.changes.count()).toBe(trail);

    await choose(file);
    await screen.findByTestId('restore-changes');
    fireEvent.click(screen.getByTestId('restore-confirm'));
    await waitFor(async () => expect(await studentsOf(THIS)).toEqual([45, 44]));
    expect(await listRows(SPAQ)).toHaveLength(2); // another period: untouched
    const last = await db.changes.orderBy('id').last();
    expect(last).toMatchObject({ ...THIS, action: 'replaceAll', old: '草稿（第 0 版）', new: `从「${file.fileName}」恢复：草稿（第 0 版）` });
    expect(useStore.getState()).toMatchObject(THIS); // another report was on screen: the restored one is shown
  });

  it('a period approved here needs confirming; an approved file comes back approved with its version', async () => {
    await addRow({ ...THIS, sheetId: 'classList' }, { stage: '小学', grade: '一年级', className: '一年级（1）班', students: 45 });
    await fillRequired(THIS, 45);
    await approvePeriod(THIS, '2025-09-20');
    const file = await exportPeriod(THIS); // 已审核, 第 1 版
    openDialog();
    await choose(file);
    await screen.findByTestId('restore-summary');
    expect(screen.getByTestId('restore-summary').textContent).toContain('已审核（第 1 版）');
    const ok = screen.getByTestId('restore-confirm') as HTMLButtonElement;
    expect(ok.disabled).toBe(true);
    fireEvent.click(screen.getByTestId('restore-approved-confirm'));
    expect(ok.disabled).toBe(false);
    fireEvent.click(ok);
    await waitFor(async () => expect((await db.changes.orderBy('id').last())?.action).toBe('replaceAll'));
    expect(await getPeriod(THIS)).toMatchObject({ status: '已审核', version: 1 });
  });

  it('恢复 backs up the data on this computer first, also over an approved period', async () => {
    const a = await addRow({ ...THIS, sheetId: 'classList' }, { stage: '小学', grade: '一年级', className: '一年级（1）班', students: 45 });
    const file = await exportPeriod(THIS);
    await updateCell(a, 'students', 50);
    await approvePeriod(THIS, '2025-10-20');
    let seen: unknown[] = [];
    write.mockImplementation(async (reason, bytes) => {
      seen = await studentsOf(THIS); // what the database held when the backup was made
      expect(reason).toBe('restore');
      expect(new TextDecoder().decode(bytes)).toContain('"students": 50');
      return SAVED;
    });
    openDialog();
    await choose(file);
    await screen.findByTestId('restore-summary');
    fireEvent.click(screen.getByTestId('restore-approved-confirm'));
    fireEvent.click(screen.getByTestId('restore-confirm'));
    await waitFor(async () => expect(await studentsOf(THIS)).toEqual([45]));
    expect(write).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([50]);
  });

  it('a failed backup replaces nothing; ticking “go on without a backup” then restores', async () => {
    const a = await addRow({ ...THIS, sheetId: 'classList' }, { stage: '小学', grade: '一年级', className: '一年级（1）班', students: 45 });
    const file = await exportPeriod(THIS);
    await updateCell(a, 'students', 50);
    const trail = await db.changes.count();
    write.mockRejectedValue(new Error('磁盘已满'));
    openDialog();
    await choose(file);
    await screen.findByTestId('restore-summary');
    fireEvent.click(screen.getByTestId('restore-confirm'));
    await waitFor(() => expect(screen.getByTestId('restore-error').textContent).toBe('恢复失败，本机数据没有改动：未能先备份本机现有数据，所以没有恢复：磁盘已满'));
    expect(await studentsOf(THIS)).toEqual([50]);
    expect(await db.changes.count()).toBe(trail);
    // trying again without the tick tries the backup again and still replaces nothing
    fireEvent.click(screen.getByTestId('restore-confirm'));
    await waitFor(() => expect(write).toHaveBeenCalledTimes(2));
    await waitFor(() => expect((screen.getByTestId('restore-confirm') as HTMLButtonElement).disabled).toBe(false));
    expect(await studentsOf(THIS)).toEqual([50]);
    fireEvent.click(screen.getByTestId('restore-skip-safety'));
    fireEvent.click(screen.getByTestId('restore-confirm'));
    await waitFor(async () => expect(await studentsOf(THIS)).toEqual([45]));
    expect(write).toHaveBeenCalledTimes(2);
  });

  it("another school's file is refused with the file named, and nothing is written", async () => {
    await addRow({ ...THIS, sheetId: 'classList' }, { stage: '小学', grade: '一年级', className: '一年级（1）班', students: 45 });
    const theirs = await exportPeriod(THIS, { ...SCHOOL, code: '5106260099', name: '罗江区第二小学' });
    openDialog();
    await choose(theirs);
    expect((await screen.findByTestId('restore-error')).textContent).toBe(
      `文件「${theirs.fileName}」 工作表「_meta」：这是另一所学校（罗江区第二小学，5106260099）的文件`,
    );
    expect((screen.getByTestId('restore-confirm') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('a restored approved workbook is last period', { timeout: 60_000 }, () => {
  it('empty app → restore last 学年 (approved) → this 学年 compares with it, and 显示上期数 shows it', async () => {
    // made elsewhere (another computer, or before a reinstall): 89 pupils, approved 第 2 版
    await addRow({ ...LAST, sheetId: 'classList' }, { stage: '小学', grade: '一年级', className: '一年级（1）班', students: 45 });
    await addRow({ ...LAST, sheetId: 'classList' }, { stage: '小学', grade: '二年级', className: '二年级（1）班', students: 44 });
    await fillRequired(LAST, 45);
    await approvePeriod(LAST, '2024-09-20');
    const lastYear = await exportPeriod(LAST);
    const data = await loadSnapshot(LAST);
    const file = { ...lastYear, bytes: (await exportReport({ pack: luojiang(), school: SCHOOL, data: { ...data, version: 2 }, appVersion: '1.0.0' })).bytes };
    await resetAll();
    await saveSchool(SCHOOL);

    openDialog();
    await choose(file);
    await screen.findByText('本机这一期还没有数据：恢复后即为文件中的数据。');
    fireEvent.click(screen.getByTestId('restore-confirm'));
    await waitFor(async () => expect(await getPeriod(LAST)).toMatchObject({ status: '已审核', version: 2 }));

    // this 学年: 150 pupils, +69% on last 学年's 89 → the year-on-year warning
    await addRow({ ...THIS, sheetId: 'classList' }, { stage: '小学', grade: '一年级', className: '一年级（1）班', students: 150 });
    const view = await loadPeriodView(THIS.submission, THIS.period, 'schoolYear', luojiang());
    expect(view.previous?.period).toBe('2024-2025');
    expect(auditPeriod(luojiang(), SCHOOL, view).findings.map((f) => f.ruleId)).toContain('XNC-3112-W01');

    useStore.setState({ showPrevious: true });
    renderApp(<StatSheetView pack={luojiang()} school={SCHOOL} submission="XNC" period="2025-2026" sheet={luojiang().sheets.jj3112 as StatSheet} />);
    await waitFor(() => expect(screen.getByTestId('stat-jj3112-01-total').textContent).toBe('计150上期 89'));
  });
});
