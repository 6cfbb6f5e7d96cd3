// Dashboard targets that no indicator row carries: figures computed straight from a school's
// 基表, and the targets that are no school's figure at all, each with the reason shown instead of
// a value. (Targets a school states — 体检周期, 资源教师 — and the 信息技术 学时 are rows of 教师发展.)
import type { Pack, Target } from '../pack/schema';
import type { PeriodData } from '../model/data';
import type { SchoolProfile } from '../model/school';
import { stagesOf } from '../pack/applicability';
import { periodContext } from './period-context';
import { listRows, tableValue } from './stat-table';

/** A value source: which submission's periods feed it, and how one period gives a value. */
export interface Source {
  submission: string;
  label: string;
  applies: boolean;
  value: (data: PeriodData) => number | null;
}

/** A target with no figure of the school's own, and why it shows none. */
export interface NoSchoolFigure {
  status: 'notApplicable' | 'district';
  reason: string;
}

export const NO_SCHOOL_FIGURE: Record<string, NoSchoolFigure> = {
  // the packs' school types (幼儿园 … 特殊教育学校) have no 中职学校, whose 专业课教师 this counts
  'vocational-dual-qualified-rate': { status: 'notApplicable', reason: '中职学校的指标：本区报表包的办学类型中没有中职学校，中小学、幼儿园无此项' },
};

/** 普通高中起始年级新增大班额: 一年级 classes of 56 and more, from 普通高中班额情况 (rows 09–11). */
export function seniorLargeClasses(target: Target, pack: Pack, school: SchoolProfile): Source[] {
  if (target.id !== 'senior-new-large-classes' || pack.sheets.hsClassSize?.kind !== 'stat') return [];
  return [
    {
      submission: 'XNC',
      label: '普通高中班额情况 一年级 56 人及以上',
      applies: stagesOf(pack, school.type).includes('普通高中'),
      value: (data) => {
        // no 高中 class in the list: nothing to count yet, not "0 large classes"
        if (!listRows(data, 'classList').some((r) => r.stage === '普通高中')) return null;
        const t = periodContext({ pack, school, data }).stat('hsClassSize');
        return t ? ['09', '10', '11'].reduce((n, code) => n + (tableValue(t, code, 'g1') ?? 0), 0) : null;
      },
    },
  ];
}
