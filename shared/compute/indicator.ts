// Evaluates an indicator sheet for one school and period: each row's value (entered, or
// computed from the period's lists and tables), its target and whether it is met. The work is
// done in indicator-eval.ts through the period's memo (period-context.ts); this module keeps the
// entry point and the names callers import.
import type { IndicatorSheet } from '../pack/indicator-schema';
import { periodContext } from './period-context';
import { evaluateIndicatorTable } from './indicator-eval';
import type { IndicatorInput, IndicatorTable, PeriodContext } from './indicator-types';

export type { IndicatorInput, IndicatorResult, IndicatorTable, IndicatorValue, Lookup } from './indicator-types';
export { periodExprEnv, rowApplies } from './indicator-eval';

/**
 * `input` may be the period's context (period-context.ts): then the 基表 and other indicator
 * sheets it reads come from that context's memo instead of being computed again.
 */
export function computeIndicatorTable(sheet: IndicatorSheet, input: IndicatorInput | PeriodContext): IndicatorTable {
  return evaluateIndicatorTable(sheet, 'stat' in input ? input : periodContext(input));
}
