// The verdict on received workbooks exported by the app for generated schools: accepted; a cell
// edited inside the zip (哈希不符); a 草稿 and a file whose 逻辑校验 fails whatever it says
// (校验不通过); a 封面 that disagrees with the registry, another pack, another period, bytes
// that are no workbook (拒收) — each with a Chinese problem, none throwing.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { verifyReport } from '../../shared/consolidate/verify';
import { seedPacks } from '../../shared/cli/seeds';
import { demoSchool } from '../../shared/demo/demo-school';
import { exportReport } from '../../shared/xlsx/export';
import type { LedgerSheet } from '../../shared/pack/schema';
import { approvedPeriod, districtSchools, pack, packs, registryOf, workbookOf } from '../fixtures/district';
import { rezip } from '../hostile/zip-tools';

const schools = districtSchools(3);
const registry = registryOf(schools);
const s0 = schools[0]!;

/** the 班级名册's sheet part: the one whose first row is the 班级名册 title */
function editClassListCell(bytes: Uint8Array, cell: string, delta: number): Uint8Array {
  return rezip(bytes, (parts) => {
    for (const [name, data] of parts) {
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
      const xml = new TextDecoder().decode(data);
      const re = new RegExp(`(<c r="${cell}"[^>]*><v>)(\\d+)(</v>)`);
      // sheet 2 of an XNC workbook is 班级名册 (封面 first)
      if (name !== 'xl/worksheets/sheet2.xml' || !re.test(xml)) continue;
      parts.set(name, new TextEncoder().encode(xml.replace(re, (_, a, n, b) => `${a}${Number(n) + delta}${b}`)));
      return;
    }
    throw new Error(`no cell ${cell} in the 班级名册 part`);
  });
}

describe('verifyReport', () => {
  it('accepts an approved, intact file whose audit passes; the sha256 is of the bytes', async () => {
    const wb = await workbookOf(s0, approvedPeriod(s0, 'XNC', 2));
    const v = verifyReport(wb.bytes, wb.fileName, packs, registry);
    expect(v.kind).toBe('accepted');
    expect(v.problems).toEqual([]);
    expect(v.fileSha256).toBe(createHash('sha256').update(wb.bytes).digest('hex'));
    expect(v).toMatchObject({ schoolCode: s0.registry.code, submission: 'XNC', period: '2025-2026', version: 2, status: '已审核', packId: 'luojiang', byteLength: wb.bytes.length });
    expect(v.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(v.audit!.errors).toBe(0);
    expect(v.data!.sheets.classList!.rows!.length).toBe(s0.demo.periods.find((p) => p.period === '2025-2026')!.sheets.classList!.rows!.length);
  });

  it('a cell edited inside the zip after export: 哈希不符, its figures not kept', async () => {
    const wb = await workbookOf(s0, approvedPeriod(s0, 'XNC'));
    const tampered = editClassListCell(wb.bytes, 'E4', 1);
    const v = verifyReport(tampered, 'edited.xlsx', packs, registry);
    expect(v.kind).toBe('hashMismatch');
    expect(v.data).toBeUndefined();
    expect(v.problems[0]!.message).toMatch(/^文件「edited.xlsx」：内容与校验值不符（班级名册）/);
  });

  it('a 草稿 is 校验不通过, and so is an 已审核 file whose 逻辑校验 fails on its cells', async () => {
    const draft = await workbookOf(s0, approvedPeriod(s0, 'XNC', 1, { status: '草稿' }));
    const d = verifyReport(draft.bytes, draft.fileName, packs, registry);
    expect(d.kind).toBe('auditFailed');
    expect(d.problems[0]!.message).toContain('状态为“草稿”，学校尚未审核通过');

    const bad = approvedPeriod(s0, 'XNC');
    const first = bad.sheets.classList!.rows![0]!;
    first.female = Number(first.students) + 5;
    // the school's app had a pack without the rule (an older copy): it exported the file as 已审核
    const lax = structuredClone(pack);
    const list = lax.sheets.classList as LedgerSheet;
    list.columns = list.columns.map((c) => (c.key === 'female' ? { ...c, checks: [] } : c));
    const wb = await exportReport({ pack: lax, school: s0.demo.school, data: bad, appVersion: '1.0.0' });
    const v = verifyReport(wb.bytes, wb.fileName, packs, registry);
    expect(v.kind).toBe('auditFailed');
    expect(v.status).toBe('已审核');
    expect(v.audit!.errors).toBeGreaterThan(0);
    expect(v.problems.some((p) => p.message.includes('逻辑校验 XNC-BJMC-02') && p.sheet === '班级名册' && p.cell)).toBe(true);
  });

  it('a 草稿 whose _meta was edited to say 已审核 (a new shared string, the 封面 untouched) is not accepted', async () => {
    const wb = await workbookOf(s0, approvedPeriod(s0, 'XNC', 1, { status: '草稿' }));
    const edited = rezip(wb.bytes, (parts) => {
      const text = (n: string) => new TextDecoder().decode(parts.get(n)!);
      const sst = text('xl/sharedStrings.xml');
      const items = sst.match(/<si>[\s\S]*?<\/si>/g)!;
      const draft = items.findIndex((x) => x.includes('>草稿<'));
      parts.set('xl/sharedStrings.xml', new TextEncoder().encode(sst.replace('</sst>', '<si><t>已审核</t></si></sst>').replace(/uniqueCount="(\d+)"/, (_, n) => `uniqueCount="${Number(n) + 1}"`)));
      // _meta is the last sheet part; its status cell points at the new string
      const sheets = [...parts.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
      const meta = sheets[sheets.length - 1]!;
      const re = new RegExp(`(<c r="B\\d+"[^>]*t="s"[^>]*><v>)${draft}(</v>)`);
      expect(re.test(text(meta))).toBe(true);
      parts.set(meta, new TextEncoder().encode(text(meta).replace(re, `$1${items.length}$2`)));
    });
    const v = verifyReport(edited, 'edited.xlsx', packs, registry);
    // the reader finds 封面 and _meta disagreeing: refused, its figures not kept
    expect(v.kind).toBe('refused');
    expect(v.data).toBeUndefined();
    expect(v.problems).toEqual([{ message: '文件「edited.xlsx」 工作表「封面」：封面的审核状态为“草稿”，_meta 中为“已审核”：两处不一致，文件被改动过', sheet: '封面' }]);
  });

  it('a 封面 whose name or type differs from the registry is refused; another 乡镇 only noted', async () => {
    const wb = await workbookOf(s0, approvedPeriod(s0, 'XNC'));
    const renamed = { ...registry, schools: registry.schools.map((s) => (s.code === s0.registry.code ? { ...s, name: '罗江区另一所小学' } : s)) };
    const v = verifyReport(wb.bytes, wb.fileName, packs, renamed);
    expect(v.kind).toBe('refused');
    expect(v.problems[0]!.message).toContain(`学校名称“${s0.registry.name}”与名册中的“罗江区另一所小学”不一致`);
    const moved = { ...registry, schools: registry.schools.map((s) => (s.code === s0.registry.code ? { ...s, township: '新盛镇' } : s)) };
    const w = verifyReport(wb.bytes, wb.fileName, packs, moved);
    expect(w.kind).toBe('accepted');
    expect(w.problems.map((p) => p.message)).toEqual([`文件「${wb.fileName}」 工作表「封面」：提示：所在乡镇（街道）“${s0.registry.township}”与名册中的“新盛镇”不同，汇总按名册`]);
  });

  it('another pack, another period than expected, and bytes that are no workbook are refused without throwing', async () => {
    const shuangliu = seedPacks().get('shuangliu')!;
    const other = demoSchool({ pack: shuangliu, type: '小学', today: '2025-11-03' });
    const data = { ...other.periods.find((p) => p.submission === 'XNC' && p.period === '2025-2026')!, status: '已审核' as const, version: 1 };
    const wb = await exportReport({ pack: shuangliu, school: other.school, data, appVersion: '1.0.0' });
    const v = verifyReport(wb.bytes, wb.fileName, packs, registry);
    expect(v.kind).toBe('refused');
    expect(v.problems[0]!.message).toContain('这是报表包“shuangliu”的文件，本局汇总使用“luojiang”');

    const mine = await workbookOf(s0, approvedPeriod(s0, 'XNC'));
    const p = verifyReport(mine.bytes, mine.fileName, packs, registry, { expect: { period: '2024-2025' } });
    expect(p.kind).toBe('refused');
    expect(p.problems[0]!.message).toContain('这是 2025-2026 的报表，不是 2024-2025');

    // a submission the school's type does not fill (the bureau's pack says so)
    const only = structuredClone(pack);
    only.submissions = only.submissions.map((x) => (x.code === 'XNC' ? { ...x, schoolTypes: ['幼儿园'] } : x));
    const n = verifyReport(mine.bytes, mine.fileName, new Map([['luojiang', only]]), registry);
    expect(n.kind).toBe('refused');
    expect(n.problems[0]!.message).toBe(`文件「${mine.fileName}」 工作表「封面」：报表包 luojiang 中小学不填报 XNC`);

    for (const bytes of [new Uint8Array(0), new TextEncoder().encode('学校,学生\n1,2\n'), mine.bytes.subarray(0, 3000)]) {
      const g = verifyReport(bytes, 'x.xlsx', packs, registry);
      expect(g.kind).toBe('refused');
      expect(g.problems).toHaveLength(1);
      expect(g.problems[0]!.message).toMatch(/^文件「x.xlsx」/);
      expect(g.problems[0]!.message).not.toMatch(/\n\s+at /);
    }
  });
});
