// The `xiaobiao` command line (shared/cli/main.ts): demo → export → read, and every bad input
// refused with exit code 2 and a Chinese message on stderr, nothing on stdout.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, seedPacks } from '../../shared/cli/seeds';
import { schoolDataSchema, type SchoolData } from '../../shared/model/data';
import { runAudit } from '../../shared/audit/run';
import { comparable } from '../fixtures/period-data';
import { cliRunner, type CliRun } from '../fixtures/cli-run';

const TODAY = '2025-10-31'; // → 学年 2025-2026 (and 2024-2025 before it), 留样 month 2025-09
const CJK = /[\u4e00-\u9fff]/;
const pack = seedPacks().get('luojiang')!;

const run = cliRunner(TODAY);
/** exit 2, nothing on stdout, a Chinese message on stderr containing every `says` */
function refused(r: CliRun, ...says: string[]) {
  expect(r.code, r.err.join('\n')).toBe(2);
  expect(r.out).toEqual([]);
  const err = r.err.join('\n');
  expect(err).toMatch(/^错误：/);
  expect(err).toMatch(CJK);
  for (const s of says) expect(err).toContain(s);
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xiaobiao-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;

describe('demo', () => {
  it.each(pack.schoolTypes.map((t) => t.id))('writes a valid data file for a %s', async (type) => {
    const file = join(dir, `demo-${type}.json`);
    const r = await run('demo', '--type', type, '--out', file);
    expect(r.code, r.err.join('\n')).toBe(0);
    expect(r.out).toEqual([file]);
    expect(r.err.join('')).toContain(`（${type}）`);

    const parsed = schoolDataSchema.safeParse(readJson(file));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const data = parsed.data!;
    expect(data.school.type).toBe(type);
    expect(data.school.packId).toBe('luojiang');
    expect(data.savedAt).toBe(`${TODAY}T00:00:00.000Z`); // the injected today, not the clock
    expect(data.periods.length).toBeGreaterThanOrEqual(1);
    expect(data.periods.map((p) => `${p.submission} ${p.period}`)).toEqual([
      'XNC 2024-2025', 'XNC 2025-2026', 'SPAQ 2025-09', 'XYAQ 2025-06', 'XYAQ 2025-07', 'XYAQ 2025-08', 'XYAQ 2025-09',
    ]);
    for (const p of data.periods) {
      const errors = runAudit({ pack, school: data.school, data: p }).filter((f) => f.severity === 'error');
      expect(errors.map((f) => f.message), `${p.submission} ${p.period}`).toEqual([]);
    }
  });

  it('is deterministic for the same type and day, and --today overrides the clock', async () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    const c = join(dir, 'c.json');
    await run('demo', '--type', '小学', '--out', a);
    await run('demo', '--type', '小学', '--out', b);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    await run('demo', '--type', '小学', '--today', '2026-03-10', '--out', c);
    const later = readJson(c) as SchoolData;
    expect(later.periods.map((p) => `${p.submission} ${p.period}`)).toEqual([
      'XNC 2024-2025', 'XNC 2025-2026', 'SPAQ 2026-02', 'XYAQ 2025-11', 'XYAQ 2025-12', 'XYAQ 2026-01', 'XYAQ 2026-02',
    ]);
  });

  it('refuses an unknown school type or pack, or a day that does not exist', async () => {
    // bad input, not an internal error: exit 2 and the choices, no stack trace
    const r = await run('demo', '--type', '大学', '--out', join(dir, 'x.json'));
    refused(r, '没有办学类型“大学”', '可选：幼儿园、小学、');
    expect(r.err.join('\n')).not.toContain(' at ');
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
    refused(await run('demo', '--pack', 'nowhere', '--out', join(dir, 'y.json')), '没有报表包“nowhere”');
    refused(await run('demo', '--today', '明天', '--out', join(dir, 'y.json')), '--today “明天”不是有效日期');
    refused(await run('demo', '--today', '2025-13-45', '--out', join(dir, 'y.json')), '--today “2025-13-45”不是有效日期');
    expect(existsSync(join(dir, 'y.json'))).toBe(false);
  });
});

describe('export and read', () => {
  let demoFile: string;
  let demo: SchoolData;
  const exported: Record<string, string> = {};

  beforeAll(async () => {
    demoFile = join(dir, 'school.json');
    expect((await run('demo', '--type', '小学', '--out', demoFile)).code).toBe(0);
    demo = readJson(demoFile) as SchoolData;
  });

  it('exports XNC and SPAQ workbooks into the --out directory and prints their paths', async () => {
    const out = join(dir, 'reports', 'nested');
    for (const [sub, period] of [['XNC', '2025-2026'], ['SPAQ', '2025-09']] as const) {
      const r = await run('export', '--data', demoFile, '--submission', sub, '--period', period, '--out', out);
      expect(r.code, r.err.join('\n')).toBe(0);
      expect(r.err).toEqual([]);
      const name = `${demo.school.code}_${demo.school.name}_${sub}_${period}.xlsx`;
      expect(r.out).toEqual([join(out, name)]);
      const bytes = readFileSync(r.out[0]!);
      expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]); // a zip, i.e. .xlsx
      exported[sub] = r.out[0]!;
    }
  });

  it('read prints a summary of the workbook', async () => {
    const r = await run('read', exported.XNC!);
    expect(r.code, r.err.join('\n')).toBe(0);
    const text = r.out.join('\n');
    const rows = demo.periods.find((p) => p.submission === 'XNC' && p.period === '2025-2026')!.sheets.classList!.rows!.length;
    expect(text).toContain(`${demo.school.name}（${demo.school.code}） XNC 2025-2026  草稿 版本 0`);
    expect(text).toContain('德阳市罗江区教育局 luojiang@2025.1');
    expect(text).toContain('校验值一致');
    expect(text).toContain(`班级名册：${rows} 行`);
    expect(text).toContain('审核：逻辑校验 0 条');
    const spaq = await run('read', exported.SPAQ!);
    const sampleRows = demo.periods.find((p) => p.submission === 'SPAQ')!.sheets.sampleLog!.rows!.length;
    expect(spaq.out.join('\n')).toContain(`食品留样记录：${sampleRows} 行`);
  });

  it('read --json gives the period data of the data file back (ledger row ids aside)', async () => {
    for (const [sub, period] of [['XNC', '2025-2026'], ['SPAQ', '2025-09']] as const) {
      const r = await run('read', exported[sub]!, '--json');
      expect(r.code, r.err.join('\n')).toBe(0);
      const json = JSON.parse(r.out.join('\n')) as { meta: Record<string, string>; school: unknown; data: SchoolData['periods'][number]; warnings: string[] };
      const original = demo.periods.find((p) => p.submission === sub && p.period === period)!;
      expect(json.meta.submission).toBe(sub);
      expect(json.meta.period).toBe(period);
      expect(json.school).toEqual(demo.school);
      expect(json.warnings).toEqual([]);
      // ids are renumbered r1, r2… in file order
      expect(json.data.sheets[sub === 'XNC' ? 'classList' : 'sampleLog']!.rows!.slice(0, 2).map((x) => x.id)).toEqual(['r1', 'r2']);
      expect(comparable(json.data, { withReportDate: !!original.reportDate })).toEqual(comparable(original));
      if (!original.reportDate) expect(json.data.reportDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('every school type round-trips its current 学年 through export and read --json', async () => {
    for (const { id: type } of pack.schoolTypes) {
      const file = join(dir, `rt-${type}.json`);
      await run('demo', '--type', type, '--out', file);
      const data = readJson(file) as SchoolData;
      const ex = await run('export', '--data', file, '--submission', 'XNC', '--period', '2025-2026', '--out', join(dir, 'rt'));
      expect(ex.code, ex.err.join('\n')).toBe(0);
      const r = await run('read', ex.out[0]!, '--json');
      expect(r.code, `${type}: ${r.err.join('\n')}`).toBe(0);
      const json = JSON.parse(r.out.join('\n')) as { data: SchoolData['periods'][number]; warnings: string[] };
      expect(json.warnings, type).toEqual([]);
      expect(comparable(json.data), type).toEqual(comparable(data.periods.find((p) => p.period === '2025-2026')!));
    }
  }, 30_000); // eight full demo schools (a 九年一贯制 of 60 classes among them) through three commands each

  describe('bad input: exit 2, a Chinese message, nothing on stdout', () => {
    it('export without --data', async () => {
      refused(await run('export', '--submission', 'XNC', '--period', '2025-2026'), '缺少参数 --data');
    });

    it('a data file of the wrong shape names the paths inside the JSON', async () => {
      const bad = structuredClone(demo) as unknown as { school: Record<string, unknown>; periods: Record<string, unknown>[] };
      bad.school.code = '12345';
      bad.periods[1]!.status = '已提交';
      const file = join(dir, 'wrong-shape.json');
      writeFileSync(file, JSON.stringify(bad));
      refused(
        await run('export', '--data', file, '--submission', 'XNC', '--period', '2025-2026'),
        `文件「${file}」不是有效的学校数据文件`, 'school.code: 学校标识码必须是 10 位数字', 'periods[1].status',
      );
    });

    it('a data file whose school the pack does not know', async () => {
      const unknownType = structuredClone(demo);
      unknownType.school.type = '大学';
      const file = join(dir, 'unknown-type.json');
      writeFileSync(file, JSON.stringify(unknownType));
      const out = join(dir, 'unknown-type-out');
      // refused before writing: the bureau (and `read`) would reject such a workbook
      refused(await run('export', '--data', file, '--submission', 'XNC', '--period', '2025-2026', '--out', out), 'school.type', '办学类型“大学”不在报表包 luojiang 中');
      expect(existsSync(out)).toBe(false);

      const otherPack = structuredClone(demo);
      otherPack.school.packId = 'shuangliu-2030';
      writeFileSync(file, JSON.stringify(otherPack));
      refused(await run('export', '--data', file, '--submission', 'XNC', '--period', '2025-2026'), '报表包“shuangliu-2030”未安装');
    });

    it('a data file that is not JSON, or missing', async () => {
      const file = join(dir, 'not-json.json');
      writeFileSync(file, '学校,学生数\n实验小学,1200\n');
      refused(await run('export', '--data', file, '--submission', 'XNC', '--period', '2025-2026'), '不是有效的 JSON');
      refused(await run('export', '--data', join(dir, 'nowhere.json'), '--submission', 'XNC', '--period', '2025-2026'), '无法读取');
    });

    it('an unknown submission', async () => {
      refused(await run('export', '--data', demoFile, '--submission', 'JYAQ', '--period', '2025-10'), '没有报表 JYAQ', 'XNC、SPAQ、XYAQ');
    });

    it('a period in the wrong format for the submission', async () => {
      refused(await run('export', '--data', demoFile, '--submission', 'XNC', '--period', '2025-2027'), '期间“2025-2027”格式不对', '学年如 2025-2026');
      refused(await run('export', '--data', demoFile, '--submission', 'XNC', '--period', '2025-10'), '期间“2025-10”格式不对');
      refused(await run('export', '--data', demoFile, '--submission', 'SPAQ', '--period', '2025-13'), '月份如 2025-10');
    });

    it('a period the data file does not hold', async () => {
      refused(await run('export', '--data', demoFile, '--submission', 'SPAQ', '--period', '2025-07'), '没有 SPAQ 2025-07 的数据');
    });

    it('read without a file, or of a file that does not exist', async () => {
      refused(await run('read'), '请给出要读取的 .xlsx 文件');
      refused(await run('read', join(dir, 'missing.xlsx')), '无法读取');
    });

    it('read of a text file', async () => {
      const file = join(dir, '报表.xlsx');
      writeFileSync(file, '学校名称,学生数\n罗江区实验小学,1200\n');
      refused(await run('read', file), '文件「报表.xlsx」', '不是 .xlsx 工作簿');
    });

    it('read of a truncated workbook (the first half of a real export)', async () => {
      const bytes = readFileSync(exported.XNC!);
      const file = join(dir, 'truncated.xlsx');
      writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
      refused(await run('read', file), '文件「truncated.xlsx」', '无法打开');
    });

    it('read of a real export with one cell changed afterwards: the hashes catch it', async () => {
      const wb = XLSX.read(readFileSync(exported.XNC!), { type: 'buffer' });
      // a rewrite with no change still reads: the hash is over cell content, not bytes
      const same = join(dir, 'rewritten.xlsx');
      writeFileSync(same, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
      const ok = await run('read', same);
      expect(ok.code, ok.err.join('\n')).toBe(0);

      const ws = wb.Sheets['班级名册']!;
      const e4 = ws.E4 as XLSX.CellObject; // 学生数 of the first class
      expect(typeof e4.v).toBe('number');
      ws.E4 = { t: 'n', v: (e4.v as number) + 1 };
      const file = join(dir, 'changed.xlsx');
      writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
      refused(await run('read', file), '文件「changed.xlsx」', '校验值', '班级名册', '改动');
      refused(await run('read', file, '--json'), '校验值');
    });

    it('an unknown command', async () => {
      refused(await run('frobnicate', 'x.xlsx'), '未知命令“frobnicate”', '用法');
    });
  });

  it('the real binary exits 2 with a Chinese message on stderr', () => {
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'not a workbook');
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'shared/cli/xiaobiao.mjs'), 'read', file], {
      cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`错误：文件「${basename(file)}」`);
    expect(r.stderr).toContain('不是 .xlsx 工作簿');
  }, 60_000);
});

describe('help', () => {
  it('prints the usage on stdout and exits 0', async () => {
    const r = await run('help');
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toContain('xiaobiao export --data school.json --submission XNC --period 2025-2026');
    expect(r.err).toEqual([]);
  });
});
