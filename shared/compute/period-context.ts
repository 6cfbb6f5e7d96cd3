// One school's period, with each computed table built at most once. The audit, the indicator
// sheets (which read 基表 cells and each other), the export and the screen all ask this object,
// so a period's 教基3112 is computed once per snapshot — not once by the audit, again by each
// indicator that reads it, again by the export and again by the open sheet view.
import type { StatSheet } from '../pack/schema';
import { findSubmission, stagesOf } from '../pack/applicability';
import { expandStatSheet } from '../pack/expand';
import { computeStatTable, conditionContext, packParams, type StatTable } from './stat-table';
import { evaluateIndicatorTable } from './indicator-eval';
import type { IndicatorTable, PeriodContext, PeriodInput } from './indicator-types';

export type { PeriodContext, PeriodInput } from './indicator-types';

/**
 * A fresh memo for one snapshot of a period. Callers share it by passing it on (runAudit's second
 * argument, computeIndicatorTable's input); it is never looked up by the data object, because
 * data built step by step (the demo school) changes after a table was computed from it.
 */
export function periodContext({ pack, school, data, lookup }: PeriodInput): PeriodContext {
  const submission = findSubmission(pack, data.submission);
  if (!submission) throw new Error(`报表包 ${pack.id} 没有报表 ${data.submission}`);
  const cond = conditionContext(submission.periodKind, data.period, packParams(pack));
  const stages = stagesOf(pack, school.type);
  const stats = new Map<string, StatTable | undefined>();
  const indicators = new Map<string, IndicatorTable>();
  const computing = new Set<string>();
  const ctx: PeriodContext = {
    pack, school, data, lookup, submission, cond,
    stat(sheetId) {
      if (!stats.has(sheetId)) {
        const s = pack.sheets[sheetId];
        stats.set(sheetId, s?.kind === 'stat' ? computeStatTable(expandStatSheet(s as StatSheet, stages), data, cond) : undefined);
      }
      return stats.get(sheetId);
    },
    indicator(sheetId) {
      if (!indicators.has(sheetId)) {
        const s = pack.sheets[sheetId];
        if (s?.kind !== 'indicator') return undefined;
        if (computing.has(sheetId)) throw new Error(`${s.title}：指标表之间的引用形成了循环`);
        computing.add(sheetId);
        try {
          indicators.set(sheetId, evaluateIndicatorTable(s, ctx));
        } finally {
          computing.delete(sheetId);
        }
      }
      return indicators.get(sheetId);
    },
  };
  return ctx;
}
