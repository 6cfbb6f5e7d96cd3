// 从 Excel 导入 of a 学籍 per-pupil list: the dialog says it is a 学生名单 and how many classes it
// makes, shows the counted classes and the rules, shows the class-by-class change against the
// period's class list, replaces it keeping 班主任 — and the school can still import row by row.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { LedgerSheet } from '../../shared/pack/schema';
import { ImportDialog } from '../../renderer/features/import/import-dialog';
import { addRow, listRows } from '../../renderer/features/entry/rows-repo';
import { listChanges } from '../../renderer/features/changes/changes-repo';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';
import { makePupils, pupilGrid, pupilWorkbook, tally, type Pupil } from '../fixtures/import/student-files';

const REF = { submission: 'XNC', period: '2025-2026', sheetId: 'classList' };
const GRADES = ['一年级', '二年级', '三年级'];
const pupils = makePupils(130, [[0, 1], [0, 2], [1, 1], [2, 1]], 21);
const key = (p: Pupil) => `${GRADES[p.grade]}（${p.klass}）班`;
const expected = tally(pupils, key);

beforeEach(resetAll);

function renderDialog() {
  const pack = luojiang();
  const target = { pack, school: SCHOOL, submission: 'XNC', period: '2025-2026' };
  renderApp(<ImportDialog open sheet={pack.sheets.classList as LedgerSheet} target={target} defaults={{ stage: '小学' }} onClose={() => {}} />);
}

async function pick() {
  const file = new File([pupilWorkbook(pupilGrid(pupils, { grades: GRADES, migrantColumn: 'yesNo' })) as BlobPart], '学生基础信息.xlsx');
  fireEvent.change(await screen.findByTestId('import-file'), { target: { files: [file] } });
  return screen.findByTestId('student-list-summary');
}

describe('ImportDialog with a 学籍 pupil list', { timeout: 60_000 }, () => {
  it('says 学生名单：130 名学生，将统计为 4 个班, shows the classes and the rules, replaces an empty list', async () => {
    renderDialog();
    expect((await pick()).textContent).toContain('学生名单：130 名学生，将统计为 4 个班');
    const table = screen.getByTestId('student-list-classes');
    const first = within(table).getAllByRole('row')[1]!;
    const cells = within(first).getAllByRole('cell').map((c) => c.textContent);
    const t = expected.get(cells[2]!)!;
    expect(cells.slice(0, 5)).toEqual(['小学', cells[1], cells[2], String(t.students), String(t.female)]);
    fireEvent.click(screen.getByRole('tab', { name: '统计规则' }));
    const rules = await screen.findByTestId('student-list-rules');
    expect(within(rules).getByText('C 性别')).toBeTruthy();
    expect(within(rules).getByText(/B 姓名、D 出生日期、G 身份证件号/)).toBeTruthy();
    expect(screen.getByTestId('import-summary').textContent).toContain('共 4 个班');
    fireEvent.click(screen.getByTestId('import-confirm'));
    await waitFor(async () => expect(await listRows(REF)).toHaveLength(4));
    for (const r of await listRows(REF)) expect(r.values.students).toBe(expected.get(String(r.values.className))!.students);
  });

  it('against last term\'s list: shows added / removed / changed classes with old→new, keeps 班主任 on replace', async () => {
    const a = expected.get('一年级（1）班')!;
    await addRow(REF, { stage: '小学', grade: '一年级', className: '一年级（1）班', students: a.students + 3, female: a.female, headTeacher: '周老师', multiGrade: '否' });
    await addRow(REF, { stage: '小学', grade: '二年级', className: '二年级（1）班', ...expected.get('二年级（1）班') });
    await addRow(REF, { stage: '小学', grade: '六年级', className: '六年级（1）班', students: 44 });
    renderDialog();
    await pick();
    expect((await screen.findByTestId('student-list-diff-summary')).textContent).toContain('本期已有 3 个班：新增 2 个，减少 1 个，人数有变化 1 个，不变 1 个');
    fireEvent.click(screen.getByRole('tab', { name: /与现有名册比较/ }));
    const diff = await screen.findByTestId('student-list-diff');
    expect(within(diff).getByText(`学生数 ${a.students + 3}→${a.students}`, { exact: false })).toBeTruthy();
    expect(within(diff).getByText('小学 六年级 六年级（1）班')).toBeTruthy();
    expect((screen.getByLabelText(/替换现有数据/) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByTestId('import-confirm'));
    await waitFor(async () => expect((await listRows(REF)).map((r) => r.values.className).sort()).toEqual([...expected.keys()].sort()));
    const kept = (await listRows(REF)).find((r) => r.values.className === '一年级（1）班')!;
    expect(kept.values).toMatchObject({ students: a.students, headTeacher: '周老师', multiGrade: '否' });
    const trail = JSON.stringify(await listChanges({ submission: 'XNC', period: '2025-2026' }));
    for (const p of pupils) expect(trail).not.toContain(p.name);
  });

  it('识别有误？按行导入 goes back to the row-by-row import with its column mapping', async () => {
    renderDialog();
    await pick();
    fireEvent.click(screen.getByTestId('student-list-row-by-row'));
    await waitFor(() => expect(screen.queryByTestId('student-list-summary')).toBeNull());
    expect(screen.getByTestId('import-summary').textContent).toContain('共 130 行数据');
    expect((screen.getByLabelText(/追加到末尾/) as HTMLInputElement).checked).toBe(true);
  });
});
