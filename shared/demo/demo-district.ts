// A demo district for the bureau's side: N distinct schools of realistic types, sizes, 乡镇,
// 公办/民办 and 城乡分类, each a demoSchool exported as the app exports it, plus the cases a clerk
// meets in a real 报送 round — a few missing, tampered (a cell edited inside the zip), superseded
// (two versions), late, one 草稿 and one school not in the registry. Pure and deterministic by
// seed: planDistrict is the cheap plan (registry, manifest), districtSchoolFiles the costly export,
// so the CLI can spread the export over worker threads.
import * as XLSX from 'xlsx';
import type { Pack } from '../pack/schema';
import type { PeriodData } from '../model/data';
import type { SchoolProfile } from '../model/school';
import type { RegistrySchool } from '../consolidate/types';
import { findSubmission } from '../pack/applicability';
import { dueDate, isValidPeriod } from '../model/period';
import { exportReport } from '../xlsx/export';
import { AREA_CODE, PHONE_PREFIX, demoSchool } from './demo-school';
import { createRng, hashSeed, type Rng } from './random';
import { TOWNSHIPS, personName } from './names';
import { addDays, caseCounts, dayBefore, demoToday, nameFor, pickTypes, scaleFor, type DemoCase } from './demo-district-parts';

export type { DemoCase } from './demo-district-parts';

export interface DistrictOptions {
  pack: Pack;
  schools: number;
  seed?: string;
  submission?: string;
  period?: string;
}

export interface PlannedSchool {
  profile: SchoolProfile;
  puhui?: boolean;
  case: DemoCase;
  /** in the registry (every school but the `unknown` one) */
  registered: boolean;
  scale?: { classes: number; size?: [number, number] };
  /** 报出日期 of its (last) file */
  reportDate: string;
  /** the file names it sends, oldest first (none when missing) */
  files: string[];
}

export interface DistrictPlan {
  packId: string;
  bureau: string;
  regionCode: string;
  submission: string;
  period: string;
  due: string;
  seed: string;
  schools: PlannedSchool[];
}

export class DemoDistrictError extends Error {}

export function planDistrict({ pack, schools: n, seed = '1', submission = 'XNC', period = '2025-2026' }: DistrictOptions): DistrictPlan {
  const sub = findSubmission(pack, submission);
  if (!sub) throw new DemoDistrictError(`报表包 ${pack.id} 没有报表 ${submission}，可选：${pack.submissions.map((s) => s.code).join('、')}`);
  if (!isValidPeriod(sub.periodKind, period))
    throw new DemoDistrictError(`期间“${period}”格式不对，${sub.periodKind === 'schoolYear' ? '学年如 2025-2026' : '月份如 2025-10'}`);
  if (!Number.isInteger(n) || n < 1 || n > 1400) throw new DemoDistrictError(`学校数“${n}”应为 1–1400 的整数`);
  const rng = createRng(hashSeed(`district|${pack.id}|${seed}`));
  const region = AREA_CODE[pack.id] ?? '510000';
  const district = /([^省市]+[区县])教育局$/.exec(pack.bureau)?.[1] ?? '';
  const towns = (TOWNSHIPS as Record<string, readonly string[]>)[pack.id] ?? ['城区街道', '中心镇', '东山镇', '西河镇'];
  const due = dueDate(sub, period);
  const types = pickTypes(pack, n + 1, rng, sub.schoolTypes);
  const used = new Set<string>();
  const planned: PlannedSchool[] = types.map((type, i) => {
    // the first 乡镇 is the 城区 街道; the others mostly 镇区 at the centre, 乡村 around it
    const township = i < Math.ceil(n / 4) ? towns[0]! : towns[1 + (i % (towns.length - 1))]!;
    const urbanRural: SchoolProfile['urbanRural'] = township === towns[0] ? '城区' : rng.chance(0.4) ? '镇区' : '乡村';
    const privateShare = type === '幼儿园' ? 0.45 : type === '小学' || type === '初级中学' ? 0.06 : 0.1;
    const sponsor: SchoolProfile['sponsor'] = i > 0 && rng.chance(privateShare) ? '民办' : '公办';
    const name = nameFor({ district, township, type, sponsor, rng, used });
    const code = `${region}${String(1 + i * 7 + rng.int(0, 6)).padStart(4, '0')}`;
    const puhui = type === '幼儿园' ? sponsor === '公办' || rng.chance(0.6) : undefined;
    const profile: SchoolProfile = {
      code, name, type, sponsor, township, urbanRural, ...(puhui !== undefined ? { puhui } : {}),
      head: personName(rng), statHead: personName(rng), filler: personName(rng),
      phone: `${PHONE_PREFIX[pack.id] ?? '0838-62'}${String(rng.int(10000, 99999))}`, packId: pack.id,
    };
    return {
      profile, ...(puhui !== undefined ? { puhui } : {}), case: 'ok', registered: true,
      scale: scaleFor(type, urbanRural, rng), reportDate: dayBefore(due, rng.int(1, 10)), files: [],
    };
  });
  // the last school is the one the registry does not know; the cases go to schools drawn by seed
  planned[n]!.registered = false;
  planned[n]!.case = 'unknown';
  const order = planned.slice(0, n).map((_, i) => i).sort((a, b) => hashSeed(`${seed}|${a}`) - hashSeed(`${seed}|${b}`));
  let k = 0;
  for (const [c, count] of caseCounts(n)) for (let j = 0; j < count && k < order.length; j++) planned[order[k++]!]!.case = c;
  for (const s of planned) {
    if (s.case === 'late') s.reportDate = addDays(due, 1 + (hashSeed(s.profile.code) % 9));
    const base = `${s.profile.code}_${s.profile.name}_${submission}_${period}`;
    s.files = s.case === 'missing' ? [] : s.case === 'superseded' ? [`${base}.xlsx`, `${base}_第2版.xlsx`] : [`${base}.xlsx`];
  }
  return { packId: pack.id, bureau: pack.bureau, regionCode: region, submission, period, due, seed, schools: planned };
}

/** The registry as the set-up imports it (UTF-8 with BOM, so Excel and WPS open it right). */
export function registryCsv(plan: DistrictPlan): string {
  const lines = [['学校标识码', '学校名称', '办学类型', '举办者', '所在乡镇（街道）', '城乡分类', '是否普惠性幼儿园']];
  for (const s of plan.schools.filter((x) => x.registered)) {
    const p = s.profile;
    lines.push([p.code, p.name, p.type, p.sponsor, p.township, p.urbanRural, s.puhui === undefined ? '' : s.puhui ? '是' : '否']);
  }
  return '\uFEFF' + lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}

export function registrySchools(plan: DistrictPlan): RegistrySchool[] {
  return plan.schools.filter((s) => s.registered).map(({ profile: p, puhui }) => ({
    code: p.code, name: p.name, type: p.type, sponsor: p.sponsor, township: p.township, urbanRural: p.urbanRural,
    ...(puhui !== undefined ? { puhui } : {}),
  }));
}

/** What tests check the bureau against: which school is which case and which files it sent. */
export function districtManifest(plan: DistrictPlan) {
  const { schools, ...rest } = plan;
  return {
    ...rest,
    schools: schools.map((s) => ({
      code: s.profile.code, name: s.profile.name, type: s.profile.type, sponsor: s.profile.sponsor, township: s.profile.township,
      urbanRural: s.profile.urbanRural, case: s.case, registered: s.registered, reportDate: s.reportDate, files: s.files,
    })),
  };
}

function periodOfDemo(pack: Pack, s: PlannedSchool, plan: DistrictPlan, salt: string): PeriodData {
  const data = demoSchool({ pack, type: s.profile.type, today: demoToday(pack, plan), seed: `${plan.seed}|${s.profile.code}${salt}`, profile: s.profile, scale: s.scale });
  const p = data.periods.find((x) => x.submission === plan.submission && x.period === plan.period);
  if (!p) throw new DemoDistrictError(`示例学校没有 ${plan.submission} ${plan.period} 的数据（${s.profile.type}）`);
  return p;
}

/** A number in a data cell of the first statistics-looking sheet changed inside the zip, as a
 * clerk editing the file by hand would: the workbook still opens, its hashes no longer match. */
export function tamperWorkbook(bytes: Uint8Array): Uint8Array {
  const cfb = XLSX.CFB.read(bytes, { type: 'array' });
  for (let i = 2; i < 40; i++) {
    const entry = XLSX.CFB.find(cfb, `/xl/worksheets/sheet${i}.xml`);
    if (!entry) break;
    const xml = new TextDecoder().decode(entry.content);
    const m = /<c r="([A-Z]+)(\d+)"(?: s="\d+")?><v>(\d+)<\/v><\/c>/.exec(xml.slice(xml.indexOf('<sheetData')));
    if (!m || Number(m[2]) < 4) continue;
    const edited = xml.replace(m[0], m[0].replace(`<v>${m[3]}</v>`, `<v>${Number(m[3]) + 1}</v>`));
    entry.content = new TextEncoder().encode(edited);
    return new Uint8Array(XLSX.CFB.write(cfb, { fileType: 'zip', type: 'array', compression: true }) as ArrayLike<number>);
  }
  throw new DemoDistrictError('示例工作簿中找不到可改动的数字单元格');
}

/** The files one planned school sends: exported as the app does, then tampered with per its case. */
export async function districtSchoolFiles(pack: Pack, plan: DistrictPlan, index: number, appVersion: string): Promise<{ name: string; bytes: Uint8Array }[]> {
  const s = plan.schools[index]!;
  if (!s.files.length) return [];
  const versions = s.case === 'superseded' ? [1, 2] : [1];
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const version of versions) {
    // a corrected version is the school's data entered again: other figures, same school
    const p = periodOfDemo(pack, s, plan, version === 1 ? '' : `|v${version}`);
    const reportDate = version === versions.length ? s.reportDate : dayBefore(s.reportDate, 3);
    const status = s.case === 'draft' ? '草稿' : '已审核';
    const data: PeriodData = { ...p, status, version: s.case === 'draft' ? 0 : version, reportDate };
    const report = await exportReport({ pack, school: s.profile, data, appVersion, now: new Date(`${reportDate}T10:00:00+08:00`) });
    out.push({ name: s.files[version - 1]!, bytes: s.case === 'tampered' ? tamperWorkbook(report.bytes) : report.bytes });
  }
  return out;
}

export type { Rng };
