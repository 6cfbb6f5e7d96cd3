// 报送情况: for every registry school, every submission its type fills and every period asked,
// one state word — 未报 / 已报 (第 n 版) / 校验不通过 / 哈希不符 / 逾期 — with the reporting rate
// and the on-time rate per submission and per 乡镇. Lateness is judged against the submission's
// due date (model/period.ts dueDate) by the day the bureau FIRST received an accepted version
// (Beijing time), not by the 报出日期 the school typed on its 封面 — a date on the file is the
// school's word; the receipt is the bureau's. `lateBy: 'reportDate'` judges by 报出日期 instead.
import type { Pack } from '../pack/schema';
import { findSubmission, submissionsFor } from '../pack/applicability';
import { dueDate } from '../model/period';
import type { CompletenessState, HeldReport, Registry, RegistrySchool, Verdict } from './types';
import { reportKey } from './versions';

/** A file received, whatever its verdict (the receipts log). */
export type ReceiptRecord = Pick<Verdict, 'kind' | 'fileName' | 'schoolCode' | 'submission' | 'period' | 'version' | 'reportDate' | 'problems'> & { receivedAt: string };

export interface CompletenessInput {
  pack: Pack;
  registry: Registry;
  /** the columns of the matrix */
  periods: readonly { submission: string; period: string }[];
  /** the current version of each school × submission × period */
  held: readonly HeldReport[];
  /** the versions they superseded: the first accepted receipt decides lateness */
  history?: readonly HeldReport[];
  receipts?: readonly ReceiptRecord[];
  /** ISO instant "now": a 未报 past its due date is marked overdue */
  now: string;
  lateBy?: 'received' | 'reportDate';
  /** reportKey()s of the school × submission × period whose files conflict with nothing held (neither counted) */
  conflicts?: readonly string[];
}

export interface CompletenessCell {
  schoolCode: string;
  submission: string;
  period: string;
  state: CompletenessState;
  /** 已报 v2, 逾期 v1, 未报, … */
  label: string;
  dueDate: string;
  version?: number;
  /** when the version that decides lateness arrived, and the day it counts as */
  firstReceivedAt?: string;
  judgedDay?: string;
  receivedAt?: string;
  reportDate?: string;
  /** 未报 and past the due date */
  overdue?: boolean;
  fileName?: string;
  problems?: string[];
}

const BEIJING_MS = 8 * 3600 * 1000;

/** The day (YYYY-MM-DD, Beijing time) an ISO instant falls on; a bare date is itself. */
export function beijingDay(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso.slice(0, 10) : new Date(t + BEIJING_MS).toISOString().slice(0, 10);
}

export function stateLabel(state: CompletenessState, version?: number): string {
  return (state === '已报' || state === '逾期') && version !== undefined ? `${state} v${version}` : state;
}

const REJECTED_STATE: Partial<Record<Verdict['kind'], CompletenessState>> = { hashMismatch: '哈希不符', auditFailed: '校验不通过', refused: '校验不通过' };

export function completenessMatrix(input: CompletenessInput): CompletenessCell[] {
  const { pack, registry, periods, now } = input;
  const current = new Map(input.held.map((h) => [reportKey(h), h]));
  const first = new Map<string, HeldReport>();
  for (const h of [...input.held, ...(input.history ?? [])]) {
    const k = reportKey(h);
    const f = first.get(k);
    // received at the same moment (a batch, the CLI's one round): the lowest version is the first report
    if (!f || h.receivedAt < f.receivedAt || (h.receivedAt === f.receivedAt && h.version < f.version)) first.set(k, h);
  }
  const lastRejected = new Map<string, ReceiptRecord>();
  for (const r of input.receipts ?? []) {
    if (r.kind === 'accepted' || !r.schoolCode || !r.submission || !r.period) continue;
    const k = reportKey(r);
    const before = lastRejected.get(k);
    if (!before || r.receivedAt >= before.receivedAt) lastRejected.set(k, r);
  }
  const today = beijingDay(now);
  const cells: CompletenessCell[] = [];
  for (const school of registry.schools) {
    const subs = new Set(submissionsFor(pack, school.type).map((s) => s.code));
    for (const { submission, period } of periods) {
      const sub = findSubmission(pack, submission);
      if (!sub || !subs.has(submission)) continue;
      const due = dueDate(sub, period);
      const key = reportKey({ schoolCode: school.code, submission, period });
      const base = { schoolCode: school.code, submission, period, dueDate: due };
      const held = current.get(key);
      if (held) {
        const f = first.get(key) ?? held;
        const byReport = input.lateBy === 'reportDate' && f.data.reportDate;
        const judgedDay = byReport ? f.data.reportDate! : beijingDay(f.receivedAt);
        const state: CompletenessState = judgedDay > due ? '逾期' : '已报';
        cells.push({
          ...base, state, label: stateLabel(state, held.version), version: held.version, firstReceivedAt: f.receivedAt, judgedDay,
          receivedAt: held.receivedAt, ...(held.data.reportDate ? { reportDate: held.data.reportDate } : {}),
        });
        continue;
      }
      if (input.conflicts?.includes(key)) {
        cells.push({ ...base, state: '冲突', label: '冲突', ...(today > due ? { overdue: true } : {}) });
        continue;
      }
      const rej = lastRejected.get(key);
      const rejState = rej ? REJECTED_STATE[rej.kind] : undefined;
      if (rej && rejState) {
        cells.push({
          ...base, state: rejState, label: rejState, receivedAt: rej.receivedAt, fileName: rej.fileName,
          ...(rej.version !== undefined ? { version: rej.version } : {}), ...(rej.reportDate ? { reportDate: rej.reportDate } : {}),
          problems: (rej.problems ?? []).map((p) => p.message), ...(today > due ? { overdue: true } : {}),
        });
        continue;
      }
      cells.push({ ...base, state: '未报', label: '未报', ...(today > due ? { overdue: true } : {}) });
    }
  }
  return cells;
}

export interface CompletenessFilter {
  states?: readonly CompletenessState[];
  submission?: string;
  period?: string;
  township?: string;
  sponsor?: RegistrySchool['sponsor'];
  urbanRural?: RegistrySchool['urbanRural'];
  type?: string;
  /** only 未报 / 校验不通过 / 哈希不符 past their due date */
  overdueOnly?: boolean;
}

export function filterCompleteness(cells: readonly CompletenessCell[], registry: Registry, f: CompletenessFilter): CompletenessCell[] {
  const bySchool = new Map(registry.schools.map((s) => [s.code, s]));
  return cells.filter((c) => {
    const s = bySchool.get(c.schoolCode);
    if (f.states && !f.states.includes(c.state)) return false;
    if (f.submission && c.submission !== f.submission) return false;
    if (f.period && c.period !== f.period) return false;
    if (f.township && s?.township !== f.township) return false;
    if (f.sponsor && s?.sponsor !== f.sponsor) return false;
    if (f.urbanRural && s?.urbanRural !== f.urbanRural) return false;
    if (f.type && s?.type !== f.type) return false;
    if (f.overdueOnly && !c.overdue) return false;
    return true;
  });
}

export interface CompletenessRate {
  submission: string;
  period: string;
  /** 全区, or the 乡镇（街道） */
  group: string;
  expected: number;
  /** 已报 + 逾期 */
  reported: number;
  /** 已报 only */
  onTime: number;
  /** reported ÷ expected (0–1); null when nothing is expected */
  reportingRate: number | null;
  onTimeRate: number | null;
}

/** Rates per submission × period for the whole district (`by: 'submission'`) or per 乡镇 as well. */
export function completenessRates(cells: readonly CompletenessCell[], registry: Registry, by: 'submission' | 'township'): CompletenessRate[] {
  const town = new Map(registry.schools.map((s) => [s.code, s.township]));
  const rows = new Map<string, CompletenessRate>();
  for (const c of cells) {
    const group = by === 'township' ? (town.get(c.schoolCode) ?? '') : '全区';
    const k = `${c.submission}|${c.period}|${group}`;
    let r = rows.get(k);
    if (!r) rows.set(k, (r = { submission: c.submission, period: c.period, group, expected: 0, reported: 0, onTime: 0, reportingRate: null, onTimeRate: null }));
    r.expected++;
    if (c.state === '已报' || c.state === '逾期') r.reported++;
    if (c.state === '已报') r.onTime++;
  }
  for (const r of rows.values()) {
    r.reportingRate = r.expected ? r.reported / r.expected : null;
    r.onTimeRate = r.expected ? r.onTime / r.expected : null;
  }
  return [...rows.values()];
}

export const COMPLETENESS_HEADERS = ['学校标识码', '学校名称', '所在乡镇（街道）', '办学类型', '举办者', '城乡分类', '报表', '期间', '状态', '版本', '截止日期', '接收时间', '报出日期', '是否逾期', '说明'];

/** The matrix as a plain table (one row per school × submission × period) for an xlsx sheet. */
export function completenessTable(cells: readonly CompletenessCell[], registry: Registry): { header: string[]; rows: (string | number)[][] } {
  const bySchool = new Map(registry.schools.map((s) => [s.code, s]));
  const rows = cells.map((c) => {
    const s = bySchool.get(c.schoolCode);
    const late = c.state === '逾期' || c.overdue ? '是' : '否';
    return [
      c.schoolCode, s?.name ?? '', s?.township ?? '', s?.type ?? '', s?.sponsor ?? '', s?.urbanRural ?? '', c.submission, c.period, c.state,
      c.version ?? '', c.dueDate, c.receivedAt ?? '', c.reportDate ?? '', late, (c.problems ?? []).join('；'),
    ];
  });
  return { header: [...COMPLETENESS_HEADERS], rows };
}
