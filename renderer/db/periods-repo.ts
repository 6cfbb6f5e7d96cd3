// Approval state of a submission for one period: 草稿 until 审核通过, which bumps the version.
import { changeTables, recordChange } from './changes-repo';
import { db, nowIso } from './db';
import type { PeriodRecord, PeriodRef } from './records';

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

/**
 * Marks a period as changed. Called inside every write transaction that touches its data:
 * a change after 审核通过 puts the period back to 草稿, because the approved figures no
 * longer match what is in the tables. The version stays, so the next approval is version+1.
 */
export async function touchPeriod(ref: PeriodRef): Promise<void> {
  const current = await db.periods.get(key(ref));
  await db.periods.put({ ...(current ?? fresh(ref)), status: '草稿', updatedAt: nowIso() });
}

export async function setExplanation(ref: PeriodRef, findingKey: string, text: string): Promise<void> {
  await db.transaction('rw', [db.periods, ...changeTables()], async () => {
    const current = (await db.periods.get(key(ref))) ?? fresh(ref);
    const explanations = { ...current.explanations };
    const old = explanations[findingKey] ?? null;
    if (text.trim()) explanations[findingKey] = text;
    else delete explanations[findingKey];
    const now = explanations[findingKey] ?? null;
    // a finding key is `{rule}|{sheet}|{row}|{column}`: the trail files the 说明 under its sheet
    if (old !== now) await recordChange({ ...ref, sheetId: findingKey.split('|')[1] ?? '', field: findingKey, action: 'explain', old, new: now });
    await db.periods.put({ ...current, explanations, status: '草稿', updatedAt: nowIso() });
  });
}

/** 审核通过: status 已审核, version + 1, 报出日期 = the given day (yyyy-mm-dd). */
export async function approvePeriod(ref: PeriodRef, reportDate: string): Promise<PeriodRecord> {
  return db.transaction('rw', [db.periods, ...changeTables()], async () => {
    const current = (await db.periods.get(key(ref))) ?? fresh(ref);
    const next: PeriodRecord = { ...current, status: '已审核', version: current.version + 1, reportDate, updatedAt: nowIso() };
    await db.periods.put(next);
    await recordChange({ ...ref, sheetId: '', action: 'approve', old: current.status, new: `已审核（第 ${next.version} 版）` });
    return next;
  });
}

/**
 * 取消审核: undo an approval without touching the data (e.g. to correct something before
 * sending). The reason is required — the trail must say why an approved version was withdrawn.
 */
export async function reopenPeriod(ref: PeriodRef, reason: string): Promise<void> {
  if (!reason.trim()) throw new Error('请填写取消审核的原因');
  await db.transaction('rw', [db.periods, ...changeTables()], async () => {
    const current = await db.periods.get(key(ref));
    await touchPeriod(ref);
    await recordChange({ ...ref, sheetId: '', action: 'reopen', old: current?.status ?? '草稿', new: '草稿', reason: reason.trim() });
  });
}
