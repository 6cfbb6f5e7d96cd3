// `xiaobiao check` (shared/cli/check-command.ts): the app's 审核 on a data file or an exported
// workbook — exit 0 with warnings only, 1 with a 逻辑校验 error, 2 for bad input.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../shared/cli/check-command';
import { REPO_ROOT } from '../../shared/cli/seeds';
import { findPeriod, type SchoolData } from '../../shared/model/data';
import { cliRunner, type CliRun } from '../fixtures/cli-run';

const TODAY = '2025-10-31'; // → 学年 2025-2026 with 2024-2025 before it
const XNC = ['--submission', 'XNC', '--period', '2025-2026'];
// every count column of 班级名册 that may not exceed 学生数
const COUNTS = ['students', 'female', 'minority', 'boarding', 'migrantOut', 'migrantIn', 'workerOut', 'workerIn', 'leftBehind', 'disabled'];

const run = cliRunner(TODAY);
async function checkJson(...argv: string[]): Promise<{ code: number; results: CheckResult[] }> {
  const r = await run('check', ...argv, '--json');
  expect(r.err, r.err.join('\n')).toEqual([]);
  return { code: r.code, results: JSON.parse(r.out.join('\n')) as CheckResult[] };
}
function refused(r: CliRun, ...says: string[]) {
  expect(r.code, r.err.join('\n')).toBe(2);
  expect(r.out).toEqual([]);
  const err = r.err.join('\n');
  expect(err).toMatch(/^错误：/);
  for (const s of says) expect(err).toContain(s);
}
const errorsOf = (results: CheckResult[]) => results.filter((r) => r.severity === 'error');

let dir: string;
let demoFile: string;
let demo: SchoolData;
/** the demo with `change` applied to its XNC 2025-2026, written to `name` */
function variant(name: string, change: (d: SchoolData) => void): string {
  const d = structuredClone(demo);
  change(d);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(d));
  return file;
}
const current = (d: SchoolData) => findPeriod(d, 'XNC', '2025-2026')!;
async function exported(file: string): Promise<string> {
  const r = await run('export', '--data', file, ...XNC, '--out', join(dir, 'out'));
  expect(r.code, r.err.join('\n')).toBe(0);
  return r.out[0]!;
}

// the demo's one 大班额 class (57 students) is its 21st: ledger rows start at row 4, so E24
let bigClass: { cell: string; students: number };
// first class emptied: 学生数 0 breaks XNC-BJMC-01 at E4 (学生数 is column E, first class row 4);
// its other counts are 0 too, so no "not more than 学生数" rule fires alongside
const zeroClass = (d: SchoolData) => {
  for (const k of COUNTS) current(d).sheets.classList!.rows![0]![k] = 0;
};
const noNotes = (d: SchoolData) => {
  delete current(d).explanations;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xiaobiao-check-'));
  demoFile = join(dir, 'school.json');
  expect((await run('demo', '--type', '小学', '--out', demoFile)).code).toBe(0);
  demo = JSON.parse(readFileSync(demoFile, 'utf8')) as SchoolData;
  const rows = current(demo).sheets.classList!.rows!;
  const i = rows.findIndex((r) => (r.students as number) >= 56);
  expect(rows.filter((r) => (r.students as number) >= 56)).toHaveLength(1);
  bigClass = { cell: `E${4 + i}`, students: rows[i]!.students as number };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a school data file', () => {
  it('a clean demo period: exit 0, no errors, its one warning explained', async () => {
    const { code, results } = await checkJson(demoFile, ...XNC);
    expect(code).toBe(0);
    expect(errorsOf(results)).toEqual([]);
    expect(results).toEqual([{
      ruleId: 'XNC-BJMC-W01', severity: 'warning', sheet: '班级名册', sheetId: 'classList', cell: bigClass.cell,
      message: expect.stringContaining(`(${bigClass.cell})：大班额：班级学生数为 56 人及以上，现为 ${bigClass.students}`) as string,
      explained: true,
    }]);

    const text = await run('check', demoFile, ...XNC);
    expect(text.code).toBe(0);
    expect(text.out).toContain('班级名册');
    expect(text.out).toContain(`  XNC-BJMC-W01  经验校验  ${bigClass.cell}  ${results[0]!.message}`);
    expect(text.out.join('\n')).toContain(`说明：${current(demo).explanations!['XNC-BJMC-W01|classList|小学-6-1|students']}`);
    expect(text.out.at(-1)).toBe('审核：逻辑校验 0 条，经验校验 1 条（已说明 1 条，未说明 0 条）——无逻辑校验错误，经验校验均已说明，可以审核通过');
  });

  it('a class with 学生数 0: exit 1, XNC-BJMC-01 at E4 and its knock-on on 招生数', async () => {
    const file = variant('zero.json', zeroClass);
    const { code, results } = await checkJson(file, ...XNC);
    expect(code).toBe(1);
    // the emptied class is in 一年级: the demo's 招生数 now exceeds 一年级 在校生数 (XNC-3112-08)
    expect(errorsOf(results).map((r) => [r.ruleId, r.sheetId, r.cell, r.explained])).toEqual([
      ['XNC-BJMC-01', 'classList', 'E4', false], ['XNC-3112-08', 'jj3112', 'D6', false],
    ]);
    expect(errorsOf(results)[0]!.message).toBe('班级名册 第1行「学生数」(E4)：学生数至少为 1，现为 0');

    const text = await run('check', file, ...XNC);
    expect(text.code).toBe(1);
    expect(text.out).toContain('  XNC-BJMC-01  逻辑校验  E4  班级名册 第1行「学生数」(E4)：学生数至少为 1，现为 0');
    expect(text.out.at(-1)).toContain('逻辑校验 2 条，经验校验 1 条');
    expect(text.out.at(-1)).toContain('须改正后才能审核通过');
  });

  it('a warning without 说明 is explained: false, and still exit 0', async () => {
    const file = variant('no-notes.json', noNotes);
    const { code, results } = await checkJson(file, ...XNC);
    expect(code).toBe(0);
    expect(results.map((r) => [r.ruleId, r.cell, r.explained])).toEqual([['XNC-BJMC-W01', bigClass.cell, false]]);
    const text = await run('check', file, ...XNC);
    expect(text.out).toContain('      未写说明（审核通过前须填写）');
    expect(text.out.at(-1)).toContain('已说明 0 条，未说明 1 条');
  });

  it('compares with last 学年 only once that was approved', async () => {
    // last 学年 without its 五、六年级 classes: 在校生数 falls far below this year's
    const shrink = (status: '草稿' | '已审核') => (d: SchoolData) => {
      const prev = findPeriod(d, 'XNC', '2024-2025')!;
      prev.status = status;
      prev.sheets.classList!.rows = prev.sheets.classList!.rows!.filter((r) => r.grade !== '五年级' && r.grade !== '六年级');
    };
    const sum = (d: SchoolData, period: string) => findPeriod(d, 'XNC', period)!.sheets.classList!.rows!.reduce((a, r) => a + (r.students as number), 0);
    const draft = await checkJson(variant('prev-draft.json', shrink('草稿')), ...XNC);
    expect(draft.results.map((r) => r.ruleId)).toEqual(['XNC-BJMC-W01']);
    expect((await run('check', join(dir, 'prev-draft.json'), ...XNC)).out[1]).toBe('上期 XNC 2024-2025 未审核，不作比较');

    const approvedFile = variant('prev-approved.json', shrink('已审核'));
    const approved = JSON.parse(readFileSync(approvedFile, 'utf8')) as SchoolData;
    const [before, now] = [sum(approved, '2024-2025'), sum(approved, '2025-2026')];
    expect(Math.abs(now - before) / before).toBeGreaterThan(0.2);
    const { code, results } = await checkJson(approvedFile, ...XNC);
    expect(code).toBe(0);
    // 教基3112: two header rows (3–4), the 甲/乙 row 5, so row 01 is row 6; 在校生数 is the 7th
    // column after 甲、乙, i.e. I
    const w = results.find((r) => r.ruleId === 'XNC-3112-W01')!;
    expect([w.sheetId, w.cell, w.explained]).toEqual(['jj3112', 'I6', false]);
    expect(w.message).toContain(`上期 ${before}，本期 ${now}，变化 ${((Math.abs(now - before) / before) * 100).toFixed(1)}%`);
  });
});

describe('an exported workbook', () => {
  it('finds what the data file gives: clean, an error, a warning with and without 说明', async () => {
    const clean = await exported(demoFile);
    const fromFile = await checkJson(demoFile, ...XNC);
    const fromBook = await checkJson(clean);
    expect(fromBook).toEqual(fromFile);
    expect(fromBook.code).toBe(0);
    expect((await run('check', clean)).out[1]).toContain('工作簿只含本期数据');
    // --submission/--period may be given when they match
    expect((await checkJson(clean, ...XNC)).results).toEqual(fromFile.results);

    const zero = await checkJson(await exported(variant('zero-book.json', zeroClass)));
    expect(zero.code).toBe(1);
    expect(errorsOf(zero.results).map((r) => [r.ruleId, r.cell])).toEqual([['XNC-BJMC-01', 'E4'], ['XNC-3112-08', 'D6']]);

    const bare = await checkJson(await exported(variant('bare-book.json', noNotes)));
    expect(bare.results.map((r) => [r.ruleId, r.cell, r.explained])).toEqual([['XNC-BJMC-W01', bigClass.cell, false]]);
    expect(fromBook.results[0]!.explained).toBe(true);
  });
});

describe('bad input: exit 2, a Chinese message, nothing on stdout', () => {
  it('no file, a missing file, a file that is not JSON', async () => {
    refused(await run('check'), '请给出要审核的学校数据文件');
    refused(await run('check', join(dir, 'nowhere.json'), ...XNC), `文件「${join(dir, 'nowhere.json')}」无法读取`);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, '学校,学生数\n实验小学,1200\n');
    refused(await run('check', text, ...XNC), `文件「${text}」`, '不是有效的 JSON');
  });

  it('a JSON file of the wrong shape names the paths inside it', async () => {
    const file = variant('wrong-shape.json', (d) => {
      (current(d).sheets.classList!.rows![0] as Record<string, unknown>).students = { n: 50 };
    });
    refused(await run('check', file, ...XNC), `文件「${file}」不是有效的学校数据文件`, 'periods[1].sheets.classList.rows[0]');
  });

  it('a data file without --submission, or with an unknown submission, a bad or absent period', async () => {
    refused(await run('check', demoFile, '--period', '2025-2026'), '缺少参数 --submission');
    refused(await run('check', demoFile, '--submission', 'JYAQ', '--period', '2025-10'), '没有报表 JYAQ', 'XNC、SPAQ、XYAQ');
    refused(await run('check', demoFile, '--submission', 'XNC', '--period', '2025-2027'), '期间“2025-2027”格式不对', '学年如 2025-2026');
    refused(await run('check', demoFile, '--submission', 'SPAQ', '--period', '2025-07'), `文件「${demoFile}」中没有 SPAQ 2025-07 的数据`);
  });

  it('a workbook edited after export, or not the --submission/--period asked for', async () => {
    const book = await exported(demoFile);
    const wb = XLSX.read(readFileSync(book), { type: 'buffer' });
    const ws = wb.Sheets['班级名册']!;
    ws.E4 = { t: 'n', v: ((ws.E4 as XLSX.CellObject).v as number) + 1 };
    const changed = join(dir, 'changed.xlsx');
    writeFileSync(changed, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    refused(await run('check', changed), '文件「changed.xlsx」', '内容与校验值不符（班级名册', '导出后被改动过');

    const name = book.split('/').at(-1)!;
    refused(await run('check', book, '--period', '2024-2025'), `文件「${name}」`, '这是 2025-2026 的报表，不是 2024-2025');
    refused(await run('check', book, '--submission', 'SPAQ'), '这是 XNC 报表，不是 SPAQ');
  });
});

it('the real binary exits 1 on a 逻辑校验 error', () => {
  const file = variant('zero-bin.json', zeroClass);
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'shared/cli/xiaobiao.mjs'), 'check', file, ...XNC], {
    cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000,
  });
  expect(r.status, r.stderr).toBe(1);
  expect(r.stdout).toContain('XNC-BJMC-01  逻辑校验  E4');
  expect(r.stderr).toBe('');
}, 60_000);
