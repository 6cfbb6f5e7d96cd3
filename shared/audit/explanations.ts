// The 说明 of 经验校验 warnings. A 说明 is stored in the period's `explanations` record under the
// finding's key (`{rule}|{sheet}|{row}|{column}`), or once for every finding of a rule in the
// period under `rule:{ruleId}` (13 identical 陪餐 warnings → one 说明 "本月第二周为家长开放周…").
// A finding's own 说明 wins over its rule's; approval needs one or the other on every warning.
// The `rule:` prefix holds no "|", so code that re-keys finding keys by their row part (restore,
// replace-all, positional ids) leaves a rule-level 说明 as it is.
import type { Finding } from './types';

export const RULE_KEY_PREFIX = 'rule:';

export const ruleExplanationKey = (ruleId: string) => `${RULE_KEY_PREFIX}${ruleId}`;

/** The rule id of a rule-level 说明 key, or undefined for a finding's own key. */
export function ruleOfExplanationKey(key: string): string | undefined {
  return key.startsWith(RULE_KEY_PREFIX) ? key.slice(RULE_KEY_PREFIX.length) : undefined;
}

export type ExplanationSource = 'own' | 'rule';

export interface ResolvedExplanation {
  text: string;
  source: ExplanationSource;
}

const filled = (t: string | undefined): t is string => !!t && !!t.trim();

/** The 说明 that covers one finding: its own if written, else its rule's, else none. */
export function explanationFor(f: Pick<Finding, 'key' | 'ruleId'>, explanations: Readonly<Record<string, string>> | undefined): ResolvedExplanation | undefined {
  const own = explanations?.[f.key];
  if (filled(own)) return { text: own, source: 'own' };
  const rule = explanations?.[ruleExplanationKey(f.ruleId)];
  if (filled(rule)) return { text: rule, source: 'rule' };
  return undefined;
}

/** The warnings that still need a 说明 before 审核通过. */
export function unexplainedWarnings<F extends Pick<Finding, 'key' | 'ruleId' | 'severity'>>(
  findings: readonly F[], explanations: Readonly<Record<string, string>> | undefined,
): F[] {
  return findings.filter((f) => f.severity === 'warning' && !explanationFor(f, explanations));
}

/** Warnings grouped by rule, in order of first appearance: what a rule-level 说明 is written for. */
export function warningsByRule<F extends Pick<Finding, 'ruleId' | 'severity'>>(findings: readonly F[]): Map<string, F[]> {
  const out = new Map<string, F[]>();
  for (const f of findings) if (f.severity === 'warning') out.set(f.ruleId, [...(out.get(f.ruleId) ?? []), f]);
  return out;
}
