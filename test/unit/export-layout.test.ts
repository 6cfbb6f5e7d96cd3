// The exported XNC and SPAQ workbooks against the layout of FORMS.md §0, §1.3, §1.4, §2.1,
// cell by cell: sheet order, titles, 填报单位 line, headers and merges, 甲/乙/1… row, labels and
// codes (as text), blocked "-", signature line, frozen panes, page setup, dropdowns, _meta.
import { beforeAll, describe, expect, it } from 'vitest';
import type * as XLSX from 'xlsx';
import { seedPacks } from '../../shared/cli/seeds';
import { exportReport } from '../../shared/xlsx/export';
import { SCHOOL, spaqData, xncData } from '../fixtures/small-school';
import { merges, readBook, t, v, zipPart } from '../fixtures/xlsx-inspect';

const pack = seedPacks().get('luojiang')!;
const NOW = new Date('2025-09-16T08:00:00Z');
const T3112 = '教基3112 小学分类型学生数';
const T2106 = '教基2106 小学班额情况';

// FORMS.md §1.3 rows, verbatim (full-width space indents the sub-rows)
const ROWS_3112 = [
  ['总计', '01'], ['#女', '02'], ['#少数民族', '03'], ['#复式班', '04'], ['#寄宿生', '05'], ['#随迁子女', '06'],
  ['　外省迁入', '07'], ['　本省外县迁入', '08'], ['#进城务工人员随迁子女', '09'], ['　外省迁入', '10'],
  ['　本省外县迁入', '11'], ['#农村留守儿童', '12'], ['#残疾学生(随班就读)', '13'],
];
const BINS_2106 = ['总计', '25人及以下', '26-30人', '31-35人', '36-40人', '41-45人', '46-50人', '51-55人', '56-60人', '61-65人', '66人及以上'];
const GRADES = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级'];

let xnc: { fileName: string; bytes: Uint8Array };
let book: XLSX.WorkBook;
beforeAll(async () => {
  xnc = await exportReport({ pack, school: SCHOOL, data: xncData(undefined, { '01:graduates': 61, '01:enrol': 78, '01:pre3': 78 }), appVersion: '9.9.9', now: NOW });
  book = readBook(xnc.bytes);
});

describe('XNC workbook of a 小学', () => {
  it('is named {标识码}_{名称}_{代号}_{期间}.xlsx', () => {
    expect(xnc.fileName).toBe('5106260001_罗江区实验小学_XNC_2025-2026.xlsx');
  });

  it('has exactly the sheets of a 小学 in the XNC order, then 校验说明 and a hidden _meta', () => {
    expect(book.SheetNames).toEqual(['封面', '班级名册', '教职工名册', T3112, T2106, '教基4149 中小学教职工', '教基4153 专任教师分年龄情况',
      '教基4155 专任教师分课程、分学历情况', '残疾学生情况', '办学条件与优质均衡', '教师发展', '学生发展与满意度', '校验说明', '_meta']);
    expect(book.Workbook?.Sheets?.map((s) => s.Hidden ?? 0)).toEqual([...Array(13).fill(0), 1]);
  });

  it('封面 holds the key/value rows of FORMS.md §0 (no 普惠 row for a 小学)', () => {
    const ws = book.Sheets['封面']!;
    const keys = ['报表名称', '学校名称', '学校标识码', '办学类型', '举办者', '所在乡镇（街道）', '城乡分类', '期间', '统计时点',
      '单位负责人', '统计负责人', '填表人', '联系电话', '报出日期', '审核状态', '版本号'];
    expect(keys.map((_, i) => v(ws, `A${i + 2}`))).toEqual(keys);
    const values = ['学年初统计报表', '罗江区实验小学', '5106260001', '小学', '公办', '万安街道', '城区', '2025-2026', '2025-09-01',
      '张明', '李华', '王芳', '0838-6212345', '2025-09-15', '草稿', 0];
    expect(keys.map((_, i) => v(ws, `B${i + 2}`))).toEqual(values);
    expect(t(ws, 'B4')).toBe('s'); // 学校标识码 kept as text, leading digits intact
  });

  it('教基3112: title, 填报单位 and 统计时点/单位 line', () => {
    const ws = book.Sheets[T3112]!;
    expect(v(ws, 'A1')).toBe(T3112);
    expect(v(ws, 'A2')).toBe('填报单位：罗江区实验小学');
    expect(v(ws, 'I2')).toBe('统计时点：2025年9月1日　单位：人');
    expect(merges(ws)).toEqual(expect.arrayContaining(['A1:Q1', 'A2:H2', 'I2:Q2']));
  });

  it('教基3112: two-level headers, merged where FORMS.md merges them', () => {
    const ws = book.Sheets[T3112]!;
    const top = ['指标名称', '代码', '毕业生数', '招生数', '招生数中接受学前教育年限', null, null, null, '在校生数', '#女', ...GRADES, '预计毕业生数'];
    expect(top.map((_, i) => v(ws, `${String.fromCharCode(65 + i)}3`) ?? null)).toEqual(top);
    expect(['E4', 'F4', 'G4', 'H4'].map((a) => v(ws, a))).toEqual(['未接受过', '一年', '两年', '三年']);
    expect(merges(ws)).toEqual(expect.arrayContaining(['E3:H3', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'I3:I4', 'J3:J4', 'Q3:Q4']));
    const numbers = ['甲', '乙', ...Array.from({ length: 15 }, (_, i) => String(i + 1))];
    expect(numbers.map((_, i) => v(ws, `${String.fromCharCode(65 + i)}5`))).toEqual(numbers);
  });

  it('教基3112: row labels and codes (codes as text), blocked #女 on row 02, computed figures', () => {
    const ws = book.Sheets[T3112]!;
    ROWS_3112.forEach(([label, code], i) => {
      expect(v(ws, `A${6 + i}`)).toBe(label);
      expect(v(ws, `B${6 + i}`)).toBe(code);
      expect(t(ws, `B${6 + i}`)).toBe('s');
    });
    expect(v(ws, 'J7')).toBe('-');
    expect(v(ws, 'I6')).toBe(180); // 在校生数 总计
    expect(v(ws, 'J6')).toBe(93); // #女 of 总计 = row 02's 在校生数
    expect(['K6', 'L6', 'M6', 'N6', 'O6', 'P6', 'Q6'].map((a) => v(ws, a))).toEqual([78, 0, 45, 0, 0, 57, 57]);
    expect(v(ws, 'C6')).toBe(61);
    expect(v(ws, 'C7')).toBeUndefined(); // entered but empty stays empty
    expect(v(ws, 'A20')).toBe('单位负责人：张明　统计负责人：李华　填表人：王芳　报出日期：2025-09-15');
    expect(merges(ws)).toContain('A20:Q20');
  });

  it('教基2106: one header row, codes 01–11 with the FORMS.md bins, counts of classes', () => {
    const ws = book.Sheets[T2106]!;
    expect(v(ws, 'A1')).toBe(T2106);
    expect(v(ws, 'E2')).toBe('统计时点：2025年9月1日　单位：个');
    expect(['A3', 'B3', 'C3', 'D3', 'E3', 'F3', 'G3', 'H3', 'I3'].map((a) => v(ws, a))).toEqual(['指标名称', '代码', '合计', ...GRADES]);
    expect(['A4', 'B4', 'C4', 'I4'].map((a) => v(ws, a))).toEqual(['甲', '乙', '1', '7']);
    BINS_2106.forEach((label, i) => {
      expect(v(ws, `A${5 + i}`)).toBe(label);
      expect(v(ws, `B${5 + i}`)).toBe(String(i + 1).padStart(2, '0'));
    });
    expect(['C5', 'D5', 'F5', 'I5', 'C9', 'C13'].map((a) => v(ws, a))).toEqual([4, 2, 1, 1, 2, 1]);
  });

  it('班级名册: ledger layout with 序号 and the FORMS.md §1.1 columns', () => {
    const ws = book.Sheets['班级名册']!;
    const headers = ['序号', '学段', '年级', '班级名称', '学生数', '女', '少数民族', '寄宿生', '随迁子女(外省迁入)', '随迁子女(本省外县迁入)',
      '进城务工人员随迁子女(外省迁入)', '进城务工人员随迁子女(本省外县迁入)', '农村留守儿童', '残疾学生(随班就读)', '是否复式班', '班主任', '备注'];
    expect(headers.map((_, i) => v(ws, `${String.fromCharCode(65 + i)}3`))).toEqual(headers);
    expect(v(ws, 'A2')).toBe('填报单位：罗江区实验小学　期间：2025-2026 学年');
    expect(['A4', 'B4', 'C4', 'D4', 'E4'].map((a) => v(ws, a))).toEqual([1, '小学', '一年级', '一年级1班', 40]);
    expect(v(ws, 'A7')).toBe(4);
  });

  it('look: frozen panes, A4 landscape fit to one page wide, print titles, dropdowns', () => {
    const sheet3 = zipPart(xnc.bytes, 'xl/worksheets/sheet4.xml'); // 教基3112, after 封面, 班级名册, 教职工名册
    expect(sheet3).toMatch(/<pane xSplit="2" ySplit="5" topLeftCell="C6"[^>]*state="frozen"/);
    expect(sheet3).toMatch(/<pageSetup[^>]*paperSize="9"[^>]*orientation="landscape"/);
    expect(sheet3).toMatch(/fitToWidth="1"/);
    expect(sheet3).toMatch(/fitToHeight="0"/);
    expect(sheet3).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    const wb = zipPart(xnc.bytes, 'xl/workbook.xml');
    expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="3">&apos;${T3112}&apos;!$3:$5</definedName>`);
    const sheet2 = zipPart(xnc.bytes, 'xl/worksheets/sheet2.xml');
    expect(sheet2).toMatch(/<dataValidation type="list" allowBlank="1" showErrorMessage="1"[^>]*sqref="B4:B\d+"><formula1>&quot;小学&quot;<\/formula1>/);
    expect(sheet2).toMatch(/sqref="C4:C\d+"><formula1>&quot;一年级,二年级,三年级,四年级,五年级,六年级&quot;<\/formula1>/);
    expect(sheet2).toMatch(/sqref="O4:O\d+"><formula1>&quot;是,否&quot;<\/formula1>/);
  });

  it('_meta: format, pack, school, period, version, status and a hash per sheet', () => {
    const ws = book.Sheets['_meta']!;
    const rows = new Map<string, unknown>();
    for (let r = 1; ws[`A${r}`]; r++) rows.set(String(v(ws, `A${r}`)), v(ws, `B${r}`));
    expect([...rows.keys()].slice(0, 12)).toEqual(['format', 'pack', 'packVersion', 'submission', 'period', 'schoolCode', 'schoolName',
      'schoolType', 'version', 'status', 'exportedAt', 'appVersion']);
    expect(rows.get('format')).toBe('xiaobiao-report/2');
    expect(rows.get('exportedAt')).toBe('2025-09-16T08:00:00.000Z');
    for (const name of ['封面', '班级名册', T3112, T2106, '校验说明', '_meta', 'all']) expect(rows.get(`sha256:${name}`)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('SPAQ 食品留样记录', () => {
  it('dates are real Excel dates (yyyy-mm-dd), times hh:mm, formula-like text stays text', async () => {
    const r = await exportReport({ pack, school: SCHOOL, data: spaqData(), appVersion: '9.9.9', now: NOW });
    const wb = readBook(r.bytes);
    expect(wb.SheetNames.slice(0, 2)).toEqual(['封面', '食品留样记录']);
    expect(wb.SheetNames.slice(-2)).toEqual(['校验说明', '_meta']);
    const ws = wb.Sheets['食品留样记录']!;
    expect(v(ws, 'A1')).toBe('食品留样记录');
    expect(v(ws, 'A2')).toBe('填报单位：罗江区实验小学　期间：2025年10月');
    expect(['A3', 'B3', 'C3', 'D3', 'E3', 'F3', 'G3', 'H3', 'I3', 'J3'].map((a) => v(ws, a)))
      .toEqual(['序号', '日期', '餐次', '菜品名称', '留样量(克)', '留样时间', '留样人', '处理时间', '处理人', '备注']);
    expect(t(ws, 'B4')).toBe('n');
    expect(v(ws, 'B4')).toBe(45939); // 2025-10-09
    expect((ws['B4'] as XLSX.CellObject).z).toBe('yyyy-mm-dd');
    expect((ws['F4'] as XLSX.CellObject).z).toBe('hh:mm');
    expect(v(ws, 'F4')).toBeCloseTo(11 / 24 + 40 / 1440, 12);
    expect(v(ws, 'H4')).toBeCloseTo(45941 + 11 / 24 + 45 / 1440, 9);
    const xml = zipPart(r.bytes, 'xl/worksheets/sheet2.xml');
    expect(xml).not.toContain('<f>');
    for (const addr of ['D5', 'J5', 'J6']) expect(xml).toMatch(new RegExp(`<c r="${addr}"[^>]*t="s"`));
    expect(v(ws, 'D5')).toBe('=HYPERLINK("http://x")');
  });
});
