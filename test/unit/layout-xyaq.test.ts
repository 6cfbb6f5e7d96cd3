// The XYAQ 校园安全月报 ledgers against the bureau contract (FORMS.md §0, §3.1, §3.2, §3.4, copied
// to test/fixtures/xyaq-contract.json): the pack's sheets and the exported workbook — sheet order,
// titles, 填报单位/期间 line, headers in order, 序号, dates as real dates, dropdowns, frozen panes —
// and the workbook read back unchanged, a carried 隐患 with its September 排查日期 included.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as XLSX from 'xlsx';
import { REPO_ROOT, seedPacks } from '../../shared/cli/seeds';
import { findSubmission, sheetsFor } from '../../shared/pack/applicability';
import type { LedgerSheet } from '../../shared/pack/schema';
import { dueDate } from '../../shared/model/period';
import { exportReport } from '../../shared/xlsx/export';
import { readReport } from '../../shared/xlsx/read';
import { runAudit } from '../../shared/audit/run';
import { columnLetter } from '../../shared/xlsx/addresses';
import { SCHOOL } from '../fixtures/small-school';
import { comparable } from '../fixtures/period-data';
import { merges, readBook, t, v, zipPart } from '../fixtures/xlsx-inspect';
import { check, drill, hazard, openHazard, xyaq } from './rule-cases/xyaq.cases';

interface Contract {
  submission: { code: string; name: string; periodKind: string; dueDay: number; finalOrder: string[] };
  ledgers: Record<string, { title: string; columns: string[]; enums: Record<string, string[]>; dates: string[] }>;
}
const contract = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'xyaq-contract.json'), 'utf8')) as Contract;
const IDS = ['hazardLog', 'drillLog', 'healthCheck'];

describe('the XYAQ submission and its sheets in the seed packs', () => {
  it.each(['luojiang', 'shuangliu'].filter((id) => seedPacks().has(id)))('%s: 校园安全月报, monthly, due the 5th, sheets in the contract order', (id) => {
    const pack = seedPacks().get(id)!;
    const sub = findSubmission(pack, 'XYAQ')!;
    expect([sub.name, sub.periodKind, sub.due.day]).toEqual([contract.submission.name, 'month', contract.submission.dueDay]);
    expect(dueDate(sub, '2025-10')).toBe('2025-11-05');
    // the sheets present so far, in the final order of FORMS.md (cover first)
    expect(sub.sheets[0]).toBe('cover');
    expect(contract.submission.finalOrder.filter((s) => sub.sheets.includes(s))).toEqual(sub.sheets);
    expect(IDS.every((s) => sub.sheets.includes(s))).toBe(true);
    // every school type reports it; a 幼儿园 as much as a 高级中学
    for (const type of pack.schoolTypes.map((t) => t.id)) expect(sheetsFor(pack, sub, type).map((s) => s.id)).toEqual(sub.sheets);
  });

  it.each(IDS)('%s: title, columns in order, enumerations and date columns as FORMS.md lists them', (id) => {
    const want = contract.ledgers[id]!;
    const sheet = seedPacks().get('luojiang')!.sheets[id] as LedgerSheet;
    expect(sheet.kind).toBe('ledger');
    expect(sheet.title).toBe(want.title);
    expect(sheet.columns.map((c) => c.label)).toEqual(want.columns);
    const enums = Object.fromEntries(sheet.columns.filter((c) => c.type === 'enum').map((c) => [c.label, c.values]));
    expect(enums).toEqual(want.enums);
    expect(sheet.columns.filter((c) => c.type === 'date').map((c) => c.label)).toEqual(want.dates);
  });

  it('only 隐患 carry over (until 已销号); the drills and 晨午检 days belong to their month', () => {
    const sheets = seedPacks().get('luojiang')!.sheets;
    expect((sheets.hazardLog as LedgerSheet).carryOver).toEqual({ untilField: 'status', untilValue: '已销号' });
    expect([(sheets.drillLog as LedgerSheet).carryOver, (sheets.healthCheck as LedgerSheet).carryOver]).toEqual([undefined, undefined]);
  });
});

describe('an exported XYAQ workbook (小学, 2025年10月)', () => {
  const pack = seedPacks().get('luojiang')!;
  const data = xyaq({
    hazards: [openHazard('h0', { code: 'YH-202509-02', date: '2025-09-22', deadline: '2025-10-31' }), hazard('h1', { code: 'YH-202510-01' })],
    drills: [drill('d0')],
    checks: [check('c0'), check('c1', { date: '2025-10-10', absent: 10, present: 1190, sickAbsent: 4 })],
  });
  data.reportDate = '2025-11-03';
  let bytes: Uint8Array;
  let fileName: string;
  let book: XLSX.WorkBook;
  beforeAll(async () => {
    ({ bytes, fileName } = await exportReport({ pack, school: SCHOOL, data, appVersion: '9.9.9', now: new Date('2025-11-03T08:00:00Z') }));
    book = readBook(bytes);
  });

  it('is named …_XYAQ_2025-10.xlsx and holds 封面, the three ledgers in order, 校验说明, _meta', () => {
    expect(fileName).toBe('5106260001_罗江区实验小学_XYAQ_2025-10.xlsx');
    const titles = IDS.map((id) => contract.ledgers[id]!.title);
    expect(book.SheetNames[0]).toBe('封面');
    expect(book.SheetNames.slice(-2)).toEqual(['校验说明', '_meta']);
    expect(book.SheetNames.filter((n) => titles.includes(n))).toEqual(titles);
    expect(v(book.Sheets['封面']!, 'B2')).toBe('校园安全月报');
  });

  it.each(IDS)('%s: title and 填报单位/期间 rows merged across, 序号 + headers on row 3', (id) => {
    const want = contract.ledgers[id]!;
    const ws = book.Sheets[want.title]!;
    const last = columnLetter(want.columns.length + 1);
    expect(v(ws, 'A1')).toBe(want.title);
    expect(v(ws, 'A2')).toBe('填报单位：罗江区实验小学　期间：2025年10月');
    expect(merges(ws)).toEqual(expect.arrayContaining([`A1:${last}1`, `A2:${last}2`]));
    const header = ['序号', ...want.columns].map((_, i) => v(ws, `${columnLetter(i + 1)}3`));
    expect(header).toEqual(['序号', ...want.columns]);
  });

  it('隐患排查整改台账 rows: 序号 1, 2; the carried 隐患 keeps its September 排查日期; dates are real dates', () => {
    const ws = book.Sheets['隐患排查整改台账']!;
    expect([v(ws, 'A4'), v(ws, 'B4'), v(ws, 'C4'), v(ws, 'N4')]).toEqual([1, 'YH-202509-02', 45922, '整改中']); // 2025-09-22
    expect([v(ws, 'A5'), v(ws, 'B5'), v(ws, 'C5'), v(ws, 'M5'), v(ws, 'N5'), v(ws, 'O5')]).toEqual([2, 'YH-202510-01', 45939, 45945, '已销号', '李娜']);
    expect([t(ws, 'C4'), (ws['C4'] as XLSX.CellObject).z]).toEqual(['n', 'yyyy-mm-dd']);
    expect(v(ws, 'M4')).toBeUndefined(); // still open: no 完成日期
  });

  it('晨午检 rows and 应急演练 row hold their figures', () => {
    const hc = book.Sheets['晨午检及因病缺课']!;
    expect(['A', 'B', 'C', 'D', 'E', 'F', 'N'].map((c) => v(hc, `${c}5`))).toEqual([2, 45940, 1200, 1190, 10, 4, '否']);
    const dr = book.Sheets['应急演练记录']!;
    expect(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((c) => v(dr, `${c}4`))).toEqual([1, 45950, '消防疏散', 1200, 185, '安全办', '王伟', '良']);
  });

  it('frozen below the headers, and every enumeration a dropdown of its values', () => {
    const index = book.SheetNames.indexOf('隐患排查整改台账') + 1;
    const xml = zipPart(bytes, `xl/worksheets/sheet${index}.xml`);
    expect(xml).toMatch(/<pane xSplit="1" ySplit="3" topLeftCell="B4"[^>]*state="frozen"/);
    // 等级 is column H, 状态 column N
    expect(xml).toMatch(/sqref="H4:H\d+"><formula1>&quot;重大,一般&quot;<\/formula1>/);
    expect(xml).toMatch(/sqref="N4:N\d+"><formula1>&quot;未整改,整改中,已销号&quot;<\/formula1>/);
  });

  it('reads back to the same data, and the audit finds nothing', () => {
    const back = readReport(bytes, seedPacks(), { fileName });
    expect(back.hashMismatches).toEqual([]);
    expect(comparable(back.data)).toEqual(comparable(data));
    expect(back.warnings).toEqual([]);
    expect(runAudit({ pack, school: SCHOOL, data: back.data })).toEqual([]);
  });
});
