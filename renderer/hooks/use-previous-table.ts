// Last period's figures of a statistics sheet, for showing beside this period's (显示上期数).
// Only an approved (已审核) previous period counts — the figures the bureau received — as in the
// audit's previous-period rules (use-period-data.ts).
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { StatSheet } from '../../shared/pack/schema';
import type { PeriodKind } from '../../shared/model/period';
import { previousPeriod } from '../../shared/model/period';
import { computeStatTable, type StatTable } from '../../shared/compute/stat-table';
import { loadSnapshot } from '../db/snapshot';

/**
 * The previous period's computed table; null when it is missing or not approved, undefined while
 * loading or when not asked for (so "nothing to compare" is never flashed before the data is read).
 */
export function usePreviousTable(sheet: StatSheet, submission: string, period: string, kind: PeriodKind, enabled: boolean): StatTable | null | undefined {
  const prevPeriod = previousPeriod(kind, period);
  const prev = useLiveQuery(
    async () => (enabled ? await loadSnapshot({ submission, period: prevPeriod }) : undefined),
    [enabled, submission, prevPeriod],
  );
  return useMemo(() => {
    if (!enabled || !prev) return undefined;
    return prev.status === '已审核' ? computeStatTable(sheet, prev) : null;
  }, [sheet, prev, enabled]);
}
