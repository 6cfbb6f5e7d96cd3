// Exported files are safe to open (docs/limits.md): text a user typed that starts with = + - @
// (or a tab / CR before one) is a string cell, never a formula; no part of the workbook links
// outside it (external links, hyperlinks, remote relationships) or carries macros.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { seedPacks } from '../../shared/cli/seeds';
import { demoSchool } from '../../shared/demo/demo-school';
import { exportReport } from '../../shared/xlsx/export';
import { exportTemplate } from '../../shared/xlsx/template';
import { changesWorkbook } from '../../shared/xlsx/changes-workbook';
import { INJECTIONS } from '../hostile/corpus';
import { text, unzip } from '../hostile/zip-tools';
import { cleanText } from '../../shared/model/clean-text';

const pack = seedPacks().get('luojiang')!;

function expectSafe(bytes: Uint8Array) {
  const parts = unzip(bytes);
  const names = [...parts.keys()];
  expect(names.filter((n) => /externalLink|vbaProject|activeX|embeddings|oleObject|connections|queryTable/i.test(n))).toEqual([]);
  const types = text(parts.get('[Content_Types].xml')!);
  expect(types).not.toMatch(/macroEnabled|vbaProject|externalLink|oleObject/i);
  for (const [name, data] of parts) {
    const xml = text(data);
    if (name.startsWith('xl/worksheets/') && name.endsWith('.xml')) {
      expect(xml, name).not.toMatch(/<f[\s>\/]/);
      expect(xml, name).not.toMatch(/<hyperlink/);
    }
    if (name.endsWith('.rels')) {
      expect(xml, name).not.toMatch(/TargetMode="External"/);
      expect(xml, name).not.toMatch(/Target="(file:|https?:|\\\\)/i);
    }
  }
}

/** Every cell holding one of the texts: a string cell with that exact text and no formula. */
function expectTextCells(bytes: Uint8Array, texts: readonly string[]) {
  const wb = XLSX.read(bytes, { type: 'array', cellFormula: true });
  const found = new Set<string>();
  for (const ws of Object.values(wb.Sheets))
    for (const [addr, cell] of Object.entries(ws)) {
      if (addr.startsWith('!')) continue;
      const c = cell as XLSX.CellObject;
      expect(c.f, addr).toBeUndefined();
      if (typeof c.v === 'string' && texts.includes(c.v)) {
        expect(c.t, addr).toBe('s');
        found.add(c.v);
      }
    }
  expect([...found].sort()).toEqual([...texts].sort());
}

describe('exported workbooks', () => {
  const demo = demoSchool({ pack, type: '小学', today: '2026-11-25' });

  it('a report keeps formula-like list text and 说明 as string cells, with no formulas, links or macros', async () => {
    const period = demo.periods.find((p) => p.submission === 'XNC')!;
    const rows = period.sheets.classList!.rows!.map((r, i) => (i < INJECTIONS.length ? { ...r, className: INJECTIONS[i]! } : r));
    const { bytes } = await exportReport({ pack, school: { ...demo.school, filler: '=1+1' }, data: { ...period, sheets: { ...period.sheets, classList: { rows } } }, appVersion: '1.0.0' });
    expectSafe(bytes);
    expectTextCells(bytes, INJECTIONS.map(cleanText)); // a CR is written as LF (clean-text.ts)
  });

  it('every submission of the demo school, and the blank templates, are free of formulas, links and macros', async () => {
    for (const data of demo.periods) expectSafe((await exportReport({ pack, school: demo.school, data, appVersion: '1.0.0' })).bytes);
    for (const s of pack.submissions) expectSafe((await exportTemplate({ pack, submission: s.code, schoolType: '小学', today: '2026-11-25', appVersion: '1.0.0' })).bytes);
  });

  it('the 修改记录 export keeps formula-like old/new values and reasons as text', async () => {
    const rows = INJECTIONS.map((v, i) => ({ at: new Date(2026, 10, 25, 9, i).toISOString(), who: '@张老师', sheet: '班级名册', row: `第 ${i + 1} 行`, field: '班级名称', old: '一年级1班', new: v, action: '修改', reason: '-' + v }));
    const { bytes } = await changesWorkbook({ school: { code: '5106260001', name: '罗江区实验小学' }, scope: '全部', filters: '', rows, now: new Date(2026, 10, 25), appVersion: '1.0.0' });
    expectSafe(bytes);
    expectTextCells(bytes, [...INJECTIONS.map(cleanText), '@张老师']);
  });
});
