// One period's data, live from IndexedDB, with its audit findings. Every view of the
// workspace reads through this, so a change in 班级名册 reaches 教基3112 and the audit at once.
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { liveQuery } from 'dexie';
import type { PeriodData } from '../../shared/model/data';
import type { Pack } from '../../shared/pack/schema';
import type { SchoolProfile } from '../../shared/model/school';
import type { Finding } from '../../shared/audit/types';
import { runAudit } from '../../shared/audit/run';
import { periodContext, type PeriodContext } from '../../shared/compute/period-context';
import { findSubmission } from '../../shared/pack/applicability';
import { previousPeriod } from '../../shared/model/period';
import { db } from '../db/db';
import { getPeriod } from '../db/periods-repo';
import { loadSnapshot } from '../db/snapshot';
import { loadRelated, type Lookup } from '../db/related';
import { loadHistory } from '../db/history';

export interface PeriodView {
  data: PeriodData;
  /** last period's data, only once it was 审核通过 (the year-on-year check compares with approved figures) */
  previous?: PeriodData;
  /** other submissions' periods an indicator reads (the 学年 of a month…) */
  lookup?: Lookup;
  /** the two months before a month, any status (a quarter's 应急演练) */
  history?: PeriodData[];
}

// a live query gives a new view object for each snapshot, never changed afterwards: the audit
// and the open sheet asking with the same view share one memo of its computed tables
const contexts = new WeakMap<object, { pack: Pack; school: SchoolProfile; ctx: PeriodContext }>();

/** The period's memo of computed tables, shared by the audit and the open sheet (same snapshot, same object). */
export function contextOf(pack: Pack, school: SchoolProfile, view: Pick<PeriodView, 'data' | 'lookup'>): PeriodContext {
  const hit = contexts.get(view);
  if (hit && hit.pack === pack && hit.school === school) return hit.ctx;
  const ctx = periodContext({ pack, school, data: view.data, lookup: view.lookup });
  contexts.set(view, { pack, school, ctx });
  return ctx;
}

export async function loadPeriodView(submission: string, period: string, periodKind: 'schoolYear' | 'month', pack?: Pack): Promise<PeriodView> {
  const prevRef = { submission, period: previousPeriod(periodKind, period) };
  const [data, prevRecord, lookup, history] = await Promise.all([
    loadSnapshot({ submission, period }),
    getPeriod(prevRef),
    pack ? loadRelated(pack, submission, period) : undefined,
    loadHistory(submission, period, periodKind),
  ]);
  const previous = prevRecord?.status === '已审核' ? await loadSnapshot(prevRef) : undefined;
  return { data, previous, lookup, history };
}

/** How long typing must pause before the period is re-read and re-audited, and the longest it waits. */
export const VIEW_QUIET_MS = 150;
export const VIEW_MAX_WAIT_MS = 1000;

/**
 * The period view, following every change — but not on every keystroke. Reading a whole period
 * and auditing it after each committed key queued the next key's write transaction behind those
 * reads (IndexedDB runs a read-write transaction only after the reads created before it), which
 * tripled keystroke → disk time. So a cheap live query watches the period records (every data
 * write touches its period's record in the same transaction), and the heavy read runs once the
 * edits pause for VIEW_QUIET_MS (at the latest VIEW_MAX_WAIT_MS after the first of a burst).
 * The watch is a subscription, not React state: a write alone must not re-render the workspace.
 */
export function usePeriodView(pack: Pack, submission: string, period: string): PeriodView | undefined {
  const kind = findSubmission(pack, submission)?.periodKind ?? 'schoolYear';
  const key = `${submission}|${period}|${kind}`;
  const [loaded, setLoaded] = useState<{ key: string; pack: Pack; view: PeriodView }>();
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let burstSince: number | undefined;
    let first = true;
    const load = () => {
      burstSince = undefined;
      void loadPeriodView(submission, period, kind, pack).then((view) => live && setLoaded({ key, pack, view }));
    };
    // a new array after every write to any period: the signal, never read for its content
    const watch = liveQuery(() => db.periods.toArray()).subscribe({
      next: () => {
        const now = Date.now();
        burstSince ??= now;
        // the period (or pack) just put on screen is read at once; an edit to it waits for a pause
        const wait = first ? 0 : Math.max(0, Math.min(VIEW_QUIET_MS, burstSince + VIEW_MAX_WAIT_MS - now));
        first = false;
        clearTimeout(timer);
        timer = setTimeout(load, wait);
      },
      error: (e: unknown) => console.error('读取本期数据失败', e),
    });
    return () => {
      live = false;
      clearTimeout(timer);
      watch.unsubscribe();
    };
  }, [key, submission, period, kind, pack]);
  return loaded?.key === key && loaded.pack === pack ? loaded.view : undefined;
}

export interface AuditResult {
  findings: Finding[];
  /** set when the audit itself failed (a pack the code does not understand); shown, never thrown */
  error?: string;
}

export function auditPeriod(pack: Pack, school: SchoolProfile, view: PeriodView | undefined): AuditResult {
  if (!view) return { findings: [] };
  try {
    const ctx = contextOf(pack, school, view);
    return { findings: runAudit({ pack, school, data: view.data, previous: view.previous, lookup: view.lookup, history: view.history }, ctx) };
  } catch (e) {
    return { findings: [], error: `审核程序出错：${(e as Error)?.message ?? String(e)}` };
  }
}

export function useAudit(pack: Pack, school: SchoolProfile, view: PeriodView | undefined): AuditResult {
  return useMemo(() => auditPeriod(pack, school, view), [pack, school, view]);
}

/**
 * The context a sheet view computes from: the workspace's view when it passes one (null while it
 * loads), so the sheet and the audit share one memo; loaded here when the view is shown alone.
 */
export function useSheetContext(pack: Pack, school: SchoolProfile, submission: string, period: string, view?: PeriodView | null): PeriodContext | undefined {
  const own = useLiveQuery(
    async () => {
      if (view !== undefined) return null;
      const [data, lookup] = await Promise.all([loadSnapshot({ submission, period }), loadRelated(pack, submission, period)]);
      return { data, lookup };
    },
    [view === undefined, pack, submission, period],
  );
  const v = view ?? own ?? undefined;
  return useMemo(() => (v ? contextOf(pack, school, v) : undefined), [v, pack, school]);
}
