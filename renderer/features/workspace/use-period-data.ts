// One period's data from IndexedDB, re-read after changes (usePeriodView), with its audit
// findings. Every view of the workspace reads through this, so a change in 班级名册 reaches
// 教基3112 and the audit once typing pauses.
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { PeriodData } from '../../../shared/model/data';
import type { Pack } from '../../../shared/pack/schema';
import type { SchoolProfile } from '../../../shared/model/school';
import type { Finding } from '../../../shared/audit/types';
import { runAudit } from '../../../shared/audit/run';
import { periodContext, type PeriodContext } from '../../../shared/compute/period-context';
import { findSubmission } from '../../../shared/pack/applicability';
import { onTablesChanged } from '../../db/data-changes';
import { readPeriodView } from '../../db/data-worker-client';
import { toPeriodView, viewQuery, type PeriodView } from '../../db/period-view';
import { loadSnapshot } from '../backup/snapshot';
import { loadRelated } from '../../db/related';

export { loadPeriodView, type PeriodView } from '../../db/period-view';

// each read gives a new view object, never changed afterwards: the audit and the open sheet
// asking with the same view share one memo of its computed tables
const contexts = new WeakMap<object, { pack: Pack; school: SchoolProfile; ctx: PeriodContext }>();

/** The period's memo of computed tables, shared by the audit and the open sheet (same snapshot, same object). */
export function contextOf(pack: Pack, school: SchoolProfile, view: Pick<PeriodView, 'data' | 'lookup'>): PeriodContext {
  const hit = contexts.get(view);
  if (hit && hit.pack === pack && hit.school === school) return hit.ctx;
  const ctx = periodContext({ pack, school, data: view.data, lookup: view.lookup });
  contexts.set(view, { pack, school, ctx });
  return ctx;
}

/** How long typing must pause before the period is re-read and re-audited, and the longest it waits. */
export const VIEW_QUIET_MS = 150;
export const VIEW_MAX_WAIT_MS = 1000;

/**
 * The period view, following every change — but not on every keystroke. Reading a whole period
 * and auditing it after each committed key queued the next key's write transaction behind those
 * reads (IndexedDB runs a read-write transaction only after the reads created before it), which
 * tripled keystroke → disk time. So writes are watched without reading (data-changes.ts), and
 * the heavy read runs once the edits pause for VIEW_QUIET_MS (at the latest VIEW_MAX_WAIT_MS
 * after the first of a burst). Nor is the watch React state: a write alone must not re-render
 * the workspace.
 */
export function usePeriodView(pack: Pack, submission: string, period: string): PeriodView | undefined {
  const kind = findSubmission(pack, submission)?.periodKind ?? 'schoolYear';
  const key = `${submission}|${period}|${kind}`;
  const [loaded, setLoaded] = useState<{ key: string; pack: Pack; view: PeriodView }>();
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let burstSince: number | undefined;
    const load = () => {
      burstSince = undefined;
      readPeriodView(viewQuery(pack, submission, period, kind)).then(
        (d) => live && setLoaded({ key, pack, view: toPeriodView(d) }),
        // the view shown stays; the next write reads again (a closed database says so in its own banner)
        (e: unknown) => console.error('读取本期数据失败', e),
      );
    };
    // the period (or pack) just put on screen is read at once; an edit to it waits for a pause
    timer = setTimeout(load, 0);
    // any period's data or state: the view reads other submissions' periods too (related, history)
    const unwatch = onTablesChanged(['rows', 'cells', 'periods'], () => {
      const now = Date.now();
      burstSince ??= now;
      clearTimeout(timer);
      timer = setTimeout(load, Math.max(0, Math.min(VIEW_QUIET_MS, burstSince + VIEW_MAX_WAIT_MS - now)));
    });
    return () => {
      live = false;
      clearTimeout(timer);
      unwatch();
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
