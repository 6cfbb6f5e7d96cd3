// The audit trail (修改记录): every write repository records what it changed through here, INSIDE
// its own transaction — so a change and its record are saved together or not at all. Callers'
// transactions must include CHANGE_TABLES (the trail and the school profile, for 填表人).
import { db, nowIso } from './db';
import { SCHOOL_ID, type ChangeAction, type ChangeRecord } from './records';

/** The tables a write transaction needs in order to record its change. */
export function changeTables() {
  return [db.changes, db.school];
}

export type ChangeInput = Omit<ChangeRecord, 'id' | 'at' | 'who'>;

/** Drops absent fields so the stored record carries only what is known. */
function clean(c: ChangeInput, at: string, who: string): ChangeRecord {
  const out: ChangeRecord = { at, who, submission: c.submission, period: c.period, sheetId: c.sheetId, action: c.action };
  if (c.rowId !== undefined) out.rowId = c.rowId;
  if (c.field !== undefined) out.field = c.field;
  if (c.old !== undefined && c.old !== null && c.old !== '') out.old = c.old;
  if (c.new !== undefined && c.new !== null && c.new !== '') out.new = c.new;
  if (c.reason) out.reason = c.reason;
  return out;
}

/** 填表人 of the school profile, read in the caller's transaction. */
export async function currentFiller(): Promise<string> {
  return (await db.school.get(SCHOOL_ID))?.profile.filler ?? '';
}

/** Records one change; call inside a transaction that includes changeTables(). */
export async function recordChange(change: ChangeInput, who?: string): Promise<void> {
  await db.changes.add(clean(change, nowIso(), who ?? (await currentFiller())));
}

/** Records several changes of one write (a paste, a copy-forward) with one bulkAdd. */
export async function recordChanges(changes: readonly ChangeInput[]): Promise<void> {
  if (!changes.length) return;
  const at = nowIso();
  const who = await currentFiller();
  await db.changes.bulkAdd(changes.map((c) => clean(c, at, who)));
}

export interface ChangeFilter {
  submission: string;
  period: string;
  sheetId?: string;
  action?: ChangeAction;
  /** yyyy-mm-dd, inclusive, in local time */
  from?: string;
  to?: string;
  /** matched against 填表人, values, field and reason */
  text?: string;
}

/** Whether a record passes the filter's optional parts (not submission/period: the index does those). */
export function matchesChange(c: ChangeRecord, f: ChangeFilter): boolean {
  if (f.sheetId && c.sheetId !== f.sheetId) return false;
  if (f.action && c.action !== f.action) return false;
  const day = localDay(c.at);
  if (f.from && day < f.from) return false;
  if (f.to && day > f.to) return false;
  const q = f.text?.trim();
  if (q) {
    const hay = [c.who, c.field, c.old, c.new, c.reason, c.rowId].map((v) => (v === undefined ? '' : String(v))).join('\n');
    if (!hay.includes(q)) return false;
  }
  return true;
}

/** The local calendar day (yyyy-mm-dd) of an ISO time: administrators think in their own days. */
export function localDay(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The changes of one submission × period passing the filter, newest first. */
export async function listChanges(f: ChangeFilter): Promise<ChangeRecord[]> {
  const list = await db.changes
    .where('[submission+period]')
    .equals([f.submission, f.period])
    .filter((c) => matchesChange(c, f))
    .toArray();
  return list.sort((a, b) => b.id! - a.id!);
}

export async function countChanges(f: ChangeFilter): Promise<number> {
  return db.changes
    .where('[submission+period]')
    .equals([f.submission, f.period])
    .filter((c) => matchesChange(c, f))
    .count();
}
