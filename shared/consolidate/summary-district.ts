// The bureau's own sheets of the summary workbook: the plan indicators against its targets (with
// the schools that miss each) and the 校际差异系数 by 学段 — balance.ts and district-indicators.ts
// compute them; this only lays them out as tables.
import type { BalanceResult } from './balance';
import { DISTRICT_STATUS_LABEL, type DistrictIndicator } from './district-indicators';
import type { ExtraTable } from './summary-workbook';

const DIRECTION: Record<string, string> = { atLeast: '≥', atMost: '≤', equal: '=' };
const round = (x: number | null | undefined, d = 4) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d);
const yes = (b: boolean | undefined | null) => (b === undefined || b === null ? '—' : b ? '是' : '否');

export function indicatorTable(list: readonly DistrictIndicator[]): ExtraTable {
  return {
    name: '规划指标', title: '发展规划指标达成情况', textColumns: 4,
    header: ['指标', '目标', '单位', '状态', '本区值', '计入学校数', '未达标学校数', '未达标学校', '说明'],
    rows: list.map((i) => [
      i.target.name, `${DIRECTION[i.target.direction] ?? ''}${i.target.value}`, i.target.unit, DISTRICT_STATUS_LABEL[i.status],
      round(i.value, 2), i.schools, i.missing.length, i.missing.map((m) => m.schoolName).join('、') || null, i.message || null,
    ]),
  };
}

export function balanceTables(b: BalanceResult): ExtraTable[] {
  const cv: ExtraTable = {
    name: '校际差异系数', title: '义务教育校际差异系数', textColumns: 3,
    header: ['学段', '指标', '限值', '学校数', '平均值', '标准差', '差异系数', '是否达标'],
    rows: b.stages.flatMap((s) => [
      ...s.indicators.map((i) => [s.stage, i.label, `≤${i.maxCv}`, i.schools, round(i.mean), round(i.sd), round(i.cv), yes(i.met)]),
      [s.stage, '综合差异系数', `≤${s.maxCv}`, s.schools.length, null, null, round(s.compositeCv), yes(s.allMet)],
    ]),
  };
  const schools: ExtraTable = {
    name: '优质均衡校级达标', title: '优质均衡校级达标情况（7 项指标中至少 6 项达标）', textColumns: 4, codeColumns: [1],
    header: ['学段', '学校标识码', '学校名称', '是否达标', '在校生数', '达标指标数'],
    rows: b.stages.flatMap((s) => s.schools.map((x) => [s.stage, x.schoolCode, x.schoolName, yes(x.meetsStandard), x.students, x.metCount])),
  };
  schools.rows.push(['合计', null, `达到校级标准的学校在校生占比（%）`, null, b.students, round(b.studentShare, 1)]);
  return [cv, schools];
}
