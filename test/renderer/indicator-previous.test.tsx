// 显示上期数 on indicator sheets: with last period approved, each row shows last period's value
// under this one — computed rows recomputed from last period's data and the periods it reads
// (last month's 在校生数 from last month's 学年), entered rows as entered then.
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { IndicatorSheet } from '../../shared/pack/schema';
import { IndicatorSheetView } from '../../renderer/features/entry/indicator-sheet-view';
import { setIndicatorValue } from '../../renderer/features/entry/cells-repo';
import { addRow } from '../../renderer/features/entry/rows-repo';
import { approvePeriod } from '../../renderer/features/workspace/periods-repo';
import { useStore } from '../../renderer/state/store';
import { luojiang, renderApp, resetAll, SCHOOL } from './helpers';

beforeEach(resetAll);

const cell = (id: string) => screen.getByTestId(id);

function show(sheetId: string, submission: string, period: string) {
  const pack = luojiang();
  renderApp(<IndicatorSheetView pack={pack} school={SCHOOL} submission={submission} period={period} sheet={pack.sheets[sheetId] as IndicatorSheet} />);
}

describe('显示上期数 on indicator sheets', () => {
  it('学生发展与满意度: last 学年 approved — entered and computed rows show its values; off again hides them', async () => {
    const last = { submission: 'XNC', period: '2024-2025', sheetId: 'studentDev' };
    const now = { ...last, period: '2025-2026' };
    await setIndicatorValue(last, '01', 200);
    await setIndicatorValue(last, '02', 190); // 合格率 95.0
    await setIndicatorValue(now, '01', 200);
    await setIndicatorValue(now, '02', 188); // 94.0
    await approvePeriod({ submission: 'XNC', period: '2024-2025' }, '2024-09-20');
    show('studentDev', 'XNC', '2025-2026');
    await waitFor(() => expect(cell('ind-studentDev-03').textContent).toBe('计94'));

    fireEvent.click(screen.getByTestId('toggle-previous'));
    await waitFor(() => expect(cell('ind-studentDev-03').textContent).toBe('计94上期 95'));
    expect((cell('ind-studentDev-02') as HTMLInputElement).value).toBe('188');
    expect(cell('ind-studentDev-02').parentElement!.textContent).toBe('上期 190');
    // a row empty last 学年 says so
    expect(cell('ind-studentDev-04').parentElement!.textContent).toContain('上期 空');
    expect(useStore.getState().showPrevious).toBe(true);

    fireEvent.click(screen.getByTestId('toggle-previous'));
    await waitFor(() => expect(cell('ind-studentDev-03').textContent).toBe('计94'));
  });

  it('安全防范与卫生配置: last month’s 在校生数 and 应配保安 come from the 学年 last month belonged to', async () => {
    await addRow({ submission: 'XNC', period: '2024-2025', sheetId: 'classList' }, { stage: '小学', grade: '一年级', className: '1班', students: 900 });
    await addRow({ submission: 'XNC', period: '2025-2026', sheetId: 'classList' }, { stage: '小学', grade: '一年级', className: '1班', students: 1234 });
    await setIndicatorValue({ submission: 'XYAQ', period: '2025-08', sheetId: 'safetyConfig' }, '04', '否');
    await setIndicatorValue({ submission: 'XYAQ', period: '2025-09', sheetId: 'safetyConfig' }, '04', '是');
    await approvePeriod({ submission: 'XYAQ', period: '2025-08' }, '2025-09-03');
    show('safetyConfig', 'XYAQ', '2025-09');
    fireEvent.click(await screen.findByTestId('toggle-previous'));
    await waitFor(() => expect(cell('ind-safetyConfig-01').textContent).toBe('计1234上期 900'));
    expect(cell('ind-safetyConfig-03').textContent).toBe('计3上期 2'); // GB/T 29315: 1234 → 3, 900 → 2
    expect((cell('ind-safetyConfig-04') as HTMLSelectElement).value).toBe('是');
    expect(cell('ind-safetyConfig-04').parentElement!.textContent).toContain('上期 否');
  });

  it('a previous month not approved is not shown, and the sheet says so', async () => {
    await setIndicatorValue({ submission: 'XYAQ', period: '2025-08', sheetId: 'safetyConfig' }, '04', '否');
    show('safetyConfig', 'XYAQ', '2025-09');
    fireEvent.click(await screen.findByTestId('toggle-previous'));
    expect((await screen.findByTestId('previous-none')).textContent).toContain('上期没有已审核的数据');
    expect(cell('ind-safetyConfig-04').parentElement!.textContent).not.toContain('上期');
  });
});
