// What the user sees is what is read (年月 and dates as Excel displays them, an ambiguous 1973.1
// flagged, impossible dates refused with the reason), defaults before the check, and text cleaned
// on import with the cells named — on files made as Excel, a 人事系统 and a WPS csv make them.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { seedPacks } from '../../shared/cli/seeds';
import type { LedgerSheet } from '../../shared/pack/schema';
import { decodeSpreadsheet } from '../../shared/import/decode';
import { detectHeader } from '../../shared/import/header';
import { convertRows, describeProblem, type ConversionResult } from '../../shared/import/convert';
import { newRowDefaults } from '../../shared/pack/row-defaults';
import { SCHOOL } from '../fixtures/small-school';
import { csvText, gbk, utf8 } from '../fixtures/import/make-files';

const pack = seedPacks().get('luojiang')!;
const staff = pack.sheets.staffList as LedgerSheet;
const classes = pack.sheets.classList as LedgerSheet;
const sample = pack.sheets.sampleLog as LedgerSheet;
const xnc = { pack, school: SCHOOL, submission: 'XNC', period: '2025-2026' };
const spaq = { pack, school: SCHOOL, submission: 'SPAQ', period: '2025-10' };

const HEAD = ['姓名', '性别', '出生年月', '民族', '岗位类别', '是否在编', '最高学历', '职称'];
const rest = ['汉族', '专任教师', '是', '本科', '中级'];

/** A workbook as Excel keeps it: each cell with its own number format (`0.00`, a date format…). */
async function excelBytes(rows: { v: string | number | null; fmt?: string }[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('教职工');
  rows.forEach((row, r) =>
    row.forEach((c, i) => {
      const cell = ws.getCell(r + 1, i + 1);
      cell.value = c.v;
      if (c.fmt) cell.numFmt = c.fmt;
    }),
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function convert(sheet: LedgerSheet, file: string, bytes: Uint8Array, target = xnc): ConversionResult & { say: string[] } {
  const book = decodeSpreadsheet(file, bytes);
  const s = book.sheets[0]!;
  const { headerRow, mapping } = detectHeader(sheet.columns, s);
  const r = convertRows(sheet, s, headerRow!, mapping, target);
  return { ...r, say: r.problems.map((p) => `${p.severity} ${describeProblem(s.name, p)}`) };
}

describe('年月 as Excel shows it', () => {
  it('reads 1973.10 formatted 0.00 as October, warns on a bare 1973.1, takes a date cell as its month', async () => {
    const t = (s: string) => ({ v: s });
    const bytes = await excelBytes([
      HEAD.map(t),
      [t('张三'), t('男'), { v: 1973.1, fmt: '0.00' }, ...rest.map(t)],
      [t('李四'), t('女'), { v: 1985.1 }, ...rest.map(t)],
      [t('王五'), t('男'), { v: 1990.11 }, ...rest.map(t)],
      [t('赵六'), t('女'), { v: 26938, fmt: 'yyyy"年"m"月"' }, ...rest.map(t)],
      [t('钱七'), t('男'), { v: 1979.06, fmt: '0.00' }, ...rest.map(t)],
    ]);
    const r = convert(staff, '人事导出.xlsx', bytes);
    expect(r.rows.map((x) => x.values.birth)).toEqual(['1973-10', '1985-01', '1990-11', '1973-10', '1979-06']);
    expect(r.say).toEqual(['warning 工作表「教职工」第3行 C列「出生年月」：「出生年月」1985.1 可能是 1985年1月 或 1985年10月，已按 1985-01 导入，请核对']);
    expect(r.invalid.size).toBe(0);
  });

  it('in a csv, 1973.10 is October without a word and 1973.1 is imported only with the warning', () => {
    const csv = csvText([HEAD, ['张三', '男', '1973.10', ...rest], ['李四', '女', '1973.1', ...rest], ['王五', '男', '1973.2', ...rest]]);
    const r = convert(staff, '人事.csv', gbk(csv));
    expect(r.rows.map((x) => x.values.birth)).toEqual(['1973-10', '1973-01', '1973-02']);
    expect(r.say).toEqual(['warning 工作表「人事」第3行 C列「出生年月」：「出生年月」1973.1 可能是 1973年1月 或 1973年10月，已按 1973-01 导入，请核对']);
  });

  it('impossible dates are errors naming the cell and saying why', () => {
    const csv = csvText([HEAD, ['张三', '男', '1973.13', ...rest], ['李四', '女', '0000-00', ...rest]]);
    const r = convert(staff, '人事.csv', utf8(csv, true));
    expect(r.invalid).toEqual(new Set([0, 1]));
    expect(r.say).toEqual([
      'error 工作表「人事」第2行 C列「出生年月」：「出生年月」应为年月（如 1985-03），现为“1973.13”（日期不存在）',
      'error 工作表「人事」第3行 C列「出生年月」：「出生年月」应为年月（如 1985-03），现为“0000-00”（日期不存在）',
    ]);
    const log = csvText([
      ['日期', '餐次', '菜品名称', '留样量(克)', '留样时间', '留样人'],
      ['2025-02-30', '午餐', '米饭', '150', '11:40', '赵敏'],
      ['0000-00-00', '午餐', '米饭', '150', '11:40', '赵敏'],
      ['2025-10-09', '午餐', '米饭', '150', '11:40', '赵敏'],
    ]);
    const s = convert(sample, '留样.csv', utf8(log, false), spaq);
    expect(s.say.filter((x) => x.startsWith('error'))).toEqual([
      'error 工作表「留样」第2行 A列「日期」：「日期」应为日期（如 2025-09-01），现为“2025-02-30”（日期不存在）',
      'error 工作表「留样」第3行 A列「日期」：「日期」应为日期（如 2025-09-01），现为“0000-00-00”（日期不存在）',
    ]);
  });
});

describe('defaults before the check', () => {
  it('a 小学 per-class file without a 学段 column gets 学段 = 小学 and shows no error for it', () => {
    const csv = csvText([['年级', '班级名称', '学生数'], ['一年级', '一年级1班', '40'], ['二年级', '二年级1班', '38']]);
    const r = convert(classes, '班级.csv', utf8(csv, false));
    expect(newRowDefaults(pack, '小学', classes.columns)).toEqual({ stage: '小学' });
    expect(r.rows.map((x) => x.values.stage)).toEqual(['小学', '小学']);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('a 九年一贯制 school has two 学段: nothing is filled, the missing 学段 is an error', () => {
    const csv = csvText([['年级', '班级名称', '学生数'], ['一年级', '一年级1班', '40']]);
    const r = convert(classes, '班级.csv', utf8(csv, false), { ...xnc, school: { ...SCHOOL, type: '九年一贯制学校' } });
    expect(r.rows[0]!.values.stage).toBeUndefined();
    expect(r.say.some((x) => x.startsWith('error') && x.includes('学段'))).toBe(true);
  });
});

describe('control characters in an imported file', () => {
  it('a csv whose row 5,000 holds a NUL is read, the cell cleaned and named in the preview', () => {
    const rows = [['年级', '班级名称', '学生数', '备注']];
    for (let i = 1; i <= 5000; i++) rows.push(['一年级', `一年级${i}班`, '40', i === 4999 ? '转\u0000入\u0007' : '']);
    const r = convert(classes, '班级.csv', utf8(csvText(rows), false));
    expect(r.rows).toHaveLength(5000);
    expect(r.rows[4998]!.values.remark).toBe('转入');
    expect(r.say).toEqual(['warning 工作表「班级」第5000行 D列「备注」：「备注」含有无法保存到 Excel 文件的字符（控制字符 U+0000、控制字符 U+0007），已删除']);
  });

  it('a file that is mostly control characters is still refused as not a table', () => {
    const junk = new Uint8Array(3000).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(() => decodeSpreadsheet('x.csv', junk)).toThrow(/不是电子表格或文本表格/);
  });

  it('an .xlsx cell holding escaped control characters (_x0001_) is cleaned and named', async () => {
    const bytes = await excelBytes([
      ['年级', '班级名称', '学生数', '班主任'].map((v) => ({ v })),
      // as Excel stores a control character: the escape _x0001_ (ExcelJS writes the text as is)
      [{ v: '一年级' }, { v: '一年级1班' }, { v: 40 }, { v: '张_x0001_老师\uFFFE' }],
    ]);
    const r = convert(classes, '班级.xlsx', bytes);
    expect(r.rows[0]!.values.headTeacher).toBe('张老师');
    expect(r.say).toEqual(['warning 工作表「教职工」第2行 D列「班主任」：「班主任」含有无法保存到 Excel 文件的字符（控制字符 U+0001、非字符 U+FFFE），已删除']);
  });
});
