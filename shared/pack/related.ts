// Which other submissions a submission's sheets read (an expression's `from`), so the app loads
// only those periods with it — not every other report of the school on every keystroke.
import type { Expr } from './indicator-schema';
import type { Pack } from './schema';

function visit(e: Expr, out: Set<string>): void {
  if ('from' in e && e.from) out.add(e.from.submission);
  if ('args' in e) for (const a of e.args) visit(a, out);
  if (e.op === 'tiers') visit(e.arg, out);
}

export function relatedSubmissions(pack: Pack, submission: string): string[] {
  const out = new Set<string>();
  for (const id of pack.submissions.find((s) => s.code === submission)?.sheets ?? []) {
    const sheet = pack.sheets[id];
    if (sheet?.kind !== 'indicator') continue;
    for (const sec of sheet.sections) for (const r of sec.rows) if (r.value.op !== 'entered') visit(r.value, out);
  }
  out.delete(submission);
  return [...out];
}
