// Blank templates for every pack × submission × school type, from the library and the CLI.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { seedPacks } from '../../shared/cli/seeds';
import { exportTemplate, TEMPLATE_BLANK_ROWS } from '../../shared/xlsx/template';
import { sheetsFor } from '../../shared/pack/applicability';
import { readReport } from '../../shared/xlsx/read';
import { main } from '../../shared/cli/main';

const packs = seedPacks();

describe('blank templates', () => {
  for (const pack of packs.values())
    for (const sub of pack.submissions)
      it(`${pack.id} ${sub.code}: every school type gets exactly its sheets, empty`, async () => {
        for (const t of pack.schoolTypes) {
          const r = await exportTemplate({ pack, submission: sub.code, schoolType: t.id, today: '2025-10-20', appVersion: '1' });
          const wb = XLSX.read(r.bytes, { type: 'array' });
          const expected = [...sheetsFor(pack, sub, t.id).map((s) => s.title), '校验说明', '_meta'];
          expect([t.id, wb.SheetNames]).toEqual([t.id, expected]);
          for (const s of sheetsFor(pack, sub, t.id)) {
            const ws = wb.Sheets[s.title]!;
            if (s.kind === 'ledger' && !s.fixedRows) {
              // header on row 3, then numbered blank rows to write in (a fixed list such as 自查表 keeps its items)
              expect(ws.A4?.v).toBe(1);
              expect(ws[`A${3 + TEMPLATE_BLANK_ROWS}`]?.v).toBe(TEMPLATE_BLANK_ROWS);
              expect(ws.B4?.v).toBeUndefined();
            }
          }
        }
      });

  it('names the file after pack, type, submission and period, and cannot be read as data', async () => {
    const pack = packs.get('luojiang')!;
    const r = await exportTemplate({ pack, submission: 'SPAQ', schoolType: '小学', today: '2025-10-20', appVersion: '1' });
    expect(r.fileName).toBe('空白模板_luojiang_小学_SPAQ_2025-10.xlsx');
    expect(() => readReport(r.bytes, packs, { fileName: r.fileName })).toThrow('这是空白模板，没有学校数据，不能作为报表读入');
  });

  it('statistics sheets show computed cells as 0 and entered cells empty', async () => {
    const pack = packs.get('luojiang')!;
    const r = await exportTemplate({ pack, submission: 'XNC', schoolType: '小学', period: '2025-2026', today: '2025-10-20', appVersion: '1' });
    const ws = XLSX.read(r.bytes, { type: 'array' }).Sheets['教基3112 小学分类型学生数']!;
    expect([ws.I6?.v, ws.C6?.v, ws.J7?.v, ws.A2?.v]).toEqual([0, undefined, '-', '填报单位：']);
  });

  it('xiaobiao template writes the file and prints its path; a bad type exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xb-tpl-'));
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), today: () => '2025-10-20' };
    const file = join(dir, 't.xlsx');
    expect(await main(['template', '--pack', 'shuangliu', '--submission', 'XYAQ', '--school-type', '幼儿园', '--out', file], io)).toBe(0);
    expect(out).toEqual([file]);
    expect(XLSX.read(readFileSync(file), { type: 'buffer' }).SheetNames[0]).toBe('封面');
    expect(await main(['template', '--submission', 'XNC', '--school-type', '大学'], io)).toBe(2);
    expect(err.join('\n')).toContain('办学类型“大学”不在报表包中');
  });
});
