// Enum values as other systems word them: the pack's synonyms (typed, pasted and imported text alike),
// the 对应 step's tally of values still unknown, and the 对应 map applied — on a 人事 export made as a
// 人事 system makes it (.xlsx with numeric 出生年月, and as a GBK CSV).
import { describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import type { LedgerColumn, LedgerSheet } from '../../shared/pack/schema';
import { parseInput } from '../../shared/model/values';
import { canonicalEnum, normaliseValue } from '../../shared/pack/synonyms';
import { enumValues } from '../../shared/pack/applicability';
import { decodeSpreadsheet } from '../../shared/import/decode';
import { detectHeader } from '../../shared/import/header';
import { convertRows } from '../../shared/import/convert';
import { readValueMap, ValueMapError, withChoice } from '../../shared/import/value-map';
import { CONVERTERS, planImport } from '../../shared/import/import-plan';
import { SCHOOL } from '../fixtures/small-school';
import { KINDERGARTEN } from '../fixtures/staff-school';
import { csvText, gbk, workbookBytes } from '../fixtures/import/make-files';
import { staffExportRows, UNKNOWN_ANSWERS } from '../fixtures/import/staff-export';

const pack = seedPacks().get('luojiang')!;
const staff = pack.sheets.staffList as LedgerSheet;
const col = (key: string) => staff.columns.find((c) => c.key === key)!;
const xnc = { pack, school: SCHOOL, submission: 'XNC', period: '2025-2026' };

describe('synonyms', () => {
  it.each([
    ['education', ['大学本科', '本科毕业', '本科'], '本科'],
    ['education', ['大学专科', '大专', '专科毕业'], '专科'],
    ['education', ['研究生', '硕士', '硕士研究生'], '硕士研究生'],
    ['education', ['博士'], '博士研究生'],
    ['education', ['中专', '高中', '职高', '中师'], '高中阶段'],
    ['education', ['初中及以下', '初中'], '高中阶段以下'],
    ['title', ['正高级教师'], '正高级'],
    ['title', ['高级教师', '中学高级教师', '中学高级', '小中高', '中高'], '副高级'],
    ['title', ['一级教师', '中学一级', '小学高级', '小学高级教师', '中一', '小高'], '中级'],
    ['title', ['二级教师', '小学一级', '中学二级', '小一'], '助理级'],
    ['title', ['三级教师', '小学二级', '小学三级'], '员级'],
    ['title', ['未评', '未定级', '无', '待定'], '未定职级'],
    ['inEstablishment', ['在编', '编内', '事业编', '是', 'Y', '√'], '是'],
    ['inEstablishment', ['编外', '临聘', '代课', '合同制', '否', 'N', '×'], '否'],
    ['gender', ['男性', 'M', 'male'], '男'],
    ['gender', ['女性', 'F'], '女'],
    ['post', ['教师', '任课教师'], '专任教师'],
    ['backbone', ['区级', '县级', '区县级'], '区县级'],
    ['rotated', ['有', '是', 'yes'], '是'],
    ['subject', ['思想品德', '道德与法治'], '道德与法治'],
    ['subject', ['生物', '初中生物'], '生物学'],
    ['subject', ['信息技术'], '信息科技'],
    ['subject', ['体育', '小学体育'], '体育与健康'],
  ])('%s: %j → %s', (key, inputs, value) => {
    for (const text of inputs) expect(parseInput(col(key), text), text).toBe(value);
  });

  it('every 民族 is also known without 族 (汉 → 汉族, 维吾尔 → 维吾尔族)', () => {
    const eth = col('ethnicity');
    for (const v of eth.values!) expect(parseInput(eth, v.slice(0, -1)), v).toBe(v);
  });

  it('ignores full/half width and spaces, and leaves every listed value as it is', () => {
    expect(parseInput(col('education'), '大学　本科')).toBe('本科');
    expect(parseInput(col('education'), ' 本 科 ')).toBe('本科');
    expect(parseInput(col('inEstablishment'), 'Ｙ')).toBe('是');
    expect(normaliseValue('Ｙ Ｅｓ')).toBe('yes');
    for (const sheet of Object.values(pack.sheets))
      if (sheet.kind === 'ledger')
        for (const c of sheet.columns) for (const v of c.values ?? []) expect(canonicalEnum(c, v), `${sheet.id}.${c.key}`).toBe(v);
  });

  it('an unknown value is kept as typed (trimmed), for the audit to flag', () => {
    expect(parseInput(col('title'), ' 特级教师 ')).toBe('特级教师');
    const text: LedgerColumn = { key: 'x', label: 'x', type: 'text' };
    expect(parseInput(text, ' 大专 ')).toBe('大专');
  });

  it('every enum column of the pack\'s lists has synonyms, each pointing at a value of the column', () => {
    const without: string[] = [];
    for (const sheet of Object.values(pack.sheets)) {
      if (sheet.kind !== 'ledger') continue;
      for (const c of sheet.columns) {
        if (c.type !== 'enum') continue;
        if (!c.synonyms || !Object.keys(c.synonyms).length) without.push(`${sheet.id}.${c.key}`);
        const allowed = new Set([...(c.values ?? []), ...Object.values(c.valuesBySchoolType ?? {}).flat(), ...pack.stages.flatMap((s) => [s.id, ...s.grades])]);
        for (const [from, to] of Object.entries(c.synonyms ?? {})) expect(allowed.has(to), `${sheet.id}.${c.key}: ${from} → ${to}`).toBe(true);
      }
    }
    expect(without).toEqual([]);
  });
});

function staffBook(name: string, bytes: Uint8Array) {
  const book = decodeSpreadsheet(name, bytes);
  const { headerRow, mapping } = detectHeader(staff.columns, book.sheets[0]!);
  return { rows: book.sheets[0]!.rows, headerRow: headerRow!, mapping };
}

describe('a 人事 export with its own wordings', () => {
  const xlsx = staffBook('花名册.xlsx', workbookBytes([{ name: '花名册', rows: staffExportRows(40), merges: ['A1:O1'] }]));

  it('reads numeric 出生年月 (1985.03, 198507) and turns the common wordings into the list\'s values', () => {
    const r = convertRows(staff, xlsx.rows, xlsx.headerRow, xlsx.mapping, xnc);
    expect(r.rows).toHaveLength(40);
    // the cells are numbers in the workbook, not text
    expect(typeof xlsx.rows[2]![4]).toBe('number');
    expect(r.rows.map((x) => x.values.birth)).toEqual(
      Array.from({ length: 40 }, (_, i) => `${1966 + ((i * 7) % 35)}-${String(1 + ((i * 5) % 9)).padStart(2, '0')}`),
    );
    const seen = (key: string) => [...new Set(r.rows.map((x) => x.values[key]).filter((v) => v !== undefined))].sort();
    expect(seen('education')).toEqual(['本科', '高中阶段', '专科', '硕士研究生'].sort());
    expect(seen('title')).toEqual(['副高级', '员级', '中级', '助理级', '未定职级'].sort());
    expect(seen('inEstablishment')).toEqual(['否', '是']);
    expect(seen('ethnicity')).toEqual(['汉族', '回族', '羌族', '彝族'].sort());
  });

  it('lists each value still unknown once per column with its count; the errors are exactly those cells', () => {
    const r = convertRows(staff, xlsx.rows, xlsx.headerRow, xlsx.mapping, xnc);
    expect(r.valueChoices!.map((c) => [c.label, c.value, c.count, c.to])).toEqual([
      ['岗位类别', '后勤', 3, undefined],
      ['主要任教课程', '心理健康', 4, undefined],
      ['骨干级别', '校级骨干', 4, undefined],
    ]);
    expect(r.valueChoices![0]!.allowed).toEqual(col('post').values);
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors).toHaveLength(11);
    expect(new Set(errors.map((p) => p.colKey))).toEqual(new Set(['post', 'subject', 'backbone']));
    expect(errors.every((p) => /不在可选值/.test(p.message))).toBe(true);
  });

  it('after one 对应 step the whole list has 0 errors; the choices are shown with the value chosen', () => {
    const r = convertRows(staff, xlsx.rows, xlsx.headerRow, xlsx.mapping, xnc, UNKNOWN_ANSWERS as never);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.invalid.size).toBe(0);
    expect(r.valueChoices!.map((c) => [c.value, c.to])).toEqual([['后勤', '工勤人员'], ['心理健康', '其他'], ['校级骨干', '无']]);
    expect(r.rows.filter((x) => x.values.post === '工勤人员')).toHaveLength(3);
  });

  it('the same list as a GBK CSV (as WPS saves it) converts the same', () => {
    const csv = staffBook('花名册.csv', gbk(csvText(staffExportRows(40))));
    const a = convertRows(staff, csv.rows, csv.headerRow, csv.mapping, xnc, UNKNOWN_ANSWERS as never);
    const b = convertRows(staff, xlsx.rows, xlsx.headerRow, xlsx.mapping, xnc, UNKNOWN_ANSWERS as never);
    expect(a.invalid.size).toBe(0);
    expect(a.rows.map((x) => x.values)).toEqual(b.rows.map((x) => x.values));
  });

  it('a map never changes a value the column allows, and matches ignoring width and spaces', () => {
    const rows = [['姓名', '性别', '出生年月', '民族', '岗位', '编制', '学历', '职称'], ['张三', '男', '1985-03', '汉族', '专任教师', '是', '本科', '中　级'], ['李四', '女', '1990-01', '汉族', '行政人员', '是', '本科', '特级 教师']];
    const { mapping } = detectHeader(staff.columns, { name: 's', rows });
    const r = convertRows(staff, rows, 0, mapping, xnc, { title: { 中级: '副高级', 特级教师: '副高级' } });
    expect(r.rows.map((x) => x.values.title)).toEqual(['中级', '副高级']);
  });

  it('a 幼儿园 is offered its own 岗位类别 list; 行政人员 is unknown there', () => {
    const rows = [['姓名', '性别', '出生年月', '民族', '岗位', '编制', '学历', '职称'], ['张三', '女', '1985-03', '汉族', '行政人员', '是', '专科', '未评'], ['李四', '女', '1990-01', '汉族', '保育老师', '否', '中专', '未评']];
    const { mapping } = detectHeader(staff.columns, { name: 's', rows });
    const r = convertRows(staff, rows, 0, mapping, { ...xnc, school: KINDERGARTEN });
    expect(r.rows[1]!.values.post).toBe('保育员');
    expect(r.valueChoices!.map((c) => [c.value, c.allowed])).toEqual([['行政人员', enumValues(pack, '幼儿园', col('post'))]]);
  });
});

describe('the 对应 map', () => {
  it('withChoice sets, replaces (ignoring width) and removes one answer', () => {
    let m = withChoice({}, 'title', '特级教师', '副高级');
    expect(m).toEqual({ title: { 特级教师: '副高级' } });
    m = withChoice(m, 'title', '特级 教师', '正高级');
    expect(m).toEqual({ title: { '特级 教师': '正高级' } });
    expect(withChoice(m, 'title', '特级教师', undefined)).toEqual({});
  });

  it('a --map file names columns by key or label; a wrong column or value is refused naming the file', () => {
    expect(readValueMap({ 职称: { 特级教师: '副高级' }, backbone: { 校级: '无' } }, staff, xnc, 'm.json')).toEqual({ title: { 特级教师: '副高级' }, backbone: { 校级: '无' } });
    const refused = (json: unknown) => {
      try {
        readValueMap(json, staff, xnc, 'm.json');
      } catch (e) {
        expect(e).toBeInstanceOf(ValueMapError);
        return (e as Error).message;
      }
      throw new Error('not refused');
    };
    expect(refused({ 职称: { 特级教师: '特级' } })).toContain('对应文件「m.json」：「职称」的“特级教师”对应到“特级”，但“特级”不是可选值');
    expect(refused({ 工号: { a: 'b' } })).toContain('「教职工名册」没有列“工号”');
    expect(refused({ 姓名: { a: 'b' } })).toContain('列「姓名」不是下拉选项列');
    expect(refused({ 职称: ['中级'] })).toContain('对应文件「m.json」格式不对');
  });

  it('planImport finds the worksheet whose header names the most columns, as the dialog does', () => {
    const book = decodeSpreadsheet('x.xlsx', workbookBytes([{ name: '说明', rows: [['本表由人事系统导出']] }, { name: '花名册', rows: staffExportRows(10) }]));
    const plan = planImport(staff, book, xnc, { valueMap: UNKNOWN_ANSWERS as never });
    expect(plan.sheetIndex).toBe(1);
    expect(plan.headerRow).toBe(1);
    expect(plan.converter).toBe('名单');
    expect(plan.result!.invalid.size).toBe(0);
  });

  it('another way of reading a worksheet plugs in as a converter (the seam a 学籍 per-student list uses)', () => {
    const book = decodeSpreadsheet('x.xlsx', workbookBytes([{ name: '花名册', rows: staffExportRows(10) }]));
    const seen: unknown[] = [];
    const counted = {
      name: '学生名单',
      accepts: (_: LedgerSheet, src: { name: string }) => src.name === '花名册',
      convert: (_s: LedgerSheet, _src: unknown, _t: unknown, map: unknown) => {
        seen.push(map);
        return { headerRow: 1, mapping: {}, description: '学生名单：10 名学生', result: { rows: [], problems: [], invalid: new Set<number>(), blankRows: 0 } };
      },
    };
    const plan = planImport(staff, book, xnc, { valueMap: { title: { 特级教师: '副高级' } }, converters: [counted, ...CONVERTERS] });
    expect([plan.converter, plan.description]).toEqual(['学生名单', '学生名单：10 名学生']);
    expect(seen).toEqual([{ title: { 特级教师: '副高级' } }]);
  });
});
