// A month of 食品留样记录: every school day, every meal, every dish, sampled ≥125 g and kept 48 h.
import type { LedgerRow, PeriodData } from '../model/data';
import type { SchoolProfile } from '../model/school';
import { periodRange } from '../model/period';
import { DISHES, personName } from './names';
import type { Rng } from './random';

const MEALS_BY_TYPE: Record<string, (keyof typeof DISHES)[]> = {
  幼儿园: ['早餐', '午餐', '加餐'],
  小学: ['午餐'],
  特殊教育学校: ['早餐', '午餐', '晚餐'],
};
const SAMPLE_TIME: Record<keyof typeof DISHES, string> = { 早餐: '07:10', 午餐: '11:40', 晚餐: '17:30', 加餐: '15:00' };
const DISH_COUNT: Record<keyof typeof DISHES, [number, number]> = { 早餐: [3, 4], 午餐: [6, 8], 晚餐: [6, 7], 加餐: [1, 2] };

const pad = (n: number) => String(n).padStart(2, '0');

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Weekdays of the month, without the national-day week (10月1–7日) and 元旦. */
export function schoolDays(month: string): string[] {
  const { start, end } = periodRange('month', month);
  const out: string[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) {
    const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
    const md = day.slice(5);
    if (dow === 0 || dow === 6 || (md >= '10-01' && md <= '10-07') || md === '01-01') continue;
    out.push(day);
  }
  return out;
}

export function demoSampleLog(school: SchoolProfile, month: string, rng: Rng): PeriodData {
  const meals = MEALS_BY_TYPE[school.type] ?? ['早餐', '午餐', '晚餐'];
  const staff = [personName(rng), personName(rng)];
  const rows: LedgerRow[] = [];
  for (const day of schoolDays(month)) {
    for (const meal of meals) {
      const menu = [...DISHES[meal]].sort(() => rng.next() - 0.5);
      const [lo, hi] = DISH_COUNT[meal];
      const t = SAMPLE_TIME[meal];
      const [h, m] = t.split(':').map(Number) as [number, number];
      for (const dish of menu.slice(0, rng.int(lo, hi))) {
        const extra = rng.int(5, 40); // disposed 48 h plus a few minutes after sampling
        rows.push({
          id: `${day}-${meal}-${rows.length + 1}`, date: day, meal, dish, amount: rng.pick([125, 150, 150, 150, 180, 200]),
          sampleTime: t, sampler: rng.pick(staff),
          disposeTime: `${addDays(day, 2)} ${pad(h + Math.floor((m + extra) / 60))}:${pad((m + extra) % 60)}`,
          disposer: rng.pick(staff), remark: null,
        });
      }
    }
  }
  // reported on the 3rd of the next month, before the due day (the 5th)
  const reportDate = addDays(periodRange('month', month).end, 3);
  return { submission: 'SPAQ', period: month, status: '草稿', version: 0, reportDate, sheets: { sampleLog: { rows } } };
}
