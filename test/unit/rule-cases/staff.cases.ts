// Rule cases of the staff forms: 教职工名册 (XNC-JZG-…), 教基4149/4148 (表间: 专任教师 = Σ 4153 学段合计),
// 4153 and 4155. The school is a 高级中学 (one 普通高中 block, codes 01–09) so that no other sheet
// of the XNC workbook has anything to say about a school without classes; a 幼儿园 for 4148.
//
// 教职工名册 columns: B 姓名, C 性别, D 出生年月, E 民族, F 岗位类别, G 是否在编, H 任教学段, I 最高学历,
// J 职称, K 主要任教课程; data from row 4 (s1 on row 4, s4 on row 7, s11 on row 14).
// 4149: C 教职工数, D 专任教师; 4148: E 专任教师; row 01 on sheet row 5.
// 4153 / 4155 rows 01…09 on sheet rows 5…13; C 合计, D #女; 4155 F 语文, H 外语, T 艺术.
import { loadPacks } from '../../../shared/pack/loader';
import { readSeedFiles } from '../../../shared/cli/seeds';
import type { LedgerRow, PeriodData } from '../../../shared/model/data';
import { KINDERGARTEN_STAFF, NINE_YEAR_STAFF, staffData } from '../../fixtures/staff-school';
import { statError, type Expected, type RuleCase } from './kit';

const HS = '高级中学';
const KG = '幼儿园';

/** The hand-made staff list with every 学段 made 普通高中: 12 专任教师 (s1–s9, s16–s18), all valid. */
const BASE: LedgerRow[] = NINE_YEAR_STAFF.map((r) => (r.stage ? { ...r, stage: '普通高中' } : r));
/** staff data with some rows changed: `{ 0: { title: null } }` changes s1 */
function hs(changes: Record<number, Partial<LedgerRow>> = {}): PeriodData {
  return staffData(BASE.map((r, i) => ({ ...r, ...changes[i] }) as LedgerRow));
}
function kg(changes: Record<number, Partial<LedgerRow>> = {}): PeriodData {
  return staffData(KINDERGARTEN_STAFF.map((r, i) => ({ ...r, ...changes[i] }) as LedgerRow));
}

/** A finding on 教职工名册 row `index` (0-based; ids s1… in the school, k1… in the 幼儿园). */
const list = (severity: Expected['severity'], index: number, colKey: string, cell: string, says?: string, prefix = 's'): Expected => ({
  severity, sheetId: 'staffList', row: { kind: 'ledger', index, id: `${prefix}${index + 1}` }, colKey, cell, says,
});

/**
 * The 罗江 pack with 教基4155 edited by hand the way a bureau might get it wrong: `col`'s filter
 * lists only `subjects`. The 外语/艺术 checks exist for exactly this: in the app every cell is
 * computed, so only a wrong sheet definition can break them.
 */
function packWith4155Column(col: string, subjects: string[]) {
  const files = readSeedFiles().map((f) => structuredClone(f));
  const lib = files.find((f) => f.path === 'seeds/forms/national-xnc-staff.json')!.json as {
    sheets: { id: string; columns: { key: string; where?: { field: string; in?: string[] }[] }[] }[];
  };
  lib.sheets.find((s) => s.id === 'jj4155')!.columns.find((c) => c.key === col)!.where = [{ field: 'subject', in: subjects }];
  return loadPacks(files).get('luojiang')!;
}

export const CASES: RuleCase[] = [
  // ---- 教职工名册: generic rules ----
  {
    rule: 'XNC-JZG-REQ', name: '姓名 missing',
    pass: { type: HS, data: hs() },
    fail: { type: HS, data: hs({ 0: { name: null } }) },
    expect: [list('error', 0, 'name', 'B4', '必填项未填')],
  },
  {
    rule: 'XNC-JZG-TYPE', name: '出生年月 "85年3月" does not parse (1985.3 or 1985年3月 would)',
    pass: { type: HS, data: hs({ 0: { birth: '1985-03' } }) },
    fail: { type: HS, data: hs({ 0: { birth: '85年3月' } }) },
    expect: [list('error', 0, 'birth', 'D4', '应为年月（如 1985-03），现为“85年3月”')],
    // s1 has no age band: 合计 ≠ Σ 年龄段 on 普通高中 (01), #女 (02) and 中级 (06)
    others: [['XNC-4153-02', 'C5'], ['XNC-4153-02', 'C6'], ['XNC-4153-02', 'C10']],
  },
  {
    rule: 'XNC-JZG-ENUM', name: '岗位类别 代课教师 (not a 4149 category)',
    pass: { type: HS, data: hs({ 9: { post: '教辅人员' } }) },
    fail: { type: HS, data: hs({ 9: { post: '代课教师' } }) },
    expect: [list('error', 9, 'post', 'F13', '“代课教师”不在可选值（专任教师、行政人员、教辅人员、工勤人员、其他、校外教师、银龄教师）中')],
  },
  {
    rule: 'XNC-JZG-ENUM', name: '幼儿园: 岗位类别 行政人员 is not one of 园长/专任教师/保健医/保育员/其他',
    pass: { type: KG, data: kg({ 7: { post: '其他' } }) },
    fail: { type: KG, data: kg({ 7: { post: '行政人员' } }) },
    expect: [list('error', 7, 'post', 'F11', '（园长、专任教师、保健医、保育员、其他）', 'k')],
  },
  {
    rule: 'XNC-JZG-ENUM', name: '主要任教课程 艺术: recorded as 音乐 or 美术 (艺术 = 音乐 + 美术)',
    pass: { type: HS, data: hs({ 3: { subject: '美术' } }) },
    fail: { type: HS, data: hs({ 3: { subject: '艺术' } }) },
    expect: [list('error', 3, 'subject', 'K7', '“艺术”不在可选值')],
    // s4 (女, 专科) then counts in 4155 合计 but under no course: rows 01, 02 and 07 专科
    others: [['XNC-4155-04', 'C5'], ['XNC-4155-04', 'C6'], ['XNC-4155-04', 'C11']],
  },
  // ---- 教职工名册: the pack's column checks ----
  {
    rule: 'XNC-JZG-01', name: '专任教师 without 任教学段 (a 行政人员 without one is fine)',
    pass: { type: HS, data: hs({ 9: { stage: null } }) },
    fail: { type: HS, data: hs({ 0: { stage: null } }) },
    expect: [list('error', 0, 'stage', 'H4', '专任教师须填写任教学段（岗位类别为“专任教师”）')],
    others: [['XNC-4149-01', 'D5']], // 12 专任教师 in 4149, 11 in 4153
  },
  {
    rule: 'XNC-JZG-W01', name: '专任教师 61 warns; 60 does not, nor a 银龄教师 of 63 (s15)',
    pass: { type: HS, data: hs({ 3: { birth: '1965-09' } }) }, // 60 on 2025-09-01
    fail: { type: HS, data: hs({ 3: { birth: '1964-08' } }) },
    expect: [list('warning', 3, 'birth', 'D7', '专任教师年龄超过 60 周岁，现为 61 周岁（统计时点 2025-09-01）')],
  },
  {
    rule: 'XNC-JZG-W02', name: 'born 2007-10: 17 on 9月1日 warns; 2007-09 (18) does not',
    pass: { type: HS, data: hs({ 10: { birth: '2007-09' } }) },
    fail: { type: HS, data: hs({ 10: { birth: '2007-10' } }) },
    expect: [list('warning', 10, 'birth', 'D14', '出生年月推算年龄不满 18 周岁，现为 17 周岁')],
  },
  // ---- 表间: 4149 / 4148 专任教师 = Σ 4153 学段合计 ----
  {
    rule: 'XNC-4149-01', name: 'a 专任教师 of 初中 in a 高级中学 counts in 4149 but in no 4153 block',
    pass: { type: HS, data: hs({ 0: { stage: '普通高中' } }) },
    fail: { type: HS, data: hs({ 0: { stage: '初中' } }) },
    expect: [statError('jj4149', '01', 'teachers', 'D5', '专任教师数应等于教基4153 各学段专任教师合计之和（12 ≠ 教基4153 专任教师分年龄情况 11）')],
    others: [['XNC-JZG-ENUM', 'H4']],
  },
  {
    rule: 'XNC-4148-01', name: '幼儿园: a 专任教师 without 学段 counts in 4148 but not in 4153 学前教育',
    pass: { type: KG, data: kg({ 1: { stage: '学前' } }) },
    fail: { type: KG, data: kg({ 1: { stage: null } }) },
    expect: [statError('jj4148', '01', 'teachers', 'E5', '（3 ≠ 教基4153 专任教师分年龄情况 2）')],
    others: [['XNC-JZG-01', 'H5']],
  },
  // ---- 教基4153 ----
  {
    rule: 'XNC-4153-01', name: '职称 missing: 学段合计 ≠ Σ 职称 in 合计, #女 and the 35-39岁 band of s1',
    pass: { type: HS, data: hs({ 0: { title: '中级' } }) },
    fail: { type: HS, data: hs({ 0: { title: null } }) },
    expect: [
      statError('jj4153', '01', 'total', 'C5', '学段合计 = 正高级 + 副高级 + 中级 + 助理级 + 员级 + 未定职级（12 ≠ 11）'),
      statError('jj4153', '01', 'female', 'D5', '（7 ≠ 6）'),
      statError('jj4153', '01', 'a35', 'H5', '（2 ≠ 1）'), // s1 35 and s6 39
    ],
    others: [['XNC-JZG-REQ', 'J4']],
  },
  {
    rule: 'XNC-4153-02', name: '出生年月 missing: 合计 ≠ Σ 年龄段 on the rows of s1',
    pass: { type: HS, data: hs({ 0: { birth: '1990-03' } }) },
    fail: { type: HS, data: hs({ 0: { birth: null } }) },
    expect: [
      statError('jj4153', '01', 'total', 'C5', '合计 = 各年龄段人数之和（12 ≠ 11）'),
      statError('jj4153', '02', 'total', 'C6', '（7 ≠ 6）'),
      statError('jj4153', '06', 'total', 'C10', '（4 ≠ 3）'), // 中级: s1, s6, s16, s17
    ],
    others: [['XNC-JZG-REQ', 'D4']],
  },
  // ---- 教基4155 ----
  {
    rule: 'XNC-4155-01', name: '最高学历 missing: 学段合计 ≠ Σ 学历 in 合计, #女 and 语文',
    pass: { type: HS, data: hs({ 0: { education: '本科' } }) },
    fail: { type: HS, data: hs({ 0: { education: null } }) },
    expect: [
      statError('jj4155', '01', 'total', 'C5', '（12 ≠ 11）'),
      statError('jj4155', '01', 'female', 'D5', '（7 ≠ 6）'),
      statError('jj4155', '01', 'chinese', 'F5', '（1 ≠ 0）'),
    ],
    others: [['XNC-JZG-REQ', 'I4']],
  },
  {
    rule: 'XNC-4155-02', name: 'a pack whose 外语 column forgets 俄语: the 俄语 teacher s6 breaks 外语 ≥ 英语+日语+俄语',
    // 外语 ≥ (not =) the three: s7 teaches another language (主要任教课程 外语), so on row 01 the
    // missing 俄语 teacher is hidden by s7; on #女 (s3 英, s6 俄, s16 日, s17 英) it shows
    pass: { type: HS, pack: packWith4155Column('foreignLang', ['外语', '英语', '日语']), data: hs({ 5: { subject: '英语' } }) },
    fail: { type: HS, pack: packWith4155Column('foreignLang', ['外语', '英语', '日语']), data: hs() },
    expect: [statError('jj4155', '02', 'foreignLang', 'H6', '外语不得小于 英语 + 日语 + 俄语（外语还含其他语种）（英语+日语+俄语 4 > 外语 3）')],
    // s6 (女, 本科) is then under no course
    others: [['XNC-4155-04', 'C5'], ['XNC-4155-04', 'C6'], ['XNC-4155-04', 'C10']],
  },
  {
    rule: 'XNC-4155-03', name: 'a pack whose 艺术 column forgets 美术: 艺术 ≠ 音乐 + 美术 where s8 (美术, 女, 博士) counts',
    pass: { type: HS, pack: packWith4155Column('arts', ['音乐']), data: hs({ 7: { subject: '音乐' } }) },
    fail: { type: HS, pack: packWith4155Column('arts', ['音乐']), data: hs() },
    expect: [
      statError('jj4155', '01', 'arts', 'T5', '艺术 = 音乐 + 美术（1 ≠ 2）'),
      statError('jj4155', '02', 'arts', 'T6', '（1 ≠ 2）'),
      statError('jj4155', '04', 'arts', 'T8', '（0 ≠ 1）'),
    ],
    others: [['XNC-4155-04', 'C5'], ['XNC-4155-04', 'C6'], ['XNC-4155-04', 'C8']],
  },
  {
    rule: 'XNC-4155-04', name: '主要任教课程 missing: 合计 ≠ Σ 课程 on the rows of s1 (女, 本科)',
    pass: { type: HS, data: hs({ 0: { subject: '本学年不授课' } }) },
    fail: { type: HS, data: hs({ 0: { subject: null } }) },
    expect: [
      statError('jj4155', '01', 'total', 'C5', '合计应等于各课程之和（12 ≠ 11）'),
      statError('jj4155', '02', 'total', 'C6', '（7 ≠ 6）'),
      statError('jj4155', '06', 'total', 'C10', '（6 ≠ 5）'), // 本科: s1 s3 s6 s7 s16 s18
    ],
  },
];
