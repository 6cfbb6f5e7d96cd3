// The words a bureau's own registry (its Excel list, the 事业统计 基础库 export, a WPS csv) uses for
// the registry's fields, mapped to the set-up's values. The national statistics codes are
// accepted too: 城乡分类 111…220 (统计用城乡划分代码) and 办学类型 111…512 (教育统计 学校类别).
import type { Pack } from '../pack/schema';
import type { RegistrySchool } from './types';

/** The set-up's headers, in the order a registry written by the app has them. */
export const REGISTRY_HEADERS = ['学校标识码', '学校名称', '办学类型', '举办者', '所在乡镇（街道）', '城乡分类', '是否普惠性幼儿园'] as const;

/** Registry field → its header and the other names bureaus' lists give it. */
export const REGISTRY_COLUMNS: { key: keyof RegistrySchool; label: string; aliases: string[]; required: boolean }[] = [
  { key: 'code', label: '学校标识码', aliases: ['学校代码', '标识码', '学校识别码', '单位代码', '学校(机构)标识码', '学校（机构）标识码'], required: true },
  { key: 'name', label: '学校名称', aliases: ['学校', '单位名称', '学校(机构)名称', '学校（机构）名称', '校名'], required: true },
  { key: 'type', label: '办学类型', aliases: ['学校类型', '学校类别', '办学类别', '类型'], required: true },
  { key: 'sponsor', label: '举办者', aliases: ['举办者类型', '办别', '公办/民办', '公办民办', '办学性质', '性质'], required: true },
  { key: 'township', label: '所在乡镇（街道）', aliases: ['乡镇（街道）', '乡镇街道', '所在乡镇', '乡镇', '街道', '所属乡镇', '所在地乡镇'], required: true },
  { key: 'urbanRural', label: '城乡分类', aliases: ['城乡类型', '城乡属性', '城乡划分', '城乡分类代码', '所在地城乡类型'], required: true },
  { key: 'puhui', label: '是否普惠性幼儿园', aliases: ['普惠性幼儿园', '是否普惠', '普惠性', '普惠'], required: false },
];

const SPONSOR: Record<string, RegistrySchool['sponsor']> = {
  公办: '公办', 公立: '公办', 教育部门: '公办', 教育部门办: '公办', 地方教育部门: '公办', 其他部门: '公办', 地方企业: '公办',
  事业单位: '公办', 部队: '公办', 集体: '公办', 国有: '公办', 政府: '公办',
  民办: '民办', 私立: '民办', 社会力量: '民办', 民办学校: '民办',
};

const URBAN_RURAL: Record<string, RegistrySchool['urbanRural']> = {
  城区: '城区', 主城区: '城区', 城乡结合区: '城区', 城市: '城区', '111': '城区', '112': '城区',
  镇区: '镇区', 镇中心区: '镇区', 镇乡结合区: '镇区', 特殊区域: '镇区', 县镇: '镇区', '121': '镇区', '122': '镇区', '123': '镇区',
  乡村: '乡村', 乡中心区: '乡村', 村庄: '乡村', 农村: '乡村', '210': '乡村', '220': '乡村',
};

/** Other names of the pack's school types (the 学校类别 codes and common short forms). */
const TYPE_SYNONYMS: Record<string, string> = {
  '111': '幼儿园', 幼儿园: '幼儿园', 幼稚园: '幼儿园',
  '211': '小学', 普通小学: '小学', 完全小学: '小学', 小学: '小学',
  '311': '初级中学', 初中: '初级中学', 初级中学: '初级中学', 普通初中: '初级中学',
  '312': '九年一贯制学校', 九年一贯制: '九年一贯制学校', 九年制学校: '九年一贯制学校', 九年一贯制学校: '九年一贯制学校',
  '341': '完全中学', 完中: '完全中学', 完全中学: '完全中学',
  '342': '高级中学', 高中: '高级中学', 普通高中: '高级中学', 高级中学: '高级中学',
  '345': '十二年一贯制学校', 十二年一贯制: '十二年一贯制学校', 十二年一贯制学校: '十二年一贯制学校',
  '512': '特殊教育学校', 特殊教育学校: '特殊教育学校', 特教学校: '特殊教育学校', 特殊教育: '特殊教育学校',
};

const YES = new Set(['是', 'Y', 'YES', 'TRUE', '1', '普惠', '普惠性']);
const NO = new Set(['否', 'N', 'NO', 'FALSE', '0', '非普惠', '非普惠性', '']);

/** Text as a registry cell is compared: NFKC (full-width digits), no spaces. */
export function cellWord(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v).normalize('NFKC').replace(/\s+/g, '');
}

/** A 城乡分类 code may come with its name (“111 主城区”, “121镇中心区”): the code decides. */
function leadingCode(w: string): string {
  return /^(\d{3})\D/.exec(w)?.[1] ?? w;
}

export function sponsorOf(word: string): RegistrySchool['sponsor'] | undefined {
  return SPONSOR[word] ?? (word.startsWith('民办') ? '民办' : word.startsWith('公办') ? '公办' : undefined);
}

export function urbanRuralOf(word: string): RegistrySchool['urbanRural'] | undefined {
  return URBAN_RURAL[word] ?? URBAN_RURAL[leadingCode(word)];
}

/** The pack's school type a registry word names, or undefined (then the message lists the pack's). */
export function schoolTypeOf(pack: Pack, word: string): string | undefined {
  if (pack.schoolTypes.some((t) => t.id === word)) return word;
  const mapped = TYPE_SYNONYMS[word] ?? TYPE_SYNONYMS[leadingCode(word)];
  return mapped && pack.schoolTypes.some((t) => t.id === mapped) ? mapped : undefined;
}

export function puhuiOf(word: string): boolean | undefined {
  const w = word.toUpperCase();
  if (YES.has(w)) return true;
  if (NO.has(w)) return false;
  return undefined;
}
