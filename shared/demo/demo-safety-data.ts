// Word lists and calendars for the demo's 校园安全月报: typical 隐患 of a school, its drills, and
// which days pupils are in school (weekdays outside the holidays) or staff only (排查 in August).
import type { LedgerRow } from '../model/data';
import type { Rng } from './random';
import { schoolDays } from './demo-canteen';

export interface HazardTemplate {
  place: string;
  description: string;
  category: string;
  measure: string;
}

export interface DemoHazard extends HazardTemplate {
  month: string;
  code: string;
  date: string;
  checkType: string;
  level: '重大' | '一般';
  method: '立即整改' | '限期整改';
  owner: string;
  deadline: string;
  /** the day it is closed; after the demo's last month it is still open there */
  doneDate: string;
  reviewer: string;
}

export const HAZARDS: { major: HazardTemplate; minor: HazardTemplate[] } = {
  major: { place: '配电房', description: '配电柜线路老化，接头发热', category: '用电', measure: '更换配电柜及老化线路' },
  minor: [
    { place: '教学楼二楼走廊', description: '灭火器压力不足', category: '消防', measure: '更换灭火器' },
    { place: '实验楼楼梯间', description: '应急照明灯不亮', category: '消防', measure: '更换应急照明灯' },
    { place: '综合楼一楼', description: '安全出口指示标志损坏', category: '消防', measure: '更换疏散指示标志' },
    { place: '三年级教室', description: '插座面板破损', category: '用电', measure: '更换插座面板' },
    { place: '操场东侧', description: '篮球架底座松动', category: '设施设备', measure: '加固篮球架底座' },
    { place: '教学楼三楼', description: '走廊栏杆螺栓松动', category: '校舍', measure: '紧固并加焊栏杆' },
    { place: '食堂后厨', description: '排水沟盖板缺失', category: '食品卫生', measure: '补装排水沟盖板' },
    { place: '校门口', description: '上下学时段车辆乱停', category: '交通', measure: '协调交警设置临时禁停' },
    { place: '围墙北侧', description: '围墙外流动摊贩聚集', category: '周边环境', measure: '联系城管劝离并巡查' },
    { place: '图书室', description: '书架未与墙体固定', category: '设施设备', measure: '书架加装固定件' },
  ],
};

const DRILLS = ['消防疏散', '地震避险', '防踩踏', '防暴恐', '防溺水'] as const;
const EVACUATION = new Set(['消防疏散', '地震避险', '防踩踏']);

export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Weekdays without the national-day week and 元旦: staff are at work (排查, staff drills). */
export function workDays(month: string): string[] {
  return schoolDays(month);
}

/** Days pupils attend: work days outside the summer (7月10日–8月31日) and winter (1月20日–2月17日) holidays. */
export function termDays(month: string): string[] {
  return workDays(month).filter((d) => {
    const md = d.slice(5);
    return !(md >= '07-10' && md <= '08-31') && !(md >= '01-20' && md <= '02-17');
  });
}

/**
 * The month's 应急演练: every month for 中小学 (in a month without pupils, a staff drill before
 * term starts), and for a 幼儿园 once a quarter, in the quarter's last month.
 */
export function drillFor(schoolType: string, month: string, students: number, commander: string, rng: Rng): LedgerRow | undefined {
  const m = Number(month.slice(5));
  const kg = schoolType === '幼儿园';
  if (kg && m % 3 !== 0) return undefined;
  const term = termDays(month);
  const staff = Math.max(8, Math.round(students / (kg ? 8 : 12)));
  const staffOnly = !term.length;
  const drillType = staffOnly ? '消防疏散' : m === 6 ? '防溺水' : DRILLS[m % DRILLS.length]!;
  const days = staffOnly ? workDays(month).slice(-5) : term.slice(Math.floor(term.length / 3));
  const rating = rng.pick(['优', '良', '良'] as const);
  return {
    id: `${month}-d1`, date: rng.pick(days), drillType,
    participants: staffOnly ? staff : students + staff,
    evacSeconds: EVACUATION.has(drillType) ? (kg ? rng.int(90, 180) : rng.int(150, 280)) : null,
    dept: kg ? '保教处' : '安全办', commander, rating,
    problems: staffOnly ? '开学前教职工演练，学生未到校' : rating === '良' ? '个别班级疏散时拥挤，已在班会上讲评' : null,
  };
}
