// The types shared by an indicator sheet's evaluation (indicator-eval.ts) and a period's memo
// (period-context.ts). They sit in their own module so those two can use each other's types
// without importing each other in a circle.
import type { IndicatorRow, IndicatorSection, IndicatorSheet, RowTarget } from '../pack/indicator-schema';
import type { Pack, Submission } from '../pack/schema';
import type { PeriodData } from '../model/data';
import type { SchoolProfile } from '../model/school';
import type { CondContext } from './conditions';
import type { StatTable } from './stat-table';

export type IndicatorValue = number | string | null;

export interface IndicatorResult {
  row: IndicatorRow;
  kind: 'entered' | 'computed';
  value: IndicatorValue; // rounded as the row's format says; yes/no as 是/否
  /** a computed number before rounding (the district's 差异系数 is computed from these) */
  raw?: number;
  target: IndicatorValue;
  direction?: RowTarget['direction'];
  met: boolean | undefined;
  /** set on a row with `notBlank`: whether its `when` holds (no `when`: always) */
  needed?: boolean;
}

export interface IndicatorTable {
  sheet: IndicatorSheet;
  /** the sections with at least one row for this school */
  sections: { section: IndicatorSection; title?: string; results: IndicatorResult[] }[];
}

export type Lookup = (submission: string, period: string) => PeriodData | undefined;

export interface IndicatorInput {
  pack: Pack;
  school: SchoolProfile;
  data: PeriodData;
  /** another submission's period, e.g. the XNC 学年 a month belongs to */
  lookup?: Lookup;
}

export type PeriodInput = IndicatorInput;

export interface PeriodContext extends PeriodInput {
  submission: Submission;
  /** the period's days (kind from the pack's submission) and the pack's numbers */
  cond: CondContext;
  /** a statistics sheet as this school sees it (学段 blocks expanded), by id */
  stat(sheetId: string): StatTable | undefined;
  /** an indicator sheet's values, by id */
  indicator(sheetId: string): IndicatorTable | undefined;
}
