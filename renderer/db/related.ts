// Other submissions' periods an indicator may read, e.g. 安全防范与卫生配置's 在校生数 comes from
// the 班级名册 of the XNC 学年 the month belongs to. Loaded with the period so audits and
// exports see the same figures as the screen.
import type { Pack } from '../../shared/pack/schema';
import type { Lookup } from '../../shared/compute/indicator';
import { periodOf, periodRange } from '../../shared/model/period';
import { loadSnapshot } from './snapshot';
import { relatedSubmissions } from '../../shared/pack/related';

export type { Lookup };

export async function loadRelated(pack: Pack, submission: string, period: string): Promise<Lookup> {
  const wanted = relatedSubmissions(pack, submission);
  const kind = pack.submissions.find((s) => s.code === submission)?.periodKind;
  if (!kind || wanted.length === 0) return () => undefined;
  // the period of each related submission that holds this period's first day
  const firstDay = periodRange(kind, period).start;
  const refs = pack.submissions
    .filter((s) => wanted.includes(s.code))
    .map((s) => ({ submission: s.code, period: periodOf(s.periodKind, firstDay) }));
  const loaded = await Promise.all(refs.map(async (r) => [`${r.submission}|${r.period}`, await loadSnapshot(r)] as const));
  const byKey = new Map(loaded);
  return (sub, p) => byKey.get(`${sub}|${p}`);
}
