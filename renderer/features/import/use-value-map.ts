// The 对应 answers of the import dialog: those remembered for the list, loaded once, changed by the
// 对应 step, and remembered again when the import is written (not on 取消).
import { useCallback, useEffect, useState } from 'react';
import { withChoice, type ValueMap } from '../../../shared/import/value-map';
import { rememberedValueMap, rememberValueMap } from './value-maps-repo';

export interface ValueMapState {
  map: ValueMap;
  /** false until the remembered answers are read: the preview waits, so it never shows them unanswered */
  ready: boolean;
  choose: (colKey: string, value: string, to: string | undefined) => void;
  remember: () => Promise<void>;
}

export function useValueMap(sheetId: string): ValueMapState {
  const [map, setMap] = useState<ValueMap>();
  useEffect(() => {
    let live = true;
    rememberedValueMap(sheetId)
      .catch(() => ({}))
      .then((m) => live && setMap(m));
    return () => {
      live = false;
    };
  }, [sheetId]);
  const choose = useCallback((colKey: string, value: string, to: string | undefined) => setMap((m) => withChoice(m ?? {}, colKey, value, to)), []);
  const remember = useCallback(() => (map ? rememberValueMap(sheetId, map) : Promise.resolve()), [sheetId, map]);
  return { map: map ?? {}, ready: map !== undefined, choose, remember };
}
