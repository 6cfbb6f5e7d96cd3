// Undo/redo of one sheet (Ctrl+Z, Ctrl+Y / Ctrl+Shift+Z). Steps live in memory per sheet and
// period — they survive switching sheets, not a restart — and each undo or redo is written by
// the repositories in one transaction and recorded in the 修改记录 with 撤销/重做 as its reason.
import { useCallback, useMemo } from 'react';
import { App } from 'antd';
import * as H from '../lib/grid-history';
import { trackSave, useStore } from '../state/store';

const histories = new Map<string, H.History>();

export const LOCKED_UNDO = '本期已审核通过，数据已锁定，不能撤销或重做。如需修改，请先在“审核”中取消审核。';

/** Forgets every sheet's steps (a restore or a demo load replaces the data underneath them). */
export function clearGridHistories(): void {
  histories.clear();
}

export interface GridHistory {
  record: (op: H.GridOp) => void;
  /** ends the current typing step (the cursor left the cell) */
  seal: () => void;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

/**
 * @param key   one history per submission × period × sheet
 * @param apply writes an operation (inverted already for an undo) with the trail's reason
 */
export function useGridHistory(key: string, locked: boolean | undefined, apply: (op: H.GridOp, reason: string) => Promise<void>): GridHistory {
  const { message } = App.useApp();
  const get = useCallback(() => histories.get(key) ?? H.emptyHistory(), [key]);
  const record = useCallback((op: H.GridOp) => histories.set(key, H.push(get(), op)), [key, get]);
  const seal = useCallback(() => {
    const h = histories.get(key);
    if (h?.open) histories.set(key, H.seal(h));
  }, [key]);

  const step = useCallback(
    async (which: 'undo' | 'redo') => {
      const word = which === 'undo' ? '撤销' : '重做';
      if (locked) {
        message.warning(LOCKED_UNDO);
        return;
      }
      const h = get();
      const next = which === 'undo' ? H.undo(h) : H.redo(h);
      if (!next) {
        message.info(which === 'undo' ? '没有可撤销的操作' : '没有可重做的操作');
        return;
      }
      // moved first, so a second Ctrl+Z pressed while this one is written takes the next step
      histories.set(key, next.next);
      const done = await trackSave(apply(next.op, `${word}：${next.op.label}`).then(() => true));
      if (done) {
        message.success(`已${word}：${next.op.label}`, 1.5);
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
