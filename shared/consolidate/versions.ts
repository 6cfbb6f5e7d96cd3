// What receiving a verified file does to what the bureau holds for its school × submission ×
// period, and the history that keeps. The rules (docs/consolidation.md «汇总的核心规则»):
// - only an accepted verdict of a registry school can be held; every other verdict is recorded
//   as a receipt (rejected / unknownSchool) and its figures are never counted;
// - the same content again (same `sha256:all`, or the very same bytes) is one receipt: `same`;
// - a higher version supersedes the held one once the clerk has seen the diff; the held one goes
//   to history, never deleted; a lower version than the one held is refused (`lower`);
// - a different file with the held version number is a `conflict`: listed, neither merged nor
//   chosen — the school must export again with a new version.
import type { Pack } from '../pack/schema';
import type { SchoolProfile } from '../model/school';
import { diffPeriods, type CellChange } from '../xlsx/period-diff';
import type { HeldReport, ReceiveAction, Registry, Verdict } from './types';
import { findRegistrySchool } from './registry';

export type { CellChange } from '../xlsx/period-diff';

/** The key of what the bureau holds one current report for. */
export function reportKey(r: { schoolCode?: string; submission?: string; period?: string }): string {
  return `${r.schoolCode ?? ''}|${r.submission ?? ''}|${r.period ?? ''}`;
}

export function receiveAction(held: HeldReport | undefined, verdict: Verdict, registry: Registry): ReceiveAction {
  if (verdict.kind !== 'accepted') return 'rejected';
  if (!findRegistrySchool(registry, verdict.schoolCode)) return 'unknownSchool';
  // the held report must be this file's school × submission × period: another one is no comparison
  if (held && reportKey(held) !== reportKey(verdict)) throw new Error(`已收的报表（${reportKey(held)}）与文件（${reportKey(verdict)}）不是同一学校、报表和期间`);
  if (!held) return 'new';
  if ((held.contentHash && held.contentHash === verdict.contentHash) || held.fileSha256 === verdict.fileSha256) return 'same';
  const v = verdict.version ?? -1;
  if (v > held.version) return 'supersede';
  if (v < held.version) return 'lower';
  return 'conflict';
}

/** One sentence for the clerk, per action (the verdict's problems say why a file is rejected). */
export function describeReceiveAction(action: ReceiveAction, held: HeldReport | undefined, verdict: Verdict): string {
  const what = `${verdict.schoolName ?? verdict.fileName}（${verdict.schoolCode ?? '—'}） ${verdict.submission ?? ''} ${verdict.period ?? ''}`.trim();
  switch (action) {
    case 'new': return `${what}：第 ${verdict.version} 版，新收`;
    case 'supersede': return `${what}：第 ${verdict.version} 版将替换已收的第 ${held?.version} 版（旧版保留在历史中），请先查看改动`;
    case 'same': return `${what}：与已收的第 ${held?.version} 版内容相同，只记一次`;
    case 'lower': return `${what}：第 ${verdict.version} 版低于已收的第 ${held?.version} 版，不予接收`;
    case 'conflict': return `${what}：与已收的文件同为第 ${verdict.version} 版但内容不同，列为冲突（不合并）：请学校改正后以新版本重新导出`;
    case 'unknownSchool': return `${what}：学校不在名册中，请确认后加入名册再接收`;
    case 'rejected': return `${what}：${verdict.kind === 'hashMismatch' ? '哈希不符' : verdict.kind === 'auditFailed' ? '校验不通过' : '拒收'}，其数字不予汇总`;
  }
}

/** The held report an accepted verdict becomes (new or supersede). */
export function heldFromVerdict(verdict: Verdict, receivedAt: string): HeldReport {
  if (verdict.kind !== 'accepted' || !verdict.data || verdict.schoolCode === undefined || verdict.version === undefined)
    throw new Error('只有通过校验的文件才能收存');
  return {
    schoolCode: verdict.schoolCode, submission: verdict.data.submission, period: verdict.data.period, version: verdict.version,
    contentHash: verdict.contentHash ?? '', fileSha256: verdict.fileSha256, receivedAt, data: verdict.data,
    ...(verdict.school?.puhui !== undefined ? { puhui: verdict.school.puhui } : {}),
  };
}

/** One school × submission × period: the current report and every one it superseded, oldest first. */
export interface ReportSlot {
  current?: HeldReport;
  history: HeldReport[];
}

/**
 * The slot after receiving a verdict, given the action the clerk confirmed. Only `new` and
 * `supersede` change it; every other action leaves it as it was (the receipt is logged by the caller).
 */
export function applyReceive(slot: ReportSlot, verdict: Verdict, action: ReceiveAction, receivedAt: string): ReportSlot {
  if (action === 'new' && !slot.current) return { current: heldFromVerdict(verdict, receivedAt), history: slot.history };
  if (action === 'supersede' && slot.current) return { current: heldFromVerdict(verdict, receivedAt), history: [...slot.history, slot.current] };
  return slot;
}

/**
 * Cell by cell, what the new version changes in the held one — shown to the clerk before a
 * supersede (the same diff a school sees before restoring a workbook, period-diff.ts).
 */
export function reportDiff(pack: Pack, school: SchoolProfile | { type: string }, held: HeldReport, verdict: Verdict): CellChange[] {
  if (!verdict.data) return [];
  return diffPeriods(pack, school as SchoolProfile, held.data, verdict.data);
}
