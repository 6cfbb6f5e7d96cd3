// A month of 进货查验记录 for the demo canteen: 2–4 deliveries each school day from a handful of
// local suppliers, with the 规格, 生产日期或批号 and 保质期 a school copies from labels and 送货单.
import type { LedgerRow } from '../model/data';
import type { Rng } from './random';

interface Product {
  name: string;
  spec: string;
  unit: string;
  qty: [number, number];
  /** kg deliveries are weighed, to the half kilo */
  weighed?: boolean;
  shelfLife: string;
  /** fresh food carries the day's date (屠宰/采收), packed food a 批号 or a 生产日期 some days back */
  batch: 'today' | 'lot' | 'made';
  supplier: number;
}

// supplier names get the school's district in front (罗江区…, 双流区…)
const SUPPLIERS = ['绿源蔬菜配送中心', '鑫鑫肉类食品有限公司', '粮油贸易有限公司', '天友乳业经销部', '豆制品加工厂'];

const FRESH: Product[] = [
  { name: '青菜', spec: '散装', unit: '公斤', qty: [15, 30], weighed: true, shelfLife: '2天', batch: 'today', supplier: 0 },
  { name: '土豆', spec: '散装', unit: '公斤', qty: [20, 40], weighed: true, shelfLife: '15天', batch: 'today', supplier: 0 },
  { name: '番茄', spec: '散装', unit: '公斤', qty: [10, 20], weighed: true, shelfLife: '5天', batch: 'today', supplier: 0 },
  { name: '大白菜', spec: '散装', unit: '公斤', qty: [15, 30], weighed: true, shelfLife: '7天', batch: 'today', supplier: 0 },
  { name: '黄瓜', spec: '散装', unit: '公斤', qty: [10, 20], weighed: true, shelfLife: '5天', batch: 'today', supplier: 0 },
  { name: '猪肉（鲜）', spec: '冷鲜', unit: '公斤', qty: [20, 40], weighed: true, shelfLife: '3天（0-4℃）', batch: 'today', supplier: 1 },
  { name: '鸡肉（鲜）', spec: '冷鲜', unit: '公斤', qty: [15, 25], weighed: true, shelfLife: '3天（0-4℃）', batch: 'today', supplier: 1 },
  { name: '鸡蛋', spec: '散装', unit: '公斤', qty: [15, 25], weighed: true, shelfLife: '30天', batch: 'today', supplier: 1 },
  { name: '豆腐', spec: '散装', unit: '公斤', qty: [10, 20], weighed: true, shelfLife: '1天', batch: 'today', supplier: 4 },
];
const STAPLES: Product[] = [
  { name: '大米', spec: '25kg/袋', unit: '袋', qty: [4, 8], shelfLife: '12个月', batch: 'made', supplier: 2 },
  { name: '面粉', spec: '25kg/袋', unit: '袋', qty: [1, 3], shelfLife: '12个月', batch: 'made', supplier: 2 },
  { name: '菜籽油', spec: '5L/桶', unit: '桶', qty: [2, 4], shelfLife: '18个月', batch: 'lot', supplier: 2 },
  { name: '酱油', spec: '1.9L/瓶', unit: '瓶', qty: [2, 6], shelfLife: '24个月', batch: 'lot', supplier: 2 },
  { name: '食用盐', spec: '400g/袋', unit: '袋', qty: [10, 20], shelfLife: '60个月', batch: 'lot', supplier: 2 },
  { name: '纯牛奶', spec: '250mL×24盒/箱', unit: '箱', qty: [10, 30], shelfLife: '6个月', batch: 'made', supplier: 3 },
];

const pad = (n: number) => String(n).padStart(2, '0');

function daysBefore(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}

export interface PurchaseOptions {
  district: string; // e.g. 罗江区
  /** area code of the school's phone, e.g. 0838 (7-digit numbers) or 028 (8-digit) */
  areaCode: string;
  inspectors: string[];
}

export function demoPurchases(days: readonly string[], opts: PurchaseOptions, rng: Rng): LedgerRow[] {
  const digits = opts.areaCode === '028' ? 8 : 7;
  const suppliers = SUPPLIERS.map((s) => ({
    name: `${opts.district}${s}`,
    phone: `${opts.areaCode}-${rng.int(10 ** (digits - 1) * 2, 10 ** digits - 1)}`,
  }));
  const rows: LedgerRow[] = [];
  days.forEach((day, di) => {
    // fresh food every day, staples on Mondays (or the first day of the month)
    const fresh = [...FRESH].sort(() => rng.next() - 0.5).slice(0, rng.int(2, 3));
    const staples = di === 0 || new Date(`${day}T00:00:00Z`).getUTCDay() === 1 ? [rng.pick(STAPLES)] : [];
    for (const p of [...fresh, ...staples].slice(0, 4)) {
      const s = suppliers[p.supplier]!;
      const qty = p.weighed ? rng.int(p.qty[0] * 2, p.qty[1] * 2) / 2 : rng.int(p.qty[0], p.qty[1]);
      const batch = p.batch === 'today' ? day : p.batch === 'made' ? daysBefore(day, rng.int(5, 40)) : `${daysBefore(day, rng.int(20, 90)).replace(/-/g, '')}${pad(rng.int(1, 12))}`;
      rows.push({
        id: `jh-${rows.length + 1}`, date: day, name: p.name, spec: p.spec, quantity: qty, unit: p.unit, batch,
        shelfLife: p.shelfLife, supplier: s.name, supplierContact: s.phone, tickets: '是',
        inspector: rng.pick(opts.inspectors), remark: null,
      });
    }
  });
  // one delivery came without its 合格证明: recorded as 否, with what was done about it
  const late = rows.find((r) => r.name === '豆腐') ?? rows[0];
  if (late) Object.assign(late, { tickets: '否', remark: '送货时未带检验合格证明，次日由供货者补送，已核验归档' });
  return rows;
}
