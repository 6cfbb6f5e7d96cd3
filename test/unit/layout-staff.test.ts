// The staff sheets of the exported XNC workbook against FORMS.md §1.2, §1.6, §1.7, §1.8, cell by
// cell: titles, 填报单位 / 统计时点 line, headers, 甲/乙/1… row, row labels and codes (as text),
// blocked "-" cells, figures, the 教职工名册 columns and dropdowns; and the workbook reads back.
import { beforeAll, describe, expect, it } from 'vitest';
import type * as XLSX from 'xlsx';
import { seedPacks } from '../../shared/cli/seeds';
import { exportReport } from '../../shared/xlsx/export';
import { readReport } from '../../shared/xlsx/read';
import { columnLetter } from '../../shared/xlsx/addresses';
import { KINDERGARTEN, KINDERGARTEN_STAFF, NINE_YEAR, NINE_YEAR_STAFF, staffData } from '../fixtures/staff-school';
import { comparable } from '../fixtures/period-data';
import { merges, readBook, t, v, zipPart } from '../fixtures/xlsx-inspect';

const packs = seedPacks();
const pack = packs.get('luojiang')!;
const NOW = new Date('2025-09-16T08:00:00Z');
const T4149 = '教基4149 中小学教职工';
const T4148 = '教基4148 幼儿园教职工';
const T4153 = '教基4153 专任教师分年龄情况';
const T4155 = '教基4155 专任教师分课程、分学历情况';

// FORMS.md §1.2, in order (序号 first)
const STAFF_HEADERS = ['序号', '姓名', '性别', '出生年月', '民族', '岗位类别', '是否在编', '任教学段', '最高学历', '职称', '主要任教课程',
  '骨干级别', '信息技术培训线上学时', '信息技术培训实践学时', '本校连续任教年限', '本学年交流轮岗', '最近体检日期', '是否双师型', '备注'];
// §1.6, §1.7, §1.8
const COLS_4149 = ['教职工数', '专任教师', '行政人员', '教辅人员', '工勤人员', '其他', '校外教师', '银龄教师'];
const COLS_4148 = ['合计', '园长', '专任教师', '保健医', '保育员', '其他'];
const ROWS_4149 = [['总计', '01'], ['#女', '02'], ['#少数民族', '03'], ['#在编人员', '04']];
const COLS_4153 = ['合计', '#女', '24岁及以下', '25-29岁', '30-34岁', '35-39岁', '40-44岁', '45-49岁', '50-54岁', '55-59岁', '60岁及以上'];
const COLS_4155 = ['合计', '#女', '道德与法治', '语文', '数学', '外语', '英语', '日语', '俄语', '历史', '地理', '科学', '物理', '化学', '生物学',
  '信息科技', '体育与健康', '艺术', '音乐', '美术', '劳动', '综合实践活动', '其他', '本学年不授课'];
const TITLES = ['正高级', '副高级', '中级', '助理级', '员级', '未定职级'];
const EDUCATION = ['博士研究生', '硕士研究生', '本科', '专科', '高中阶段', '高中阶段以下'];
const block = (stage: string, rest: string[]) => [stage, '　#女', '　#少数民族', ...rest];

const row = (ws: XLSX.WorkSheet, r: number, n: number) => Array.from({ length: n }, (_, i) => v(ws, `${columnLetter(i + 1)}${r}`) ?? null);

/** Header row 3, the 甲/乙/1… row 4 and the rows from 5 of a one-header-row 基表. */
function expectFrame(ws: XLSX.WorkSheet, title: string, cols: string[], rows: string[]) {
  const W = cols.length + 2;
  expect(v(ws, 'A1')).toBe(title);
  expect(String(v(ws, 'A2'))).toMatch(/^填报单位：罗江区(万安学校|实验幼儿园)$/);
  // 统计时点 and unit right of the middle (merged to the last column)
  expect(v(ws, `${columnLetter(Math.floor(W / 2) + 1)}2`)).toBe('统计时点：2025年9月1日　单位：人');
  expect(row(ws, 3, W)).toEqual(['指标名称', '代码', ...cols]);
  expect(row(ws, 4, W)).toEqual(['甲', '乙', ...cols.map((_, i) => String(i + 1))]);
  rows.forEach((label, i) => {
    expect(v(ws, `A${5 + i}`)).toBe(label);
    expect(v(ws, `B${5 + i}`)).toBe(String(i + 1).padStart(2, '0'));
    expect(t(ws, `B${5 + i}`)).toBe('s');
  });
  expect(merges(ws)).toContain(`A1:${columnLetter(W)}1`);
  expect(String(v(ws, `A${5 + rows.length + 1}`))).toMatch(/^单位负责人：张明　统计负责人：李华　填表人：王芳　报出日期：2025-09-15$/);
}

describe('XNC workbook of a 九年一贯制学校 with a staff list', () => {
  let bytes: Uint8Array;
  let book: XLSX.WorkBook;
  const data = staffData(NINE_YEAR_STAFF);
  beforeAll(async () => {
    bytes = (await exportReport({ pack, school: NINE_YEAR, data, appVersion: '9.9.9', now: NOW })).bytes;
    book = readBook(bytes);
  });

  it('教职工名册 comes right after 班级名册; 4149, 4153, 4155 in that order; no 4148', () => {
    const names = book.SheetNames;
    expect(names.indexOf('教职工名册')).toBe(names.indexOf('班级名册') + 1);
    expect(names.filter((n) => n.startsWith('教基41'))).toEqual([T4149, T4153, T4155]);
  });

  it('教职工名册: the FORMS.md §1.2 columns, 出生年月 as text, a row as entered', () => {
    const ws = book.Sheets['教职工名册']!;
    expect(v(ws, 'A1')).toBe('教职工名册');
    expect(v(ws, 'A2')).toBe('填报单位：罗江区万安学校　期间：2025-2026 学年');
    expect(row(ws, 3, STAFF_HEADERS.length)).toEqual(STAFF_HEADERS);
    expect(row(ws, 4, 11)).toEqual([1, '教工1', '女', '1990-03', '汉族', '专任教师', '是', '小学', '本科', '中级', '语文']);
    expect(t(ws, 'D4')).toBe('s'); // 出生年月 stays text: Excel must not turn it into a date
    expect(v(ws, 'A21')).toBe(18);
    const xml = zipPart(bytes, `xl/worksheets/sheet${book.SheetNames.indexOf('教职工名册') + 1}.xml`);
    expect(xml).toMatch(/sqref="F4:F\d+"><formula1>&quot;专任教师,行政人员,教辅人员,工勤人员,其他,校外教师,银龄教师&quot;/);
    expect(xml).toMatch(/sqref="H4:H\d+"><formula1>&quot;小学,初中&quot;/);
    expect(xml).toMatch(/sqref="E4:E\d+"><formula1>&quot;汉族,蒙古族,回族,藏族,维吾尔族,苗族,彝族,壮族,布依族,朝鲜族,满族,侗族,瑶族,白族,土家族,哈尼族,哈萨克族,傣族,黎族,傈僳族,佤族,畲族,高山族,拉祜族,水族,东乡族,纳西族,景颇族,柯尔克孜族,土族,达斡尔族,仫佬族,羌族,布朗族,撒拉族,毛南族,仡佬族,锡伯族,阿昌族,普米族,塔吉克族,怒族,乌孜别克族,俄罗斯族,鄂温克族,德昂族,保安族,裕固族,京族,塔塔尔族,独龙族,鄂伦春族,赫哲族,门巴族,珞巴族,基诺族&quot;/);
    expect(xml).toMatch(/sqref="I4:I\d+"><formula1>&quot;博士研究生,硕士研究生,本科,专科,高中阶段,高中阶段以下&quot;/);
    expect(xml).toMatch(/sqref="J4:J\d+"><formula1>&quot;正高级,副高级,中级,助理级,员级,未定职级&quot;/);
    // the 4155 subjects without 艺术 (艺术 = 音乐 + 美术), and 本学年不授课
    expect(xml).toMatch(/sqref="K4:K\d+"><formula1>&quot;道德与法治,语文,数学,外语,英语,日语,俄语,历史,地理,科学,物理,化学,生物学,信息科技,体育与健康,音乐,美术,劳动,综合实践活动,其他,本学年不授课&quot;/);
    expect(xml).toMatch(/sqref="L4:L\d+"><formula1>&quot;无,区县级,市级,省级,国家级&quot;/);
    // Excel refuses an inline list over 255 characters: every dropdown here fits
    for (const m of xml.matchAll(/<formula1>&quot;(.*?)&quot;<\/formula1>/g)) expect(m[1]!.length + 2).toBeLessThanOrEqual(255);
  });

  it('教基4149: title, 统计时点/单位, headers 1…8, rows 01–04, figures', () => {
    const ws = book.Sheets[T4149]!;
    expectFrame(ws, T4149, COLS_4149, ROWS_4149.map(([l]) => l!));
    expect(v(ws, 'A2')).toBe('填报单位：罗江区万安学校');
    expect(row(ws, 5, 10).slice(2)).toEqual([16, 12, 1, 1, 1, 1, 1, 1]);
    expect(row(ws, 8, 10).slice(2)).toEqual([13, 11, 1, 1, 0, 0, 0, 0]);
  });

  it('教基4153: 小学 and 初中 blocks, codes 01–18 running on, #女 blocked on the #女 rows', () => {
    const ws = book.Sheets[T4153]!;
    expectFrame(ws, T4153, COLS_4153, [...block('小学', TITLES), ...block('初中', TITLES)]);
    for (const r of [6, 15]) expect(v(ws, `D${r}`)).toBe('-');
    expect(row(ws, 5, 13).slice(2)).toEqual([6, 4, 2, 0, 1, 1, 0, 0, 0, 1, 1]);
    expect(row(ws, 14, 13).slice(2)).toEqual([6, 3, 0, 1, 0, 1, 1, 1, 1, 1, 0]);
    expect(merges(ws)).toContain('A24:M24'); // signature line below 18 rows and a blank one
  });

  it('教基4155: 24 columns, 学历 rows per block, #女 blocked on the #女 rows', () => {
    const ws = book.Sheets[T4155]!;
    expectFrame(ws, T4155, COLS_4155, [...block('小学', EDUCATION), ...block('初中', EDUCATION)]);
    for (const r of [6, 15]) expect(v(ws, `D${r}`)).toBe('-');
    // 初中 row 10: 合计 6, #女 3, 数学 1, 外语 3 (日语 1, 俄语 1, another language 1), 艺术 1 = 美术 1, 本学年不授课 1
    expect(row(ws, 14, 26).slice(2)).toEqual([6, 3, 0, 0, 1, 3, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1]);
  });

  it('reads back: the staff list as entered, the computed tables agreeing', () => {
    const back = readReport(bytes, packs);
    expect(back.hashMismatches).toEqual([]);
    expect(back.warnings).toEqual([]);
    expect(comparable(back.data).sheets.staffList).toEqual(comparable(data).sheets.staffList);
  });
});

describe('XNC workbook of a 幼儿园', () => {
  it('教基4148 with the 幼儿园 categories, 4153 with one 学前教育 block, no 4149/4155; 岗位类别 dropdown of the 幼儿园', async () => {
    const r = await exportReport({ pack, school: KINDERGARTEN, data: staffData(KINDERGARTEN_STAFF), appVersion: '9.9.9', now: NOW });
    const book = readBook(r.bytes);
    expect(book.SheetNames.filter((n) => n.startsWith('教基41'))).toEqual([T4148, T4153]);
    const ws = book.Sheets[T4148]!;
    expectFrame(ws, T4148, COLS_4148, ROWS_4149.map(([l]) => l!));
    expect(row(ws, 5, 8).slice(2)).toEqual([8, 1, 3, 1, 2, 1]);
    const ws53 = book.Sheets[T4153]!;
    expectFrame(ws53, T4153, COLS_4153, block('学前教育', TITLES));
    expect(v(ws53, 'D6')).toBe('-');
    const xml = zipPart(r.bytes, `xl/worksheets/sheet${book.SheetNames.indexOf('教职工名册') + 1}.xml`);
    expect(xml).toMatch(/sqref="F4:F\d+"><formula1>&quot;园长,专任教师,保健医,保育员,其他&quot;/);
    expect(xml).toMatch(/sqref="H4:H\d+"><formula1>&quot;学前&quot;/);
  });
});
