// Approval state of a submission for one period: 草稿 until 审核通过, which bumps the version.
import { changeTables, recordChange } from '../changes/changes-repo';
import { db, nowIso } from '../../db/db';
import type { PeriodRecord, PeriodRef } from '../../db/records';
import { afterKeystrokes } from '../../db/write-order';
import { cleanText } from '../../../shared/model/clean-text';

function key(ref: PeriodRef): [string, string] {
  return [ref.submission, ref.period];
}

function fresh(ref: PeriodRef): PeriodRecord {
  return { submission: ref.submission, period: ref.period, status: '草稿', version: 0, explanations: {}, updatedAt: nowIso() };
}

export async function getPeriod(ref: PeriodRef): Promise<PeriodRecord | undefined> {
  return db.periods.get(key(ref));
}

/** Periods of a submission that hold any record, newest first — so older data stays reachable. */
export async function storedPeriods(submission: string): Promise<string[]> {
  const records = await db.periods.where('submission').equals(submission).toArray();
  return records.map((r) => r.period).sort().reverse();
}

/** Why a write to an approved period is refused: the national client's wording. */
export function lockedMessage(version: number): string {
  return `本期已审核通过（第 ${version} 版），如需修改请先“取消审核”`;
}

/**
 * Refuses a write to an approved (已审核) period. Called INSIDE the write's transaction, so an
 * approval committed between the user's click and the write still blocks it: the approved
 * figures are what was (or will be) sent to the bureau and must stay exactly as approved.
 */
export async function assertEditable(ref: PeriodRef): Promise<void> {
  const current = await db.periods.get(key(ref));
  if (current?.status === '已审核') throw new Error(lockedMessage(current.version));
}

/**
 * Called inside every write transaction that touches a period's data: refuses the write when the
 * period is approved (so this never undoes an approval — only 取消审核 does, with a reason), and
 * creates the period's record at its first write. An existing record is left alone: rewriting it
 * at every keystroke woke everything that watches period records (status, pickers, 审核) for
 * nothing; when the data last changed is the trail's business (修改记录).
 */
export async function ensurePeriod(ref: PeriodRef): Promise<void> {
  const record = periodToCreate(ref, await db.periods.get(key(ref)));
  if (record) await db.periods.add(record);
}

/**
 * ensurePeriod without its read, for writes that read the period record together with their
 * other reads (one round trip for a keystroke): the record to add, if any, or the lock refusal.
 */
export function periodToCreate(ref: PeriodRef, current: PeriodRecord | undefined): PeriodRecord | undefined {
  if (current?.status === '已审核') throw new Error(lockedMessage(current.version));
  return current ? undefined : fresh(ref);
}

/** `sheetId` files a rule-level 说明 (key `rule:{ruleId}`, no sheet in it) under its rule's sheet in the trail. */
export async function setExplanation(ref: PeriodRef, findingKey: string, typed: string, sheetId?: string): Promise<void> {
  // a 说明 is exported to 校验说明: stored as an .xlsx can carry it (clean-text.ts)
  const text = cleanText(typed);
  await afterKeystrokes(() => db.transaction('rw', [db.periods, ...changeTables()], async () => {
    await assertEditable(ref);
    const current = (await db.periods.get(key(ref))) ?? fresh(ref);
    const explanations = { ...current.explanations };
    const old = explanations[findingKey] ?? null;
    if (text.trim()) explanations[findingKey] = text;
    else delete explanations[findingKey];
    const now = explanations[findingKey] ?? null;
    // a finding key is `{rule}|{sheet}|{row}|{column}`: the trail files the 说明 under its sheet
    if (old !== now) await recordChange({ ...ref, sheetId: sheetId ?? findingKey.split('|')[1] ?? '', field: findingKey, action: 'explain', old, new: now });
    await db.periods.put({ ...current, explanations, updatedAt: nowIso() });
  }));
}

/** 审核通过: status 已审核, version + 1, 报出日期 = the given day (yyyy-mm-dd). */
export async function approvePeriod(ref: PeriodRef, reportDate: string): Promise<PeriodRecord> {
  return afterKeystrokes(() => db.transaction('rw', [db.periods, ...changeTables()], async () => {
    const current = (await db.periods.get(key(ref))) ?? fresh(ref);
    // approving twice would bump the version without a 取消审核 in between: the bureau would get
    // two "versions" of the same figures
    if (current.status === '已审核') throw new Error(`本期已审核通过（第 ${current.version} 版），无需重复审核`);
    const next: PeriodRecord = { ...current, status: '已审核', version: current.version + 1, reportDate, updatedAt: nowIso() };
    await db.periods.put(next);
    await recordChange({ ...ref, sheetId: '', action: 'approve', old: current.status, new: `已审核（第 ${next.version} 版）` });
    return next;
  }));
}

/**
 * 取消审核: undo an approval without touching the data (e.g. to correct something before
 * sending). The reason is required — the trail must say why an approved version was withdrawn.
 * The version stays, so the next 审核通过 is version + 1 and the bureau can tell the files apart.
 */
export async function reopenPeriod(ref: PeriodRef, reason: string): Promise<void> {
  if (!reason.trim()) throw new Error('请填写取消审核的原因');
  await afterKeystrokes(() => db.transaction('rw', [db.periods, ...changeTables()], async () => {
    const current = await db.periods.get(key(ref));
    await db.periods.put({ ...(current ?? fresh(ref)), status: '草稿', updatedAt: nowIso() });
    await recordChange({ ...ref, sheetId: '', action: 'reopen', old: current?.status ?? '草稿', new: '草稿', reason: reason.trim() });
  }));
}
