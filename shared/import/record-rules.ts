// The value rules of a per-record import (shared/pack/schema-record-import.ts) applied to one
// record: what a cell's text means (是/否, 女, 汉族), which 学段/年级 a grade wording names, how a
// 班级 is written, and where a 随迁子女 came from. Pure functions; student-list.ts drives them.
import type { RecordImport, RecordTest } from '../pack/schema-record-import';
import type { Stage } from '../pack/schema';
import { cleanText } from '../model/clean-text';

/** Cell text → comparable form: NFKC (full-width → half-width), no spaces, lower case. */
export function norm(text: string | null | undefined): string {
  // cleaned first: a class name built from these cells is stored and exported (clean-text.ts)
  return cleanText(text ?? '').normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** One record: its cells by field key (normalised text, '' when blank). */
export type RecordCells = Record<string, string>;

/** A cell a test could not read (e.g. 是否留守儿童 “不详”): the field and the text. */
export interface Unreadable {
  field: string;
  text: string;
  why: string;
}

export interface TestEnv {
  rules: RecordImport;
  /** field keys the file has a column for */
  present: ReadonlySet<string>;
  /** the province most of the file's records are registered in (see homeProvince) */
  home: string | undefined;
  unreadable: (u: Unreadable) => void;
}

const has = (list: readonly string[] | undefined, v: string) => !!list?.some((w) => norm(w) === v);

/** 是 / 否 of a cell by the rule set's words and the field's own; undefined when it is neither. */
export function yesNo(rules: RecordImport, field: string, v: string): boolean | undefined {
  if (v === '' || has(rules.no, v)) return false;
  const f = rules.fields.find((x) => x.key === field);
  if (has(rules.yes, v) || has(f?.yes, v)) return true;
  if (f?.yesContains?.some((w) => v.includes(norm(w)))) return true;
  return undefined;
}

// GB/T 2260 province codes → the first two characters of the province's name (unique among them)
const PROVINCE_CODES: Record<string, string> = {
  '11': '北京', '12': '天津', '13': '河北', '14': '山西', '15': '内蒙', '21': '辽宁', '22': '吉林', '23': '黑龙',
  '31': '上海', '32': '江苏', '33': '浙江', '34': '安徽', '35': '福建', '36': '江西', '37': '山东', '41': '河南',
  '42': '湖北', '43': '湖南', '44': '广东', '45': '广西', '46': '海南', '50': '重庆', '51': '四川', '52': '贵州',
  '53': '云南', '54': '西藏', '61': '陕西', '62': '甘肃', '63': '青海', '64': '宁夏', '65': '新疆', '71': '台湾',
  '81': '香港', '82': '澳门',
};

/** The province of a 户口所在地 (四川省德阳市…, 510626, 内蒙古…): a two-character key, or undefined. */
export function provinceOf(hukou: string): string | undefined {
  const code = /^(\d{2})\d{4}/.exec(hukou);
  if (code) return PROVINCE_CODES[code[1]!];
  const key = hukou.slice(0, 2);
  return Object.values(PROVINCE_CODES).includes(key) ? key : undefined;
}

/** The school's province as the file shows it: the one most records are registered in (a
 * 随迁子女 is by definition from elsewhere, so the registered majority is the school's own). */
export function homeProvince(hukous: readonly string[]): string | undefined {
  const n = new Map<string, number>();
  for (const h of hukous) {
    const p = provinceOf(h);
    if (p) n.set(p, (n.get(p) ?? 0) + 1);
  }
  return [...n].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Where a 随迁子女 came from: a word in its 随迁 cell first (本省外县 before 外省: “本省外县” holds
 * “省外”), else 户口所在地's province against the school's. */
function origin(env: TestEnv, cells: RecordCells): 'otherProvince' | 'otherCounty' | undefined {
  const o = env.rules.origin;
  if (!o) return undefined;
  for (const f of o.fields) {
    const v = cells[f] ?? '';
    if (o.otherCounty.some((w) => v.includes(norm(w)))) return 'otherCounty';
    if (o.otherProvince.some((w) => v.includes(norm(w)))) return 'otherProvince';
  }
  const hukou = o.hukouField ? (cells[o.hukouField] ?? '') : '';
  const p = provinceOf(hukou);
  if (p && env.home) return p === env.home ? 'otherCounty' : 'otherProvince';
  env.unreadable({
    field: o.hukouField && env.present.has(o.hukouField) ? o.hukouField : o.fields.find((f) => env.present.has(f)) ?? o.fields[0]!,
    text: hukou,
    why: '是随迁子女，但没有写明外省迁入还是本省外县迁入，户口所在地也看不出省份',
  });
  return undefined;
}

/** Whether a record counts, by one test of the rule set; an unreadable cell is reported and counts as no. */
export function passes(env: TestEnv, t: RecordTest, cells: RecordCells): boolean {
  switch (t.kind) {
    case 'in':
      return has(t.values, cells[t.field] ?? '');
    case 'notIn': {
      const v = cells[t.field] ?? '';
      return v !== '' && !has(t.values, v);
    }
    case 'missing':
      return !env.present.has(t.field);
    case 'yes': {
      const v = cells[t.field] ?? '';
      const yn = yesNo(env.rules, t.field, v);
      if (yn === undefined) env.unreadable({ field: t.field, text: v, why: '不能判断是“是”还是“否”' });
      return yn === true;
    }
    case 'origin':
      return origin(env, cells) === t.is;
    case 'any':
      return t.of.some((x) => passes(env, x, cells));
    case 'all':
      return t.of.every((x) => passes(env, x, cells));
  }
}

export interface GradeMatch {
  stage: string;
  grade: string;
}

/**
 * A grade wording → 学段 and 年级 among the school's 学段: the first entry of the rules naming
 * it (一年级 of a 九年一贯制 school is 小学's), narrowed by the file's 学段 cell when it has one.
 * “2019级” (the cohort's entry year) only for a school with one 学段.
 */
export function matchGrade(rules: RecordImport, stages: readonly Stage[], text: string, stageText: string, startYear: number | undefined): GradeMatch | undefined {
  const v = norm(text);
  if (!v) return undefined;
  const allowed = stages.filter((s) => !stageText || norm(s.id) === norm(stageText));
  for (const g of rules.grades) {
    if (!allowed.some((s) => s.id === g.stage && s.grades.includes(g.grade))) continue;
    if (g.words.some((w) => norm(w) === v)) return { stage: g.stage, grade: g.grade };
  }
  const cohort = /^(\d{4})级$/.exec(v);
  if (rules.cohortGrades && cohort && startYear !== undefined && allowed.length === 1) {
    const grade = allowed[0]!.grades[startYear - Number(cohort[1])];
    if (grade) return { stage: allowed[0]!.id, grade };
  }
  return undefined;
}

/** The grade wording a 班级 cell starts with (三年级2班, 初一(3)班, 2019级3班), for a file with no 年级 column. */
export function gradeFromGroup(rules: RecordImport, stages: readonly Stage[], cell: string): string {
  const v = norm(cell);
  const cohort = /^\d{4}级/.exec(v);
  if (cohort) return cohort[0];
  let best = '';
  for (const g of rules.grades) {
    if (!stages.some((s) => s.id === g.stage)) continue;
    for (const w of g.words) if (norm(w).length > best.length && v.startsWith(norm(w))) best = norm(w);
  }
  return best;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一…九十九 → a number, or undefined. */
function chineseNumber(s: string): number | undefined {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return undefined;
  const [, a, ten, b] = m;
  if (!ten) return a && !b ? CN_DIGITS[a] : undefined;
  return (a ? CN_DIGITS[a]! : 1) * 10 + (b ? CN_DIGITS[b]! : 0);
}

/** 1…99 in Chinese numerals (幼儿园 小班一班). */
function chineseOf(n: number): string {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n]!;
  return `${n >= 20 ? d[Math.floor(n / 10)] : ''}十${d[n % 10]}`;
}

/** The class number in a 班级 cell: 2, 02, 2班, (2)班, 三年级(2)班, 三年级二班, 3.2, 3-2. */
export function classNumber(cell: string, gradeWords: readonly string[]): number | undefined {
  let v = norm(cell);
  for (const w of [...gradeWords].map(norm).sort((a, b) => b.length - a.length))
    if (w && v.startsWith(w)) {
      v = v.slice(w.length);
      break;
    }
  v = v.replace(/^第/, '').replace(/班$/, '').replace(/^[(\[【]/, '').replace(/[)\]】]$/, '');
  const pair = /^\d{1,2}[.\-_·]([0-9]{1,2})$/.exec(v);
  const text = pair ? pair[1]! : v;
  if (/^\d{1,2}$/.test(text)) return Number(text) || undefined;
  return chineseNumber(text);
}

/** The 班级名称 the ledger gets: the rule set's pattern when the number is readable, else the cell as written. */
export function className(rules: RecordImport, stage: string, gradeText: string, cell: string, gradeWords: readonly string[]): string {
  const n = classNumber(cell, [gradeText, ...gradeWords]);
  const raw = cell.normalize('NFKC').trim();
  if (n === undefined) return raw;
  const pattern = rules.groupNameByStage?.[stage] ?? rules.groupName;
  return pattern
    .replace('{grade}', gradeText.normalize('NFKC').replace(/\s+/g, ''))
    .replace('{n}', String(n))
    .replace('{cn}', chineseOf(n));
}
