// The completeness matrix of one submission × period on screen: core's matrix and rates
// (shared/consolidate/completeness.ts, the same words the CLI writes) joined to the registry.
import type { BureauProfile, CompletenessState, RegistrySchool } from '../../../shared/consolidate/types';
import type { Pack } from '../../../shared/pack/schema';
import { completenessMatrix, completenessRates, type CompletenessCell, type CompletenessRate } from '../../../shared/consolidate/completeness';
import { registryOf } from './engine';
import type { BureauData } from './use-bureau-data';

export interface CompletenessRow extends CompletenessCell {
  school: RegistrySchool;
}

export interface Completeness {
  rows: CompletenessRow[];
  /** 全区 first, then each 乡镇（街道） */
  rates: CompletenessRate[];
}

export const STATES: CompletenessState[] = ['未报', '已报', '逾期', '校验不通过', '哈希不符', '冲突'];

export function completeness(pack: Pack, bureau: BureauProfile, submission: string, period: string, data: BureauData, now: string): Completeness {
  const registry = registryOf(bureau, data.registry);
  const cells = completenessMatrix({
    pack, registry, periods: [{ submission, period }], now,
    held: data.held.filter((h) => h.submission === submission && h.period === period),
    history: data.history, receipts: data.verdicts,
  });
  const bySchool = new Map(data.registry.map((s) => [s.code, s]));
  return {
    rows: cells.map((c) => ({ ...c, school: bySchool.get(c.schoolCode)! })),
    rates: [...completenessRates(cells, registry, 'submission'), ...completenessRates(cells, registry, 'township')],
  };
}

/** A rate as the screen shows it: one decimal of a percent, — when nothing is expected. */
export const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
