// useLiveQuery for small results shown far up the tree (a period's status, the list of stored
// periods). A live query hands over a fresh object after every write that touches what it read,
// and each one re-rendered the whole workspace: pickers, menus, header, drawer. Comparing the
// result by content first means a re-render happens only when something shown changed. (dexie-react-hooks re-renders only when
// the value is not === the last one, so the query hands it a string.)
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';

/** A live query's result, as a new object only when its JSON differs; undefined while loading. */
export function useStableLiveQuery<T>(querier: () => Promise<T>, deps: unknown[]): T | undefined {
  const json = useLiveQuery(async () => JSON.stringify({ value: await querier() }), deps);
  return useMemo(() => (json === undefined ? undefined : (JSON.parse(json) as { value: T }).value), [json]);
}
