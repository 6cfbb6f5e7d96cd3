// Undo/redo of one sheet (Ctrl+Z, Ctrl+Y / Ctrl+Shift+Z). Steps live in memory per sheet and
// period — they survive switching sheets, not a restart, nor a restore, demo load or replacing
// import (those call clearGridHistories) — and each undo or redo is written by the repositories
// in one transaction, checked there against the current data, and recorded in the 修改记录
// with 撤销/重做 as its reason.
import { useCallback, useMemo } from 'react';
import { App } from 'antd';
import * as H from './grid-history';
import { GridConflictError } from './grid-op-check';
import { trackSave, useStore } from '../../state/store';

const histories = new Map<string, H.History>();
/** per sheet: the writes whose steps are not recorded yet; an undo waits for them */
const pending = new Map<string, Promise<void>>();

export const LOCKED_UNDO = '本期已审核通过，数据已锁定，不能撤销或重做。如需修改，请先在“审核”中取消审核。';

/** The history key of a sheet: submission × period × sheet. */
export const historyKey = (submission: string, period: string, sheetId: string) => `${submission}|${period}|${sheetId}`;

/**
 * Forgets the steps of every sheet, or of the sheets whose key starts with `prefix` (one period:
 * `historyKey(s, p, '')`): a restore, demo load or replacing import put other data under them.
 */
export function clearGridHistories(prefix = ''): void {
  for (const key of [...histories.keys()]) if (key.startsWith(prefix)) histories.delete(key);
}

export type ApplyStep = (op: H.GridOp, reason: string, word: '撤销' | '重做') => Promise<void>;

export interface GridHistory {
  /** records `op` once `write` resolves true (a failed write is no step) */
  record: (op: H.GridOp, write?: Promise<unknown>) => void;
  /** ends the current typing step (the cursor left the cell) */
  seal: () => void;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

/**
 * @param key   one history per submission × period × sheet (historyKey)
 * @param apply writes an operation (inverted already for an undo) with the trail's reason,
 *              refusing it with GridConflictError when the data no longer fits it
 */
export function useGridHistory(key: string, locked: boolean | undefined, apply: ApplyStep): GridHistory {
  const { message } = App.useApp();
  const get = useCallback(() => histories.get(key) ?? H.emptyHistory(), [key]);
  // records and seals run in the order they were asked for, each after the writes before it
  const later = useCallback(
    (fn: () => void, write?: Promise<unknown>) => {
      const next = (pending.get(key) ?? Promise.resolve()).then(async () => {
        if (write === undefined || (await write.then((ok) => ok !== undefined && ok !== false, () => false))) fn();
      });
      pending.set(key, next);
      void next.then(() => pending.get(key) === next && pending.delete(key));
    },
    [key],
  );
  const record = useCallback((op: H.GridOp, write?: Promise<unknown>) => later(() => histories.set(key, H.push(get(), op)), write), [key, get, later]);
  const seal = useCallback(
    () =>
      later(() => {
        const h = histories.get(key);
        if (h?.open) histories.set(key, H.seal(h));
      }),
    [key, later],
  );

  const step = useCallback(
    async (which: 'undo' | 'redo') => {
      const word = which === 'undo' ? '撤销' : '重做';
      if (locked) {
        message.warning(LOCKED_UNDO);
        return;
      }
      await pending.get(key); // a keystroke still being written is the step to undo
      const h = get();
      const next = which === 'undo' ? H.undo(h) : H.redo(h);
      if (!next) {
        message.info(which === 'undo' ? '没有可撤销的操作' : '没有可重做的操作');
        return;
      }
      // moved first, so a second Ctrl+Z pressed while this one is written takes the next step
      histories.set(key, next.next);
      const outcome = await trackSave(
        apply(next.op, `${word}：${next.op.label}`, word).then(
          () => 'done' as const,
          (e: unknown) => (e instanceof GridConflictError ? e : Promise.reject(e)),
        ),
      );
      if (outcome === 'done') {
        message.success(`已${word}：${next.op.label}`, 1.5);
        return;
      }
      if (outcome instanceof GridConflictError) {
        // the step can never apply again: dropped, so older steps can still be undone
        const failed = which === 'undo' ? h.past[h.past.length - 1] : h.future[h.future.length - 1];
        const cur = get();
        histories.set(key, { ...cur, past: cur.past.filter((o) => o !== failed), future: cur.future.filter((o) => o !== failed) });
        message.error(`${outcome.message}。未写入任何数据，这一步已从撤销记录中移除。`, 6);
        return;
      }
      histories.set(key, h);
      message.error(`${word}失败，未写入任何数据：${useStore.getState().lastError ?? ''}`);
    },
    [key, locked, get, apply, message],
  );
  const undo = useCallback(() => step('undo'), [step]);
  const redo = useCallback(() => step('redo'), [step]);
  return useMemo(() => ({ record, seal, undo, redo }), [record, seal, undo, redo]);
}
