// The staff sheets on screen: 教职工名册 takes 出生年月 as typed and offers the school's 岗位类别;
// 教基4153 shows one block per 学段 with codes running on, "-" on the #女 rows, and counts
// computed from the staff list in the database.
import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LedgerSheet, StatSheet } from '../../shared/pack/schema';
import { findSubmission, sheetsFor } from '../../shared/pack/applicability';
import { LedgerSheetView } from '../../renderer/features/entry/ledger-sheet-view';
import { StatSheetView } from '../../renderer/features/entry/stat-sheet-view';
import { addRow, listRows } from '../../renderer/features/entry/rows-repo';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';

const STAFF = { submission: 'XNC', period: '2025-2026', sheetId: 'staffList' };
const KINDERGARTEN = { ...SCHOOL, name: '罗江区实验幼儿园', type: '幼儿园', puhui: true };
const NINE_YEAR = { ...SCHOOL, name: '罗江区万安学校', type: '九年一贯制学校' };

beforeEach(resetAll);

describe('教职工名册 on screen', { timeout: 20_000 }, () => {
  it('a 幼儿园 chooses among 园长/专任教师/保健医/保育员/其他; 出生年月 1985.3 is stored as 1985-03', async () => {
    const user = userEvent.setup({ delay: null });
    const pack = luojiang();
    renderApp(
      <LedgerSheetView pack={pack} school={KINDERGARTEN} submission="XNC" period="2025-2026" periodText="2025-2026 学年"
        sheet={pack.sheets.staffList as LedgerSheet} />,
    );
    expect(screen.getByText('如 1985-03')).toBeTruthy();
    await user.click(screen.getByTestId('ledger-add-row'));
    const post = (await screen.findByTestId('cell-staffList-0-post')) as HTMLSelectElement;
    expect([...post.options].map((o) => o.value)).toEqual(['', '园长', '专任教师', '保健医', '保育员', '其他']);
    // the only 学段 of a 幼儿园 is filled in
    expect((screen.getByTestId('cell-staffList-0-stage') as HTMLSelectElement).value).toBe('学前');
    await user.selectOptions(post, '专任教师');
    await user.type(screen.getByTestId('cell-staffList-0-birth'), '1985.3');
    await waitFor(async () => expect((await listRows(STAFF))[0]?.values).toEqual({ post: '专任教师', stage: '学前', birth: '1985-03' }));
  });
});

describe('教基4153 on screen', { timeout: 20_000 }, () => {
  it('九年一贯制学校: 小学 rows 01–09 and 初中 rows 10–18, blocked #女 on 02 and 11, counts of 专任教师', async () => {
    await addRow(STAFF, { post: '专任教师', gender: '女', birth: '1990-03', stage: '小学', title: '中级' }); // 35
    await addRow(STAFF, { post: '专任教师', gender: '男', birth: '1970-01', stage: '初中', title: '正高级' }); // 55
    await addRow(STAFF, { post: '行政人员', gender: '女', birth: '1980-01', stage: '初中', title: '中级' }); // not counted
    const pack = luojiang();
    const sheet = sheetsFor(pack, findSubmission(pack, 'XNC')!, NINE_YEAR.type).find((s) => s.id === 'jj4153') as StatSheet;
    renderApp(<StatSheetView pack={pack} school={NINE_YEAR} submission="XNC" period="2025-2026" sheet={sheet} />);
    const cell = (code: string, col: string) => screen.getByTestId(`stat-jj4153-${code}-${col}`);
    await waitFor(() => expect(cell('01', 'total').textContent).toBe('计1'));
    const labels = [...document.querySelectorAll('table.stat-grid tbody tr:not(.col-numbers) td.label')].map((td) => td.textContent);
    expect(labels.slice(0, 10)).toEqual(['小学', '　#女', '　#少数民族', '正高级', '副高级', '中级', '助理级', '员级', '未定职级', '初中']);
    expect(labels).toHaveLength(18);
    const numbers = [...document.querySelectorAll('tr.col-numbers td')].map((td) => td.textContent);
    expect(numbers).toEqual(['甲', '乙', ...Array.from({ length: 11 }, (_, i) => String(i + 1))]);
    for (const code of ['02', '11']) expect(cell(code, 'female').textContent).toBe('-');
    expect(cell('01', 'a35').textContent).toBe('计1');
    expect(cell('06', 'total').textContent).toBe('计1'); // 中级
    expect(cell('10', 'total').textContent).toBe('计1');
    expect(cell('10', 'a55').textContent).toBe('计1');
    expect(cell('13', 'total').textContent).toBe('计1'); // 正高级
    expect(cell('15', 'total').textContent).toBe('计0'); // the 中级 行政人员 is no 专任教师
    expect(cell('02', 'total').textContent).toBe('计1'); // #女: the 小学 teacher
    expect(cell('10', 'total').dataset.kind).toBe('computed');
  });
});
