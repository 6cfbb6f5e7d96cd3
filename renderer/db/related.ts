// Other submissions' periods an indicator may read, e.g. 安全防范与卫生配置's 在校生数 comes from
// the 班级名册 of the XNC 学年 the month belongs to. Loaded with the period so audits and
// exports see the same figures as the screen.
import type { Pack } from '../../shared/pack/schema';
import type { Lookup } from '../../shared/compute/indicator';
import type { PeriodData } from '../../shared/model/data';
import { periodOf, periodRange } from '../../shared/model/period';
import { loadSnapshot } from '../features/backup/snapshot';
import { relatedSubmissions } from '../../shared/pack/related';
import type { PeriodRef } from './records';

export type { Lookup };

/** The period of each related submission that holds this period's first day. */
export function relatedRefs(pack: Pack, submission: string, period: string): PeriodRef[] {
  const wanted = relatedSubmissions(pack, submission);
  const kind = pack.submissions.find((s) => s.code === submission)?.periodKind;
  if (!kind || wanted.length === 0) return [];
  const firstDay = periodRange(kind, period).start;
  return pack.submissions.filter((s) => wanted.includes(s.code)).map((s) => ({ submission: s.code, period: periodOf(s.periodKind, firstDay) }));
}

/** The related periods' data, as plain data (it may come from the data worker). */
export type RelatedData = [key: string, data: PeriodData][];

export async function loadRelatedData(refs: readonly PeriodRef[]): Promise<RelatedData> {
  return Promise.all(refs.map(async (r) => [`${r.submission}|${r.period}`, await loadSnapshot(r)] as [string, PeriodData]));
}

export function lookupOf(related: RelatedData): Lookup {
  const byKey = new Map(related);
  return (sub, p) => byKey.get(`${sub}|${p}`);
}

export async function loadRelated(pack: Pack, submission: string, period: string): Promise<Lookup> {
  return lookupOf(await loadRelatedData(relatedRefs(pack, submission, period)));
}
