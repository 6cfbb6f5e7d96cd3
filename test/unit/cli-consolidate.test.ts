// `xiaobiao demo-district` then `xiaobiao consolidate` on it, as a bureau clerk would: every
// case of the manifest reported with its state word, and the summary workbook's totals equal to
// an independent sum over the schools' own workbooks (read raw with SheetJS, cell by cell).
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import { cliRunner, type CliRun } from '../fixtures/cli-run';

const run = cliRunner('2025-10-31');
const pack = seedPacks().get('luojiang')!;
const CJK = /[\u4e00-\u9fff]/;

interface ManifestSchool { code: string; name: string; type: string; township: string; sponsor: string; case: string; registered: boolean; files: string[] }
let dir: string;
let district: string;
let manifest: { schools: ManifestSchool[]; due: string };
let summary: XLSX.WorkBook;
let result: { files: { fileName: string; kind: string; action: string; schoolCode?: string; problems: { message: string }[] }[]; completeness: { schoolCode: string; state: string; version?: number }[] };

function refused(r: CliRun, ...says: string[]) {
  expect(r.code, r.err.join('\n')).toBe(2);
  expect(r.out).toEqual([]);
  const err = r.err.join('\n');
  expect(err).toMatch(/^错误：/);
  expect(err).toMatch(CJK);
  expect(err).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
  for (const s of says) expect(err).toContain(s);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xiaobiao-district-'));
  district = join(dir, 'received');
  const made = await run('demo-district', '--pack', 'luojiang', '--schools', '12', '--seed', '5', '--out', district);
  expect(made.code, made.err.join('\n')).toBe(0);
  manifest = JSON.parse(readFileSync(join(district, 'manifest.json'), 'utf8'));
  const out = join(dir, '汇总.xlsx');
  const r = await run('consolidate', '--pack', 'luojiang', '--submission', 'XNC', '--period', '2025-2026', '--registry', join(district, 'registry.csv'), '--out', out, district, '--json');
  expect(r.code, r.err.join('\n')).toBe(0);
  result = JSON.parse(r.out.join('\n'));
  summary = XLSX.read(readFileSync(out), { type: 'buffer' });
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STATE: Record<string, string> = { ok: '已报', late: '逾期', superseded: '已报', missing: '未报', tampered: '哈希不符', draft: '校验不通过' };

describe('consolidate a demo district', () => {
  it('reports every case of the manifest with its state word, in the JSON and in 报送情况', () => {
    const cases = new Set(manifest.schools.map((s) => s.case));
    for (const c of ['ok', 'missing', 'tampered', 'superseded', 'late', 'draft', 'unknown']) expect(cases).toContain(c);
    const state = new Map(result.completeness.map((c) => [c.schoolCode, c]));
    const rows = XLSX.utils.sheet_to_json<string[]>(summary.Sheets['报送情况']!, { header: 1, raw: false });
    const sheetState = new Map(rows.slice(4).filter((r) => /^\d{10}$/.test(String(r[0]))).map((r) => [String(r[0]), r[6]]));
    for (const s of manifest.schools.filter((x) => x.registered)) {
      expect(state.get(s.code)?.state, `${s.name} (${s.case})`).toBe(STATE[s.case]);
      expect(sheetState.get(s.code), `${s.name} in 报送情况`).toBe(STATE[s.case]);
      if (s.case === 'superseded') expect(state.get(s.code)?.version).toBe(2);
    }
    expect(sheetState.size).toBe(manifest.schools.filter((x) => x.registered).length);
    const unknown = manifest.schools.find((s) => s.case === 'unknown')!;
    expect(result.files.find((f) => f.schoolCode === unknown.code)?.action).toBe('unknownSchool');
    expect(state.has(unknown.code)).toBe(false);
    const tampered = manifest.schools.find((s) => s.case === 'tampered')!;
    const f = result.files.find((x) => x.fileName === tampered.files[0]);
    expect(f?.kind).toBe('hashMismatch');
    expect(f?.problems[0]?.message).toContain(tampered.files[0]);
  });

  it('writes totals equal to the sum over the counted schools’ own workbooks, cell by cell', () => {
    // the schools counted: approved, intact, in the registry; a superseded one by its last file
    const counted = manifest.schools.filter((s) => s.registered && ['ok', 'late', 'superseded'].includes(s.case));
    const books = counted.map((s) => XLSX.read(readFileSync(join(district, s.files.at(-1)!)), { type: 'buffer' }));
    // 基表 without 学段 blocks keep the school's layout in the summary: the same cell, summed
    const plain = Object.values(pack.sheets).filter((s) => s.kind === 'stat' && !s.stageRows && summary.SheetNames.includes(s.title));
    expect(plain.length).toBeGreaterThanOrEqual(5);
    let checked = 0;
    for (const sheet of plain) {
      const ws = summary.Sheets[sheet.title]!;
      const range = XLSX.utils.decode_range(ws['!ref']!);
      for (let r = 0; r <= range.e.r; r++) {
        for (let c = 2; c <= range.e.c; c++) {
          const at = XLSX.utils.encode_cell({ r, c });
          const got = ws[at];
          const parts = books.map((b) => b.Sheets[sheet.title]?.[at]).filter((x) => x !== undefined);
          const nums = parts.filter((x) => typeof x.v === 'number').map((x) => x.v as number);
          if (!nums.length) continue;
          expect(got?.v, `${sheet.title}!${at}`).toBe(nums.reduce((a, b) => a + b, 0));
          checked++;
        }
      }
      expect(ws['A2']?.v).toBe(`填报单位：${pack.bureau}`);
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('writes each 乡镇 and 举办者 block equal to the sum over that group’s counted schools', () => {
    const counted = manifest.schools.filter((s) => s.registered && ['ok', 'late', 'superseded'].includes(s.case));
    const title = '教基3112 小学分类型学生数';
    const rowsOf = (ws: XLSX.WorkSheet) => XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null });
    const own = new Map(counted.map((s) => {
      const ws = XLSX.read(readFileSync(join(district, s.files.at(-1)!)), { type: 'buffer' }).Sheets[title];
      return [s.code, ws ? rowsOf(ws).find((r) => r[1] === '01')!.slice(2) : undefined] as const;
    }));
    let blocks = 0;
    for (const [suffix, key] of [['乡镇', 'township'], ['举办者', 'sponsor']] as const) {
      const rows = rowsOf(summary.Sheets[`${title}（${suffix}）`]!).filter((r) => r[2] === '01');
      expect(rows.length).toBeGreaterThanOrEqual(1);
      for (const r of rows) {
        const members = counted.filter((s) => (s as unknown as Record<string, string>)[key] === r[0] && own.get(s.code));
        expect(r[3], `${suffix} ${r[0]} 学校数`).toBe(members.length);
        const sum = (own.get(members[0]!.code) as unknown[]).map((_, c) => members.reduce((t, m) => t + Number((own.get(m.code) as unknown[])[c] ?? 0), 0));
        expect(r.slice(4), `${suffix} ${r[0]}`).toEqual(sum);
        blocks++;
      }
    }
    expect(blocks).toBeGreaterThanOrEqual(3); // several 乡镇 (a 12-school district may have one 举办者 among its 小学)
  });

  it('lays the summary out as the bureau prints it: codes as text, blocked cells “-”, signature row', () => {
    const ws = summary.Sheets['教基3112 小学分类型学生数']!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null });
    const numberRow = rows.findIndex((r) => r[0] === '甲');
    expect(rows[numberRow]!.slice(0, 3)).toEqual(['甲', '乙', '1']);
    expect(ws[XLSX.utils.encode_cell({ r: numberRow + 1, c: 1 })]).toMatchObject({ t: 's', v: '01' });
    expect(rows.flat()).toContain('-');
    expect(String(rows.at(-1)![0])).toMatch(/^单位负责人：.*报出日期：2025-10-31$/);
    for (const name of ['报送率', '规划指标', '校际差异系数', '教基3112 小学分类型学生数（乡镇）', '教基3112 小学分类型学生数（举办者）']) expect(summary.SheetNames).toContain(name);
  });
});

describe('without a registry', () => {
  it('builds the registry from the accepted files and says so', async () => {
    const ok = manifest.schools.filter((s) => s.case === 'ok').slice(0, 2);
    const draft = manifest.schools.find((s) => s.case === 'draft')!;
    const r = await run('consolidate', '--pack', 'luojiang', '--submission', 'XNC', '--period', '2025-2026', '--out', join(dir, 'c.xlsx'),
      ...[...ok, draft].map((s) => join(district, s.files[0]!)));
    expect(r.code, r.err.join('\n')).toBe(0);
    const text = r.out.join('\n');
    expect(text).toContain('未给 --registry');
    expect(text).toContain('名册 2 所');
    expect(text).toContain(`文件「${draft.files[0]}」`);
    expect(text).toContain('草稿');
  });
});

describe('bad input', () => {
  const base = (...rest: string[]) => ['consolidate', '--pack', 'luojiang', '--submission', 'XNC', '--period', '2025-2026', ...rest];
  it('refuses bad arguments with a Chinese message and exit 2', async () => {
    refused(await run('consolidate', '--submission', 'XNC', '--period', '2025-2026', '--out', join(dir, 'a.xlsx'), district), '--pack');
    refused(await run(...base('--out', join(dir, 'a.xlsx')).map((x) => (x === 'luojiang' ? 'nowhere' : x)), district), 'nowhere');
    refused(await run('consolidate', '--pack', 'luojiang', '--submission', 'XNC', '--period', '2025-10', '--out', join(dir, 'a.xlsx'), district), '2025-10');
    refused(await run(...base('--out', join(dir, 'a.csv'), district)), '.xlsx');
    refused(await run(...base('--out', join(dir, 'a.xlsx'))), '工作簿');
    refused(await run(...base('--out', join(dir, 'a.xlsx'), join(dir, '没有这个文件夹'))), '没有这个文件夹');
    refused(await run('demo-district', '--schools', '很多', '--out', join(dir, 'x')), '--schools');
  });

  it('refuses a folder without workbooks and a registry it cannot read, naming the file', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, '说明.txt'), '没有工作簿');
    refused(await run(...base('--out', join(dir, 'a.xlsx'), empty)), '.xlsx');
    const bad = join(dir, '名册.csv');
    writeFileSync(bad, '\uFEFF序号,姓名\r\n1,张三\r\n');
    refused(await run(...base('--registry', bad, '--out', join(dir, 'a.xlsx'), district)), '名册.csv');
  });

  it('lists a file that is not a workbook, named on purpose, as refused in Chinese', async () => {
    const notBook = join(dir, '成绩.xlsx');
    writeFileSync(notBook, '学校,分数\r\n一小,98\r\n');
    const school = manifest.schools.find((s) => s.case === 'ok')!;
    const r = await run(...base('--out', join(dir, 'b.xlsx'), '--json', notBook, join(district, school.files[0]!)));
    expect(r.code, r.err.join('\n')).toBe(0);
    const files = (JSON.parse(r.out.join('\n')) as typeof result).files;
    const f = files.find((x) => x.fileName === '成绩.xlsx')!;
    expect(f.kind).toBe('refused');
    expect(f.problems[0]!.message).toMatch(CJK);
    expect(f.problems[0]!.message).toContain('成绩.xlsx');
    expect(files.find((x) => x.fileName === school.files[0])?.kind).toBe('accepted');
  });
});
