// `xiaobiao check`: the app's 审核 from the command line, on a school data file or on a workbook
// exported by 校表通. Exit 0 when no 逻辑校验 error remains (warnings allowed), 1 when one does,
// 2 for bad input — so a script or the bureau can gate on it.
import { basename } from 'node:path';
import { runAudit, type AuditInput } from '../audit/run';
import { SEVERITY_LABEL, type Finding, type Severity } from '../audit/types';
import { previousPeriod } from '../model/period';
import { findSubmission } from '../pack/applicability';
import { readReport } from '../xlsx/read';
import { flag, flagList, UsageError, type Args } from './args';
import { readCheckContext } from './check-workbooks';
import { loadSchoolPeriod, readInput, type Io } from './commands';
import { seedPacks } from './seeds';
import { explanationFor, type ResolvedExplanation } from '../audit/explanations';

/** One line of `check --json`. */
export interface CheckResult {
  ruleId: string;
  severity: Severity;
  /** the worksheet's title, as in the exported workbook */
  sheet: string;
  sheetId: string;
  /** the cell's address in the exported sheet, null for a finding about a whole sheet */
  cell: string | null;
  message: string;
  /** a written 说明 exists (only warnings need one; always false for errors) */
  explained: boolean;
}

interface Subject {
  audit: AuditInput;
  /** where the data came from and what the audit could compare with, for the human output */
  header: string[];
  /** the reader's remarks on a workbook (e.g. another pack version), shown on stderr */
  remarks: string[];
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
// an OLE file (.xls, password-protected .xlsx) or a spreadsheet's name goes to the workbook reader, which says what it is
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
const SPREADSHEET_NAME = /\.(xlsx|xlsm|xls|ods|csv)$/i;
const optional = (args: Args, name: string) => (typeof args.flags.get(name) === 'string' ? flag(args, name) : undefined);

function fromDataFile(file: string, args: Args): Subject {
  if (args.flags.has('previous') || args.flags.has('related'))
    throw new UsageError('--previous、--related 只用于审核工作簿（.xlsx）；学校数据文件中已含各期数据');
  const code = flag(args, 'submission');
  const period = flag(args, 'period');
  const { data, pack, periodData, previous, history, lookup, issues } = loadSchoolPeriod(file, code, period);
  // as in the app and in export: year-on-year rules compare only with approved figures
  const approved = previous?.status === '已审核' ? previous : undefined;
  const prevName = `${code} ${previousPeriod(findSubmission(pack, code)!.periodKind, period)}`;
  const header = [
    `${data.school.name}（${data.school.code}） ${code} ${period}  ${periodData.status} 版本 ${periodData.version}`,
    approved ? `与上期 ${prevName}（已审核）比较` : previous ? `上期 ${prevName} 未审核，不作比较` : `文件中没有上期 ${prevName}，不作比较`,
  ];
  return { audit: { pack, school: data.school, data: periodData, previous: approved, history, lookup }, header, remarks: issues };
}

function fromWorkbook(file: string, bytes: Uint8Array, args: Args): Subject {
  // a workbook holds one period; --submission/--period, when given, must be the workbook's own
  const r = readReport(bytes, seedPacks(), {
    fileName: basename(file),
    expect: { submission: optional(args, 'submission'), period: optional(args, 'period') },
  });
  const previous = flagList(args, 'previous');
  if (previous.length > 1) throw new UsageError('--previous 只能给一个文件（上期的工作簿）');
  const related = flagList(args, 'related');
  const ctx = readCheckContext(r, previous[0], related);
  const header = [
    `${r.meta.schoolName}（${r.meta.schoolCode}） ${r.meta.submission} ${r.meta.period}  ${r.meta.status} 版本 ${r.meta.version}`,
    ...(previous.length || related.length
      ? ctx.header
      : ['工作簿只含本期数据：不与上期比较；需要前几个月或其他报表数据的规则只按本期数据审核（可用 --previous、--related 给出这些工作簿）']),
  ];
  const audit = { pack: r.pack, school: r.school, data: r.data, previous: ctx.previous, history: ctx.history, lookup: ctx.lookup };
  return { audit, header, remarks: [...r.warnings, ...ctx.remarks] };
}

/** a rule-level 说明 (written once for every finding of the rule) says so */
const describe = (e: ResolvedExplanation) => `${e.text.trim()}${e.source === 'rule' ? '（本规则全部）' : ''}`;

function toResult(f: Finding, explanations: Record<string, string>): CheckResult {
  return {
    ruleId: f.ruleId, severity: f.severity, sheet: f.sheetTitle, sheetId: f.sheetId, cell: f.cell ?? null,
    message: f.message, explained: f.severity === 'warning' && !!explanationFor(f, explanations),
  };
}

function printText(io: Io, subject: Subject, findings: readonly Finding[], results: readonly CheckResult[]) {
  for (const line of subject.header) io.out(line);
  const explanations = subject.audit.data.explanations ?? {};
  // grouped by sheet in workbook order (the audit walks the sheets in that order)
  const bySheet = new Map<string, number[]>();
  results.forEach((r, i) => bySheet.set(r.sheetId, [...(bySheet.get(r.sheetId) ?? []), i]));
  for (const indexes of bySheet.values()) {
    io.out('');
    io.out(results[indexes[0]!]!.sheet);
    for (const i of indexes) {
      const r = results[i]!;
      io.out(`  ${r.ruleId}  ${SEVERITY_LABEL[r.severity]}  ${r.cell ?? '—'}  ${r.message}`);
      if (r.severity === 'warning')
        io.out(r.explained ? `      说明：${describe(explanationFor(findings[i]!, explanations)!)}` : '      未写说明（审核通过前须填写）');
    }
  }
  const errors = results.filter((r) => r.severity === 'error').length;
  const warnings = results.length - errors;
  const unexplained = results.filter((r) => r.severity === 'warning' && !r.explained).length;
  const verdict = errors
    ? '有逻辑校验错误，须改正后才能审核通过'
    : unexplained
      ? '无逻辑校验错误；未说明的经验校验须写说明后才能审核通过'
      : warnings
        ? '无逻辑校验错误，经验校验均已说明，可以审核通过'
        : '无逻辑校验错误，也没有经验校验，可以审核通过';
  io.out('');
  io.out(`审核：逻辑校验 ${errors} 条，经验校验 ${warnings} 条（已说明 ${warnings - unexplained} 条，未说明 ${unexplained} 条）——${verdict}`);
}

export async function check(args: Args, io: Io): Promise<number> {
  const file = args.positional[0];
  if (!file) throw new UsageError('请给出要审核的学校数据文件（.json）或导出的工作簿（.xlsx）');
  const bytes = readInput(file);
  // a workbook by its name or its zip signature; anything else must be a data file (JSON)
  const workbook = isZip(bytes) || isOle(bytes) || SPREADSHEET_NAME.test(file);
  const subject = workbook ? fromWorkbook(file, bytes, args) : fromDataFile(file, args);
  const findings = runAudit(subject.audit);
  const results = findings.map((f) => toResult(f, subject.audit.data.explanations ?? {}));
  if (args.flags.get('json')) io.out(JSON.stringify(results, null, 2));
  else printText(io, subject, findings, results);
  for (const remark of subject.remarks) io.err(`注意：${remark}`);
  return results.some((r) => r.severity === 'error') ? 1 : 0;
}
