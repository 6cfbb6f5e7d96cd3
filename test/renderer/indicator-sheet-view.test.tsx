// Indicator sheets on screen: entered values are written to the database, computed rows follow
// them and the lists, and a month's 在校生数 comes from the class list of its 学年.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { IndicatorSheet } from '../../shared/pack/schema';
import { IndicatorSheetView } from '../../renderer/features/entry/indicator-sheet-view';
import { listCells, setIndicatorValue } from '../../renderer/features/entry/cells-repo';
import { addRow } from '../../renderer/features/entry/rows-repo';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';

beforeEach(resetAll);

describe('IndicatorSheetView', () => {
  it('学生发展与满意度: typing 测试人数 and 合格人数 stores them and shows 合格率 against the target', async () => {
    const pack = luojiang();
    renderApp(<IndicatorSheetView pack={pack} school={SCHOOL} submission="XNC" period="2025-2026" sheet={pack.sheets.studentDev as IndicatorSheet} />);
    const tested = await screen.findByTestId('ind-studentDev-01');
    fireEvent.change(tested, { target: { value: '200' } });
    fireEvent.blur(tested);
    const passed = screen.getByTestId('ind-studentDev-02');
    fireEvent.change(passed, { target: { value: '188' } });
    fireEvent.blur(passed);
    await waitFor(() => expect(screen.getByTestId('ind-studentDev-03').textContent).toContain('94'));
    expect(screen.getByTestId('ind-studentDev-03').dataset.kind).toBe('computed');
    expect(await listCells({ submission: 'XNC', period: '2025-2026', sheetId: 'studentDev' })).toEqual({ '01:value': 200, '02:value': 188 });
    expect(screen.getByText('未达标')).toBeTruthy(); // 94% < 罗江's 95%
  });

  it('安全防范与卫生配置: 在校生数 from the 学年 class list, 应配保安 from it, choices from a list', async () => {
    const pack = luojiang();
    await addRow({ submission: 'XNC', period: '2025-2026', sheetId: 'classList' }, { stage: '小学', grade: '一年级', className: '1班', students: 1234 });
    await setIndicatorValue({ submission: 'XYAQ', period: '2025-10', sheetId: 'safetyConfig' }, '04', '是');
    renderApp(<IndicatorSheetView pack={pack} school={SCHOOL} submission="XYAQ" period="2025-10" sheet={pack.sheets.safetyConfig as IndicatorSheet} />);
    await waitFor(() => expect(screen.getByTestId('ind-safetyConfig-01').textContent).toContain('1234'));
    expect(screen.getByTestId('ind-safetyConfig-03').textContent).toContain('3');
    const closed = screen.getByTestId('ind-safetyConfig-04') as HTMLSelectElement;
    expect(closed.value).toBe('是');
    fireEvent.change(closed, { target: { value: '否' } });
    await waitFor(async () => expect((await listCells({ submission: 'XYAQ', period: '2025-10', sheetId: 'safetyConfig' }))['04:value']).toBe('否'));
  });
});
