// 学籍 per-pupil lists counted into 班级名册: generated exports (title row, 身份证件号 as text,
// 出生日期 as text or date, 班级 in several wordings, shuffled pupils), each class's figures checked
// against a tally made from what the generated pupils are — and 教基3112 computed from the result.
import { describe, expect, it } from 'vitest';
import { readSeedFiles, seedPacks } from '../../shared/cli/seeds';
import { loadPacks } from '../../shared/pack/loader';
import type { LedgerSheet, Pack, StatSheet } from '../../shared/pack/schema';
import { decodeSpreadsheet } from '../../shared/import/decode';
import { describeProblem } from '../../shared/import/convert';
import { importRecordList, type RecordListResult } from '../../shared/import/student-list';
import { computeStatTable } from '../../shared/compute/stat-table';
import { className, provinceOf } from '../../shared/import/record-rules';
import type { LedgerRow, PeriodData } from '../../shared/model/data';
import { SCHOOL } from '../fixtures/small-school';
import { csvText, gbk, workbookBytes } from '../fixtures/import/make-files';
import { makePupils, pupilGrid, pupilWorkbook, tally, type Pupil, type Tally } from '../fixtures/import/student-files';

const pack = seedPacks().get('luojiang')!;
const classes = pack.sheets.classList as LedgerSheet;
const target = (type = SCHOOL.type, p: Pack = pack) => ({ pack: p, school: { ...SCHOOL, type }, submission: 'XNC', period: '2025-2026' });
const PRIMARY = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级'];
const TWELVE: [number, number][] = PRIMARY.flatMap((_, g) => [[g, 1], [g, 2]] as [number, number][]);

/** The result's rows as className → figures, the shape the tally has. */
function figures(r: RecordListResult): Map<string, Tally> {
  const keys = ['students', 'female', 'minority', 'boarding', 'migrantOut', 'migrantIn', 'workerOut', 'workerIn', 'leftBehind', 'disabled'] as const;
  return new Map(r.rows.map((row) => [String(row.values.className), Object.fromEntries(keys.map((k) => [k, row.values[k]])) as unknown as Tally]));
}

const errors = (r: RecordListResult) => r.problems.filter((p) => p.severity === 'error');

function run(bytes: Uint8Array, name = '学生名单.xlsx', type?: string) {
  const book = decodeSpreadsheet(name, bytes);
  const r = importRecordList(classes, book, target(type));
  if (!r) throw new Error('not recognised as a per-pupil list');
  return { book, r };
}

describe('a 500-pupil 学籍 export of a 小学 over 12 classes', () => {
  const pupils = makePupils(500, TWELVE, 11);
  const key = (p: Pupil) => `${PRIMARY[p.grade]}（${p.klass}）班`;
  const grid = pupilGrid(pupils, { grades: PRIMARY, migrantColumn: 'yesNo' });
  const { r } = run(pupilWorkbook(grid));

  it('is recognised: 500 pupils, 12 classes, no problem', () => {
    expect(r.summary).toEqual({ records: 500, groups: 12, uncounted: 0 });
    expect(r.guess.headerRow).toBe(1);
    expect(errors(r)).toEqual([]);
  });

  it('every class figure equals the tally of the pupils (随迁 split by 户口所在地 province)', () => {
    expect(figures(r)).toEqual(tally(pupils, key));
    expect(r.rows.every((row) => row.values.stage === '小学')).toBe(true);
  });

  it('holds no name, ID number or birth date of any pupil', () => {
    const text = JSON.stringify(r.rows) + JSON.stringify(r.problems) + JSON.stringify(r.rules) + JSON.stringify(r.grades);
    for (const p of pupils) for (const s of [p.name, p.id, p.birth]) expect(text).not.toContain(s);
  });

  it('教基3112 computed from the counted class list: 在校生数 per 年级 and every group row', () => {
    const rows: LedgerRow[] = r.rows.map((row, i) => ({ id: `c${i}`, ...row.values }));
    const data: PeriodData = { submission: 'XNC', period: '2025-2026', status: '草稿', version: 0, reportDate: '2025-09-15', sheets: { classList: { rows } } };
    const sheet = pack.sheets.jj3112 as StatSheet;
    const table = computeStatTable(sheet, data);
    const col = (k: string) => sheet.columns.findIndex((c) => c.key === k);
    const value = (code: string, k: string) => table.rows.find((x) => x.code === code)!.cells[col(k)]!.value;
    const sum = (f: (p: Pupil) => boolean, grade?: number) => pupils.filter((p) => f(p) && (grade === undefined || p.grade === grade)).length;
    expect(value('01', 'total')).toBe(500);
    PRIMARY.forEach((_, g) => expect(value('01', `g${g + 1}`)).toBe(sum(() => true, g)));
    expect(value('01', 'female')).toBe(sum((p) => p.female));
    expect(value('02', 'total')).toBe(sum((p) => p.female));
    expect(value('03', 'total')).toBe(sum((p) => p.ethnicity !== '汉族'));
    expect(value('05', 'total')).toBe(sum((p) => p.boarding));
    expect(value('06', 'total')).toBe(sum((p) => p.origin !== null));
    expect(value('07', 'total')).toBe(sum((p) => p.origin === 'otherProvince'));
    expect(value('09', 'total')).toBe(sum((p) => p.worker));
    expect(value('11', 'total')).toBe(sum((p) => p.worker && p.origin === 'otherCounty'));
    expect(value('12', 'total')).toBe(sum((p) => p.leftBehind));
    expect(value('13', 'total')).toBe(sum((p) => p.disabled));
    expect(value('06', 'expected')).toBe(sum((p) => p.origin !== null, 5));
  });

  it('the preview rules name the source column of every count', () => {
    const female = r.rules.find((l) => l.column === '女')!;
    expect(female.sources).toEqual(['C 性别']);
    expect(r.rules.find((l) => l.column === '随迁子女(外省迁入)')!.sources).toEqual(expect.arrayContaining(['H 户口所在地', 'K 是否随迁子女']));
    expect(r.rules.find((l) => l.column === '不保存')!.sources).toEqual(expect.arrayContaining(['B 姓名', 'D 出生日期', 'G 身份证件号']));
    expect(r.grades.map((g) => [g.text, g.stage, g.grade]).sort()).toEqual(PRIMARY.map((g) => [g, '小学', g]).sort());
  });
});

describe('other exports of the same kind', () => {
  it('出生日期 as Excel dates and 户口所在地 as 行政区划 codes give the same figures', () => {
    const pupils = makePupils(300, TWELVE, 5);
    const { r } = run(pupilWorkbook(pupilGrid(pupils, { grades: PRIMARY, migrantColumn: 'yesNo', birthAsDate: true, hukouAsCode: true })));
    expect(errors(r)).toEqual([]);
    expect(figures(r)).toEqual(tally(pupils, (p) => `${PRIMARY[p.grade]}（${p.klass}）班`));
  });

  it('a GBK csv with 1年级-style grades, 3.2-style classes and 外省迁入/本省外县迁入 words', () => {
    const grades = PRIMARY.map((_, i) => `${i + 1}年级`);
    const pupils = makePupils(260, TWELVE, 7);
    const grid = pupilGrid(pupils, { grades, migrantColumn: 'origin', classCell: (g, n) => `${g.replace('年级', '')}.${n}` }) as (string | number | null)[][];
    const { book, r } = run(gbk(csvText(grid)), '学生名单.csv');
    expect(book.encoding).toBe('gb18030'); // GBK is read as its superset
    expect(r.summary).toMatchObject({ records: 260, groups: 12 });
    expect(errors(r)).toEqual([]);
    expect(figures(r)).toEqual(tally(pupils, (p) => `${grades[p.grade]}（${p.klass}）班`));
    expect(r.rows.find((x) => x.values.className === '3年级（2）班')!.values.grade).toBe('三年级');
  });

  it('a school system\'s list with no 年级 column: 班级 “三年级2班” names the grade', () => {
    const pupils = makePupils(300, TWELVE, 13);
    const grid = pupilGrid(pupils, { grades: PRIMARY, migrantColumn: 'origin', classCell: (g, n) => `${g}${n}班` }).map((row) => row.filter((_, c) => c !== 8));
    grid[7]![8] = '火箭班'; // Excel row 8, 班级 now in column I: no grade in it
    const { r } = run(pupilWorkbook(grid));
    expect(r.summary).toMatchObject({ records: 300, uncounted: 1 });
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => [p.sourceRow, p.sourceCol, p.message])).toEqual([[8, 'I', expect.stringContaining('班级“火箭班”看不出是本校（小学）哪个年级')]]);
    const want = tally(pupils.filter((_, i) => i !== 5), (p) => `${PRIMARY[p.grade]}（${p.klass}）班`);
    expect(figures(r)).toEqual(want);
  });

  it('a 九年一贯制 school: 七年级…九年级 are 初中 一年级…三年级; without a 随迁 column 进城务工 pupils count as 随迁', () => {
    const grades = [...PRIMARY, '七年级', '八年级', '九年级'];
    const list: [number, number][] = [[0, 1], [5, 1], [6, 1], [6, 2], [7, 1], [8, 1]];
    const pupils = makePupils(180, list, 3, { migrantsAreWorkers: true });
    const { r } = run(pupilWorkbook(pupilGrid(pupils, { grades })), 'x.xlsx', '九年一贯制学校');
    expect(errors(r)).toEqual([]);
    expect(figures(r)).toEqual(tally(pupils, (p) => `${grades[p.grade]}（${p.klass}）班`, false));
    const seventh = r.rows.find((x) => x.values.className === '七年级（2）班')!;
    expect([seventh.values.stage, seventh.values.grade]).toEqual(['初中', '一年级']);
    expect(r.rows.find((x) => x.values.className === '一年级（1）班')!.values.stage).toBe('小学');
  });

  it('a 幼儿园: 托班/小班/中班/大班 are 学前, classes named 小班一班 as the app names them', () => {
    const grades = ['托班', '小班', '中班', '大班'];
    const pupils = makePupils(120, [[0, 1], [1, 1], [1, 2], [3, 1]], 9);
    const { r } = run(pupilWorkbook(pupilGrid(pupils, { grades, migrantColumn: 'yesNo' })), 'x.xlsx', '幼儿园');
    expect(errors(r)).toEqual([]);
    expect(figures(r)).toEqual(tally(pupils, (p) => `${grades[p.grade]}${'一二三'[p.klass - 1]}班`));
    expect(r.rows.map((x) => x.values.stage)).toEqual(['学前', '学前', '学前', '学前']);
  });

  it('初一/高一 wordings and 2023级 cohorts (single-学段 school only)', () => {
    const pupils = makePupils(60, [[0, 1], [1, 1]], 2);
    const { r } = run(pupilWorkbook(pupilGrid(pupils, { grades: ['2025级', '2024级'], migrantColumn: 'yesNo' })), 'x.xlsx', '初级中学');
    expect(errors(r)).toEqual([]);
    expect(r.rows.map((x) => [x.values.stage, x.values.grade, x.values.className]).sort()).toEqual([['初中', '一年级', '2025级（1）班'], ['初中', '二年级', '2024级（1）班']]);
    const nine = run(pupilWorkbook(pupilGrid(pupils, { grades: ['2025级', '2024级'] })), 'x.xlsx', '九年一贯制学校').r;
    expect(nine.summary.uncounted).toBe(60); // 2025级 of a 九年一贯制 school may be 小学 or 初中 entry
    const senior = run(pupilWorkbook(pupilGrid(pupils, { grades: ['高一', '高二'], migrantColumn: 'yesNo' })), 'x.xlsx', '完全中学').r;
    expect(senior.rows.map((x) => [x.values.stage, x.values.grade]).sort()).toEqual([['普通高中', '一年级'], ['普通高中', '二年级']]);
  });
});

describe('what cannot be counted is named, never dropped', () => {
  const pupils = makePupils(50, [[0, 1], [1, 1]], 4);
  const grid = pupilGrid(pupils, { grades: PRIMARY, migrantColumn: 'yesNo' });
  grid[5]![8] = '七年级'; // 年级 (I) of Excel row 6: not a 小学 grade
  grid[9]![2] = '未知'; // 性别 (C) of Excel row 10
  grid[12]![12] = '不详'; // 是否留守儿童 (M) of Excel row 13
  const { r } = run(pupilWorkbook(grid));

  it('an unreadable 年级 is a problem naming sheet, row and column; the pupil is not counted', () => {
    expect(r.summary).toMatchObject({ records: 50, uncounted: 1 });
    const texts = r.problems.map((p) => describeProblem('学生基础信息', p));
    expect(texts).toContainEqual(expect.stringMatching(/^工作表「学生基础信息」第6行 I列「年级」：年级“七年级”不是本校学段（小学）的年级/));
    expect(texts).toContainEqual(expect.stringMatching(/^工作表「学生基础信息」第10行 C列「性别」：性别“未知”不是可识别的值/));
    expect(texts).toContainEqual(expect.stringMatching(/^工作表「学生基础信息」第13行 M列「是否留守儿童」：是否留守儿童“不详”不能判断/));
    expect(r.rows.reduce((s, x) => s + Number(x.values.students), 0)).toBe(49);
  });

  it('a class with an unreadable pupil is not imported until the file is fixed (its figures would be wrong)', () => {
    const at = (p: Pupil) => r.rows.findIndex((x) => x.values.className === `${PRIMARY[p.grade]}（${p.klass}）班`);
    const badClasses = new Set([at(pupils[7]!), at(pupils[10]!)]); // grid rows 10 and 13
    expect(r.invalid).toEqual(badClasses);
  });
});

describe('recognition and rules as data', () => {
  it('a per-class file is not a pupil list', () => {
    const rows = [['学段', '年级', '班级', '学生人数', '女生', '班主任姓名'], ['小学', '一年级', '一年级（1）班', 40, 20, '王芳']];
    expect(importRecordList(classes, decodeSpreadsheet('x.xlsx', workbookBytes([{ name: 'a', rows }])), target())).toBeUndefined();
  });

  it('another bureau changes the rules in its pack: a 性别 of F counts as 女, 学号 recognises the file', () => {
    const rules = structuredClone(classes.recordImport!);
    rules.fields.find((f) => f.key === 'gender')!.values = ['M', 'F'];
    rules.counts.find((c) => c.column === 'female')!.test = { kind: 'in', field: 'gender', values: ['F'] };
    const other: Pack = { ...pack, sheets: { ...pack.sheets, classList: { ...classes, recordImport: rules } } };
    const rows = [['学号', '年级', '班级', '性别'], ['1', '一年级', '1班', 'F'], ['2', '一年级', '1班', 'M'], ['3', '一年级', '1班', 'F']];
    const r = importRecordList(other.sheets.classList as LedgerSheet, decodeSpreadsheet('x.xlsx', workbookBytes([{ name: 'a', rows }])), target(SCHOOL.type, other))!;
    expect(r.rows.map((x) => [x.values.className, x.values.students, x.values.female])).toEqual([['一年级（1）班', 3, 2]]);
  });

  it('a pack whose rules count into a column or read a field that does not exist is refused, naming the path', () => {
    const files = structuredClone(readSeedFiles());
    const xnc = files.find((f) => f.path === 'seeds/forms/national-xnc.json')!.json as { sheets: { id: string; recordImport?: { counts: { column: string; test: unknown }[] } }[] };
    const rules = xnc.sheets.find((s) => s.id === 'classList')!.recordImport!;
    rules.counts[0]!.column = 'girls';
    rules.counts[1]!.test = { kind: 'notIn', field: 'nation', values: ['汉族'] };
    expect(() => loadPacks(files)).toThrow(/recordImport\.counts\[0\]\.column: 本表没有列 "girls"[\s\S]*recordImport\.counts\[1\]\.test: fields 中没有 "nation"/);
  });

  it('班级 wordings of one class all become the same 班级名称; an unreadable one is kept as written', () => {
    const rules = classes.recordImport!;
    const words = ['三年级', '3年级'];
    const names = ['三年级(2)班', '三年级（2）班', '三年级 2 班', '三年级二班', '3.2', '3-2', '2班', '(2)班', '02', '第2班', 2].map((c) => className(rules, '小学', '三年级', String(c), words));
    expect(new Set(names)).toEqual(new Set(['三年级（2）班']));
    expect(className(rules, '小学', '三年级', '302', words)).toBe('302');
    expect(className(rules, '学前', '小班', '小(12)班', ['小班', '小'])).toBe('小班十二班');
  });

  it('户口所在地 provinces from text or GB/T 2260 codes', () => {
    expect(['四川省德阳市罗江区', '510626', '云南省昭通市', '530602', '内蒙古自治区', '北京市', '某地'].map(provinceOf)).toEqual(['四川', '四川', '云南', '云南', '内蒙', '北京', undefined]);
  });
});
