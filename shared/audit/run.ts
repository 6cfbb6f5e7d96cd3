// Audits one period of one school against its pack: the app's 审核 and the CLI's `check`.
import type { Pack } from '../pack/schema';
import type { PeriodData } from '../model/data';
import type { SchoolProfile } from '../model/school';
import { findSubmission, sheetsFor } from '../pack/applicability';
import { periodRange } from '../model/period';
import { computeStatTable, listRows } from '../compute/stat-table';
import { checkLedger } from './ledger-checks';
import { checkStat } from './stat-checks';
import type { Finding } from './types';

export interface AuditInput {
  pack: Pack;
  school: SchoolProfile;
  data: PeriodData;
  /** the same submission's previous period (last 学年 or last month), when the app has it */
  previous?: PeriodData;
}

export function runAudit({ pack, school, data, previous }: AuditInput): Finding[] {
  const submission = findSubmission(pack, data.submission);
  if (!submission) throw new Error(`报表包 ${pack.id} 没有报表 ${data.submission}`);
  const range = periodRange(submission.periodKind, data.period);
  const findings: Finding[] = [];
  for (const sheet of sheetsFor(pack, submission, school.type)) {
    if (sheet.kind === 'ledger')
      findings.push(...checkLedger(sheet, listRows(data, sheet.id), { pack, school, submission: submission.code, range }));
    if (sheet.kind === 'stat') {
      const table = computeStatTable(sheet, data);
      const prev = previous ? computeStatTable(sheet, previous) : undefined;
      findings.push(...checkStat(table, school, prev));
    }
  }
  return findings;
}

export function countBySeverity(findings: readonly Finding[]) {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) f.severity === 'error' ? errors++ : warnings++;
  return { errors, warnings };
}
