// The CLI reads a data file as strictly as the app's restore: the same refusals (a key, a period
// or a row id given twice, a 报出日期 that does not exist), each naming the path in the file, and
// values the app would never have stored (45.5 pupils, 2025-02-30) reported by their path.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import { demoSchool } from '../../shared/demo/demo-school';
import type { SchoolData } from '../../shared/model/data';
import { parseBackup, BackupError } from '../../shared/backup/backup-file';
import { duplicateKeyPath } from '../../shared/model/json-limits';
import { cliRunner } from '../fixtures/cli-run';

const run = cliRunner('2025-10-31');
const dir = mkdtempSync(join(tmpdir(), 'xb-datafile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const demo = demoSchool({ pack: seedPacks().get('luojiang')!, type: '小学', today: '2025-10-31' });
const xncAt = demo.periods.findIndex((p) => p.submission === 'XNC' && p.period === '2025-2026');
const spaqAt = demo.periods.findIndex((p) => p.submission === 'SPAQ');
const EXPORT = (file: string) => ['export', '--data', file, '--submission', 'XNC', '--period', '2025-2026', '--out', join(dir, 'out')];

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

function variant(name: string, change: (d: SchoolData) => void): string {
  const d = structuredClone(demo);
  change(d);
  return write(name, JSON.stringify(d));
}

/** The CLI refuses with exit 2 saying `says`, and the app's restore refuses the same bytes saying it too. */
async function bothRefuse(file: string, text: string, says: string) {
  const r = await run(...EXPORT(file));
  expect(r.code, r.err.join('\n')).toBe(2);
  expect(r.err.join('\n')).toContain(says);
  expect(() => parseBackup('备份.json', new TextEncoder().encode(text))).toThrow(BackupError);
  expect(() => parseBackup('备份.json', new TextEncoder().encode(text))).toThrow(says);
}

describe('data files as strict as the restore', () => {
  it('a key given twice is refused, naming where', async () => {
    const d = structuredClone(demo);
    d.periods[xncAt]!.sheets.classList!.rows![7]!.students = 4321;
    const text = JSON.stringify(d).replace('"students":4321', '"students":4321,"students":12');
    await bothRefuse(write('dup-key.json', text), text, `periods[${xncAt}].sheets.classList.rows[7].students：同一个键出现了两次`);
    expect(duplicateKeyPath('{"a":[{"b":1},{"b":2,"c":{"b":1},"b":3}]}')).toBe('a[1].b');
    expect(duplicateKeyPath('{"a":"{\\"a\\":1,\\"a\\":2}","b":["a","a"]}')).toBeUndefined();
  });

  it('a period or a row id given twice is refused, naming where', async () => {
    const p = variant('dup-period.json', (d) => d.periods.push(structuredClone(d.periods[xncAt]!)));
    const text1 = JSON.stringify({ ...demo, periods: [...demo.periods, demo.periods[xncAt]] });
    await bothRefuse(p, text1, `periods[${demo.periods.length}]：XNC 2025-2026 出现了两次`);
    const change = (d: SchoolData) => {
      const rows = d.periods[xncAt]!.sheets.classList!.rows!;
      rows[3]!.id = rows[1]!.id;
    };
    const d = structuredClone(demo);
    change(d);
    await bothRefuse(variant('dup-row.json', change), JSON.stringify(d), `periods[${xncAt}].sheets.classList.rows[3].id：行号`);
  });

  it('a 报出日期 that does not exist is refused', async () => {
    const change = (d: SchoolData) => void (d.periods[xncAt]!.reportDate = '2025-02-30');
    const d = structuredClone(demo);
    change(d);
    await bothRefuse(variant('report-date.json', change), JSON.stringify(d), `periods[${xncAt}].reportDate`);
    const r = await run(...EXPORT(join(dir, 'report-date.json')));
    expect(r.err.join('\n')).toContain('日期不存在');
  });

  it('a count that is not a whole number and a date that does not exist are reported by their path', async () => {
    const file = variant('values.json', (d) => {
      d.periods[xncAt]!.sheets.classList!.rows![7]!.students = 45.5;
      d.periods[spaqAt]!.sheets.sampleLog!.rows![2]!.date = '2025-02-30';
    });
    const r = await run('check', file, '--submission', 'XNC', '--period', '2025-2026');
    expect(r.code).toBe(1); // the 审核's type check: a 逻辑校验 error
    expect(r.err).toEqual([
      `注意：文件「${file}」 periods[${xncAt}].sheets.classList.rows[7].students：「学生数」应为非负整数，现为 45.5`,
      `注意：文件「${file}」 periods[${spaqAt}].sheets.sampleLog.rows[2].date：「日期」“2025-02-30”日期不存在`,
    ]);
    const e = await run(...EXPORT(file));
    expect(e.code).toBe(0);
    expect(e.err).toHaveLength(2);
  });
});
