// The package of a workbook sent to the bureau, checked part by part before SheetJS parses a
// sheet: nothing that runs, links out or shows other content than the cells (macros, Excel 4.0
// macro sheets, ActiveX, embedded objects, drawings, external links, data connections,
// hyperlinks, external relationships), one workbook part found the same way by Excel (the
// package relationship) and by SheetJS (the content types), each sheet's part the same for both,
// no hidden sheet but _meta, and every worksheet read the way Excel shows it (sheet-scan.ts).
import { partKey } from './zip-inspect';
import { cellFormats, unescapeXml } from './number-formats';
import { scanWorksheet, type SheetScan } from './sheet-scan';
import { SpreadsheetLimitError, type SpreadsheetLimits } from './limits';
import { META_SHEET } from './context';

/** Bounds of the report reader on top of SPREADSHEET_LIMITS (docs/limits.md): what a school's
 * largest report needs, many times over, and no more — so reading stays within 2 s and 300 MB. */
export const REPORT_LIMITS = {
  /** inflated bytes of all XML parts together */
  maxXmlBytes: 64 * 1024 * 1024,
  /** rows of one sheet, empty rows included */
  maxRows: 100_000,
  /** cells of all sheets together, empty styled cells included */
  maxCells: 1_000_000,
};

/** What SheetJS's zip reader (XLSX.CFB.read) returns: the parts, inflated. */
export interface CfbContainer {
  FullPaths: string[];
  FileIndex: { type: number; content: Uint8Array }[];
}

interface Part {
  name: string;
  bytes: Uint8Array;
}

const FORBIDDEN_PARTS: [RegExp, string][] = [
  [/^xl\/macrosheets\/|^xl\/dialogsheets\//, 'Excel 4.0 宏表或对话框表'],
  [/^xl\/activex\//, 'ActiveX 控件'],
  [/^xl\/ctrlprops\//, '表单控件'],
  [/^xl\/embeddings\//, '嵌入的对象（OLE）'],
  [/^xl\/externallinks\//, '指向其他工作簿的外部链接'],
  [/^xl\/connections\.xml$|^xl\/querytables\//, '外部数据连接'],
  [/^xl\/drawings\/(?!vmldrawing\d*\.vml$)|^xl\/media\/|^xl\/charts\/|^xl\/chartsheets\//, '图片、图形或图表（可能遮住单元格中的数字）'],
  [/\.bin$(?<!^xl\/printersettings\/printersettings\d*\.bin)/, '宏（VBA 工程）或二进制部件'],
  [/^meta-inf\/manifest\.xml$|^objectdata\.xml$|^index\/document\.iwa$/, '其他表格软件（OpenDocument/Numbers）的部件'],
];
const FORBIDDEN_REL = /\/(?:hyperlink|externalLink|oleObject|package|vbaProject|activeXControl|attachedTemplate|externalLinkPath|connections|queryTable|control|image|drawing|chart|chartsheet|macrosheet|dialogsheet)$/i;

const decoder = new TextDecoder('utf-8');

function partsOf(zip: CfbContainer): Map<string, Part> {
  const out = new Map<string, Part>();
  zip.FullPaths.forEach((full, i) => {
    const e = zip.FileIndex[i]!;
    if (e.type !== 2) return;
    const name = full.replace(/^Root Entry\//, '');
    out.set(partKey(name), { name, bytes: e.content as Uint8Array });
  });
  return out;
}

const attr = (attrs: string, name: string) => {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? unescapeXml(m[1] ?? m[2]!) : undefined;
};

/** Excel's resolution of a relationship target from the folder of its source part. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return partKey(target);
  const out = base.split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return partKey(out.join('/'));
}

/** Checks the package and scans every sheet; returns each sheet's scan by sheet name. */
export function checkReportPackage(fileName: string, zip: CfbContainer, limits: SpreadsheetLimits & typeof REPORT_LIMITS): Map<string, SheetScan> {
  const fail = (problem: string, sheet?: string): never => {
    throw new SpreadsheetLimitError(problem, { file: fileName, ...(sheet ? { sheet } : {}) });
  };
  const parts = partsOf(zip);
  let xmlBytes = 0;
  const texts = new Map<string, string>();
  const textOf = (key: string): string | undefined => {
    let t = texts.get(key);
    if (t === undefined) {
      const p = parts.get(key);
      if (!p) return undefined;
      t = decoder.decode(p.bytes);
      texts.set(key, t);
    }
    return t;
  };
  for (const [key, p] of parts) {
    const bad = FORBIDDEN_PARTS.find(([re]) => re.test(key));
    if (bad) fail(`含有${bad[1]}（部件“${p.name}”）：报送的报表只能有单元格中的数据，请删除后另存为 .xlsx`);
    if (/\.(xml|rels|vml)$/.test(key)) xmlBytes += p.bytes.length;
  }
  if (xmlBytes > limits.maxXmlBytes) fail(`XML 内容共 ${Math.round(xmlBytes / 1048576)} MB，超过报表上限 ${limits.maxXmlBytes / 1048576} MB`);

  const types = textOf('[content_types].xml') ?? '';
  // Defaults only map extensions (SheetJS itself declares .bin as macro-enabled); Overrides type parts
  const overrides = [...types.matchAll(/<(?:\w+:)?Override\b([^>]*?)\/?>/g)].map((m) => ({ part: partKey(attr(m[1]!, 'PartName') ?? ''), type: attr(m[1]!, 'ContentType') ?? '' }));
  const active = overrides.find((o) => /macroEnabled|vbaProject|activeX|oleObject/i.test(o.type));
  if (active) fail(`是启用宏的工作簿或含有宏、控件、嵌入对象（部件“${active.part}”）：请另存为普通的 .xlsx`);
  // every relationship: nothing external, no link or object types
  for (const [key, p] of parts) {
    if (!key.endsWith('.rels')) continue;
    const xml = textOf(key)!;
    for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
      if (/TargetMode\s*=\s*["']External["']/i.test(m[1]!)) fail(`含有外部链接（部件“${p.name}”指向 ${(attr(m[1]!, 'Target') ?? '').slice(0, 60)}）`);
      const type = attr(m[1]!, 'Type') ?? '';
      if (FORBIDDEN_REL.test(type)) fail(`含有${/hyperlink/i.test(type) ? '超链接' : `不允许的关系（${type.split('/').pop()}）`}（部件“${p.name}”）`);
    }
  }
  // the workbook part: Excel follows _rels/.rels, SheetJS the content types; both must name xl/workbook.xml
  const root = textOf('_rels/.rels') ?? '';
  const office = [...root.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)].find((m) => /\/officeDocument$/.test(attr(m[1]!, 'Type') ?? ''));
  const mains = overrides.filter((o) => /\.main(?:\+xml)?$/.test(o.type));
  if (!office || resolveTarget('', attr(office[1]!, 'Target') ?? '') !== 'xl/workbook.xml' || mains.length > 1 || (mains[0] && mains[0].part !== 'xl/workbook.xml'))
    fail('工作簿主部件不是 xl/workbook.xml，或声明了两个：Excel 与其他程序会打开不同的内容');

  const wbXml = textOf('xl/workbook.xml') ?? '';
  const relsXml = textOf('xl/_rels/workbook.xml.rels') ?? '';
  const rels = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) rels.set(attr(m[1]!, 'Id') ?? '', attr(m[1]!, 'Target') ?? '');
  const sstXml = textOf('xl/sharedstrings.xml');
  const sstCount = sstXml ? (sstXml.match(/<(?:\w+:)?si\b/g) ?? []).length : 0;
  const ctx = { sstCount, formatOf: cellFormats(textOf('xl/styles.xml')), maxRows: limits.maxRows, maxCells: limits.maxCells };
  const scans = new Map<string, SheetScan>();
  let cells = 0;
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const name = attr(m[1]!, 'name') ?? '';
    const state = attr(m[1]!, 'state') ?? 'visible';
    if (state !== 'visible' && name !== META_SHEET) fail(`工作表被隐藏（${state}）：Excel 中看不到它的数据`, name);
    const rid = /(?:^|\s)(?:\w+:)?id\s*=\s*["']([^"']*)["']/.exec(m[1]!)?.[1] ?? '';
    const target = rels.get(rid);
    if (target === undefined) fail('工作表没有对应的部件', name);
    const excel = resolveTarget('xl', target!);
    // SheetJS: 'xl/' + target without a leading xl/ (worksheet targets are relative to xl/)
    const sheetjs = partKey('xl/' + target!.replace(/[/]?xl\//, ''));
    if (excel !== sheetjs && parts.has(sheetjs)) fail(`工作表的部件位置有歧义（${target}）：Excel 与其他程序会读出不同的工作表`, name);
    const xml = textOf(excel);
    if (xml === undefined) fail(`工作表的部件“${target}”不存在`, name);
    const scan = scanWorksheet(xml!, { file: fileName, sheet: name }, { ...ctx, maxCells: limits.maxCells - cells });
    cells += scan.cells;
    scans.set(name, scan);
  }
  return scans;
}
