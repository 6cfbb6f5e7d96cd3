// Hostile workbooks, all derived in code from a real export of a demo school: truncations, byte
// flips, zip bombs, huge dimensions and cells, merged-cell bombs, wrong pack / school / format, tampered content.
import * as XLSX from 'xlsx';
import fc from 'fast-check';
import type { SchoolData } from '../../shared/model/data';
import type { Pack } from '../../shared/pack/schema';
import { exportReport } from '../../shared/xlsx/export';
import type { CorpusFile } from './corpus-types';
import { rezip, text, unzip, utf8, zip } from './zip-tools';

const SEED = 20261125;
const XLSX_WHY: readonly ['report', 'restore'] = ['report', 'restore'];
const NOW = new Date('2026-11-25T08:00:00Z');

export async function exportPeriod(pack: Pack, school: SchoolData['school'], data: SchoolData['periods'][number]): Promise<Uint8Array> {
  return (await exportReport({ pack, school, data, appVersion: '1.0.0', now: NOW })).bytes;
}

/** Rewrites a workbook through SheetJS (test use, on our own files): hashes cover content, not bytes. */
export function editWorkbook(bytes: Uint8Array, edit: (wb: XLSX.WorkBook) => void): Uint8Array {
  const wb = XLSX.read(bytes, { type: 'array' });
  edit(wb);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

export function setMeta(bytes: Uint8Array, key: string, value: string): Uint8Array {
  return editWorkbook(bytes, (wb) => {
    const ws = wb.Sheets['_meta']!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1 });
    const r = rows.findIndex((row) => row[0] === key);
    if (r < 0) throw new Error(`_meta has no ${key}`);
    ws[XLSX.utils.encode_cell({ r, c: 1 })] = { t: 's', v: value };
  });
}

const bad = (name: string, bytes: Uint8Array, why?: RegExp): CorpusFile => ({ name, bytes, why, whyFor: XLSX_WHY });
const broken = (name: string, bytes: Uint8Array, why: RegExp): CorpusFile => ({ ...bad(name, bytes, why), container: true });

function truncations(good: Uint8Array): CorpusFile[] {
  const n = good.length;
  const fixed = [1, 2, 3, 4, 29, 30, 31, 100, Math.floor(n / 2), n - 23, n - 22, n - 21, n - 2, n - 1];
  const random = fc.sample(fc.integer({ min: 5, max: n - 1 }), { seed: SEED, numRuns: 60 });
  return [...new Set([...fixed, ...random])].map((at) => bad(`truncated-${at}.xlsx`, good.slice(0, at), /无法打开|不是 \.xlsx|不是电子表格|文本文件/));
}

function byteFlips(good: Uint8Array): CorpusFile[] {
  const flips = fc.sample(fc.tuple(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 1, max: 255 })), { seed: SEED + 1, numRuns: 30 });
  return flips.map(([at, x]) => {
    const b = good.slice();
    b[at] = b[at]! ^ x;
    // a flip in a field nobody reads (a timestamp, a comment) leaves a readable file: either is fine
    return { name: `flip-${at}-${x}.xlsx`, bytes: b, outcome: { report: 'any', restore: 'any' } };
  });
}

function bombs(good: Uint8Array): CorpusFile[] {
  const parts = [...unzip(good)].map(([name, data]) => ({ name, data }));
  const sheet = 'xl/worksheets/sheet1.xml';
  const withPart = (change: (e: { name: string; data: Uint8Array }) => Record<string, unknown>) =>
    zip(parts.map((p) => (p.name === sheet ? { ...p, ...change(p) } : p)));
  const spaces = new Uint8Array(24 * 1024 * 1024).fill(0x20);
  return [
    broken('bomb-ratio.xlsx', withPart(() => ({ data: spaces })), /压缩比.*超过上限/),
    // declares an innocent size and ratio, inflates to 64 MB: only counting the stream catches it
    broken('bomb-lying-size.xlsx', withPart(() => ({ data: new Uint8Array(64 * 1024 * 1024), declaredSize: 200_000 })), /解压后超过声明的 200000 字节/),
    broken('size-mismatch-stored.xlsx', withPart((p) => ({ stored: true, declaredSize: p.data.length + 7 })), /大小与声明不符/),
    broken('bomb-declared-4gb.xlsx', withPart((p) => ({ declaredSize: 0xfffffff0 + (p.data.length % 8) })), /压缩比|超过上限/),
    broken('bomb-overlap.xlsx', zip(Array.from({ length: 300 }, (_, i) => ({ name: `xl/p${i}.xml`, data: spaces.subarray(0, 4096) })), { overlapAll: true }), /重叠/),
    broken('bomb-entries.xlsx', zip(Array.from({ length: 2500 }, (_, i) => ({ name: `x${i}`, data: utf8('x'), stored: true }))), /2500 个部件/),
    broken('no-size-declared.xlsx', withPart(() => ({ declaredSize: 0 })), /没有声明/),
    broken('zip-encrypted-flag.xlsx', withPart(() => ({ flags: 1 })), /加密/),
    broken('zip-bzip2.xlsx', withPart(() => ({ method: 12 })), /压缩方式 12/),
    broken('zip64.xlsx', (() => { const z = good.slice(); const v = new DataView(z.buffer); v.setUint16(z.length - 22 + 8, 0xffff, true); v.setUint16(z.length - 22 + 10, 0xffff, true); return z; })(), /ZIP64/),
    broken('empty-zip.xlsx', new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]), /不是电子表格文件/),
    broken('zip-not-excel.xlsx', zip([{ name: 'readme.txt', data: utf8('hello') }]), /不是 Excel 工作簿/),
    broken('ods.ods', zip([{ name: 'mimetype', data: utf8('application/vnd.oasis.opendocument.spreadsheet'), stored: true }, { name: 'content.xml', data: utf8('<office:document-content/>') }]), /\.ods/),
    broken('xlsb.xlsb', zip([{ name: '[Content_Types].xml', data: utf8('<Types/>') }, { name: 'xl/workbook.bin', data: new Uint8Array(8) }]), /\.xlsb/),
  ];
}

function sizes(good: Uint8Array): CorpusFile[] {
  const dim = rezip(good, (p) => {
    const name = 'xl/worksheets/sheet1.xml';
    p.set(name, utf8(text(p.get(name)!).replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:Z1048576"/>')));
  });
  // 110,000 real rows, written as the smallest valid sheet XML so building it stays cheap
  const rowsXml = Array.from({ length: 110_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
  const manyRows = rezip(good, (p) => {
    p.set('xl/worksheets/sheet1.xml', utf8(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowsXml}</sheetData></worksheet>`));
  });
  const bigCell = rezip(good, (p) => {
    const name = 'xl/sharedStrings.xml';
    // varied characters, so the part compresses like real text and only the cell length is wrong
    let x = SEED;
    const long = Array.from({ length: 1024 * 1024 }, () => String.fromCharCode(0x4e00 + ((x = (x * 1103515245 + 12345) >>> 0) % 20900))).join('');
    p.set(name, utf8(text(p.get(name)!).replace(/<si><t[^>]*>[^<]*<\/t><\/si>/, `<si><t>${long}</t></si>`)));
  });
  return [
    broken('dimension-1m-rows.xlsx', dim, /工作表「.+」.*1048576 行，超过上限/),
    broken('rows-110k.xlsx', manyRows, /工作表「.+」：有 (100000|50000) 行以上，超过上限 \1 行/),
    broken('cell-1mb.xlsx', bigCell, /工作表「.+」 第\d+行 [A-Z]+列.*1048576 个字符，超过上限 32767/),
  ];
}

/** Merged-cell bombs: tiny files whose merged areas would make the importer fill billions of cells. */
function mergeBombs(good: Uint8Array): CorpusFile[] {
  const withMerges = (dimension: string, refs: string[]) =>
    rezip(good, (p) => {
      const name = 'xl/worksheets/sheet1.xml';
      const xml = text(p.get(name)!).replace(/<mergeCells[^>]*>.*?<\/mergeCells>/s, '').replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${dimension}"/>`);
      const merges = `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`;
      p.set(name, utf8(xml.replace('</sheetData>', `</sheetData>${merges}`)));
    });
  return [
    // the reviewer's file: 5,000 copies of one 1.6-million-cell area (19 s in the importer before the cap)
    broken('merges-5000-copies.xlsx', withMerges('A1:XFD100', new Array(5000).fill('A1:XFD100')), /工作表「.+」：合并单元格共覆盖 \d+ 个单元格，超过上限 3000000 个/),
    broken('merges-overlapping.xlsx', withMerges('A1:XFD100', Array.from({ length: 50 }, (_, i) => `A1:XFD${100 - i}`)), /合并单元格共覆盖 \d+ 个单元格，超过上限/),
    broken('merges-12000.xlsx', withMerges('A1:B12000', Array.from({ length: 12_000 }, (_, i) => `A${i + 1}:B${i + 1}`)), /工作表「.+」：有 12000 个合并单元格区域，超过上限 10000 个/),
  ];
}

export interface XlsxBases {
  good: Uint8Array;
  otherSchool: Uint8Array;
  otherPack: Uint8Array;
  injection: Uint8Array;
}

export function xlsxCorpus(b: XlsxBases): CorpusFile[] {
  const tampered = editWorkbook(b.good, (wb) => {
    const ws = wb.Sheets['班级名册']!;
    const e4 = ws.E4 as XLSX.CellObject;
    ws.E4 = { t: 'n', v: Number(e4.v) + 1 };
  });
  return [
    { name: 'good.xlsx', bytes: b.good, outcome: { report: 'ok', restore: 'ok' } },
    { name: 'injection.xlsx', bytes: b.injection, outcome: { report: 'ok', restore: 'ok' } },
    { name: 'other-school.xlsx', bytes: b.otherSchool, outcome: { report: 'ok' }, why: /另一所学校/, whyFor: ['restore'] },
    { name: 'other-pack.xlsx', bytes: b.otherPack, outcome: { report: 'ok' }, why: /报表包“shuangliu”/, whyFor: ['restore'] },
    { name: 'tampered.xlsx', bytes: tampered, outcome: { restore: 'warn' }, why: /校验值|被改动过/, whyFor: XLSX_WHY },
    bad('pack-missing.xlsx', setMeta(b.good, 'pack', 'nosuchpack'), /工作表「_meta」.*报表包“nosuchpack”未安装/),
    bad('format-old.xlsx', setMeta(b.good, 'format', 'xiaobiao-report/0'), /工作表「_meta」.*不是校表通导出的报表格式/),
    bad('format-newer.xlsx', setMeta(b.good, 'format', 'xiaobiao-report/7'), /工作表「_meta」.*比本机的校表通新/),
    bad('format-unknown.xlsx', setMeta(b.good, 'format', 'other-app/1'), /工作表「_meta」.*不是校表通导出的报表格式/),
    bad('period-bad.xlsx', setMeta(b.good, 'period', '2025-13'), /工作表「_meta」/),
    ...truncations(b.good),
    ...byteFlips(b.good),
    ...bombs(b.good),
    ...sizes(b.good),
    ...mergeBombs(b.good),
  ];
}
