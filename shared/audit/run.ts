// Audits one period of one school against its pack: the app's 审核 and the CLI's `check`.
import type { Pack } from '../pack/schema';
import type { PeriodData } from '../model/data';
import type { SchoolProfile } from '../model/school';
import { findSubmission, sheetsFor } from '../pack/applicability';
import { periodRange } from '../model/period';
import { computeStatTable } from '../compute/stat-table';
import { checkCrossSums, crossSheets } from './cross-checks';
import { checkLedger } from './ledger-checks';
import { checkLedgerGroup } from './group-checks';
import { ledgerRows } from '../pack/ledger-rows';
import { checkStat } from './stat-checks';
import type { Finding } from './types';
import type { IndicatorInput } from '../compute/indicator';
import { periodContext, type PeriodContext } from '../compute/period-context';
import { checkIndicators } from './indicator-checks';

export interface AuditInput {
  pack: Pack;
  school: SchoolProfile;
  data: PeriodData;
  /** the same submission's previous period (last 学年 or last month), when the app has it */
  previous?: PeriodData;
  /** the same submission's earlier periods, any status (a quarter's 应急演练 counts its months) */
  history?: readonly PeriodData[];
  /** another submission's period (e.g. the 学年 of a month), for indicators that use it */
  lookup?: IndicatorInput['lookup'];
}

/** `context` is the period's memo (period-context.ts) when the caller already has one. */
export function runAudit({ pack, school, data, previous, history, lookup }: AuditInput, context?: PeriodContext): Finding[] {
  const submission = findSubmission(pack, data.submission);
  if (!submission) throw new Error(`报表包 ${pack.id} 没有报表 ${data.submission}`);
  const ctx = context ?? periodContext({ pack, school, data, lookup });
  const range = periodRange(submission.periodKind, data.period);
  const findings: Finding[] = [];
  const asOf = ctx.cond.refDay;
  const cross = crossSheets(pack, submission, school, ctx);
  for (const sheet of sheetsFor(pack, submission, school.type)) {
    if (sheet.kind === 'ledger')
      findings.push(...checkLedger(sheet, ledgerRows(sheet, data), { pack, school, submission: submission.code, range, asOf, history, data }));
    if (sheet.kind === 'ledgerGroup')
      findings.push(...checkLedgerGroup(sheet, data, { pack, school, submission: submission.code, range, asOf, history, data }));
    if (sheet.kind === 'stat') {
      const table = cross.table(sheet.id) ?? computeStatTable(sheet, data, ctx.cond);
      const prev = previous ? periodContext({ pack, school, data: previous }).stat(sheet.id) : undefined;
      findings.push(...checkStat(table, school, prev, data, ctx.cond), ...checkCrossSums(table, cross));
    }
    if (sheet.kind === 'indicator') findings.push(...checkIndicators(ctx.indicator(sheet.id)!, submission.code));
  }
  return findings;
}

export function countBySeverity(findings: readonly Finding[]) {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) f.severity === 'error' ? errors++ : warnings++;
  return { errors, warnings };
}
