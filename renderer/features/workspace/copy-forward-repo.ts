// Starting a period from the one before (shared/model/copy-forward.ts) against the database: what
// would be copied, for the confirm dialog, and the copy itself — one transaction, so the new
// period gets everything or nothing, and never a second copy on top of data entered meanwhile.
import type { Pack } from '../../../shared/pack/schema';
import { findSubmission } from '../../../shared/pack/applicability';
import { previousPeriod } from '../../../shared/model/period';
import { hasData, planCopyForward, planIsEmpty, type CopyPlan } from '../../../shared/model/copy-forward';
import { db } from '../../db/db';
import { changeTables, recordChanges } from '../changes/changes-repo';
import { assertEditable, ensurePeriod } from './periods-repo';
import { loadSnapshot } from '../backup/snapshot';
import type { CellRecord, PeriodRef, RowRecord } from '../../db/records';
import { afterKeystrokes } from '../../db/write-order';

/** The plan for an empty period whose previous period has something to carry, else undefined. */
export async function previewCopyForward(pack: Pack, schoolType: string, ref: PeriodRef): Promise<CopyPlan | undefined> {
  const sub = findSubmission(pack, ref.submission);
  if (!sub) return undefined;
  const from = previousPeriod(sub.periodKind, ref.period);
  const [target, previous] = await Promise.all([loadSnapshot(ref), loadSnapshot({ submission: ref.submission, period: from })]);
  if (hasData(target) || !hasData(previous)) return undefined;
  const plan = planCopyForward({ pack, schoolType, previous, to: ref.period, target });
  return planIsEmpty(plan) ? undefined : plan;
}

async function periodHasData(ref: PeriodRef): Promise<boolean> {
  const pk: [string, string] = [ref.submission, ref.period];
  const [rows, cells] = await Promise.all([
    db.rows.where('[submission+period]').equals(pk).count(),
    db.cells.where('[submission+period]').equals(pk).filter((c) => c.value !== null).count(),
  ]);
  return rows > 0 || cells > 0;
}

/**
 * Writes the plan into its (empty) period in one transaction; returns how many rows and cells it
 * wrote, or 0 when the period got data since the preview (nothing is written then).
 */
export async function applyCopyForward(plan: CopyPlan): Promise<number> {
  const ref: PeriodRef = { submission: plan.submission, period: plan.to };
  return afterKeystrokes(() => db.transaction('rw', [db.rows, db.cells, db.periods, ...changeTables()], async () => {
    await assertEditable(ref);
    if (await periodHasData(ref)) return 0;
    const rows: RowRecord[] = [];
    const cells: CellRecord[] = [];
    for (const s of plan.sheets) {
      (s.rows ?? []).forEach((r, i) => {
        const { id: _planId, ...values } = r;
        const kept = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined && v !== ''));
        rows.push({ id: crypto.randomUUID(), ...ref, sheetId: s.sheetId, seq: i + 1, values: kept });
      });
      for (const [key, value] of Object.entries(s.cells ?? {})) cells.push({ ...ref, sheetId: s.sheetId, key, value });
    }
    await db.rows.bulkAdd(rows);
    await db.cells.bulkPut(cells);
    // one trail entry per sheet carried: what came from where, not a line per copied cell
    await recordChanges(
      plan.sheets.map((s) => ({
        ...ref, sheetId: s.sheetId, action: 'copyForward' as const, old: plan.from,
        new: `从 ${plan.from} 结转 ${(s.rows?.length ?? 0) + Object.keys(s.cells ?? {}).length} 条`,
      })),
    );
    await ensurePeriod(ref);
    return rows.length + cells.length;
  }));
}
