// 教基3112 on screen: computed cells come from the class list in the database and follow
// its changes; blocked cells show "-"; entered cells are written as typed.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { StatSheet } from '../../shared/pack/schema';
import { StatSheetView } from '../../renderer/features/entry/stat-sheet-view';
import { addRow, updateCell } from '../../renderer/features/entry/rows-repo';
import { listCells } from '../../renderer/features/entry/cells-repo';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';

const REF = { submission: 'XNC', period: '2025-2026' };
const CLASSES = { ...REF, sheetId: 'classList' };

beforeEach(resetAll);

function render3112() {
  const pack = luojiang();
  const sheet = pack.sheets.jj3112 as StatSheet;
  renderApp(<StatSheetView pack={pack} school={SCHOOL} submission="XNC" period="2025-2026" sheet={sheet} />);
}

const cell = (code: string, col: string) => screen.getByTestId(`stat-jj3112-${code}-${col}`);

describe('StatSheetView', () => {
  it('shows cells computed from the class list, and blocked "-" where the pack says', async () => {
    await addRow(CLASSES, { stage: '小学', grade: '一年级', className: '1班', students: 45, female: 21, minority: 2 });
    await addRow(CLASSES, { stage: '小学', grade: '一年级', className: '2班', students: 44, female: 20 });
    await addRow(CLASSES, { stage: '小学', grade: '六年级', className: '6班', students: 50, female: 24, multiGrade: '是' });
    render3112();

    await waitFor(() => expect(cell('01', 'total').textContent).toContain('139'));
    expect(cell('01', 'total').dataset.kind).toBe('computed');
    expect(cell('01', 'total').getAttribute('title')).toBe('由班级名册自动计算');
    expect(cell('01', 'g1').textContent).toContain('89');
    expect(cell('01', 'g6').textContent).toContain('50');
    expect(cell('01', 'expected').textContent).toContain('50');
    expect(cell('02', 'total').textContent).toContain('65'); // #女 row from 女
    expect(cell('01', 'female').textContent).toContain('65'); // override: computed on row 01
    expect(cell('03', 'total').textContent).toContain('2');
    expect(cell('04', 'total').textContent).toContain('50'); // 复式班

    expect(cell('02', 'female').dataset.kind).toBe('blocked');
    expect(cell('02', 'female').textContent).toBe('-');

    expect(cell('01', 'graduates').tagName).toBe('INPUT');
    expect(cell('01', 'graduates').dataset.kind).toBe('entered');
    expect(cell('03', 'female').tagName).toBe('INPUT');
  });

  it('follows a change of the class list at once', async () => {
    const id = await addRow(CLASSES, { stage: '小学', grade: '三年级', className: '3班', students: 40 });
    render3112();
    await waitFor(() => expect(cell('01', 'g3').textContent).toContain('40'));
    await updateCell(id, 'students', 42);
    await waitFor(() => expect(cell('01', 'g3').textContent).toContain('42'));
    expect(cell('01', 'total').textContent).toContain('42');
  });

  it('lays out the bureau header: merged group, column numbers 甲 乙 1…15, 填报单位 and 统计时点', async () => {
    render3112();
    await screen.findByTestId('stat-jj3112-13-total');
    const group = screen.getByText('招生数中接受学前教育年限');
    expect(group.getAttribute('colspan')).toBe('4');
    expect(screen.getByText('在校生数').getAttribute('rowspan')).toBe('2');
    const numbers = [...document.querySelectorAll('tr.col-numbers td')].map((td) => td.textContent);
    expect(numbers).toEqual(['甲', '乙', ...Array.from({ length: 15 }, (_, i) => String(i + 1))]);
    const subline = document.querySelector('.sheet-subline')!.textContent;
    expect(subline).toBe(`填报单位：${SCHOOL.name}统计时点：2025年9月1日　单位：人`);
  });

  it('writes entered numbers, refuses what is not a count, clears on empty', async () => {
    render3112();
    await screen.findByTestId('stat-jj3112-01-graduates');
    fireEvent.change(cell('01', 'graduates'), { target: { value: '１２０' } });
    await waitFor(async () => expect(await listCells({ ...REF, sheetId: 'jj3112' })).toEqual({ '01:graduates': 120 }));

    fireEvent.change(cell('01', 'enrol'), { target: { value: '-3' } });
    expect(cell('01', 'enrol').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(cell('01', 'graduates'), { target: { value: '' } });
    await waitFor(async () => expect(await listCells({ ...REF, sheetId: 'jj3112' })).toEqual({}));
  });
});
