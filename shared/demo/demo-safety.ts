// A term of 校园安全月报 (XYAQ) for the demo school: the four months up to the one before "today".
// 隐患 are found and closed over time — some carried from month to month the way the app carries
// them (copy-forward), one 重大 隐患 closed late — a drill every month (every quarter, in its last
// month, for a 幼儿园) and a 晨午检 row for every day of term with realistic absences. Every
// 逻辑校验 passes; the few 经验校验 the late 重大 隐患 raises get the school's written 说明.
import type { LedgerSheet, Pack } from '../pack/schema';
import type { LedgerRow, PeriodData } from '../model/data';
import type { SchoolProfile } from '../model/school';
import { findSubmission, sheetsFor } from '../pack/applicability';
import { periodOf, periodRange, previousPeriod } from '../model/period';
import { startPeriod } from '../model/copy-forward';
import { historyOf } from '../model/history';
import { runAudit } from '../audit/run';
import { createRng, hashSeed, portion, type Rng } from './random';
import { personName } from './names';
import { HAZARDS, addDays, drillFor, termDays, workDays, type DemoHazard } from './demo-safety-data';

const MONTHS = 4;
const SHEETS = {
  hazardLog: ['code', 'date', 'checkType', 'place', 'description', 'category', 'level', 'measure', 'method', 'owner', 'deadline', 'doneDate', 'status', 'reviewer'],
  drillLog: ['date', 'drillType', 'participants', 'evacSeconds', 'dept', 'commander', 'rating', 'problems'],
  healthCheck: ['date', 'expected', 'present', 'absent', 'sickAbsent', 'fever', 'diarrhea', 'vomiting', 'rash', 'cough', 'otherSymptoms', 'suspected', 'reported', 'remark'],
} as const;

const EXPLAIN: Record<string, string> = {
  'XYAQ-YH-W01': '需更换配电柜，须待供电部门停电施工；已设警戒、断开故障回路，施工完成后即复查销号。',
  'XYAQ-YH-W02': '重大隐患已当日上报区教育局并设置警戒，限期整改中，整改完成后复查销号。',
  'XYAQ-YJ-W01': '本月为假期，无学生在校，演练安排在开学第一周。',
};

/** Whether the pack's XYAQ sheets are the national ones this generator knows how to fill. */
function fits(pack: Pack, school: SchoolProfile): boolean {
  const sub = findSubmission(pack, 'XYAQ');
  if (!sub) return false;
  const own = new Map(sheetsFor(pack, sub, school.type).map((s) => [s.id, s]));
  return Object.entries(SHEETS).every(([id, keys]) => {
    const s = own.get(id);
    return s?.kind === 'ledger' && keys.every((k) => (s as LedgerSheet).columns.some((c) => c.key === k));
  });
}

/** 在校生数 of the 学年 a month belongs to, from the demo's 班级名册. */
function studentsIn(periods: readonly PeriodData[], month: string): number {
  const year = periods.find((p) => p.submission === 'XNC' && p.period === periodOf('schoolYear', `${month}-01`));
  const total = (year?.sheets.classList?.rows ?? []).reduce((s, r) => s + (typeof r.students === 'number' ? r.students : 0), 0);
  return total || 800;
}

function healthRows(month: string, students: number, rng: Rng): LedgerRow[] {
  return termDays(month).map((date, i) => {
    const absent = Math.max(1, Math.round(students * (0.004 + rng.next() * 0.01)));
    const sick = portion(rng, absent, 0.6);
    const fever = portion(rng, sick, 0.45);
    const cough = portion(rng, sick - fever, 0.5);
    const diarrhea = portion(rng, sick - fever - cough, 0.4);
    const suspected = rng.chance(0.03) ? 1 : 0;
    return {
      id: `${month}-c${i + 1}`, date, expected: students, present: students - absent, absent, sickAbsent: sick,
      fever, diarrhea, vomiting: rng.chance(0.1) ? 1 : 0, rash: suspected, cough, otherSymptoms: sick - fever - cough - diarrhea,
      suspected, reported: suspected ? '是' : '否', remark: suspected ? '疑似水痘，已通知家长就医并报告疾控中心' : null,
    };
  });
}

/** The school's 隐患 of the whole term, each with the day it will be closed (maybe after the term). */
function planHazards(months: string[], rng: Rng, staff: string[]): DemoHazard[] {
  const out: DemoHazard[] = [];
  months.forEach((month, mi) => {
    const days = workDays(month);
    const count = rng.int(2, 4);
    const found: DemoHazard[] = [];
    for (let k = 0; k < count; k++) {
      const major = mi === 0 && k === 0; // the one 重大 隐患: closed in the third month, past its deadline
      // the month's last 隐患 is found in its final week and due next month: it carries over (and the
      // last month leaves one open, for the app to carry into the current month)
      const late = !major && k === count - 1;
      const t = major ? HAZARDS.major : rng.pick(HAZARDS.minor);
      const date = major ? days[Math.min(8, days.length - 1)]! : late ? rng.pick(days.slice(-5)) : rng.pick(days);
      const now = !major && !late && rng.chance(0.4);
      const end = periodRange('month', month).end;
      const deadline = now ? date : late ? addDays(end, rng.int(8, 15)) : addDays(date, major ? 20 : rng.int(7, 20));
      const doneDate = major ? workDays(months[2]!)[3]! : now ? date : addDays(deadline, -rng.int(0, 4));
      found.push({
        ...t, month, date, deadline, doneDate: doneDate < date ? date : doneDate, level: major ? '重大' : '一般',
        method: now ? '立即整改' : '限期整改', owner: rng.pick(staff), reviewer: rng.pick(staff), code: '',
        checkType: rng.pick(['日常巡查', '周检查', '月排查', '专项检查']),
      });
    }
    // 编号 in the order found: YH-202510-01, -02 …
    found.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    found.forEach((h, i) => out.push({ ...h, code: `YH-${month.replace('-', '')}-${String(i + 1).padStart(2, '0')}` }));
  });
  return out;
}

function hazardRow(h: DemoHazard, end: string, id: string): LedgerRow {
  const closed = h.doneDate <= end;
  return {
    id, code: h.code, date: h.date, checkType: h.checkType, place: h.place, description: h.description,
    category: h.category, level: h.level, measure: h.measure, method: h.method, owner: h.owner,
    deadline: h.method === '限期整改' ? h.deadline : null, doneDate: closed ? h.doneDate : null,
    status: closed ? '已销号' : h.date > addDays(end, -7) ? '未整改' : '整改中', reviewer: closed ? h.reviewer : null,
  };
}

export function demoSafety(pack: Pack, school: SchoolProfile, today: string, periods: readonly PeriodData[]): PeriodData[] {
  if (!fits(pack, school)) return [];
  const rng = createRng(hashSeed(`${pack.id}|${school.type}|${today}|safety`));
  const last = previousPeriod('month', periodOf('month', today));
  const months = [last];
  while (months.length < MONTHS) months.unshift(previousPeriod('month', months[0]!));
  const staff = Array.from({ length: 4 }, () => personName(rng));
  const hazards = planHazards(months, rng, staff);
  const out: PeriodData[] = [];
  for (const month of months) {
    const { end } = periodRange('month', month);
    // the month opens with last month's open 隐患 (as the app does), then the school records the month
    const data = startPeriod(pack, school.type, 'XYAQ', month, out[out.length - 1]);
    const rows = (data.sheets.hazardLog?.rows ?? []).map((r) => {
      const h = hazards.find((x) => x.code === r.code)!;
      return hazardRow(h, end, r.id);
    });
    hazards.filter((h) => h.month === month).forEach((h, i) => rows.push(hazardRow(h, end, `${month}-h${i + 1}`)));
    const students = studentsIn(periods, month);
    const drill = drillFor(school.type, month, students, staff[0]!, rng);
    data.sheets = {
      ...data.sheets, // whatever else the month carried (安全防范与卫生配置)
      hazardLog: { rows },
      drillLog: { rows: drill ? [drill] : [] },
      healthCheck: { rows: healthRows(month, students, rng) },
    };
    data.reportDate = addDays(end, 3);
    out.push(data);
  }
  for (const data of out) {
    const explanations: Record<string, string> = {};
    const history = historyOf(out, 'XYAQ', 'month', data.period);
    for (const f of runAudit({ pack, school, data, history }))
      if (f.severity === 'warning') explanations[f.key] = EXPLAIN[f.ruleId] ?? '已核实，情况属实。';
    if (Object.keys(explanations).length) data.explanations = explanations;
  }
  return out;
}
