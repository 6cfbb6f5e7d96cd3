// Entered values of the demo's indicator sheets (办学条件, 教师发展, 学生发展与满意度, 安全防范与卫生配置,
// 月度汇总): sized from the
// class list so the computed 生均 figures land where a real 城区 school's would.
import type { Pack } from '../pack/schema';
import type { PeriodData, SheetEntry } from '../model/data';
import { findSubmission, sheetsFor, stagesOf } from '../pack/applicability';
import { listRows } from '../compute/stat-table';
import { toNumber } from '../compute/conditions';
import { periodOf } from '../model/period';
import type { Rng } from './random';

export function demoIndicatorCells(pack: Pack, type: string, data: PeriodData, rng: Rng, all: readonly PeriodData[] = []): Record<string, SheetEntry> {
  const sub = findSubmission(pack, data.submission);
  if (!sub) return {};
  // a month's 在校生数 comes from the 班级名册 of its 学年
  const year = data.submission === 'XNC' ? data : all.find((p) => p.submission === 'XNC' && p.period === periodOf('schoolYear', `${data.period}-01`));
  const students = year ? listRows(year, 'classList').reduce((s, r) => s + (toNumber(r.students) ?? 0), 0) : 0;
  const out: Record<string, SheetEntry> = {};
  const round = (n: number, d = 0) => Math.round(n * 10 ** d) / 10 ** d;
  for (const sheet of sheetsFor(pack, sub, type)) {
    if (sheet.id === 'conditions')
      out[sheet.id] = {
        cells: {
          '01:value': round(students * (5 + rng.next() * 1.5)), // 教学及辅助用房 ㎡
          '02:value': round(students * (8 + rng.next() * 4)), // 体育运动场馆 ㎡
          '03:value': round((students * (2400 + rng.next() * 800)) / 10000, 2), // 仪器设备 万元
          '04:value': Math.ceil((students / 100) * 2.6), // 网络多媒体教室 间
          '05:value': students * 35, // 图书 册
          '06:value': Math.ceil(students / 8), // 教学用计算机 台
        },
      };
    if (sheet.id === 'foodSummary' || sheet.id === 'safetySummary') out[sheet.id] = { cells: { '12:value': 0 } };
    if (sheet.id === 'safetyConfig') {
      const guards = students < 100 ? 1 : students < 1000 ? 2 : 3 + Math.floor((students - 1000) / 500);
      out[sheet.id] = {
        cells: {
          '02:value': guards + rng.int(0, 1), '04:value': '是', '05:value': '是', '06:value': '是', '07:value': 90, '08:value': '是',
          '09:value': type === '幼儿园' ? '保健室' : '卫生室', '10:value': rng.int(1, 2), '11:value': '是', '12:value': '是',
          '13:value': '是', '14:value': '是',
        },
      };
    }
    if (sheet.id === 'teacherDev') {
      // the school's stated 体检 interval is the plan's; a compulsory school keeps one 资源教师 for its 随班就读 pupils
      const interval = pack.targets.find((t) => t.id === 'teacher-health-check-interval')?.value ?? 1;
      const compulsory = stagesOf(pack, type).some((s) => s === '小学' || s === '初中');
      out[sheet.id] = { cells: { '18:value': interval, ...(compulsory ? { '19:value': 1 } : {}) } };
    }
    if (sheet.id === 'studentDev') {
      const tested = students - rng.int(0, 5);
      const surveyed = Math.min(students, 300);
      out[sheet.id] = {
        cells: {
          '01:value': tested,
          '02:value': Math.round(tested * (0.95 + rng.next() * 0.04)),
          '04:value': 100,
          '05:value': surveyed,
          '06:value': Math.round(surveyed * (0.9 + rng.next() * 0.08)),
        },
      };
    }
  }
  return out;
}
