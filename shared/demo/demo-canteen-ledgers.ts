// The rest of a demo canteen month besides 留样: 陪餐记录 (a 校级领导 or 中层干部 at every meal,
// parents on some days), 从业人员健康管理 (6–10 food handlers, one certificate due for renewal, a
// 晨检 row per school day), 进货查验记录 and the month's 食品安全自查表 with one item found and
// fixed. Every 逻辑校验 passes; the one 经验校验 (the certificate) carries a written 说明.
import type { Pack } from '../pack/schema';
import type { LedgerRow, PeriodData } from '../model/data';
import type { SchoolProfile } from '../model/school';
import { periodRange } from '../model/period';
import { findSubmission, sheetsFor } from '../pack/applicability';
import { ledgerRows } from '../pack/ledger-rows';
import { runAudit } from '../audit/run';
import { createRng, hashSeed, type Rng } from './random';
import { personName } from './names';
import { demoPurchases } from './demo-purchases';

const STAFF_BY_TYPE: Record<string, number> = {
  幼儿园: 6, 小学: 6, 特殊教育学校: 6, 初级中学: 8, 完全中学: 9, 高级中学: 9, 九年一贯制学校: 10, 十二年一贯制学校: 10,
};
const POSTS = ['食堂管理员', '厨师', '厨师', '面点师', '切配工', '洗消工', '保管员', '帮厨', '帮厨', '帮厨'];
const RATINGS = ['优', '优', '优', '良', '良'];
// a 说明 for each 经验校验 warning these ledgers raise
const EXPLANATION: Record<string, string> = {
  'SPAQ-JKRY-W01': '该员工已预约下月初复检，新健康证明取得前不安排接触直接入口食品的岗位。',
};

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The same day `years` years later or earlier (29 Feb → 1 Mar). */
function shiftYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/** A health certificate is valid for a year from its issue day. */
const expiry = (issued: string) => addDays(shiftYears(issued, 1), -1);

function demoStaff(type: string, month: string, region: string, rng: Rng): LedgerRow[] {
  const { start, end } = periodRange('month', month);
  const n = STAFF_BY_TYPE[type] ?? 8;
  return POSTS.slice(0, n).map((post, i) => {
    // the second person's certificate runs out 18 days after the month: the 30-day warning shows
    const issued = i === 1 ? shiftYears(addDays(end, 19), -1) : addDays(start, -rng.int(5, 300));
    return {
      id: `fs-${i + 1}`, name: personName(rng), post,
      certNo: `${region}${issued.slice(0, 4)}${String(rng.int(10000, 99999))}`,
      issueDate: issued, validUntil: expiry(issued), trained: '是',
    };
  });
}

function demoMorningChecks(days: readonly string[], staff: readonly LedgerRow[], rng: Rng): LedgerRow[] {
  const checker = String(staff[0]!.name);
  const sickDay = rng.int(2, Math.max(2, days.length - 2));
  return days.map((date, i) => {
    // one day someone is on leave, another day someone has a sore throat and is sent home
    const expected = i === sickDay - 1 ? staff.length - 1 : staff.length;
    const abnormal = i === sickDay ? 1 : 0;
    return {
      id: `mc-${i + 1}`, date, expected, checked: expected, abnormal,
      symptom: abnormal ? '咽部炎症' : null, action: abnormal ? '调离' : null, checker,
    };
  });
}

function demoCompanions(meals: readonly { date: string; meal: string }[], rng: Rng): LedgerRow[] {
  const leaders = [
    { name: personName(rng), role: '校级领导' }, { name: personName(rng), role: '校级领导' },
    { name: personName(rng), role: '中层干部' }, { name: personName(rng), role: '中层干部' }, { name: personName(rng), role: '中层干部' },
  ];
  const rows: LedgerRow[] = [];
  const push = (date: string, meal: string, companion: string, role: string) => {
    const rating = () => rng.pick(RATINGS);
    const foodQuality = rng.chance(0.06) ? '中' : rating();
    rows.push({
      id: `pc-${rows.length + 1}`, date, meal, companion, role, foodQuality, hygiene: rating(), order: rating(),
      suggestion: foodQuality === '中' ? '青菜偏咸，建议少放盐' : null, remark: null,
    });
  };
  meals.forEach(({ date, meal }, i) => {
    const leader = leaders[i % leaders.length]!;
    push(date, meal, leader.name, leader.role);
    // parents join lunch on Tuesdays and Thursdays (家长陪餐日)
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (meal === '午餐' && (dow === 2 || dow === 4)) push(date, meal, personName(rng), '家长');
  });
  return rows;
}

function demoSelfCheck(pack: Pack, days: readonly string[]): LedgerRow[] {
  const sheet = pack.sheets.selfCheck;
  if (sheet?.kind !== 'ledger') return [];
  // found during the check on the month's third school day and fixed two school days later
  const found = ledgerRows(sheet, { submission: 'SPAQ', period: '', status: '草稿', version: 0, sheets: {} });
  return found.map((row, i) => {
    const fault = row.content === '防蝇防鼠设施';
    return {
      ...row, id: `zc-${i + 1}`, result: fault ? '否' : '是',
      ...(fault ? { problem: '库房门口挡鼠板松脱', rectify: '已完成', rectifyDate: days[Math.min(4, days.length - 1)]! } : {}),
    };
  });
}

/** Adds the canteen ledgers to a month that already holds its 食品留样记录 (demoSampleLog). */
export function demoCanteenLedgers(pack: Pack, school: SchoolProfile, sampleMonth: PeriodData): PeriodData {
  const month = sampleMonth.period;
  const rng = createRng(hashSeed(`${pack.id}|${school.type}|${month}|canteen`));
  // the meals served are the meals sampled: one 陪餐 at each, a 晨检 and deliveries each day
  const seen = new Set<string>();
  const meals: { date: string; meal: string }[] = [];
  for (const r of sampleMonth.sheets.sampleLog?.rows ?? []) {
    const k = `${r.date}|${r.meal}`;
    if (!seen.has(k)) seen.add(k), meals.push({ date: String(r.date), meal: String(r.meal) });
  }
  const days = [...new Set(meals.map((m) => m.date))];
  const areaCode = /^(\d{3,4})-/.exec(school.phone)?.[1] ?? '0838';
  const staff = demoStaff(school.type, month, school.code.slice(0, 6), rng);
  const district = /^(.+?[区县])/.exec(school.name)?.[1] ?? '';
  const inspectors = [String(staff[0]!.name), String(staff[6]?.name ?? staff[1]!.name)];
  const data: PeriodData = {
    ...sampleMonth,
    sheets: {
      ...sampleMonth.sheets,
      mealCompanion: { rows: demoCompanions(meals, rng) },
      foodStaff: { rows: staff },
      morningCheck: { rows: demoMorningChecks(days, staff, rng) },
      purchaseCheck: { rows: demoPurchases(days, { district, areaCode, inspectors }, rng) },
      selfCheck: { rows: demoSelfCheck(pack, days) },
    },
  };
  // keep only the sheets this pack's SPAQ has (a pack may list fewer)
  const sub = findSubmission(pack, 'SPAQ');
  const ids = new Set((sub ? sheetsFor(pack, sub, school.type) : []).flatMap((s) => (s.kind === 'ledgerGroup' ? s.parts.map((p) => p.id) : [s.id])));
  data.sheets = Object.fromEntries(Object.entries(data.sheets).filter(([id]) => ids.has(id)));
  const explanations: Record<string, string> = { ...(sampleMonth.explanations ?? {}) };
  for (const f of runAudit({ pack, school, data }))
    if (f.severity === 'warning' && EXPLANATION[f.ruleId]) explanations[f.key] = EXPLANATION[f.ruleId]!;
  if (Object.keys(explanations).length) data.explanations = explanations;
  return data;
}
