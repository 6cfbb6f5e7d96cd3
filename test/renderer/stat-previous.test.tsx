// 显示上期数 on 教基3112: with last 学年 approved, the toggle shows its figure under each computed
// and entered cell; a previous 学年 not yet approved is not shown, and says so.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { StatSheet } from '../../shared/pack/schema';
import { StatSheetView } from '../../renderer/features/entry/stat-sheet-view';
import { addRow } from '../../renderer/features/entry/rows-repo';
import { setCell } from '../../renderer/features/entry/cells-repo';
import { approvePeriod } from '../../renderer/features/workspace/periods-repo';
import { useStore } from '../../renderer/state/store';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';

const LAST = { submission: 'XNC', period: '2024-2025' };
const THIS = { submission: 'XNC', period: '2025-2026' };

beforeEach(resetAll);

/** Last 学年: 一年级 45 + 二年级 44 = 89 pupils, 毕业生数 (entered) 38; this 学年: 一年级 50 (二年级 0). */
async function twoYears() {
  await addRow({ ...LAST, sheetId: 'classList' }, { stage: '小学', grade: '一年级', className: '1班', students: 45 });
  await addRow({ ...LAST, sheetId: 'classList' }, { stage: '小学', grade: '二年级', className: '2班', students: 44 });
  await setCell({ ...LAST, sheetId: 'jj3112' }, '01:graduates', 38);
  await addRow({ ...THIS, sheetId: 'classList' }, { stage: '小学', grade: '一年级', className: '1班', students: 50 });
}

function render3112() {
  const pack = luojiang();
  renderApp(<StatSheetView pack={pack} school={SCHOOL} submission="XNC" period="2025-2026" sheet={pack.sheets.jj3112 as StatSheet} />);
}

const cell = (code: string, col: string) => screen.getByTestId(`stat-jj3112-${code}-${col}`);

describe('显示上期数', () => {
  it('shows last approved 学年 under computed and entered cells once switched on, and remembers the choice', async () => {
    await twoYears();
    await approvePeriod(LAST, '2024-09-20');
    render3112();
    await waitFor(() => expect(cell('01', 'total').textContent).toContain('50'));
    expect(cell('01', 'total').textContent).not.toContain('上期');

    fireEvent.click(screen.getByTestId('toggle-previous'));
    await waitFor(() => expect(cell('01', 'total').textContent).toBe('计50上期 89'));
    expect(cell('01', 'g1').textContent).toBe('计50上期 45');
    expect(cell('01', 'g2').textContent).toBe('计0上期 44');
    // an entered cell: the input keeps this 学年's (empty) value, last 学年's 38 beneath it
    expect((cell('01', 'graduates') as HTMLInputElement).value).toBe('');
    expect(cell('01', 'graduates').parentElement!.textContent).toBe('上期 38');
    expect(useStore.getState().showPrevious).toBe(true);

    fireEvent.click(screen.getByTestId('toggle-previous'));
    await waitFor(() => expect(cell('01', 'total').textContent).toBe('计50'));
    expect(useStore.getState().showPrevious).toBe(false);
  });

  it('a previous 学年 still 草稿 is not shown: the sheet says there is nothing approved to compare', async () => {
    await twoYears();
    render3112();
    fireEvent.click(screen.getByTestId('toggle-previous'));
    expect((await screen.findByTestId('previous-none')).textContent).toContain('上期没有已审核的数据');
    expect(cell('01', 'total').textContent).toBe('计50');
  });
});
