// The consolidation functions the bureau screens call, in one place. They are the core helper's
// (shared/consolidate/verify, versions, facts …); until its branch is merged this module carries
// a small stand-in built on the reader (readReport) and the audit (runAudit), with the same
// contract types, so swapping it is a change of this file only.
import type { Pack } from '../../../shared/pack/schema';
import type { FactRow, FileProblem, HeldReport, ReceiveAction, Verdict } from '../../../shared/consolidate/types';
import type { PeriodData } from '../../../shared/model/data';
import type { SchoolProfile } from '../../../shared/model/school';
import { readReport } from '../../../shared/xlsx/read';
import { ReportReadError } from '../../../shared/xlsx/read-errors';
import { runAudit } from '../../../shared/audit/run';
import { sha256 } from '../../../shared/hash/sha256';
import { findSubmission, sheetsFor } from '../../../shared/pack/applicability';
import { computeStatTable, packConditionContext } from '../../../shared/compute/stat-table';

function problemOf(e: unknown): FileProblem {
  if (e instanceof ReportReadError) return { message: e.message, ...(e.at.sheet ? { sheet: e.at.sheet } : {}) };
  if (e instanceof Error && /[\u4e00-\u9fff]/.test(e.message)) return { message: e.message };
  // never a stack trace: an unexpected failure is still a refusal the clerk can read
  return { message: '无法读取：文件已损坏，或不是校表通导出的报表' };
}

/** Reads and checks one received file whole; nothing is stored by this function. */
export function verifyReport(bytes: Uint8Array, fileName: string, packs: Map<string, Pack>, packId: string): Verdict {
  const base = { fileName, fileSha256: sha256(bytes), byteLength: bytes.byteLength };
  let read: ReturnType<typeof readReport>;
  try {
    read = readReport(bytes, packs, { fileName, allowHashMismatch: true, expect: { packId } });
  } catch (e) {
    return { ...base, kind: 'refused', problems: [problemOf(e)] };
  }
  const { meta, pack, school, data } = read;
  const about = {
    ...base,
    contentHash: meta['sha256:all'], schoolCode: school.code, schoolName: school.name, submission: data.submission,
    period: data.period, packId: pack.id, packVersion: meta.packVersion, version: data.version, status: data.status,
    ...(data.reportDate ? { reportDate: data.reportDate } : {}),
  };
  if (read.hashMismatches.length)
    return { ...about, kind: 'hashMismatch', problems: [{ message: `文件「${fileName}」内容与校验值不符（${read.hashMismatches.join('、')}）：导出后被改动过` }] };
  let findings;
  try {
    findings = runAudit({ pack, school, data });
  } catch (e) {
    return { ...about, kind: 'refused', problems: [problemOf(e)] };
  }
  const errors = findings.filter((f) => f.severity === 'error');
  const audit = { errors: errors.length, warnings: findings.length - errors.length, unexplained: findings.filter((f) => f.severity === 'warning' && !data.explanations?.[f.key]).length };
  const problems: FileProblem[] = errors.map((f) => ({ message: f.message, sheet: f.sheetTitle, ...(f.cell ? { cell: f.cell } : {}) }));
  if (data.status !== '已审核') problems.unshift({ message: `文件「${fileName}」是草稿（未审核通过），不能汇总` });
  const kind = problems.length ? 'auditFailed' : 'accepted';
  return { ...about, kind, audit, problems, school, data };
}

/** What receiving a verdict does to what is held (ReceiveAction), given the registry. */
export function decideAction(v: Verdict, held: HeldReport | undefined, inRegistry: boolean): ReceiveAction {
  if (v.kind !== 'accepted') return 'rejected';
  if (!inRegistry) return 'unknownSchool';
  if (!held) return 'new';
  if (held.contentHash === v.contentHash) return 'same';
  if ((v.version ?? 0) > held.version) return 'supersede';
  if ((v.version ?? 0) < held.version) return 'lower';
  return 'conflict';
}

/**
 * Every cell of every statistics sheet of an accepted report (entered and computed), and every
 * entered figure of its indicator sheets (column 1), as analysts' rows.
 */
export function factsOf(pack: Pack, school: SchoolProfile, data: PeriodData): FactRow[] {
  const sub = findSubmission(pack, data.submission);
  if (!sub) return [];
  const cond = packConditionContext(pack, data);
  const out: FactRow[] = [];
  for (const sheet of sheetsFor(pack, sub, school.type)) {
    if (sheet.kind === 'indicator') {
      for (const [key, value] of Object.entries(data.sheets[sheet.id]?.cells ?? {}))
        if (typeof value === 'number')
          out.push({ schoolCode: school.code, submission: data.submission, period: data.period, sheet: sheet.id, rowCode: key.split(':')[0]!, column: 1, value, version: data.version });
      continue;
    }
    if (sheet.kind !== 'stat') continue;
    const table = computeStatTable(sheet, data, cond);
    for (const row of table.rows)
      row.cells.forEach((c, i) => {
        if (c.kind !== 'blocked' && typeof c.value === 'number')
          out.push({ schoolCode: school.code, submission: data.submission, period: data.period, sheet: sheet.id, rowCode: row.code, column: i + 1, value: c.value, version: data.version });
      });
  }
  return out;
}

export interface CellDiff {
  sheet: string;
  rowCode: string;
  column: number;
  before: number | undefined;
  after: number | undefined;
}

/** The cells that differ between the held facts and a new version's (what supersede changes). */
export function diffFacts(before: readonly FactRow[], after: readonly FactRow[]): CellDiff[] {
  const key = (f: FactRow) => `${f.sheet}|${f.rowCode}|${f.column}`;
  const a = new Map(before.map((f) => [key(f), f]));
  const b = new Map(after.map((f) => [key(f), f]));
  const out: CellDiff[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(k)?.value;
    const y = b.get(k)?.value;
    if (x !== y) {
      const f = (a.get(k) ?? b.get(k))!;
      out.push({ sheet: f.sheet, rowCode: f.rowCode, column: f.column, before: x, after: y });
    }
  }
  return out.sort((p, q) => (p.sheet + p.rowCode).localeCompare(q.sheet + q.rowCode) || p.column - q.column);
}
