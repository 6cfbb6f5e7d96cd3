// Last period's figures of a statistics or indicator sheet, for showing beside this period's
// (显示上期数). Only an approved (已审核) previous period counts — the figures the bureau received —
// as in the audit's previous-period rules (use-period-data.ts).
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Pack, StatSheet } from '../../../shared/pack/schema';
import type { SchoolProfile } from '../../../shared/model/school';
import { previousPeriod } from '../../../shared/model/period';
import type { StatTable } from '../../../shared/compute/stat-table';
import type { PeriodContext } from '../../../shared/compute/period-context';
import { findSubmission } from '../../../shared/pack/applicability';
import { loadSnapshot } from '../backup/snapshot';
import { loadRelated } from '../../db/related';
import { contextOf } from '../workspace/use-period-data';

/**
 * The previous period's context — its data with the related periods of its own time (an indicator
 * of last month reads last month's 学年) — null when it is missing or not approved, undefined while
 * loading or when not asked for (so "nothing to compare" is never flashed before the data is read).
 */
export function usePreviousContext(pack: Pack, school: SchoolProfile, submission: string, period: string, enabled: boolean): PeriodContext | null | undefined {
  const kind = findSubmission(pack, submission)?.periodKind ?? 'schoolYear';
  const prevPeriod = previousPeriod(kind, period);
  const prev = useLiveQuery(async () => {
    if (!enabled) return undefined;
    const data = await loadSnapshot({ submission, period: prevPeriod });
    if (data.status !== '已审核') return null;
    return { data, lookup: await loadRelated(pack, submission, prevPeriod) };
  }, [enabled, pack, submission, prevPeriod]);
  return useMemo(() => {
    if (!enabled || prev === undefined) return undefined;
    return prev && contextOf(pack, school, prev);
  }, [enabled, prev, pack, school]);
}

/** The previous period's table of a statistics sheet (see usePreviousContext for null/undefined). */
export function usePreviousTable(pack: Pack, school: SchoolProfile, sheet: StatSheet, submission: string, period: string, enabled: boolean): StatTable | null | undefined {
  const ctx = usePreviousContext(pack, school, submission, period, enabled);
  return useMemo(() => (ctx ? (ctx.stat(sheet.id) ?? null) : ctx), [ctx, sheet.id]);
}
