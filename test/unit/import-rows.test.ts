// Header detection, column matching by name and synonym, conversion and per-row problems.
import { describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import type { LedgerSheet } from '../../shared/pack/schema';
import { decodeSpreadsheet } from '../../shared/import/decode';
import { chooseSheet, detectHeader, matchColumns, normaliseHeader } from '../../shared/import/header';
import { convertRows, describeProblem } from '../../shared/import/convert';
import { SCHOOL } from '../fixtures/small-school';
import { STAFF_ROWS, workbookBytes, type Grid } from '../fixtures/import/make-files';

const pack = seedPacks().get('luojiang')!;
const staff = pack.sheets.staffList as LedgerSheet;
const classes = pack.sheets.classList as LedgerSheet;
const sample = pack.sheets.sampleLog as LedgerSheet;
const xnc = { pack, school: SCHOOL, submission: 'XNC', period: '2025-2026' };

describe('headers', () => {
  it('normalises full-width text, spaces, line breaks, 必填 marks and brackets', () => {
    expect(normaliseHeader('＊姓　名\n（必填）')).toBe('姓名');
    expect(normaliseHeader('留样量（克）')).toBe(normaliseHeader('留样量(克)'));
    expect(normaliseHeader('【班级名称】')).toBe('班级名称');
  });

  it('finds the header under a merged title row and matches synonyms', () => {
    const book = decodeSpreadsheet('名册.xlsx', workbookBytes([{ name: '教职工', rows: STAFF_ROWS, merges: ['A1:I1'] }]));
    const guess = detectHeader(staff.columns, book.sheets[0]!);
    expect(guess.headerRow).toBe(1);
    expect(guess.mapping).toMatchObject({ name: 0, gender: 1, birth: 2, ethnicity: 3, post: 4, inEstablishment: 5, stage: 6, education: 7, title: 8 });
  });

  it('reads a two-row header whose group cell is merged over its parts', () => {
    const rows: Grid = [
      ['年级', '班级', '学生数', '随迁子女', null],
      [null, null, null, '外省迁入', '本省外县迁入'],
    ];
    const book = decodeSpreadsheet('班级.xlsx', workbookBytes([{ name: '班级', rows, merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1'] }]));
    const guess = detectHeader(classes.columns, book.sheets[0]!);
    expect(guess.headerRow).toBe(1);
    expect(guess.mapping).toMatchObject({ grade: 0, className: 1, students: 2, migrantOut: 3, migrantIn: 4 });
  });

  it('chooses the sheet whose header names the most columns', () => {
    const book = decodeSpreadsheet('x.xlsx', workbookBytes([{ name: '封面', rows: [['学校', '姓名']] }, { name: '名册', rows: STAFF_ROWS }]));
    expect(chooseSheet(staff.columns, book.sheets).index).toBe(1);
  });
});

describe('convertRows', () => {
  it('parses Chinese dates and year-months, skips blank rows, keeps Excel row numbers', () => {
    const book = decodeSpreadsheet('名册.xlsx', workbookBytes([{ name: '教职工', rows: STAFF_ROWS }]));
    const src = book.sheets[0]!.rows;
    const { mapping } = detectHeader(staff.columns, book.sheets[0]!);
    const r = convertRows(staff, src, 1, mapping, xnc);
    expect(r.blankRows).toBe(1);
    expect(r.rows.map((x) => x.sourceRow)).toEqual([3, 4, 6]);
    expect(r.rows.map((x) => x.values.birth)).toEqual(['1985-03', '1990-11', '1979-06']);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.invalid.size).toBe(0);
  });

  it('accepts every date form in a date column (2025-9-1, 2025/9/1, 2025.9.1, 2025年9月1日, a serial, full-width)', () => {
    const rows: Grid = [
      ['日期', '餐次', '菜品', '留样量（克）', '留样时间', '留样人'],
      ...['2025-10-1', '2025/10/2', '2025.10.3', '2025年10月4日', 45935, '２０２５－１０－６'].map((d) => [d, '午餐', '米饭', 125, '11:30', '赵敏']),
    ];
    const spaq = { pack, school: SCHOOL, submission: 'SPAQ', period: '2025-10' };
    const { mapping } = detectHeader(sample.columns, { name: 's', rows });
    const r = convertRows(sample, rows, 0, mapping, spaq);
    expect(r.rows.map((x) => x.values.date)).toEqual(['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06']);
    expect(r.rows[0]!.values.amount).toBe(125);
  });

  it('names sheet, row, column letter and header of each problem; an error makes its row invalid', () => {
    const rows: Grid = [
      ['2025学年班级名册'],
      ['学段', '年级', '班级', '学生人数', '女生'],
      ['小学', '一年级', '1班', 40, 20],
      ['小学', '七年级', '2班', 38, 18], // 七年级 is not a grade of 小学
      ['小学', '二年级', null, '四十', 50], // 班级 missing, 学生数 not a number
      ['小学', '三年级', '3班', 30, 31], // 女 > 学生数
    ];
    const { headerRow, mapping } = detectHeader(classes.columns, { name: '名册', rows });
    expect(headerRow).toBe(1);
    const r = convertRows(classes, rows, headerRow!, mapping, xnc);
    expect([...r.invalid].sort()).toEqual([1, 2, 3]);
    const text = r.problems.map((p) => describeProblem('名册', p));
    expect(text).toContain('工作表「名册」第4行 B列「年级」：「年级」“七年级”不在可选值（一年级、二年级、三年级、四年级、五年级、六年级）中');
    expect(text.some((t) => t.startsWith('工作表「名册」第5行 C列「班级」：「班级名称」必填项未填'))).toBe(true);
    expect(text.some((t) => t.startsWith('工作表「名册」第5行 D列「学生人数」：「学生数」应为非负整数'))).toBe(true);
    expect(text.some((t) => t.startsWith('工作表「名册」第6行 E列「女生」：「女」'))).toBe(true);
    expect(r.rows[0]!.values).toEqual({ stage: '小学', grade: '一年级', className: '1班', students: 40, female: 20 });
  });

  it('keeps an ID-like number in a text column as its digits', () => {
    const rows: Grid = [['姓名', '健康证编号'], ['赵敏', 510626198501011234]];
    const part = pack.sheets.foodStaff as LedgerSheet;
    const spaq = { pack, school: SCHOOL, submission: 'SPAQ', period: '2025-10' };
    const r = convertRows(part, rows, 0, { name: 0, certNo: 1 }, spaq);
    expect(String(r.rows[0]!.values.certNo)).toMatch(/^5106261985010\d{5}$/);
  });
});
