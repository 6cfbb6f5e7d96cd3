// 规划指标 dashboard: every school-level target of the pack (plan-targets.md) with the school's
// value in each stored period, so a school sees where it stands and how it moves.
//
// Where the values come from (by target id):
// - an indicator sheet row whose target.refs names the id — 教师发展 03 teacher-it-ability-rate,
//   06 teacher-rotation-ratio, 08 key-teacher-rotation-ratio, 10 famous-teacher-share, 11/12/13 the
//   学历 rates by stage; 学生发展与满意度 03 student-fitness-pass-rate, 04 sports-arts-2plus1-completion,
//   07 food-safety-satisfaction; 食品安全月度汇总 12 major-food-safety-incidents; 校园安全月度汇总 12
//   major-epidemics (the rows the packs and forms already tie to a target);
// - 安全防范与卫生配置 (XYAQ, one school counts as 100% or 0% of a 配备率): 12 营养健康管理人员 →
//   nutrition-staff-rate, 11 健康副校长 → health-vice-principal-rate, 09 卫生室或保健室 →
//   clinic-standard-coverage (卫生室/保健室 = 100%), 13 家长学校 → parent-school-rate, 14 家长委员会 →
//   parent-committee-rate, 10 卫生专业技术人员数 → health-technicians-per-school;
// - 班级名册 (XNC): 在校生数 of the compulsory stages → large-school-primary-junior (小学, 初级中学)
//   and large-school-integrated (九年一贯制, 十二年一贯制).
// - 教师发展 15–17 (人均信息技术培训学时) and the rows a school states, 18 全体教师体检周期 and
//   19 资源教师数, tie to their targets by refs like the others;
// - 普通高中班额情况 一年级 56 人及以上 → senior-new-large-classes (dashboard-extra.ts).
// A target no school has a figure for (双师型: no 中职 school type) says why (NO_SCHOOL_FIGURE);
// anything else unknown is listed as 本校无法计算 rather than left out.
import type { Pack, Target } from '../pack/schema';
import type { PeriodData } from '../model/data';
import type { SchoolProfile } from '../model/school';
import { sheetApplies, stagesOf } from '../pack/applicability';
import { computeIndicatorTable, rowApplies } from './indicator';
import { listRows } from './stat-table';
import { NO_SCHOOL_FIGURE, seniorLargeClasses, type Source } from './dashboard-extra';

export interface DashboardPoint {
  period: string;
  value: number;
  met: boolean;
}

export type DashboardStatus = 'computed' | 'noData' | 'notApplicable' | 'district';

export interface DashboardIndicator {
  target: Target;
  /** where the value comes from, e.g. `教师发展 第 03 行` */
  source?: string;
  submission?: string;
  /** oldest first */
  points: DashboardPoint[];
  latest?: DashboardPoint;
  status: DashboardStatus;
  /** why a target has no figure of the school's own (shown instead of the status text) */
  reason?: string;
}

export const DASHBOARD_STATUS_TEXT: Record<DashboardStatus, string> = {
  computed: '',
  noData: '尚无数据',
  notApplicable: '不适用于本校办学类型',
  district: '本校无法计算（区级汇总）',
};

// 安全防范与卫生配置 rows that make a 配备率: one school has it (100%) or has not (0%).
const CONFIG_RATES: Record<string, { code: string; yes: string[] }> = {
  'nutrition-staff-rate': { code: '12', yes: ['是'] },
  'health-vice-principal-rate': { code: '11', yes: ['是'] },
  'clinic-standard-coverage': { code: '09', yes: ['卫生室', '保健室'] },
  'parent-school-rate': { code: '13', yes: ['是'] },
  'parent-committee-rate': { code: '14', yes: ['是'] },
};
const LARGE_SCHOOL: Record<string, string[]> = {
  'large-school-primary-junior': ['小学', '初级中学'],
  'large-school-integrated': ['九年一贯制学校', '十二年一贯制学校'],
};

export function isMetBy(value: number, t: Pick<Target, 'value' | 'direction'>): boolean {
  if (t.direction === 'atMost') return value <= t.value;
  if (t.direction === 'equal') return value === t.value;
  return value >= t.value;
}

function sourcesFor(target: Target, pack: Pack, school: SchoolProfile, lookup: (s: string, p: string) => PeriodData | undefined): Source[] {
  const out: Source[] = [];
  const submissionOf = (sheetId: string) => pack.submissions.find((s) => s.sheets.includes(sheetId))?.code;
  for (const sheet of Object.values(pack.sheets)) {
    if (sheet.kind !== 'indicator') continue;
    const submission = submissionOf(sheet.id);
    if (!submission) continue;
    const configRow = sheet.id === 'safetyConfig' ? CONFIG_RATES[target.id] : undefined;
    const technicians = sheet.id === 'safetyConfig' && target.id === 'health-technicians-per-school';
    for (const row of sheet.sections.flatMap((s) => s.rows)) {
      const linked = row.target?.refs?.includes(target.id) || configRow?.code === row.code || (technicians && row.code === '10');
      if (!linked) continue;
      const applies = sheetApplies(pack, sheet, school.type) && rowApplies(row, pack, school.type);
      out.push({
        submission,
        label: `${sheet.title} 第 ${row.code} 行`,
        applies,
        value: (data) => {
          const result = computeIndicatorTable(sheet, { pack, school, data, lookup })
            .sections.flatMap((s) => s.results)
            .find((r) => r.row.code === row.code);
          const v = result?.value;
          if (configRow) return typeof v === 'string' && v ? (configRow.yes.includes(v) ? 100 : 0) : null;
          return typeof v === 'number' ? v : null;
        },
      });
    }
  }
  out.push(...seniorLargeClasses(target, pack, school));
  const types = LARGE_SCHOOL[target.id];
  if (types) {
    // 大校额 counts the 义务教育 stages only: a 十二年一贯制学校's 高中 does not count
    const stages: string[] = stagesOf(pack, school.type).filter((s) => s === '小学' || s === '初中');
    out.push({
      submission: 'XNC',
      label: '班级名册 学生数合计（小学、初中）',
      applies: types.includes(school.type),
      value: (data) => {
        const rows = listRows(data, 'classList').filter((r) => stages.includes(String(r.stage)));
        return rows.length ? rows.reduce((n, r) => n + (typeof r.students === 'number' ? r.students : 0), 0) : null;
      },
    });
  }
  return out;
}

/** The dashboard of one school: every school-level target in pack order. */
export function computeDashboard(pack: Pack, school: SchoolProfile, periods: readonly PeriodData[]): DashboardIndicator[] {
  const lookup = (s: string, p: string) => periods.find((x) => x.submission === s && x.period === p);
  return pack.targets
    .filter((t) => t.level === 'school')
    .map((target) => {
      const sources = sourcesFor(target, pack, school, lookup);
      if (sources.length === 0) return { target, points: [], ...(NO_SCHOOL_FIGURE[target.id] ?? { status: 'district' as const }) };
      const source = sources.find((s) => s.applies);
      if (!source) return { target, source: sources[0]!.label, points: [], status: 'notApplicable' as const };
      const points = periods
        .filter((p) => p.submission === source.submission)
        .sort((a, b) => a.period.localeCompare(b.period))
        .flatMap((p) => {
          const value = source.value(p);
          return value === null ? [] : [{ period: p.period, value, met: isMetBy(value, target) }];
        });
      return {
        target,
        source: source.label,
        submission: source.submission,
        points,
        latest: points.at(-1),
        status: points.length ? ('computed' as const) : ('noData' as const),
      };
    });
}
