// `xiaobiao check 文件.xlsx --previous 上期.xlsx --related 其他.xlsx …`: the bureau supplies last
// period's workbook (compared only when approved) and the months a quarter rule counts; each file
// must be the same school's, intact and the period it is given for — otherwise exit 2.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../shared/cli/check-command';
import { findPeriod, type SchoolData } from '../../shared/model/data';
import { cliRunner, type CliRun } from '../fixtures/cli-run';

const run = cliRunner('2025-10-31'); // → 学年 2025-2026 with 2024-2025 before it; XYAQ up to 2025-09
let dir: string;

async function demo(type: string, name: string, change: (d: SchoolData) => void): Promise<string> {
  const file = join(dir, name);
  expect((await run('demo', '--type', type, '--out', file)).code).toBe(0);
  const d = JSON.parse(readFileSync(file, 'utf8')) as SchoolData;
  change(d);
  writeFileSync(file, JSON.stringify(d));
  return file;
}
async function book(data: string, submission: string, period: string): Promise<string> {
  const r = await run('export', '--data', data, '--submission', submission, '--period', period, '--out', join(dir, 'out', data.split('/').at(-1)!));
  expect(r.code, r.err.join('\n')).toBe(0);
  return r.out[0]!;
}
async function checkJson(...argv: string[]) {
  const r = await run('check', ...argv, '--json');
  return { code: r.code, ids: (JSON.parse(r.out.join('\n') || '[]') as CheckResult[]).map((x) => `${x.ruleId}@${x.cell}`), err: r.err };
}
function refused(r: CliRun, ...says: string[]) {
  expect(r.code, r.err.join('\n')).toBe(2);
  expect(r.out).toEqual([]);
  for (const s of says) expect(r.err.join('\n')).toContain(s);
}

/** last 学年 without its 五、六年级 classes (those with 残疾 pupils stay, so the 残疾学生情况 table still
 * agrees and an approved file stays approved): 在校生数 falls far below this year's (XNC-3112-W01 at I6) */
const shrinkLastYear = (status: '草稿' | '已审核') => (d: SchoolData) => {
  const prev = findPeriod(d, 'XNC', '2024-2025')!;
  Object.assign(prev, { status, version: status === '已审核' ? 2 : 0 });
  prev.sheets.classList!.rows = prev.sheets.classList!.rows!.filter((r) => (r.grade !== '五年级' && r.grade !== '六年级') || r.disabled);
};

let approved: { last: string; current: string };
let draftLast: string;
let other: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xiaobiao-check-prev-'));
  const a = await demo('小学', 'approved.json', shrinkLastYear('已审核'));
  approved = { last: await book(a, 'XNC', '2024-2025'), current: await book(a, 'XNC', '2025-2026') };
  draftLast = await book(await demo('小学', 'draft.json', shrinkLastYear('草稿')), 'XNC', '2024-2025');
  other = await book(await demo('初级中学', 'other.json', shrinkLastYear('已审核')), 'XNC', '2024-2025');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--previous', () => {
  it('an approved last 学年 is compared with: the year-on-year warning appears, exit 0', async () => {
    expect((await checkJson(approved.current)).ids).not.toContain('XNC-3112-W01@I6');
    const withPrev = await checkJson(approved.current, '--previous', approved.last);
    expect(withPrev.code).toBe(0);
    expect(withPrev.ids).toContain('XNC-3112-W01@I6');
    const text = await run('check', approved.current, '--submission', 'XNC', '--period', '2025-2026', '--previous', approved.last);
    expect(text.out[1]).toBe(`与上期 XNC 2024-2025（已审核，第 2 版，「${approved.last.split('/').at(-1)}」）比较`);
  });

  it('a last 学年 still 草稿 is read but not compared with', async () => {
    expect((await checkJson(approved.current, '--previous', draftLast)).ids).not.toContain('XNC-3112-W01@I6');
    expect((await run('check', approved.current, '--previous', draftLast)).out[1]).toContain('未审核，不作比较');
  });

  it('the wrong period, another school, no file name, or a data file: exit 2', async () => {
    refused(await run('check', approved.current, '--previous', approved.current), '这是 2025-2026 的报表，不是 2024-2025');
    refused(await run('check', approved.current, '--previous', other), '这是另一所学校');
    refused(await run('check', approved.current, '--previous'), '--previous 后面缺少文件名');
    refused(await run('check', join(dir, 'approved.json'), '--submission', 'XNC', '--period', '2025-2026', '--previous', approved.last), '只用于审核工作簿');
  });
});

describe('--related', () => {
  // a 幼儿园 drills once a quarter: move Q3's drill from September to July
  const drillInJuly = (d: SchoolData) => {
    const sep = findPeriod(d, 'XYAQ', '2025-09')!.sheets.drillLog!;
    const jul = findPeriod(d, 'XYAQ', '2025-07')!.sheets;
    jul.drillLog = { rows: [...(jul.drillLog?.rows ?? []), ...sep.rows!.map((r) => ({ ...r, id: 'moved', date: '2025-07-10' }))] };
    sep.rows = [];
  };

  it("a quarter's 应急演练 counts the earlier months given; an unrelated file is named as unused", async () => {
    const data = await demo('幼儿园', 'kg.json', drillInJuly);
    const [sep, jul, spaq] = [await book(data, 'XYAQ', '2025-09'), await book(data, 'XYAQ', '2025-07'), await book(data, 'SPAQ', '2025-09')];
    expect((await checkJson(sep)).ids.filter((id) => id.startsWith('XYAQ-YJ-W01'))).toHaveLength(1);
    const withJuly = await checkJson(sep, '--related', jul, '--related', spaq);
    expect(withJuly.ids.filter((id) => id.startsWith('XYAQ-YJ-W01'))).toEqual([]);
    expect(withJuly.err).toEqual([`注意：文件「${spaq.split('/').at(-1)}」（SPAQ 2025-09）本期的审核用不到，未使用`]);
    refused(await run('check', sep, '--related', jul, '--related', jul), '与「', '重复');
  });
});
