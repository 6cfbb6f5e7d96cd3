// The whole-database backup: made from a school's data, read back whole, refused with a Chinese
// message naming the file and the JSON path when anything is wrong or too large; preview sums.
import { describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import { demoSchool } from '../../shared/demo/demo-school';
import { BACKUP_LIMITS, BackupError, backupBytes, backupDownloadName, jsonPath, makeBackup, parseBackup } from '../../shared/backup/backup-file';
import { previewBackup } from '../../shared/backup/preview';
import type { SchoolData } from '../../shared/model/data';

const pack = seedPacks().get('luojiang')!;
const demo = demoSchool({ pack, type: '小学', today: '2026-11-25' });
const NOW = new Date(2026, 10, 25, 8, 30);
const made = makeBackup({ school: demo.school, periods: demo.periods, appVersion: '0.3.0', now: NOW });
const bytesOf = (x: unknown) => new TextEncoder().encode(JSON.stringify(x));
const refusal = (x: unknown, limits = BACKUP_LIMITS) => {
  try {
    parseBackup('备份.json', x instanceof Uint8Array ? x : bytesOf(x), limits);
  } catch (e) {
    expect(e).toBeInstanceOf(BackupError);
    return (e as Error).message;
  }
  throw new Error('accepted');
};

describe('makeBackup / parseBackup', () => {
  it('is the documented data file with every period, and reads back equal', () => {
    expect(made.format).toBe('xiaobiao-data/1');
    expect(made.savedAt).toBe(NOW.toISOString());
    expect(made.appVersion).toBe('0.3.0');
    expect(made.periods).toHaveLength(demo.periods.length);
    expect(parseBackup('备份.json', backupBytes(made))).toEqual(made);
  });

  it('orders periods so the same data makes the same file', () => {
    const reversed = makeBackup({ school: demo.school, periods: [...demo.periods].reverse(), appVersion: '0.3.0', now: NOW });
    expect(backupBytes(reversed)).toEqual(backupBytes(made));
  });

  it('names a download after the school and the time, without path characters', () => {
    expect(backupDownloadName({ code: '5106260001', name: '罗江区/实验..小学' }, NOW)).toBe('5106260001_罗江区实验小学_备份_2026-11-25_0830.json');
  });

  it('refuses something that is not a backup, naming the file', () => {
    expect(refusal(new Uint8Array([0x50, 0x4b, 3, 4]))).toMatch(/文件「备份\.json」/);
    expect(refusal({ format: 'xiaobiao-report/1' })).toContain('format 应为“xiaobiao-data/1”');
    expect(refusal([1, 2])).toContain('不是校表通的备份');
    expect(refusal(new Uint8Array())).toContain('文件是空的');
  });

  it('names the JSON path of a schema problem', () => {
    const bad = structuredClone(made) as unknown as { periods: { sheets: Record<string, { rows?: { students?: unknown }[] }> }[] };
    const sheet = Object.values(bad.periods[0]!.sheets).find((s) => s.rows?.length)!;
    sheet.rows![0]!.students = { evil: true };
    const msg = refusal(bad);
    expect(msg).toMatch(/不是有效的校表通备份/);
    expect(msg).toMatch(/periods\[0\]\.sheets\.\w+\.rows\[0\]/);
  });

  it('refuses prototype keys and too-deep nesting before the schema runs', () => {
    expect(refusal(new TextEncoder().encode('{"format":"xiaobiao-data/1","__proto__":{"x":1}}'))).toContain('__proto__');
    expect(refusal(new TextEncoder().encode('['.repeat(100) + ']'.repeat(100)))).toContain('嵌套');
  });

  it('enforces the limits: size, periods, rows per list, rows in all, cells, duplicates', () => {
    const bytes = backupBytes(made);
    expect(refusal(bytes, { ...BACKUP_LIMITS, maxBytes: bytes.length - 1 })).toContain('超过上限');
    expect(() => parseBackup('备份.json', bytes, { ...BACKUP_LIMITS, maxBytes: bytes.length })).not.toThrow();
    expect(refusal(made, { ...BACKUP_LIMITS, maxPeriods: made.periods.length - 1 })).toContain(`periods：有 ${made.periods.length} 期`);
    const biggest = Math.max(...made.periods.flatMap((p) => Object.values(p.sheets).map((s) => s.rows?.length ?? 0)));
    expect(refusal(made, { ...BACKUP_LIMITS, maxRowsPerSheet: biggest - 1 })).toMatch(new RegExp(`rows：有 ${biggest} 行，超过上限`));
    expect(() => parseBackup('备份.json', bytes, { ...BACKUP_LIMITS, maxRowsPerSheet: biggest })).not.toThrow();
    expect(refusal(made, { ...BACKUP_LIMITS, maxRows: 10 })).toContain('全部名册合计超过上限 10 行');
    expect(refusal(made, { ...BACKUP_LIMITS, maxCells: 5 })).toContain('全部填报格合计超过上限 5 格');

    const twice: SchoolData = { ...made, periods: [made.periods[0]!, made.periods[0]!] };
    expect(refusal(twice)).toMatch(/periods\[1\]：.+出现了两次/);
    const dup = structuredClone(made);
    const list = Object.values(dup.periods[0]!.sheets).find((s) => (s.rows?.length ?? 0) > 1)!.rows!;
    list[1]!.id = list[0]!.id;
    expect(refusal(dup)).toMatch(/rows\[1\]\.id：行号“.+”与前面的行重复/);
  });

  it('jsonPath writes indexes in brackets', () => {
    expect(jsonPath(['periods', 3, 'sheets', 'classList', 'rows', 12, 'id'])).toBe('periods[3].sheets.classList.rows[12].id');
    expect(jsonPath([])).toBe('(根)');
  });
});

describe('previewBackup', () => {
  it('sums each period and the whole file', () => {
    const p = previewBackup(made);
    expect(p).toMatchObject({ schoolName: demo.school.name, schoolCode: demo.school.code, savedAt: NOW.toISOString(), appVersion: '0.3.0' });
    expect(p.periods).toHaveLength(made.periods.length);
    for (const s of p.periods) {
      const src = made.periods.find((x) => x.submission === s.submission && x.period === s.period)!;
      expect(s.rows).toBe(Object.values(src.sheets).reduce((n, e) => n + (e.rows?.length ?? 0), 0));
      expect(s.cells).toBe(Object.values(src.sheets).reduce((n, e) => n + Object.keys(e.cells ?? {}).length, 0));
      expect(s).toMatchObject({ status: src.status, version: src.version, explanations: Object.keys(src.explanations ?? {}).length });
    }
    expect(p.totalRows).toBe(p.periods.reduce((n, s) => n + s.rows, 0));
    expect(p.totalRows).toBeGreaterThan(0);
    expect(p.totalCells).toBeGreaterThan(0);
  });

  it('names the values the app would not have stored, by period, sheet and row, in words', () => {
    expect(previewBackup(made, pack).valueIssues).toEqual([]);
    const xnc = made.periods.findIndex((p) => p.submission === 'XNC');
    const edited: SchoolData = structuredClone(made);
    const rows = edited.periods[xnc]!.sheets.classList!.rows!;
    rows[3] = { ...rows[3]!, students: 40.5 };
    const staff = edited.periods[xnc]!.sheets.staffList!.rows!;
    staff[0] = { ...staff[0]!, birth: '1973-13' };
    const p = edited.periods[xnc]!;
    expect(previewBackup(edited, pack).valueIssues).toEqual([
      `XNC ${p.period}「班级名册」第 4 行：「学生数」应为非负整数，现为 40.5`,
      expect.stringMatching(new RegExp(`^XNC ${p.period}「教职工名册」第 1 行：「出生年月」“1973-13”`)),
    ]);
    // without the pack (one this version does not have) nothing can be judged
    expect(previewBackup(edited).valueIssues).toEqual([]);
  });
});
