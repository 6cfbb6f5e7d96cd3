// Property: whatever text reaches a ledger's text columns (control characters, lone surrogates,
// U+FFFE, line breaks of every kind, text that looks like Excel's `_xHHHH_` escapes), the exported
// workbook reads back with matching hashes and with the cleaned text, cell for cell.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { seedPacks } from '../../shared/cli/seeds';
import { exportReport } from '../../shared/xlsx/export';
import { readReport } from '../../shared/xlsx/read';
import { demoSchool } from '../../shared/demo/demo-school';
import { cleanText } from '../../shared/model/clean-text';
import { escapeXlsxText } from '../../shared/xlsx/grid';
import { renderWorkbook } from '../../shared/xlsx/render';
import type { LedgerSheet } from '../../shared/pack/schema';
import type { LedgerRow, PeriodData } from '../../shared/model/data';

const packs = seedPacks();
const NOW = new Date('2026-03-02T08:00:00Z');

/** Any UTF-16 unit (lone surrogates included), any code point, and the sequences readers rewrite. */
const unit = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('_x0041_', '_x000D_', '_X000a_', '_x005F_', '_x', '0041_', '\r\n', '\r', '\n', '\t', ' ', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF'),
);
const text = fc.string({ unit, maxLength: 24 });

/** Fixed texts of a 自查表 row are the pack's and checked on read: only the other columns vary. */
function textColumns(sheet: LedgerSheet): string[] {
  const fixed = new Set(Object.keys(sheet.fixedRows?.[0] ?? {}));
  return sheet.columns.filter((c) => c.type === 'text' && !fixed.has(c.key)).map((c) => c.key);
}

function ledgerSheets(packId: string, data: PeriodData): LedgerSheet[] {
  const pack = packs.get(packId)!;
  return Object.keys(data.sheets).map((id) => pack.sheets[id]).filter((s): s is LedgerSheet => s?.kind === 'ledger');
}

/** `data` with every text cell of every list replaced by the next generated string. */
function withTexts(packId: string, data: PeriodData, texts: string[]): PeriodData {
  let i = 0;
  const sheets = { ...data.sheets };
  for (const sheet of ledgerSheets(packId, data)) {
    const keys = textColumns(sheet);
    const all = sheets[sheet.id]!.rows ?? [];
    const rows = (sheet.fixedRows ? all : all.slice(0, 3)).map((r) => {
      const row: LedgerRow = { ...r };
      for (const k of keys) row[k] = texts[i++ % texts.length]!;
      return row;
    });
    sheets[sheet.id] = { rows };
  }
  return { ...data, sheets, explanations: undefined };
}

const cases = [
  { packId: 'luojiang', type: '九年一贯制学校' },
  { packId: 'luojiang', type: '幼儿园' },
  { packId: 'shuangliu', type: '小学' },
];

describe('text round trip', () => {
  it('escapes exactly what SheetJS would decode', async () => {
    const samples = ['_x0041_', '_x0041_x0042_', '__x0041__', '_X00aF_', '_x005F_x0041_', 'a_x12_', '_x0041'];
    const bytes = await renderWorkbook([{ name: 's', kind: 'ledger', rows: samples.map((v) => [{ v, role: 'text' as const }]), merges: [], widths: [10] }], { creator: 't', created: NOW });
    const ws = XLSX.read(bytes, { type: 'array', dense: true }).Sheets.s!;
    expect((ws['!data'] as XLSX.CellObject[][]).map((r) => r[0]!.v)).toEqual(samples);
    expect(escapeXlsxText('a_x12_')).toBe('a_x12_'); // nothing to escape: written as is
  });

  it('the school profile on 封面 and in _meta reads back cleaned, hashes matching', async () => {
    const pack = packs.get('luojiang')!;
    const demo = demoSchool({ pack, type: '小学', today: '2026-03-01' });
    const period = demo.periods.find((p) => p.submission === 'XNC')!;
    // as the profile form stores them: trimmed, within its lengths (a unit such as `_x0041_` is
    // several characters, so the length is checked on the text, not on the count of units)
    const field = (max: number) =>
      fc.string({ unit, maxLength: max - 2 }).map((t) => `校${t}校`).filter((t) => cleanText(t).trim() === cleanText(t) && cleanText(t).length <= max);
    await fc.assert(
      fc.asyncProperty(field(60), field(40), field(20), async (name, township, head) => {
        const school = { ...demo.school, name, township, head };
        const r = await exportReport({ pack, school, data: { ...period, explanations: undefined }, appVersion: '1.0.0', now: NOW });
        const back = readReport(r.bytes, packs, { fileName: r.fileName });
        expect(back.hashMismatches).toEqual([]);
        expect([back.school.name, back.school.township, back.school.head]).toEqual([name, township, head].map(cleanText));
        expect(back.meta.schoolName).toBe(cleanText(name));
      }),
      { numRuns: 10 },
    );
  }, 120_000);

  for (const { packId, type } of cases) {
    it(`${packId} ${type}: every text column of every list reads back cleaned, hashes matching`, async () => {
      const pack = packs.get(packId)!;
      const demo = demoSchool({ pack, type, today: '2026-03-01' });
      // one period of each report: XNC (lists of the 学年) and the monthly ones
      const periods = [...new Map(demo.periods.map((p) => [p.submission, p])).values()];
      await fc.assert(
        fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 40 }), fc.constantFrom(...periods), async (texts, period) => {
          const data = withTexts(packId, period, texts);
          const r = await exportReport({ pack, school: demo.school, data, appVersion: '1.0.0', now: NOW });
          const back = readReport(r.bytes, packs, { fileName: r.fileName });
          expect(back.hashMismatches).toEqual([]);
          for (const sheet of ledgerSheets(packId, data)) {
            const got = back.data.sheets[sheet.id]?.rows ?? [];
            const want = data.sheets[sheet.id]!.rows!;
            expect(got.length).toBe(want.length);
            for (const k of textColumns(sheet))
              want.forEach((row, i) => expect(got[i]![k] ?? '').toBe(cleanText(String(row[k] ?? ''))));
          }
        }),
        { numRuns: 10 },
      );
    }, 120_000);
  }
});
