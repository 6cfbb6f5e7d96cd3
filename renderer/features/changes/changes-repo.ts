// The audit trail (修改记录): every write repository records what it changed through here, INSIDE
// its own transaction — so a change and its record are saved together or not at all. Callers'
// transactions must include CHANGE_TABLES (the trail and the school profile, for 填表人).
import { db, nowIso } from '../../db/db';
import { SCHOOL_ID, type ChangeAction, type ChangeRecord } from '../../db/records';

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
  if (c.edit) out.edit = c.edit;
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
export async function recordChanges(changes: readonly ChangeInput[], who?: string): Promise<void> {
  if (!changes.length) return;
  const at = nowIso();
  const filler = who ?? (await currentFiller());
  await db.changes.bulkAdd(changes.map((c) => clean(c, at, filler)));
}

/** The newest entry of the trail (highest id), read in the caller's transaction. */
export function newestChange(): Promise<ChangeRecord | undefined> {
  return db.changes.orderBy(':id').last();
}

const blank = (v: unknown) => v === undefined || v === null || v === '';
const sameValue = (a: unknown, b: unknown) => (blank(a) && blank(b)) || a === b;

/**
 * The trail's part of one keystroke of an edit — the writes of one cell from the moment the
 * cursor came into it until it leaves, the same unit as one undo step (docs/grid.md). Each
 * keystroke is written at once (crash safety), but the edit keeps ONE entry: `old` the value
 * before the edit began, `new` the latest. The entry is updated in place only while it is still
 * the NEWEST entry of the trail: anything recorded after it (another cell's edit, a paste, an
 * undo, 审核, another window's write) ends the edit, and the next keystroke starts a new entry
 * whose `old` is what the cell holds then — so every entry stays true on its own, also after a
 * crash (the entry shows old → the last value written) and with two windows typing at once.
 * An edit back at its starting value (9, then back to empty) leaves no entry.
 *
 * `change.old` is the value the cell holds now, `newest` from newestChange() and `who` from
 * currentFiller(), all read in the caller's transaction. Returns the write, if any.
 */
export function editWrite(change: ChangeInput, edit: string | undefined, newest: ChangeRecord | undefined, who: string): Promise<unknown> | undefined {
  const open =
    edit !== undefined &&
    newest?.edit === edit &&
    newest.action === 'edit' &&
    newest.submission === change.submission &&
    newest.period === change.period &&
    newest.sheetId === change.sheetId &&
    newest.rowId === change.rowId &&
    newest.field === change.field &&
    !newest.reason;
  if (!open) return sameValue(change.old, change.new) ? undefined : db.changes.add(clean({ ...change, ...(edit ? { edit } : {}) }, nowIso(), who));
  const old = newest.old ?? null;
  if (sameValue(old, change.new)) return db.changes.delete(newest.id!);
  return db.changes.put({ ...clean({ ...change, old, edit }, nowIso(), who), id: newest.id! });
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
