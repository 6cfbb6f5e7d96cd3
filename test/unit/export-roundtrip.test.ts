// Export → read back: the data comes back cell for cell, hashes are stable and catch edits,
// and the styles the bureau prints with are there.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { createHash } from 'node:crypto';
import { seedPacks } from '../../shared/cli/seeds';
import { exportReport } from '../../shared/xlsx/export';
import { buildReport } from '../../shared/xlsx/report';
import { readReport } from '../../shared/xlsx/read';
import { canonicalContent, gridValues, sheetHash } from '../../shared/xlsx/grid';
import { ReportReadError } from '../../shared/xlsx/read-errors';
import { demoSchool } from '../../shared/demo/demo-school';
import type { PeriodData } from '../../shared/model/data';
import { CLASSES, SCHOOL, spaqData, xncData } from '../fixtures/small-school';

const packs = seedPacks();
const pack = packs.get('luojiang')!;
const NOW = new Date('2025-09-16T08:00:00Z');

/** ids are not part of a workbook: compare rows without them */
function withoutIds(d: PeriodData) {
  const sheets = Object.fromEntries(
    Object.entries(d.sheets).map(([k, e]) => [k, e.rows ? { rows: e.rows.map(({ id: _, ...r }) => Object.fromEntries(Object.entries(r).filter(([, x]) => x !== null))) } : e]),
  );
  return { ...d, sheets };
}

describe('round trip', () => {
  it('XNC and SPAQ of a demo school come back exactly, 说明 included', async () => {
    const demo = demoSchool({ pack, type: '小学', today: '2026-11-25' });
    for (const data of demo.periods) {
      const prev = demo.periods.find((p) => p.submission === data.submission && p.period < data.period && data.submission === 'XNC');
      const r = await exportReport({ pack, school: demo.school, data, appVersion: '1.0.0', now: NOW, previous: prev });
      const back = readReport(r.bytes, packs, { fileName: r.fileName });
      expect(back.school).toEqual(demo.school);
      expect(back.hashMismatches).toEqual([]);
      expect(back.warnings).toEqual([]);
      const expected = withoutIds(data);
      const { explanations, ...rest } = withoutIds(back.data);
      const { explanations: wantExp, ...wantRest } = expected;
      expect(rest).toEqual(wantRest);
      // explanations are keyed by row id, which a workbook renumbers: compare the texts
      expect(Object.values(explanations ?? {}).sort()).toEqual(Object.values(wantExp ?? {}).sort());
    }
  });

  it('a 说明 on a warning that needs last 学年 survives reading the file alone', async () => {
    const lastYear = { ...xncData(), period: '2024-2025', status: '已审核' as const };
    lastYear.sheets = { classList: { rows: lastYear.sheets.classList!.rows!.slice(0, 2) } }; // 78 students → 180: +131%
    const data = { ...xncData(), explanations: { 'XNC-3112-W01|jj3112|01|total': '本学年撤并两所村小，学生转入本校。' } };
    const r = await exportReport({ pack, school: SCHOOL, data, appVersion: '1', now: NOW, previous: lastYear });
    const notes = XLSX.read(r.bytes, { type: 'array' }).Sheets['校验说明']!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(notes, { header: 1 }).slice(3);
    expect(rows.find((r) => r[0] === 'XNC-3112-W01')).toEqual(['XNC-3112-W01', '教基3112 小学分类型学生数', 'I6', expect.stringContaining('在校生数比上学年变化超过 20%'), '本学年撤并两所村小，学生转入本校。', '本条']);
    const back = readReport(r.bytes, packs);
    expect(back.data.explanations).toMatchObject({ 'XNC-3112-W01|jj3112|01|total': '本学年撤并两所村小，学生转入本校。' });
    // last year's figures count only once approved (as in the national client)
    const draft = buildReport({ pack, school: SCHOOL, data, appVersion: '1', now: NOW, previous: { ...lastYear, status: '草稿' } });
    expect(draft.findings.some((f) => f.ruleId === 'XNC-3112-W01')).toBe(false);
    expect(back.warnings).toEqual([]);
  });

  it('an approved period that now has 逻辑校验 errors leaves as 草稿 (封面 and _meta)', () => {
    const bad = { ...xncData([{ id: 'x', stage: '小学', grade: '一年级', className: 'x', students: 0 }]), status: '已审核' as const, version: 2 };
    const r = buildReport({ pack, school: SCHOOL, data: bad, appVersion: '1', now: NOW });
    expect(r.meta.status).toBe('草稿');
    const cover = r.grids.find((g) => g.name === '封面')!;
    expect(cover.rows.find((row) => row[0]!.v === '审核状态')![1]!.v).toBe('草稿');
    // without 残疾 pupils the 残疾学生情况 table (left empty) agrees with the list: no errors, stays 已审核
    // and with every figure a school must fill: 招生数 = the 78 pupils of 一年级, 办学条件, one teacher
    const filled = xncData(CLASSES.map(({ disabled: _, ...r }) => r), { '01:graduates': 52, '01:enrol': 78, '01:pre3': 78 });
    filled.sheets.conditions = { cells: { '01:value': 1000, '02:value': 1500, '03:value': 50, '04:value': 5, '05:value': 8000, '06:value': 30 } };
    filled.sheets.staffList = {
      rows: [{ id: 't1', name: '教师一', gender: '女', birth: '1990-05', ethnicity: '汉族', post: '专任教师', inEstablishment: '是', stage: '小学', education: '本科', title: '中级', subject: '语文', backbone: '无' }],
    };
    const clean = { ...filled, status: '已审核' as const, version: 2 };
    expect(buildReport({ pack, school: SCHOOL, data: clean, appVersion: '1', now: NOW }).findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(buildReport({ pack, school: SCHOOL, data: clean, appVersion: '1', now: NOW }).meta.status).toBe('已审核');
  });

  it('a 幼儿园 cover carries 是否普惠性幼儿园 and reads back', async () => {
    const demo = demoSchool({ pack, type: '幼儿园', today: '2026-11-25' });
    const data = demo.periods.find((p) => p.submission === 'XNC')!;
    const r = await exportReport({ pack, school: demo.school, data, appVersion: '1.0.0', now: NOW });
    const wb = XLSX.read(r.bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual(['封面', '班级名册', '教职工名册', '幼儿园班数和幼儿数', '教基4148 幼儿园教职工', '教基4153 专任教师分年龄情况', '教师发展', '校验说明', '_meta']);
    expect(wb.Sheets['封面']!.A7?.v).toBe('是否普惠性幼儿园');
    expect(readReport(r.bytes, packs).school.puhui).toBe(true);
  });
});

describe('hashes', () => {
  it('canonical content is the documented line format, hashed with SHA-256', () => {
    const values = [['标题', null], [null, 12], ['01', 0.5]];
    const text = 'A1\ts\t"标题"\nB2\tn\t12\nA3\ts\t"01"\nB3\tn\t0.5\n';
    expect(canonicalContent(values)).toBe(text);
    expect(sheetHash(values)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('are stable across exports and change only for the sheet that changed', () => {
    const a = buildReport({ pack, school: SCHOOL, data: xncData(), appVersion: '1', now: NOW });
    const b = buildReport({ pack, school: SCHOOL, data: xncData(), appVersion: '2', now: new Date('2026-01-01T00:00:00Z') });
    const hashesOf = (m: Record<string, string | number>) => Object.fromEntries(Object.entries(m).filter(([k]) => k.startsWith('sha256:')));
    expect(hashesOf(a.meta)).toEqual(hashesOf(b.meta));
    const c = buildReport({ pack, school: SCHOOL, data: xncData(undefined, { '01:graduates': 5 }), appVersion: '1', now: NOW });
    const changed = Object.keys(hashesOf(a.meta)).filter((k) => a.meta[k] !== c.meta[k]);
    expect(changed).toEqual(['sha256:教基3112 小学分类型学生数', 'sha256:all']);
  });

  it('the hash in _meta is the hash of the grid that was written', () => {
    const r = buildReport({ pack, school: SCHOOL, data: spaqData(), appVersion: '1', now: NOW });
    const grid = r.grids.find((g) => g.name === '食品留样记录')!;
    expect(r.meta['sha256:食品留样记录']).toBe(sheetHash(gridValues(grid)));
  });

  it('an edited cell is refused, or reported when the caller allows it', async () => {
    const r = await exportReport({ pack, school: SCHOOL, data: spaqData(), appVersion: '1', now: NOW });
    const wb = XLSX.read(r.bytes, { type: 'array' });
    wb.Sheets['食品留样记录']!.E4 = { t: 'n', v: 500 };
    const edited = XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
    expect(() => readReport(new Uint8Array(edited), packs, { fileName: 'x.xlsx' })).toThrow(/校验值不符（食品留样记录）/);
    const back = readReport(new Uint8Array(edited), packs, { allowHashMismatch: true });
    expect(back.hashMismatches).toEqual(['食品留样记录']);
    expect(back.data.sheets.sampleLog!.rows![0]!.amount).toBe(500);
  });
});

describe('refusals name file, sheet, row and column', () => {
  it('another school, another period, a file that is not xlsx', async () => {
    const r = await exportReport({ pack, school: SCHOOL, data: spaqData(), appVersion: '1', now: NOW });
    expect(() => readReport(r.bytes, packs, { fileName: 'a.xlsx', expect: { schoolCode: '5106269999' } })).toThrow(
      '文件「a.xlsx」 工作表「_meta」：这是另一所学校（罗江区实验小学，5106260001）的文件',
    );
    expect(() => readReport(r.bytes, packs, { expect: { period: '2025-11' } })).toThrow(/这是 2025-10 的报表，不是 2025-11/);
    expect(() => readReport(new TextEncoder().encode('a,b\n1,2'), packs, { fileName: 'b.csv' })).toThrow(/文件「b.csv」：不是 .xlsx 工作簿/);
  });

  it('a relabelled header names the cell', async () => {
    const r = await exportReport({ pack, school: SCHOOL, data: xncData(), appVersion: '1', now: NOW });
    const wb = XLSX.read(r.bytes, { type: 'array' });
    wb.Sheets['教基3112 小学分类型学生数']!.A8 = { t: 's', v: '#汉族' };
    const edited = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    let err: unknown;
    try {
      readReport(edited, packs, { fileName: 'c.xlsx', allowHashMismatch: true });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ReportReadError);
    expect((err as ReportReadError).at).toEqual({ file: 'c.xlsx', sheet: '教基3112 小学分类型学生数', row: 8, col: 1 });
    expect((err as Error).message).toContain('第8行 A列：应为“#少数民族”，实为“#汉族”');
  });
});

describe('print look (read with ExcelJS: our own output, trusted)', () => {
  it('bold centred headers with thin borders, bordered data cells, wrap text, title merged', async () => {
    const r = await exportReport({ pack, school: SCHOOL, data: xncData(), appVersion: '1', now: NOW });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.bytes.buffer.slice(r.bytes.byteOffset, r.bytes.byteOffset + r.bytes.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet('教基3112 小学分类型学生数')!;
    const header = ws.getCell('E3');
    expect(header.font?.bold).toBe(true);
    expect(header.alignment).toMatchObject({ horizontal: 'center', wrapText: true });
    for (const a of ['A3', 'Q4', 'I6', 'Q18']) expect(ws.getCell(a).border?.top?.style).toBe('thin');
    expect(ws.getCell('A20').border?.top).toBeUndefined(); // the signature line is outside the table
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(12);
  });
});
