// The save indicator's bookkeeping and the navigation state.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetStore, trackSave, useStore } from '../../renderer/state/store';

beforeEach(() => resetStore());

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('trackSave', () => {
  it('counts pending writes and records when the last one finished', async () => {
    const a = deferred<string>();
    const b = deferred<number>();
    const ta = trackSave(a.promise);
    const tb = trackSave(b.promise);
    expect(useStore.getState().pending).toBe(2);
    expect(useStore.getState().lastSavedAt).toBeUndefined();

    a.resolve('id-1');
    expect(await ta).toBe('id-1');
    expect(useStore.getState().pending).toBe(1);
    const savedAt = useStore.getState().lastSavedAt;
    expect(savedAt).toBeGreaterThan(Date.now() - 5000);

    b.resolve(7);
    expect(await tb).toBe(7);
    expect(useStore.getState().pending).toBe(0);
  });

  it('records a failure instead of throwing, and the next success clears it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await trackSave(Promise.reject(new Error('磁盘已满')));
    expect(result).toBeUndefined();
    expect(useStore.getState()).toMatchObject({ pending: 0, lastError: '磁盘已满' });
    expect(log).toHaveBeenCalled();

    await trackSave(Promise.resolve());
    expect(useStore.getState().lastError).toBeUndefined();
    expect(useStore.getState().lastSavedAt).toBeDefined();
    log.mockRestore();
  });
});

describe('ui slice', () => {
  it('a jump to a cell opens its sheet; choosing a submission starts at its first sheet', () => {
    const s = useStore.getState();
    s.focusCell({ sheetId: 'jj3112', code: '06', colKey: 'total' });
    expect(useStore.getState()).toMatchObject({ sheetId: 'jj3112', focus: { code: '06', colKey: 'total' } });
    useStore.getState().clearFocus();
    expect(useStore.getState().focus).toBeUndefined();

    useStore.getState().selectSubmission('SPAQ', '2025-10');
    expect(useStore.getState()).toMatchObject({ submission: 'SPAQ', period: '2025-10', sheetId: undefined });
  });
});
