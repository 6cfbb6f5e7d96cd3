// A realistic demo school of any type: two 学年 of class lists with the entered 3112 figures,
// and a full month of canteen 留样 ledgers. Deterministic for a given pack, type and day.
import type { Pack } from '../pack/schema';
import { DATA_FORMAT, type LedgerRow, type PeriodData, type SchoolData } from '../model/data';
import type { SchoolProfile } from '../model/school';
import { findSubmission, stagesOf } from '../pack/applicability';
import { periodOf, previousPeriod } from '../model/period';
import { runAudit } from '../audit/run';
import { createRng, hashSeed, type Rng } from './random';
import { TOWNSHIPS, personName } from './names';
import { demoEnteredCells } from './demo-stat';
import { demoStudentCells } from './demo-students';
import { demoSampleLog } from './demo-canteen';
import { demoCanteenLedgers } from './demo-canteen-ledgers';
import { demoIndicatorCells } from './demo-indicators';
import { demoStaffSheets } from './demo-staff';
import { demoSafety } from './demo-safety';

const NAME_BY_TYPE: Record<string, string> = {
  幼儿园: '实验幼儿园', 小学: '实验小学', 初级中学: '城北中学', 九年一贯制学校: '万安学校', 完全中学: '第一中学',
  高级中学: '高级中学', 十二年一贯制学校: '博雅学校', 特殊教育学校: '特殊教育学校',
};
export const AREA_CODE: Record<string, string> = { luojiang: '510626', shuangliu: '510116' };
// 德阳 numbers are 0838 + 7 digits, 成都 numbers 028 + 8 digits
export const PHONE_PREFIX: Record<string, string> = { luojiang: '0838-62', shuangliu: '028-858' };
const CLASSES_PER_GRADE: Record<string, number> = { 学前: 3, 小学: 4, 初中: 4, 普通高中: 6 };
const SIZE: Record<string, [number, number]> = { 学前: [24, 34], 小学: [40, 50], 初中: [44, 52], 普通高中: [46, 54] };
// school types whose size differs from the 学段 defaults: a 九年一贯制 of ~3,000 pupils in 60 classes
// (大校额, as many are), and a 特教 school of small classes
const SCALE_BY_TYPE: Record<string, Record<string, { classes: number; size: [number, number] }>> = {
  九年一贯制学校: { 小学: { classes: 7, size: [44, 52] }, 初中: { classes: 6, size: [46, 54] } },
  特殊教育学校: { 小学: { classes: 1, size: [8, 12] }, 初中: { classes: 1, size: [8, 12] } },
};
const SPECIAL = '特殊教育学校'; // its pupils are in 特教班: none counts as 随班就读, no 57-pupil class
// a 说明 a school would write for each 经验校验 warning of the demo
const EXPLANATION: Record<string, string> = {
  'XNC-BJMC-W03': '学校为片区内唯一的一贯制学校，生源集中；扩建工程已列入区教育规划。',
};
const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export interface DemoOptions {
  pack: Pack;
  type: string;
  /** the day the demo is made "as of" (ISO date); decides which 学年 and month it holds */
  today: string;
  /** a district's schools (demo-district.ts): mixed into the random draws so two 小学 differ */
  seed?: string;
  /** a district's schools: their own code, name, 乡镇 … instead of the pack's one demo profile */
  profile?: Partial<SchoolProfile>;
  /** classes per grade and class sizes of every 学段, instead of the type's defaults (a 村小 of 1 class of 20) */
  scale?: { classes: number; size?: [number, number] };
}

function demoProfile(pack: Pack, type: string): SchoolProfile {
  const district = /([^省市]+[区县])教育局$/.exec(pack.bureau)?.[1] ?? '';
  const typeIndex = pack.schoolTypes.findIndex((t) => t.id === type);
  const rng = createRng(hashSeed(`${pack.id}|${type}|profile`));
  return {
    code: `${AREA_CODE[pack.id] ?? '510000'}${String(1000 + typeIndex * 7).slice(-4)}`,
    name: `${district}${NAME_BY_TYPE[type] ?? '示例学校'}`,
    type, sponsor: '公办', ...(type === '幼儿园' ? { puhui: true } : {}),
    township: (TOWNSHIPS as Record<string, readonly string[]>)[pack.id]?.[0] ?? '城区街道',
    urbanRural: '城区', head: personName(rng), statHead: personName(rng), filler: personName(rng),
    phone: `${PHONE_PREFIX[pack.id] ?? '0838-62'}${String(rng.int(10000, 99999))}`, packId: pack.id,
  };
}

function demoClassList(pack: Pack, type: string, rng: Rng, bigClass: boolean, override?: DemoOptions['scale']): LedgerRow[] {
  const rows: LedgerRow[] = [];
  for (const stageId of stagesOf(pack, type)) {
    const stage = pack.stages.find((s) => s.id === stageId)!;
    const scale = override ?? SCALE_BY_TYPE[type]?.[stageId];
    const [lo, hi] = scale?.size ?? SIZE[stageId] ?? [35, 45];
    stage.grades.forEach((grade, gi) => {
      for (let k = 0; k < (scale?.classes ?? CLASSES_PER_GRADE[stageId] ?? 3); k++) {
        const n = bigClass && type !== SPECIAL && gi === stage.grades.length - 1 && k === 0 ? 57 : rng.int(lo, hi);
        const migrantOut = rng.int(0, 2);
        const migrantIn = rng.int(0, 4);
        rows.push({
          id: `${stageId}-${gi + 1}-${k + 1}`,
          stage: stageId, grade,
          className: stageId === '学前' ? `${grade}${CN_NUM[k]}班` : `${grade}（${k + 1}）班`,
          students: n,
          female: Math.round(n * (0.44 + rng.next() * 0.08)),
          minority: rng.int(0, 2),
          boarding: stageId === '初中' || stageId === '普通高中' ? rng.int(Math.floor(n / 3), Math.floor(n / 2)) : 0,
          migrantOut, migrantIn,
          workerOut: Math.min(migrantOut, rng.int(0, 1)), workerIn: Math.min(migrantIn, rng.int(0, 3)),
          leftBehind: rng.int(1, 6), disabled: type !== SPECIAL && rng.chance(0.3) ? 1 : 0,
          multiGrade: '否', headTeacher: personName(rng), remark: null,
        });
      }
    });
  }
  return rows;
}

export function demoSchool({ pack, type, today, seed, profile, scale }: DemoOptions): SchoolData {
  if (!pack.schoolTypes.some((t) => t.id === type))
    throw new Error(`办学类型“${type}”不在报表包中，可选：${pack.schoolTypes.map((t) => t.id).join('、')}`);
  const school = { ...demoProfile(pack, type), ...profile };
  const salt = seed === undefined ? '' : `|${seed}`;
  const rng = createRng(hashSeed(`${pack.id}|${type}|${today}${salt}`));
  const periods: PeriodData[] = [];
  const xnc = findSubmission(pack, 'XNC');
  if (xnc) {
    const current = periodOf('schoolYear', today);
    const years = [previousPeriod('schoolYear', current), current];
    let last: PeriodData | undefined;
    for (const period of years) {
      const data: PeriodData = { submission: 'XNC', period, status: '草稿', version: 0, reportDate: `${period.slice(0, 4)}-09-15`, sheets: {} };
      data.sheets.classList = { rows: demoClassList(pack, type, rng, period === current, scale) };
      Object.assign(data.sheets, demoEnteredCells(pack, type, data, last), demoStudentCells(pack, type, data, last));
      Object.assign(data.sheets, demoStaffSheets(pack, type, data, current));
      Object.assign(data.sheets, demoIndicatorCells(pack, type, data, rng));
      periods.push(data);
      last = data;
    }
    // a written 说明 for each 经验校验 warning, as a school would before 审核通过
    const cur = periods[periods.length - 1]!;
    const explanations: Record<string, string> = {};
    for (const f of runAudit({ pack, school, data: cur, previous: periods[0] })) {
      if (f.severity === 'warning') explanations[f.key] = EXPLANATION[f.ruleId] ?? '该班为往年遗留大班额，已报区教育局备案，下学年分班消除。';
    }
    if (Object.keys(explanations).length) cur.explanations = explanations;
  }
  if (findSubmission(pack, 'SPAQ')) {
    const month = previousPeriod('month', periodOf('month', today));
    periods.push(demoCanteenLedgers(pack, school, demoSampleLog(school, month, rng)));
  }
  // the monthly indicator sheets' entered values (保安, 视频监控 …, incidents: none)
  const mrng = createRng(hashSeed(`${pack.id}|${type}|${today}|monthly${salt}`));
  for (const p of periods) if (p.submission !== 'XNC') Object.assign(p.sheets, demoIndicatorCells(pack, type, p, mrng, periods));
  periods.push(...demoSafety(pack, school, today, periods));
  return { format: DATA_FORMAT, savedAt: `${today}T00:00:00.000Z`, school, periods };
}
