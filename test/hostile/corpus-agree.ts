// Workbooks that Excel and SheetJS would read differently, or whose figures are not what the
// school's Excel showed (issue 12 item 3), each derived in code from a real export: zips with a
// second reading (end record not at the end, records that disagree, duplicate names, ZIP64 and
// Unicode-path fields), cells that are formulas, errors, no finite number, no real date, twice
// the same, out of order or outside the dimension, number formats that show another figure,
// hidden sheets, macros, links, objects and pictures, and a _meta edited after export.
import type { SheetGrid } from '../../shared/xlsx/grid';
import { address } from '../../shared/xlsx/addresses';
import type { CorpusFile } from './corpus-types';
import { editWorkbook, setMeta } from './corpus-xlsx';
import { entriesOf, rezip, text, utf8, zip, type RawEntry } from './zip-tools';
import * as XLSX from 'xlsx';
import { sha256Text as sha256Hex } from '../../shared/hash/sha256';

const XLSX_WHY: readonly ['report', 'restore'] = ['report', 'restore'];
const bad = (name: string, bytes: Uint8Array, why: RegExp): CorpusFile => ({ name: `agree-${name}.xlsx`, bytes, why, whyFor: XLSX_WHY });
/** a zip every reader refuses (the roster importer too) */
const broken = (name: string, bytes: Uint8Array, why: RegExp): CorpusFile => ({ ...bad(name, bytes, why), container: true });

const part = (i: number) => `xl/worksheets/sheet${i + 1}.xml`;
const cat = (...bs: Uint8Array[]) => new Uint8Array(Buffer.concat(bs.map((b) => Buffer.from(b))));

function editPart(bytes: Uint8Array, name: string, edit: (xml: string) => string): Uint8Array {
  return rezip(bytes, (p) => {
    const xml = text(p.get(name)!);
    const out = edit(xml);
    if (out === xml) throw new Error(`corpus: the edit of ${name} changed nothing`);
    p.set(name, utf8(out));
  });
}

/** Replaces cell `ref` of sheet `i` (0-based, workbook order) by `cellXml`. */
function setCell(bytes: Uint8Array, i: number, ref: string, cellXml: string): Uint8Array {
  return editPart(bytes, part(i), (x) => x.replace(new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`), cellXml));
}

/** Where the cells that matter are in the good export: sheet index and A1 address. */
export interface Landmarks {
  stat: { i: number; ref: string; row: number; col: string; title: string };
  count: { i: number; ref: string; title: string };
  date: { i: number; ref: string; title: string };
}

export function landmarks(grids: readonly SheetGrid[]): Landmarks {
  const find = (pred: (g: SheetGrid) => boolean, role: string) => {
    const i = grids.findIndex((g) => pred(g) && g.rows.some((r) => r.some((c) => c.role === role && typeof c.v === 'number')));
    const g = grids[i]!;
    const r = g.rows.findIndex((row) => row.some((c) => c.role === role && typeof c.v === 'number'));
    const c = g.rows[r]!.findIndex((x) => x.role === role && typeof x.v === 'number');
    return { i, ref: address(c + 1, r + 1), row: r + 1, col: address(c + 1, 1).replace(/\d+$/, ''), title: g.name };
  };
  return {
    stat: find((g) => g.name.startsWith('教基3112'), 'data'),
    count: find((g) => g.name === '班级名册', 'data'),
    date: find((g) => g.name === '教职工名册', 'date'),
  };
}

function zipTricks(good: Uint8Array): CorpusFile[] {
  const entries = entriesOf(good);
  const dv = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
  const eocd = good.length - 22;
  const cdOffset = dv(good).getUint32(eocd + 16, true);
  // the second local header and its directory record, for patching one of the two
  const firstLen = 30 + dv(good).getUint16(26, true) + dv(good).getUint16(28, true) + dv(good).getUint32(18, true);
  const patched = (at: number, set: (v: DataView) => void) => {
    const b = good.slice();
    set(dv(b.subarray(at)));
    return b;
  };
  const cd2 = (() => {
    let p = cdOffset;
    p += 46 + dv(good).getUint16(p + 28, true) + dv(good).getUint16(p + 30, true) + dv(good).getUint16(p + 32, true);
    return p;
  })();
  const withEntries = (extra: RawEntry[]) => zip([...entries, ...extra]);
  const sheet2 = entries.find((e) => e.name === part(1))!;
  // a complete second zip after the first: a backward search finds the second's end record
  const other = zip(entries.map((e) => (e.name === part(1) ? { ...e, data: utf8(text(e.data).replace(/<v>\d+<\/v>/, '<v>999</v>')) } : e)), { base: good.length });
  const comment = (c: Uint8Array) => {
    const b = cat(good, c);
    dv(b).setUint16(eocd + 20, c.length, true);
    return b;
  };
  const fakeEnd = new Uint8Array(22);
  dv(fakeEnd).setUint32(0, 0x06054b50, true);
  const zip64Locator = new Uint8Array(20);
  dv(zip64Locator).setUint32(0, 0x07064b50, true);
  const zip64Extra = new Uint8Array(20);
  dv(zip64Extra).setUint16(0, 0x0001, true);
  dv(zip64Extra).setUint16(2, 16, true);
  const unicodePath = new Uint8Array([0x75, 0x70, 9, 0, 1, 0, 0, 0, 0, ...utf8('evil')]);
  return [
    broken('trailing-bytes', cat(good, utf8('PK garbage after the end record')), /目录结束记录之后还有 \d+ 字节/),
    broken('comment-length-lies', patched(eocd, (v) => v.setUint16(20, 7, true)), /ZIP 结构有歧义|结构不完整/),
    broken('comment-hides-end-record', comment(fakeEnd), /无法打开/),
    broken('second-zip-appended', cat(good, other), /部件“.+”之前有 \d+ 字节不属于任何部件/),
    broken('zip64-locator', cat(good.subarray(0, eocd), zip64Locator, good.subarray(eocd)), /ZIP64/),
    broken('local-name-differs', patched(firstLen + 30, (v) => v.setUint8(0, 0x59 /* Y */)), /本地文件头中名称为/),
    broken('local-size-differs', patched(firstLen, (v) => v.setUint32(18, v.getUint32(18, true) + 1, true)), /大小前后不一致/),
    broken('local-method-differs', patched(firstLen, (v) => v.setUint16(8, v.getUint16(8, true) === 8 ? 0 : 8, true)), /压缩方式或标志不同/),
    broken('central-offset-moved', patched(cd2, (v) => v.setUint32(42, 0, true)), /重叠|不属于任何部件|出现了两次|本地文件头/),
    broken('duplicate-name', withEntries([{ ...sheet2 }]), /部件“xl\/worksheets\/sheet2\.xml”出现了两次/),
    broken('duplicate-name-case', withEntries([{ ...sheet2, name: 'XL/Worksheets/Sheet2.xml' }]), /同名（只差大小写或斜杠）/),
    broken('duplicate-name-backslash', withEntries([{ ...sheet2, name: 'xl\\worksheets\\sheet2.xml' }]), /同名（只差大小写或斜杠）/),
    broken('zip64-extra', zip(entries.map((e) => (e.name === part(1) ? { ...e, extra: zip64Extra } : e))), /ZIP64 大小字段/),
    broken('zip64-extra-local-only', zip(entries.map((e) => (e.name === part(1) ? { ...e, extra: zip64Extra, centralExtra: new Uint8Array(0) } : e))), /ZIP64 大小字段/),
    broken('unicode-path-extra', zip(entries.map((e) => (e.name === part(1) ? { ...e, extra: unicodePath } : e))), /Unicode 路径字段/),
    broken('non-ascii-name', withEntries([{ name: 'xl/数据.xml', data: utf8('<x/>') }]), /非 ASCII/),
  ];
}

function cellTricks(good: Uint8Array, L: Landmarks): CorpusFile[] {
  const s = L.stat;
  const at = (x: { title: string }, ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    return `工作表「${x.title}」 第${m[2]}行 ${m[1]}列`;
  };
  const statAt = at(s, s.ref);
  const cell = (ref: string, inner: string, attrs = '') => `<c r="${ref}"${attrs}>${inner}</c>`;
  const row = Number(/\d+$/.exec(s.ref)![0]);
  const rowOf = (xml: string, r: number) => new RegExp(`<row r="${r}"[^>]*>[\\s\\S]*?</row>`).exec(xml)![0];
  return [
    bad('formula', setCell(good, s.i, s.ref, cell(s.ref, '<f>10+2</f><v>12</v>')), new RegExp(`${statAt}：单元格是公式`)),
    bad('formula-shared', setCell(good, s.i, s.ref, cell(s.ref, '<f t="shared" si="0"/><v>12</v>')), /单元格是公式/),
    bad('error-div0', setCell(good, s.i, s.ref, cell(s.ref, '<v>#DIV/0!</v>', ' t="e"')), new RegExp(`${statAt}：单元格是错误值 #DIV/0!`)),
    bad('error-na', setCell(good, s.i, s.ref, cell(s.ref, '<v>#N/A</v>', ' t="e"')), /错误值 #N\/A/),
    bad('number-nan', setCell(good, s.i, s.ref, cell(s.ref, '<v>NaN</v>')), /数值“NaN”不是有限的数字/),
    bad('number-infinite', setCell(good, s.i, s.ref, cell(s.ref, '<v>1e400</v>')), /数值“1e400”不是有限的数字/),
    bad('stat-fraction', setCell(good, s.i, s.ref, cell(s.ref, '<v>12.5</v>')), new RegExp(`${statAt}：单位为“人”，应为整数，实为 12.5`)),
    bad('stat-negative', setCell(good, s.i, s.ref, cell(s.ref, '<v>-3</v>')), new RegExp(`${statAt}：应为非负的数，实为 -3`)),
    bad('list-count-fraction', setCell(good, L.count.i, L.count.ref, cell(L.count.ref, '<v>40.5</v>')), new RegExp(`${at(L.count, L.count.ref)}：“.+”应为非负整数，实为 40.5`)),
    bad('list-count-negative', setCell(good, L.count.i, L.count.ref, cell(L.count.ref, '<v>-2</v>')), /应为非负整数，实为 -2/),
    bad('date-nan', setCell(good, L.date.i, L.date.ref, cell(L.date.ref, '<v>NaN</v>', ' s="1"')), new RegExp(`${at(L.date, L.date.ref)}：数值“NaN”不是有限的数字`)),
    bad('date-serial-huge', setCell(good, L.date.i, L.date.ref, cell(L.date.ref, '<v>3000000</v>')), /日期序号 3000000 不是真实的日期/),
    bad('date-serial-negative', setCell(good, L.date.i, L.date.ref, cell(L.date.ref, '<v>-5</v>')), /日期序号 -5 不是真实的日期/),
    bad('date-typed-impossible', setCell(good, L.date.i, L.date.ref, cell(L.date.ref, '<v>2025-02-30</v>', ' t="d"')), /日期“2025-02-30”不是真实的日期/),
    bad('sst-index-past-end', setCell(good, s.i, s.ref, cell(s.ref, '<v>99999</v>', ' t="s"')), /文本索引“99999”超出共享文本表/),
    bad('cell-twice', editPart(good, part(s.i), (x) => x.replace(new RegExp(`(<c r="${s.ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>))`), `$1${cell(s.ref, '<v>99</v>')}`)), new RegExp(`单元格 ${s.ref} 出现了两次`)),
    bad('row-twice', editPart(good, part(s.i), (x) => x.replace(rowOf(x, row), (m) => m + m)), new RegExp(`第${row}行出现了两次`)),
    bad('rows-out-of-order', editPart(good, part(s.i), (x) => x.replace(rowOf(x, row) + rowOf(x, row + 1), rowOf(x, row + 1) + rowOf(x, row))), /排在第\d+行之后（行的顺序错乱）/),
    bad('cells-out-of-order', editPart(good, part(s.i), (x) => x.replace(/<row r="1"([^>]*)>(<c [^>]*?(?:\/>|>[\s\S]*?<\/c>))(<c [^>]*?(?:\/>|>[\s\S]*?<\/c>))/, '<row r="1"$1>$3$2')), /排在 .+ 之后（顺序错乱）/),
    bad('cell-in-wrong-row', setCell(good, s.i, s.ref, cell(s.ref.replace(/\d+$/, String(row + 1)), '<v>12</v>')), /写在第\d+行内（位置自相矛盾）/),
    bad('cell-past-dimension', editPart(good, part(s.i), (x) => x.replace('</sheetData>', `<row r="900"><c r="B900"><v>7</v></c></row></sheetData>`)), /单元格 B900 在工作表声明的范围 .+ 之外/),
    bad('row-1048576', editPart(good, part(s.i), (x) => x.replace('</sheetData>', '<row r="1048576"/></sheetData>')), /有 50000 行以上，超过上限 50000 行（第 1048576 行）/),
    bad('two-sheet-data', editPart(good, part(s.i), (x) => x.replace('</sheetData>', '</sheetData><sheetData/>')), /两份单元格数据/),
    bad('dtd', editPart(good, part(s.i), (x) => x.replace('<worksheet', '<!DOCTYPE worksheet [<!ENTITY a "1">]><worksheet')), /DTD/),
  ];
}

/** A style whose number format is `code`, added to styles.xml; returns its cellXfs index. */
function withFormat(bytes: Uint8Array, code: string, raw = false): { bytes: Uint8Array; s: number } {
  let s = -1;
  const out = editPart(bytes, 'xl/styles.xml', (x) => {
    const id = 300;
    const esc = raw ? code : code.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    let y = /<numFmts[^>]*>/.test(x) ? x.replace(/<numFmts[^>]*>/, (m) => `${m}<numFmt numFmtId="${id}" formatCode="${esc}"/>`) : x.replace(/<fonts/, `<numFmts count="1"><numFmt numFmtId="${id}" formatCode="${esc}"/></numFmts><fonts`);
    s = (/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(y)![1]!.match(/<xf\b/g) ?? []).length;
    y = y.replace('</cellXfs>', `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`);
    return y;
  });
  return { bytes: out, s };
}

function formatTricks(good: Uint8Array, L: Landmarks): CorpusFile[] {
  const s = L.stat;
  const shown = (code: string, v: string, raw = false) => {
    const f = withFormat(good, code, raw);
    return setCell(f.bytes, s.i, s.ref, `<c r="${s.ref}" s="${f.s}"><v>${v}</v></c>`);
  };
  const date = withFormat(good, 'yyyy-mm-dd');
  return [
    bad('format-literal-digit', shown('0"0"', '12'), /数字格式“0"0"”让 Excel 显示的不是单元格中的数值/),
    bad('format-hidden', shown(';;;', '12'), /数字格式“;;;”/),
    bad('format-percent', shown('0%', '12'), /数字格式“0%”/),
    bad('format-chinese-numerals', shown('[DBNum1]General', '12'), /数字格式/),
    bad('format-rounds', shown('0', '12.4'), /数字格式“0”让 Excel 显示的与数值 12.4 不同/),
    // a character reference past U+10FFFF: refused as a format, never an internal error
    bad('format-bad-char-ref', shown('&#x110000;0', '12', true), /数字格式/),
    bad('format-date-on-count', setCell(date.bytes, s.i, s.ref, `<c r="${s.ref}" s="${date.s}"><v>12</v></c>`), /数字设置了日期格式/),
  ];
}

function packageTricks(good: Uint8Array, L: Landmarks): CorpusFile[] {
  const add = (name: string, data: string) => rezip(good, (p) => p.set(name, utf8(data)));
  const sheetRels = (rel: string) => add('xl/worksheets/_rels/sheet4.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`);
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const ct = (edit: (x: string) => string) => editPart(good, '[Content_Types].xml', edit);
  return [
    bad('hidden-sheet', editPart(good, 'xl/workbook.xml', (x) => x.replace(`name="${L.stat.title}" state="visible"`, `name="${L.stat.title}" state="hidden"`)), new RegExp(`工作表「${L.stat.title}」：工作表被隐藏`)),
    bad('very-hidden-sheet', editPart(good, 'xl/workbook.xml', (x) => x.replace('name="封面" state="visible"', 'name="封面" state="veryHidden"')), /工作表被隐藏（veryHidden）/),
    bad('external-link-part', add('xl/externalLinks/externalLink1.xml', '<externalLink/>'), /指向其他工作簿的外部链接/),
    bad('external-target', sheetRels(`<Relationship Id="rId9" Type="${R}/printerSettings" Target="file:///C:/evil.xlsx" TargetMode="External"/>`), /外部链接（部件“xl\/worksheets\/_rels\/sheet4\.xml\.rels”/),
    bad('hyperlink-rel', sheetRels(`<Relationship Id="rId9" Type="${R}/hyperlink" Target="#封面!A1"/>`), /超链接/),
    bad('hyperlinks-element', editPart(good, part(L.stat.i), (x) => x.replace('</sheetData>', '</sheetData><hyperlinks><hyperlink ref="A1" location="封面!A1"/></hyperlinks>')), /工作表含有超链接/),
    bad('vba-project', add('xl/vbaProject.bin', 'not really vba'), /宏（VBA 工程）/),
    bad('xlsm-content-type', ct((x) => x.replace('spreadsheetml.sheet.main+xml', 'sheet.macroEnabled.main+xml').replace('officedocument.sheet.macroEnabled', 'ms-excel.sheet.macroEnabled')), /启用宏的工作簿/),
    bad('macro-sheet', add('xl/macrosheets/sheet1.xml', '<xm:macrosheet/>'), /Excel 4\.0 宏表/),
    bad('ole-embedding', add('xl/embeddings/oleObject1.bin', 'ole'), /嵌入的对象/),
    bad('activex', add('xl/activeX/activeX1.xml', '<ax:ocx/>'), /ActiveX/),
    bad('picture-over-cells', add('xl/drawings/drawing1.xml', '<xdr:wsDr/>'), /图片、图形或图表/),
    bad('ods-manifest', add('META-INF/manifest.xml', '<manifest:manifest/>'), /OpenDocument/),
    bad('second-main-part', ct((x) => x.replace('</Types>', '<Override PartName="/xl/other.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')), /工作簿主部件/),
  ];
}

/** The good file as format 1 wrote it: no sha256:_meta, sha256:all over the sheets only. */
export function asFormat1(good: Uint8Array, change: Record<string, string> = {}): Uint8Array {
  return editWorkbook(good, (wb) => {
    const ws = wb.Sheets['_meta']!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1 }).filter((r) => r[0] !== 'sha256:_meta');
    const meta = new Map(rows.map((r) => [String(r[0]), r[1]]));
    meta.set('format', 'xiaobiao-report/1');
    for (const [k, v] of Object.entries(change)) meta.set(k, v);
    const hashes = [...meta].filter(([k]) => k.startsWith('sha256:') && k !== 'sha256:all').map(([k, v]) => `${k.slice(7)}\n${v}\n`).join('');
    meta.set('sha256:all', sha256Hex(hashes));
    wb.Sheets['_meta'] = XLSX.utils.aoa_to_sheet([...meta]);
  });
}

/** An edited `_meta` is refused either by its own hash or, where a reader lets a changed hash through
 * to judge it (the bureau's verify, the restore), by 封面 no longer agreeing with it. */
const META_EDITED = /内容与校验值不符（_meta）|：两处不一致，文件被改动过/;

function metaTricks(good: Uint8Array, status: string): CorpusFile[] {
  const other = status === '已审核' ? '草稿' : '已审核';
  return [
    { ...bad('meta-status-edited', setMeta(good, 'status', other), META_EDITED), whyFor: ['report'] },
    { ...bad('meta-version-edited', setMeta(good, 'version', '9'), META_EDITED), whyFor: ['report'] },
    { ...bad('meta-period-edited', setMeta(good, 'period', '2024-2025'), META_EDITED), whyFor: ['report'] },
    // the restore reads edited files (with a warning): 封面 must still agree with _meta
    { ...bad('meta-status-edited-restore', setMeta(good, 'status', other), new RegExp(`封面的审核状态为“${status}”，_meta 中为“${other}”`)), whyFor: ['restore'] },
    { name: 'agree-format-1.xlsx', bytes: asFormat1(good), outcome: { report: 'warn', restore: 'warn' }, why: /旧格式 xiaobiao-report\/1/, whyFor: XLSX_WHY },
    bad('format-1-meta-status-edited', asFormat1(good, { status: other }), new RegExp(`工作表「封面」：封面的审核状态为“${status}”，_meta 中为“${other}”`)),
  ];
}

export function agreeCorpus(good: Uint8Array, grids: readonly SheetGrid[], status: string): CorpusFile[] {
  const L = landmarks(grids);
  return [...zipTricks(good), ...cellTricks(good, L), ...formatTricks(good, L), ...packageTricks(good, L), ...metaTricks(good, status)];
}
