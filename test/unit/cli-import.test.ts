// `xiaobiao import` end to end, in-process, on files made as schools have them: a 人事 .xlsx with its
// own wordings and numeric 出生年月, the same list as a GBK CSV; the 对应 file; refusals (exit 2,
// Chinese, naming file, worksheet, row and column) that leave no output file behind.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import { readSchoolDataFile } from '../../shared/model/data-file';
import { findPeriod, type SchoolData } from '../../shared/model/data';
import { runAudit } from '../../shared/audit/run';
import { withImportedRows } from '../../shared/cli/import-command';
import { cliRunner, type CliRun } from '../fixtures/cli-run';
import { csvText, gbk, workbookBytes } from '../fixtures/import/make-files';
import { staffExportRows, UNKNOWN_ANSWERS } from '../fixtures/import/staff-export';
import { makePupils, pupilGrid, pupilWorkbook, tally } from '../fixtures/import/student-files';

const run = cliRunner('2025-10-31');
const pack = seedPacks().get('luojiang')!;
let dir: string;
let school: string;
let xlsx: string;
let csv: string;
let map: string;
const at = (name: string) => join(dir, name);
const read = (path: string): SchoolData => readSchoolDataFile(path, readFileSync(path));
const staffRows = (data: SchoolData) => findPeriod(data, 'XNC', '2025-2026')!.sheets.staffList?.rows ?? [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xiaobiao-import-'));
  school = at('school.json');
  expect((await run('demo', '--type', '小学', '--out', school)).code).toBe(0);
  xlsx = at('花名册.xlsx');
  writeFileSync(xlsx, workbookBytes([{ name: '花名册', rows: staffExportRows(40), merges: ['A1:O1'] }]));
  csv = at('人事导出.csv');
  writeFileSync(csv, gbk(csvText(staffExportRows(40, 3))));
  map = at('对应.json');
  // columns named by label and by key, as a school would write them
  writeFileSync(map, JSON.stringify({ 岗位类别: UNKNOWN_ANSWERS.post, subject: UNKNOWN_ANSWERS.subject, 骨干级别: UNKNOWN_ANSWERS.backbone }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refused(r: CliRun, ...says: string[]) {
  expect(r.code, r.err.join('\n')).toBe(2);
  expect(r.out).toEqual([]);
  const err = r.err.join('\n');
  expect(err).toMatch(/^错误：/);
  for (const s of says) expect(err).toContain(s);
}

const importArgs = (file: string, out: string, ...more: string[]) =>
  ['import', '--data', school, '--period', '2025-2026', '--sheet', 'staffList', ...more, file, '--out', out];

describe('xiaobiao import', () => {
  it('refuses a 人事 list with values no synonym knows, listing each once with its count and how to give it in --map', async () => {
    const out = at('refused.json');
    const r = await run(...importArgs(xlsx, out));
    refused(r, '文件「花名册.xlsx」工作表「花名册」有 10 行有错误，没有导入任何行', '--skip-bad-rows', '「岗位类别」“后勤” ×3', '「主要任教课程」“心理健康” ×4', '「骨干级别」“校级骨干” ×4', '--map');
    // the example names every unknown value under its column
    const example = r.err.find((l) => l.trim().startsWith('{'))!;
    expect(Object.keys(JSON.parse(example))).toEqual(['岗位类别', '主要任教课程', '骨干级别']);
    expect(existsSync(out)).toBe(false);
  });

  it('with the 对应 file, appends all 40 rows in the list\'s own values; the period audits without errors', async () => {
    const out = at('school2.json');
    const before = staffRows(read(school));
    const r = await run(...importArgs(xlsx, out, '--map', map));
    expect(r.code, r.err.join('\n')).toBe(0);
    expect(r.out).toEqual([out]);
    expect(r.err.join('\n')).toContain('已从「花名册.xlsx」工作表「花名册」导入 40 行到「教职工名册」（XNC 2025-2026）');
    const data = read(out);
    const rows = staffRows(data);
    expect(rows.slice(0, before.length)).toEqual(before);
    const added = rows.slice(before.length);
    expect(added).toHaveLength(40);
    expect(added[0]).toMatchObject({ name: staffExportRows(40)[2]![1], birth: '1966-01', ethnicity: '汉族', inEstablishment: '是', education: '本科', title: '中级', stage: '小学' });
    expect(new Set(added.map((x) => x.title))).toEqual(new Set(['中级', '助理级', '未定职级', '副高级', '员级']));
    expect(added.filter((x) => x.post === '工勤人员')).toHaveLength(3);
    // no personal column the list does not have (身份证号, 政治面貌) was carried along
    expect(JSON.stringify(added)).not.toMatch(/党员|510626\d{12}/);
    const period = findPeriod(data, 'XNC', '2025-2026')!;
    expect(runAudit({ pack, school: data.school, data: period }).filter((f) => f.severity === 'error')).toEqual([]);
    // nothing else of the file changed
    expect(data.periods.filter((p) => p !== period)).toEqual(read(school).periods.filter((p) => !(p.submission === 'XNC' && p.period === '2025-2026')));
  });

  it('a GBK CSV replaces the list (--mode replace)', async () => {
    const out = at('school3.json');
    const before = staffRows(read(school)).length;
    const r = await run(...importArgs(csv, out, '--map', map, '--mode', 'replace'));
    expect(r.code, r.err.join('\n')).toBe(0);
    expect(r.err.join('\n')).toContain(`替换了原有 ${before} 行`);
    const rows = staffRows(read(out));
    expect(rows).toHaveLength(40);
    expect(rows[0]!.name).toBe(staffExportRows(40, 3)[2]![1]);
    expect(new Set(rows.map((x) => x.id)).size).toBe(40);
  });

  it('--skip-bad-rows imports only the good rows, saying how many were skipped', async () => {
    const out = at('school4.json');
    const r = await run(...importArgs(xlsx, out, '--skip-bad-rows'));
    expect(r.code, r.err.join('\n')).toBe(0);
    expect(r.err.join('\n')).toContain('导入 30 行到「教职工名册」（XNC 2025-2026），跳过有错误的 10 行');
    expect(staffRows(read(out)).length).toBe(staffRows(read(school)).length + 30);
  });

  it('an error other than an unknown value names file, worksheet, row, column letter and header', async () => {
    const rows = staffExportRows(5);
    rows[4]![4] = '1985年13月';
    rows[5]![1] = null;
    const file = at('坏行.xlsx');
    writeFileSync(file, workbookBytes([{ name: '花名册', rows }]));
    const r = await run(...importArgs(file, at('bad.json'), '--map', map));
    refused(r, '有 2 行有错误', '文件「坏行.xlsx」工作表「花名册」第5行 E列「出生年月」：「出生年月」应为年月', '工作表「花名册」第6行 B列「姓名」：「姓名」必填项未填');
    expect(existsSync(at('bad.json'))).toBe(false);
  });

  it.each<[string[], ...string[]]>([
    [['--sheet', 'foodHealth'], '由几张名单组成', 'foodStaff'],
    [['--sheet', 'jj4149'], '没有可导入的名单“jj4149”', 'staffList（教职工名册）'],
    [['--sheet', 'selfCheck'], '的行由报表包固定'],
    [['--sheet', 'kgClasses'], '没有可导入的名单'],
    [['--mode', 'merge'], '--mode 只能是 append（追加）或 replace（替换）'],
    [['--period', '2025'], '期间“2025”格式不对'],
  ])('refuses %j', async (more, ...says) => {
    const args = importArgs(xlsx, at('x.json'));
    const i = args.indexOf(more[0]!);
    if (i >= 0) args.splice(i, 2, ...more);
    else args.splice(1, 0, ...more);
    refused(await run(...args), ...says);
  });

  it('refuses a bad 对应 file, an unreadable file and an approved period, writing nothing', async () => {
    const bad = at('bad-map.json');
    writeFileSync(bad, JSON.stringify({ 职称: { 特级教师: '特级' } }));
    refused(await run(...importArgs(xlsx, at('y.json'), '--map', bad)), '对应文件', '“特级”不是可选值');
    writeFileSync(at('x.pdf'), '%PDF-1.4 not a table');
    refused(await run(...importArgs(at('x.pdf'), at('y.json'))), 'x.pdf');
    const data = read(school);
    const approved = { ...data, periods: data.periods.map((p) => (p.submission === 'XNC' && p.period === '2025-2026' ? { ...p, status: '已审核' as const, version: 1 } : p)) };
    const file = at('approved.json');
    writeFileSync(file, JSON.stringify(approved));
    refused(await run('import', '--data', file, '--period', '2025-2026', '--sheet', 'staffList', xlsx, '--map', map, '--out', at('y.json')), '已审核通过（第 1 版）', '取消审核');
    expect(existsSync(at('y.json'))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('xiaobiao-tmp'))).toEqual([]);
  });

  it('a period not yet in the file is created, as the app does at its first write', () => {
    const data = read(school);
    const next = withImportedRows(data, { submission: 'XNC', period: '2026-2027', sheetId: 'staffList' }, [{ name: '张三', remark: '' }], 'append', { stage: '小学' }, () => 'r1');
    expect(findPeriod(next.data, 'XNC', '2026-2027')).toEqual({ submission: 'XNC', period: '2026-2027', status: '草稿', version: 0, sheets: { staffList: { rows: [{ id: 'r1', stage: '小学', name: '张三' }] } } });
    expect(data.periods.some((p) => p.period === '2026-2027')).toBe(false);
  });
});

describe('xiaobiao import of a 学籍 per-pupil export', () => {
  const PRIMARY = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级'];
  const TWELVE: [number, number][] = PRIMARY.flatMap((_, g) => [[g, 1], [g, 2]] as [number, number][]);
  const pupils = makePupils(500, TWELVE, 23);

  it('counts the pupils per class into 班级名册, replacing the list by default and keeping each class\'s 班主任', async () => {
    const file = at('学生基础信息.xlsx');
    writeFileSync(file, pupilWorkbook(pupilGrid(pupils, { grades: PRIMARY, migrantColumn: 'yesNo' })));
    // the school's list before: the demo's classes, one of them with a 班主任 typed by hand
    const before = read(school);
    const demoRows = findPeriod(before, 'XNC', '2025-2026')!.sheets.classList!.rows!;
    const out = at('counted.json');
    const r = await run('import', '--data', school, '--period', '2025-2026', '--sheet', 'classList', file, '--out', out);
    expect(r.code, r.err.join('\n')).toBe(0);
    expect(r.err.join('\n')).toContain('学生名单：500 名学生，将统计为 12 个班');
    expect(r.err.join('\n')).toContain(`替换了原有 ${demoRows.length} 行`);
    const rows = findPeriod(read(out), 'XNC', '2025-2026')!.sheets.classList!.rows!;
    expect(rows).toHaveLength(12);
    const expected = tally(pupils, (p) => `${PRIMARY[p.grade]}（${p.klass}）班`);
    for (const row of rows) {
      const t = expected.get(String(row.className))!;
      expect(t, String(row.className)).toBeDefined();
      expect({ students: row.students, female: row.female ?? 0 }).toEqual({ students: t.students, female: t.female });
      const old = demoRows.find((o) => o.className === row.className);
      if (old?.headTeacher) expect(row.headTeacher).toBe(old.headTeacher);
    }
    // nothing personal reaches the data file
    const bytes = readFileSync(out, 'utf8');
    for (const p of pupils.slice(0, 50)) {
      expect(bytes).not.toContain(p.id);
      expect(bytes).not.toContain(p.name);
    }
  });
});
