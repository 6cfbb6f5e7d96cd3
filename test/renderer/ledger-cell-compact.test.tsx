// A dropdown mounted while the list scrolls holds only its value (the wheel's frames mount the
// rows coming into view, and 民族's 56 options a row were most of that cost); its whole list
// follows at once when the cell is pointed at, pressed or focused, and by itself when the
// browser is idle — so keyboard, mouse, screen readers and tests that pick an option directly
// all find the full list. A dropdown mounted at rest is complete from the start.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LedgerColumn } from '../../shared/pack/schema';
import { LedgerCell } from '../../renderer/features/entry/ledger-cell';

const NATIONS = ['汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族'];
const column: LedgerColumn = { key: 'nation', label: '民族', type: 'enum', values: NATIONS } as LedgerColumn;

function cell(props: { compact?: boolean; value?: string | null; onCommit?: () => void }) {
  render(
    <table>
      <tbody>
        <tr>
          <LedgerCell sheetId="staffList" rowIndex={7} rowId="r7" column={column} value={'value' in props ? props.value : '回族'} options={NATIONS}
            compact={props.compact} onCommit={props.onCommit ?? (() => {})} />
        </tr>
      </tbody>
    </table>,
  );
  return screen.getByTestId('cell-staffList-7-nation') as HTMLSelectElement;
}
const values = (s: HTMLSelectElement) => [...s.options].map((o) => o.value);

describe('a dropdown mounted while scrolling', () => {
  it('mounted at rest: the whole list from the start, the value chosen', () => {
    const s = cell({});
    expect(values(s)).toEqual(['', ...NATIONS]);
    expect(s.value).toBe('回族');
    expect(s.getAttribute('aria-label')).toBe('第8行 民族');
  });

  it('compact: only blank and its value, shown and labelled as before; pointer-down completes it at once', () => {
    const s = cell({ compact: true });
    expect(values(s)).toEqual(['', '回族']);
    expect(s.value).toBe('回族');
    expect(s.getAttribute('aria-label')).toBe('第8行 民族');
    fireEvent.pointerDown(s);
    // synchronously: the native list opens on the mousedown that follows
    expect(values(s)).toEqual(['', ...NATIONS]);
    expect(s.value).toBe('回族');
  });

  it('compact: focus completes it, and ↓-style changes go on from its value', async () => {
    const commit = vi.fn();
    const s = cell({ compact: true, onCommit: commit });
    fireEvent.focus(s);
    await waitFor(() => expect(values(s)).toEqual(['', ...NATIONS]));
    s.selectedIndex += 1;
    fireEvent.change(s);
    expect(commit).toHaveBeenCalledWith('r7', 'nation', '藏族');
  });

  it('compact: completes by itself when the browser is idle, so selectOptions finds every option', async () => {
    const commit = vi.fn();
    const s = cell({ compact: true, value: null, onCommit: commit });
    expect(values(s)).toEqual(['']);
    await waitFor(() => expect(values(s)).toEqual(['', ...NATIONS]));
    await userEvent.setup({ delay: null }).selectOptions(s, '壮族');
    expect(commit).toHaveBeenCalledWith('r7', 'nation', '壮族');
  });

  it('a value not among the options keeps its marked option, compact or not', () => {
    const s = cell({ compact: true, value: '汉' });
    expect([...s.options].map((o) => o.textContent)).toEqual(['', '汉（不在可选值中）']);
    expect(s.value).toBe('汉');
  });
});
