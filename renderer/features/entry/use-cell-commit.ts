// When a grid cell's text reaches the database. Writing on every keystroke keeps nothing
// unsaved but costs a database round trip, a re-audit and a re-render of the sheet per key —
// too slow on an old PC with a 500-row 留样 month. So:
//   - the first change after a pause is written at once (a single edit, a paste, an e2e fill);
//   - further changes within THROTTLE_MS are held and written together when it ends;
//   - leaving the cell (blur, Enter, another row) or the page writes immediately;
//   - while a Chinese IME is composing (pinyin in the box) nothing is written at all;
//     the composed characters are written when the composition ends.
// A held edit counts as pending in the save indicator, so 已保存 is never shown too early.
import { useCallback, useEffect, useRef } from 'react';
import { useStore } from '../../state/store';

export const THROTTLE_MS = 400;

// one page-level listener for all cells (a 500-row sheet has thousands of them)
const flushers = new Set<() => void>();
if (typeof window !== 'undefined') window.addEventListener('pagehide', () => flushers.forEach((f) => f()));

export function useCellCommit(write: (text: string) => void) {
  const held = useRef<{ text: string; timer: ReturnType<typeof setTimeout> } | undefined>(undefined);
  const lastWrite = useRef(0);
  const writeRef = useRef(write);
  writeRef.current = write;

  const flush = useCallback(() => {
    const h = held.current;
    if (!h) return;
    clearTimeout(h.timer);
    held.current = undefined;
    lastWrite.current = Date.now();
    writeRef.current(h.text);
    useStore.getState().saveReleased();
  }, []);

  // Esc: the held text is dropped, not written
  const cancel = useCallback(() => {
    const h = held.current;
    if (!h) return;
    clearTimeout(h.timer);
    held.current = undefined;
    useStore.getState().saveReleased();
  }, []);

  const change = useCallback(
    (text: string) => {
      if (held.current) {
        held.current.text = text;
        return;
      }
      const wait = lastWrite.current + THROTTLE_MS - Date.now();
      if (wait <= 0) {
        lastWrite.current = Date.now();
        writeRef.current(text);
        return;
      }
      useStore.getState().saveStarted();
      held.current = { text, timer: setTimeout(flush, wait) };
    },
    [flush],
  );

  // the cell goes away (row deleted, sheet switched) or the page is being closed: write now
  useEffect(() => {
    flushers.add(flush);
    return () => {
      flushers.delete(flush);
      flush();
    };
  }, [flush]);

  return { change, flush, cancel };
}
