// The demo's 教职工名册: about one staff member per 13 pupils (a 幼儿园: two teachers and one
// 保育员 per class), 85% of them 专任教师, spread over the school's 学段 by pupils, with the age,
// 职称, 学历 and 主要任教课程 mix of a county school. The same people appear in both 学年 of the
// demo (one year younger the year before), and every 逻辑校验 of the staff forms passes: each
// 专任教师 has a 学段, a 职称, a 学历 and a 4155 subject; no 专任教师 is over 60 or anyone under 18.
import type { Pack } from '../pack/schema';
import type { LedgerRow, PeriodData, SheetEntry } from '../model/data';
import { findSubmission, sheetsFor } from '../pack/applicability';
import { toNumber } from '../compute/conditions';
import { createRng, hashSeed, type Rng } from './random';
import { personName } from './names';

type Weights = Record<string, number>;

const FEMALE_SHARE: Record<string, number> = { 学前: 0.97, 小学: 0.75, 初中: 0.6, 普通高中: 0.55 };
const EDUCATION: Record<string, Weights> = {
  学前: { 本科: 40, 专科: 55, 高中阶段: 5 },
  小学: { 硕士研究生: 4, 本科: 76, 专科: 20 },
  初中: { 硕士研究生: 10, 本科: 86, 专科: 4 },
  普通高中: { 博士研究生: 1, 硕士研究生: 21, 本科: 78 },
};
const SUBJECTS: Record<string, Weights> = {
  小学: { 语文: 30, 数学: 22, 英语: 9, 道德与法治: 4, 科学: 5, 体育与健康: 8, 音乐: 5, 美术: 5, 信息科技: 3, 劳动: 2, 综合实践活动: 2, 其他: 1, 本学年不授课: 1 },
  初中: { 语文: 15, 数学: 15, 英语: 13, 道德与法治: 6, 历史: 6, 地理: 5, 物理: 7, 化学: 5, 生物学: 6, 信息科技: 3, 体育与健康: 8, 音乐: 3, 美术: 3, 劳动: 1, 综合实践活动: 1, 其他: 1, 本学年不授课: 2 },
  普通高中: { 语文: 14, 数学: 14, 英语: 12, 日语: 1, 外语: 1, 道德与法治: 6, 历史: 6, 地理: 6, 物理: 9, 化学: 8, 生物学: 8, 信息科技: 3, 体育与健康: 7, 音乐: 2, 美术: 2, 其他: 1 },
};
const MINORITIES = ['羌族', '藏族', '彝族', '回族'];
const SUPPORT_POSTS: Weights = { 行政人员: 35, 教辅人员: 25, 工勤人员: 30, 其他: 10 };
const pad = (n: number) => String(n).padStart(2, '0');

function pick(rng: Rng, w: Weights): string {
  const total = Object.values(w).reduce((s, x) => s + x, 0);
  let r = rng.next() * total;
  for (const [k, x] of Object.entries(w)) if ((r -= x) < 0) return k;
  return Object.keys(w)[0]!;
}

/** 职称 follows age: 未定职级 in the first year, 助理级 then 中级 in the thirties, 副高级 from the forties. */
function titleFor(rng: Rng, age: number): string {
  if (age < 24) return rng.chance(0.7) ? '未定职级' : '员级';
  if (age < 30) return pick(rng, { 助理级: 70, 中级: 20, 未定职级: 10 });
  if (age < 40) return pick(rng, { 中级: 65, 助理级: 20, 副高级: 15 });
  if (age < 50) return pick(rng, { 中级: 50, 副高级: 45, 助理级: 5 });
  return pick(rng, { 副高级: 55, 中级: 40, 正高级: 5 });
}

interface Person {
  id: string; // stable across 学年: the group and the place in it
  row: Omit<LedgerRow, 'id'>;
  years: number; // 本校连续任教年限 at the anchor 学年
}

function person(id: string, rng: Rng, anchorYear: number, post: string, stage: string | null, ages: [number, number]): Person {
  const drawn = rng.int(ages[0], ages[1]);
  const month = rng.int(1, 12);
  const ageNow = drawn - (month > 9 ? 1 : 0); // born after September: the birthday is still to come on 9月1日
  const teacher = post === '专任教师';
  const female = rng.chance(FEMALE_SHARE[stage ?? ''] ?? 0.55);
  const years = rng.int(0, Math.max(0, Math.min(ageNow - 22, 25)));
  const row: Omit<LedgerRow, 'id'> = {
    name: personName(rng), gender: female ? '女' : '男', birth: `${anchorYear - drawn}-${pad(month)}`,
    ethnicity: rng.chance(0.03) ? rng.pick(MINORITIES) : '汉族', post,
    inEstablishment: post === '校外教师' || post === '银龄教师' || rng.chance(0.08) ? '否' : '是',
    stage: teacher ? stage : null,
    education: teacher ? pick(rng, EDUCATION[stage!] ?? EDUCATION.小学!) : pick(rng, { 本科: 40, 专科: 35, 高中阶段: 20, 高中阶段以下: 5 }),
    title: teacher || post === '银龄教师' ? titleFor(rng, ageNow) : pick(rng, { 未定职级: 60, 员级: 20, 助理级: 20 }),
    subject: teacher && stage !== '学前' ? pick(rng, SUBJECTS[stage!] ?? SUBJECTS.小学!) : null,
    backbone: teacher ? pick(rng, { 无: 78, 区县级: 15, 市级: 6, 省级: 1 }) : '无',
    itOnline: rng.int(15, 40), itPractice: rng.int(22, 45), rotated: '否',
    lastCheckup: `${anchorYear - rng.int(0, 1)}-${pad(rng.int(3, 6))}-${pad(rng.int(1, 28))}`,
    dualQualified: null, remark: null,
  };
  return { id, row, years };
}

/** The people of one group (a 学段's teachers, the support staff), the same for every 学年 of the demo. */
function roster(seed: string, group: string, size: number, make: (id: string, rng: Rng, i: number) => Person): Person[] {
  const rng = createRng(hashSeed(`${seed}|${group}`));
  return Array.from({ length: size }, (_, i) => make(`staff-${group}-${i + 1}`, rng, i));
}

function pupilsByStage(data: PeriodData): Map<string, { pupils: number; classes: number }> {
  const out = new Map<string, { pupils: number; classes: number }>();
  for (const r of data.sheets.classList?.rows ?? []) {
    const s = out.get(String(r.stage)) ?? { pupils: 0, classes: 0 };
    s.pupils += toNumber(r.students) ?? 0;
    s.classes += 1;
    out.set(String(r.stage), s);
  }
  return out;
}

/**
 * 教职工名册 of one 学年 for the demo school, or nothing when the pack's submission has no staff
 * list. `current` is the demo's latest 学年: ages and 任教年限 are drawn for it, so the year before
 * shows the same people one year younger.
 */
export function demoStaffSheets(pack: Pack, type: string, data: PeriodData, current: string): Record<string, SheetEntry> {
  const sub = findSubmission(pack, data.submission);
  if (!sub || !sheetsFor(pack, sub, type).some((s) => s.id === 'staffList')) return {};
  const anchorYear = Number(current.slice(0, 4));
  const back = anchorYear - Number(data.period.slice(0, 4)); // how many 学年 before the latest
  const seed = `${pack.id}|${type}|staff`;
  const stages = pupilsByStage(data);
  const people: Person[] = [];
  let total = 0;
  for (const [stage, { pupils, classes }] of stages) {
    const teachers = stage === '学前' ? classes * 2 : Math.max(2, Math.round((pupils / 13) * 0.85));
    total += stage === '学前' ? classes * 3 : pupils / 13;
    people.push(...roster(seed, stage, teachers, (id, rng) => person(id, rng, anchorYear, '专任教师', stage, [23, 59])));
  }
  if (type === '幼儿园') {
    const classes = stages.get('学前')?.classes ?? 0;
    const posts = ['园长', '保健医', '其他', '其他', ...Array.from({ length: classes }, () => '保育员')];
    people.push(...roster(seed, 'kg', posts.length, (id, rng, i) => person(id, rng, anchorYear, posts[i]!, null, [26, 55])));
  } else {
    const support = Math.max(3, Math.round(total * 0.15));
    people.push(...roster(seed, 'support', support, (id, rng) => person(id, rng, anchorYear, pick(rng, SUPPORT_POSTS), null, [24, 59])));
    // 另有: a coach from outside and a retired teacher back under the 银龄讲学计划
    people.push(...roster(seed, 'external', 1, (id, rng) => person(id, rng, anchorYear, '校外教师', null, [28, 45])));
    people.push(...roster(seed, 'silver', 1, (id, rng) => person(id, rng, anchorYear, '银龄教师', null, [62, 66])));
  }
  const rows: LedgerRow[] = [];
  people.forEach((p) => {
    if (p.years < back) return; // joined the school after that 学年
    const years = p.years - back;
    // 交流轮岗: about one in six of those due (在编, 6 years or more at the school), different ones each 学年
    const due = p.row.post === '专任教师' && p.row.inEstablishment === '是' && years >= 6;
    const rotated = due && hashSeed(`${p.id}|${data.period}`) % 6 === 0 ? '是' : '否';
    // the last 体检 as seen in that 学年: the same month, `back` years earlier
    const checkup = String(p.row.lastCheckup);
    const lastCheckup = `${Number(checkup.slice(0, 4)) - back}${checkup.slice(4)}`;
    rows.push({ id: p.id, ...p.row, yearsAtSchool: years, rotated, lastCheckup });
  });
  return { staffList: { rows } };
}
