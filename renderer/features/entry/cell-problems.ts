// Audit findings → what a cell shows: an error outranks a warning on the same cell, and the
// messages of all its findings are listed. Shared by the ledger, statistics and indicator views.
import type { Finding } from '../../../shared/audit/types';
import type { CellProblem } from './ledger-cell';

export function mergeProblem(prev: CellProblem | undefined, f: Finding): CellProblem {
  return {
    severity: prev?.severity === 'error' || f.severity === 'error' ? 'error' : 'warning',
    message: prev ? `${prev.message}\n${f.message}` : f.message,
  };
}

/** Problems of one sheet keyed by `keyOf(finding)`; findings it returns undefined for are skipped. */
export function problemsBy(findings: readonly Finding[], sheetId: string, keyOf: (f: Finding) => string | undefined): Map<string, CellProblem> {
  const out = new Map<string, CellProblem>();
  for (const f of findings) {
    if (f.sheetId !== sheetId) continue;
    const key = keyOf(f);
    if (key !== undefined) out.set(key, mergeProblem(out.get(key), f));
  }
  return out;
}
