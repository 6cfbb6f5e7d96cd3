// The verdict on one received workbook, reached before anything is stored. Pure (bytes in,
// plain JSON out, no fs, no DOM): the renderer calls it in a web worker, the CLI in
// worker_threads. Nothing a file contains makes it throw; every refusal is a problem in Chinese
// naming the file and, where known, the sheet and cell.
import type { Pack } from '../pack/schema';
import { readReportDetail, type ReadReportDetail, type ReadReportResult } from '../xlsx/read';
import type { PeriodContext } from '../compute/period-context';
import type { Lookup } from '../compute/indicator';
import { ReportReadError } from '../xlsx/read-errors';
import { UNPROTECTED_META_WARNING } from '../xlsx/report-format';
import { address } from '../xlsx/addresses';
import { runAudit } from '../audit/run';
import { submissionsFor } from '../pack/applicability';
import { unexplainedWarnings } from '../audit/explanations';
import { sha256 } from '../hash/sha256';
import type { FileProblem, Registry, Verdict } from './types';
import { findRegistrySchool } from './registry';
import type { KeysStore } from '../transport/enrol';
import { authOf } from '../transport/verify-auth';

export interface VerifyOptions {
  /** what the clerk is receiving: a file of another submission or period is refused */
  expect?: { submission?: string; period?: string };
  /** the period memo's lookup of another submission (none at the bureau: a file is verified alone) */
  lookup?: Lookup;
  /** the bureau's enrolment store (报送密钥): given, every intact file gets auth 已认证 / 未认证 /
   * 认证失败, and 认证失败 refuses it — a forged file with recomputed SHA-256 hashes fails here */
  keys?: KeysStore;
}

/** The verdict, and the period's memo of an accepted or 校验不通过 file (what the read and the audit
 * computed), so a caller in the same worker can go on to its district values without computing again. */
export interface VerifyDetail {
  verdict: Verdict;
  context?: PeriodContext;
}

/** How many 逻辑校验 errors (and reader's warnings) a verdict names one by one (the counts carry the rest). */
const MAX_LISTED = 20;

/** The reader's warnings (a computed cell that is not what the file's lists give, a 说明 that
 * explains nothing) as the verdict's 提示, so the bureau sees what a school's restore would show. */
function readerNotes(d: ReadReportDetail, fileName: string): FileProblem[] {
  const own = d.located.filter((w) => !w.code);
  const notes: FileProblem[] = own.slice(0, MAX_LISTED).map((w) => ({
    message: `文件「${fileName}」：提示：${w.message}`, ...(w.sheet ? { sheet: w.sheet } : {}), ...(w.cell ? { cell: w.cell } : {}),
  }));
  if (own.length > MAX_LISTED) notes.push({ message: `文件「${fileName}」：提示：另有 ${own.length - MAX_LISTED} 条读取提示` });
  return notes;
}

function problemOf(e: unknown, fileName: string): FileProblem {
  if (e instanceof ReportReadError) {
    const { sheet, row, col } = e.at;
    return { message: e.message, ...(sheet ? { sheet } : {}), ...(row && col ? { cell: address(col, row) } : {}) };
  }
  // a fault of the reader itself: said in words, never as a stack trace
  const why = e instanceof Error ? e.message : String(e);
  return { message: `文件「${fileName}」：内部错误，无法读取（${why}）` };
}

function identity(r: ReadReportResult): Partial<Verdict> {
  const m = r.meta;
  return {
    contentHash: m['sha256:all'], schoolCode: m.schoolCode, schoolName: m.schoolName, submission: r.data.submission,
    period: r.data.period, packId: r.pack.id, packVersion: m.packVersion, version: r.data.version, status: r.data.status,
    ...(r.data.reportDate ? { reportDate: r.data.reportDate } : {}),
  };
}

/** Names compared as a clerk reads them: full- and half-width alike（东校区）=(东校区), spaces ignored. */
export const sameName = (a: string, b: string) => a.normalize('NFKC').replace(/\s+/g, '') === b.normalize('NFKC').replace(/\s+/g, '');

/** The 封面 against the registry: a different name or type is a problem that refuses the file. */
function registryProblems(r: ReadReportResult, registry: Registry, fileName: string): { refuse: FileProblem[]; notes: FileProblem[] } {
  const at = (message: string) => ({ message: `文件「${fileName}」 工作表「封面」：${message}`, sheet: '封面' });
  const held = findRegistrySchool(registry, r.school.code);
  if (!held) return { refuse: [], notes: [] }; // listed for the clerk by receiveAction, not refused here
  const refuse: FileProblem[] = [];
  const notes: FileProblem[] = [];
  if (!sameName(held.name, r.school.name)) refuse.push(at(`学校名称“${r.school.name}”与名册中的“${held.name}”不一致（学校标识码 ${held.code}）`));
  if (held.type !== r.school.type) refuse.push(at(`办学类型“${r.school.type}”与名册中的“${held.type}”不一致（学校标识码 ${held.code}）`));
  // the registry decides the breakdowns; a differing 乡镇 / 举办者 / 城乡分类 is only pointed out
  const fields: [string, string, string][] = [
    ['举办者', r.school.sponsor, held.sponsor], ['所在乡镇（街道）', r.school.township, held.township], ['城乡分类', r.school.urbanRural, held.urbanRural],
  ];
  for (const [label, file, reg] of fields) if (!sameName(file, reg)) notes.push(at(`提示：${label}“${file}”与名册中的“${reg}”不同，汇总按名册`));
  if (held.type === '幼儿园' && r.school.puhui !== undefined && held.puhui !== undefined && held.puhui !== r.school.puhui)
    notes.push(at(`提示：是否普惠性幼儿园“${r.school.puhui ? '是' : '否'}”与名册中的“${held.puhui ? '是' : '否'}”不同，汇总按名册`));
  return { refuse, notes };
}

export function verifyReport(bytes: Uint8Array, fileName: string, packs: Map<string, Pack>, registry: Registry | undefined, opts: VerifyOptions = {}): Verdict {
  return verifyReportDetail(bytes, fileName, packs, registry, opts).verdict;
}

export function verifyReportDetail(bytes: Uint8Array, fileName: string, packs: Map<string, Pack>, registry: Registry | undefined, opts: VerifyOptions = {}): VerifyDetail {
  const base: Verdict = { kind: 'refused', fileName, fileSha256: sha256(bytes), byteLength: bytes.length, problems: [] };
  let d: ReadReportDetail;
  try {
    d = readReportDetail(bytes, packs, { fileName, allowHashMismatch: true, expect: { ...opts.expect }, ...(opts.lookup ? { lookup: opts.lookup } : {}) });
  } catch (e) {
    return { verdict: { ...base, problems: [problemOf(e, fileName)] } };
  }
  const verdict = verdictOf(d, base, fileName, registry, opts);
  return verdict.data ? { verdict, context: d.context } : { verdict };
}

function verdictOf(d: ReadReportDetail, base: Verdict, fileName: string, registry: Registry | undefined, opts: VerifyOptions): Verdict {
  const r: ReadReportResult = d.result;
  const verdict: Verdict = { ...base, ...identity(r) };
  const packId = registry?.bureau.packId;
  if (packId && r.pack.id !== packId)
    return { ...verdict, problems: [{ message: `文件「${fileName}」 工作表「_meta」：这是报表包“${r.pack.id}”的文件，本局汇总使用“${packId}”`, sheet: '_meta' }] };
  if (r.hashMismatches.length) {
    const where = r.hashMismatches.join('、');
    return { ...verdict, kind: 'hashMismatch', problems: [{ message: `文件「${fileName}」：内容与校验值不符（${where}）：文件在导出后被改动过，其数字不予汇总`, ...(r.hashMismatches[0] !== '(全部)' ? { sheet: r.hashMismatches[0] } : {}) }] };
  }
  if (opts.keys) {
    const a = authOf(r.meta, opts.keys, fileName);
    verdict.auth = a.auth;
    if (a.auth === '认证失败') return { ...verdict, problems: [{ message: a.message!, sheet: '_meta' }] };
    if (a.message) verdict.problems.push({ message: a.message, sheet: '_meta' });
  }
  if (!submissionsFor(r.pack, r.school.type).some((x) => x.code === r.data.submission))
    return { ...verdict, problems: [{ message: `文件「${fileName}」 工作表「封面」：报表包 ${r.pack.id} 中${r.school.type}不填报 ${r.data.submission}`, sheet: '封面' }] };
  if (registry) {
    const { refuse, notes } = registryProblems(r, registry, fileName);
    if (refuse.length) return { ...verdict, problems: [...refuse, ...notes] };
    verdict.problems.push(...notes);
  }
  // a format-1 file is still received; the clerk is told its _meta is not covered by the hash
  if (r.metaProtected === false) verdict.problems.push({ message: `文件「${fileName}」：提示：${UNPROTECTED_META_WARNING}`, sheet: '_meta' });
  if (r.meta.packVersion && r.meta.packVersion !== r.pack.version)
    verdict.problems.push({ message: `文件「${fileName}」：提示：使用报表包版本 ${r.meta.packVersion}，本机为 ${r.pack.version}（表样一致，已按本机版本审核）` });
  verdict.problems.push(...readerNotes(d, fileName));

  // the audit on the read's own memo (its tables are computed once), or the read's audit itself
  let findings;
  try {
    findings = d.findings ?? runAudit({ pack: r.pack, school: r.school, data: r.data }, d.context);
  } catch (e) {
    return { ...verdict, problems: [...verdict.problems, problemOf(e, fileName)] };
  }
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.length - errors.length;
  const unexplained = unexplainedWarnings(findings, r.data.explanations).length;
  const audit = { errors: errors.length, warnings, unexplained };
  const kept = { ...verdict, audit, school: r.school, data: r.data };
  const failed: FileProblem[] = [];
  if (r.data.status !== '已审核') failed.push({ message: `文件「${fileName}」：状态为“${r.data.status}”，学校尚未审核通过`, sheet: '封面' });
  for (const f of errors.slice(0, MAX_LISTED)) failed.push({ message: `文件「${fileName}」：逻辑校验 ${f.ruleId}：${f.message}`, sheet: f.sheetTitle, ...(f.cell ? { cell: f.cell } : {}) });
  if (errors.length > MAX_LISTED) failed.push({ message: `文件「${fileName}」：另有 ${errors.length - MAX_LISTED} 条逻辑校验错误` });
  if (failed.length) return { ...kept, kind: 'auditFailed', problems: [...failed, ...verdict.problems] };
  return { ...kept, kind: 'accepted' };
}
