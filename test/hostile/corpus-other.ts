// Hostile files that are not workbooks at all, or not the kind expected: OLE (.xls, password-
// protected .xlsx), CSV in GBK, HTML "xls", empty and random bytes, and data files (JSON) with
// wrong types, huge arrays, prototype keys, deep nesting, wrong encoding or format.
import fc from 'fast-check';
import iconv from 'iconv-lite';
import type { SchoolData } from '../../shared/model/data';
import type { CorpusFile } from './corpus-types';
import { oleFile } from './ole';
import { utf8 } from './zip-tools';

const SEED = 20261126;
const XLSX_WHY = ['report', 'restore'] as const;
const JSON_WHY = ['json'] as const;

export function otherFormats(): CorpusFile[] {
  const gbkCsv = iconv.encode('学校名称,班级,学生数\r\n罗江区实验小学,一年级1班,40\r\n', 'gbk');
  const randoms = fc.sample(fc.uint8Array({ minLength: 1, maxLength: 2048 }), { seed: SEED, numRuns: 30 });
  return [
    { container: true, name: 'encrypted.xlsx', bytes: oleFile(['EncryptionInfo', 'EncryptedPackage']), why: /打开密码/, whyFor: XLSX_WHY },
    { name: 'old.xls', bytes: oleFile(['Workbook']), why: /\.xls/, whyFor: XLSX_WHY },
    { container: true, name: 'word.xlsx', bytes: oleFile(['WordDocument']), why: /不是 Excel 工作簿/, whyFor: XLSX_WHY },
    { name: 'gbk.csv', bytes: new Uint8Array(gbkCsv), why: /文本文件（\.csv）/, whyFor: XLSX_WHY },
    { name: 'gbk-as.xlsx', bytes: new Uint8Array(gbkCsv), why: /不是 \.xlsx 工作簿/, whyFor: XLSX_WHY },
    { name: 'utf16.csv', bytes: new Uint8Array([0xff, 0xfe, ...iconv.encode('a,b\r\n1,2', 'utf16le')]), why: /\.csv/, whyFor: XLSX_WHY },
    { container: true, name: 'fake-html.xls', bytes: utf8('\ufeff  <html><body><table><tr><td>1</td></tr></table></body></html>'), why: /网页/, whyFor: XLSX_WHY },
    { container: true, name: 'empty.xlsx', bytes: new Uint8Array(0), why: /文件是空的/, whyFor: XLSX_WHY },
    { container: true, name: 'empty.json', bytes: new Uint8Array(0), why: /空/, whyFor: JSON_WHY },
    { container: true, name: 'png.xlsx', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), why: /不是电子表格文件/, whyFor: XLSX_WHY },
    ...randoms.map((bytes, i): CorpusFile => ({ name: `random-${i}.${i % 2 ? 'xlsx' : 'json'}`, bytes })),
  ];
}

type Json = Record<string, unknown>;
const clone = (d: SchoolData): Json => JSON.parse(JSON.stringify(d)) as Json;
const file = (name: string, value: unknown, why?: RegExp): CorpusFile => ({ name, bytes: utf8(JSON.stringify(value)), why, whyFor: JSON_WHY });
const rawFile = (name: string, text: string, why?: RegExp): CorpusFile => ({ name, bytes: utf8(text), why, whyFor: JSON_WHY });

/** Every path to a leaf of a (small) JSON value, to put a wrong value at. */
function leafPaths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) leafPaths(x, [...at, Array.isArray(v) ? Number(k) : k], out);
  else out.push(at);
  return out;
}

function setPath(root: Json, path: (string | number)[], value: unknown): void {
  let o = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  o[path[path.length - 1]!] = value;
}

/** The first period with a 班级名册 of two rows or more, and its index. */
function withClasses(good: Json): { d: SchoolData; i: number; rows: SchoolData['periods'][number]['sheets'][string]['rows'] & object } {
  const d = clone(good as unknown as SchoolData) as unknown as SchoolData;
  const i = d.periods.findIndex((p) => (p.sheets.classList?.rows?.length ?? 0) > 1);
  return { d, i, rows: d.periods[i]!.sheets.classList!.rows! };
}

/** The data file with the second 班级名册 row's 学生数 given twice, the second time different. */
function dupKey(good: Json): string {
  const { d, rows } = withClasses(good);
  rows[1] = { ...rows[1]!, students: 4321 };
  return JSON.stringify(d).replace('"students":4321', '"students":4321,"students":41');
}

function dupRowId(good: Json): SchoolData {
  const { d, rows } = withClasses(good);
  rows[1] = { ...rows[1]!, id: rows[0]!.id };
  return d;
}

export function jsonCorpus(demo: SchoolData): CorpusFile[] {
  const good = clone(demo);
  // structural leaves only (school and period headers, first rows): enough variety, small files
  const paths = leafPaths({ ...good, periods: (good.periods as Json[]).map((p) => ({ ...p, sheets: {} })) });
  const wrongValues = [{ x: 1 }, [1, 2], true, -1.5, null, '', 1e308 * 10];
  const cases = fc.sample(fc.tuple(fc.constantFrom(...paths), fc.constantFrom(...wrongValues)), { seed: SEED + 1, numRuns: 40 });
  const wrongTypes = cases
    .map(([path, value], i) => {
      const d = clone(demo);
      const before = JSON.stringify(d);
      setPath(d, path, value);
      // a value that happens to be valid there is no test; Infinity becomes null in JSON
      return JSON.stringify(d) === before || (path.at(-1) === 'savedAt' && typeof value === 'string') || path.at(-1) === 'appVersion' && typeof value === 'string'
        ? undefined
        : file(`wrong-type-${i}-${path.join('.')}.json`, d);
    })
    .filter((f): f is CorpusFile => !!f);
  const protoAt = (where: string) => {
    const text = JSON.stringify(good);
    return where === 'root' ? text.replace(/^\{/, '{"__proto__":{"polluted":true},') : text.replace('"sheets":{', `"sheets":{"${where}":{"rows":[]},`);
  };
  const deep = (n: number) => `{"format":"xiaobiao-data/1","x":${'['.repeat(n)}${']'.repeat(n)}}`;
  const truncatedAt = fc.sample(fc.integer({ min: 1, max: JSON.stringify(good).length - 1 }), { seed: SEED + 2, numRuns: 20 });
  return [
    { name: 'good.json', bytes: utf8(JSON.stringify(good)), outcome: { json: 'ok' } },
    ...wrongTypes,
    file('format-newer.json', { ...good, format: 'xiaobiao-data/2' }),
    file('format-unknown.json', { ...good, format: 'something-else' }),
    file('format-missing.json', { ...good, format: undefined }),
    // a million wrong items must cost one issue, not a million (data-file.ts stops at the first)
    file('huge-periods.json', { ...good, periods: new Array(1_000_000).fill(null) }, /periods\[0\]: /),
    file('huge-rows.json', { ...good, periods: [{ ...(good.periods as Json[])[0], sheets: { classList: { rows: new Array(300_000).fill({ id: 1 }) } } }] }, /periods\[0\]\.sheets\.classList\.rows\[0\]\.id: /),
    file('array-root.json', [good]),
    file('cell-40k.json', { ...good, periods: [{ ...(good.periods as Json[])[0], sheets: { classList: { rows: [{ id: 'r1', className: '班'.repeat(40_000) }] } } }] }, /32767/),
    file('string-root.json', 'xiaobiao-data/1'),
    // as strict as the app's restore (data-file.ts): what JSON.parse or the schema would let through
    rawFile('dup-key-row.json', dupKey(good), /periods\[\d+\]\.sheets\.classList\.rows\[1\]\.students：同一个键出现了两次/),
    rawFile('dup-key-root.json', JSON.stringify(good).replace(/^\{/, '{"format":"xiaobiao-data/1",'), /format：同一个键出现了两次/),
    file('dup-period.json', { ...good, periods: [(good.periods as Json[])[0], ...(good.periods as Json[])] }, /periods\[1\]：.*出现了两次/),
    file('dup-row-id.json', dupRowId(good), /periods\[\d+\]\.sheets\.classList\.rows\[1\]\.id：行号.*重复/),
    file('report-date-impossible.json', { ...good, periods: [{ ...(good.periods as Json[])[0], reportDate: '2025-02-30' }] }, /periods\[0\]\.reportDate: 日期不存在/),
    rawFile('proto-root.json', protoAt('root'), /__proto__/),
    rawFile('proto-sheets.json', protoAt('__proto__'), /__proto__/),
    rawFile('constructor-sheets.json', protoAt('constructor'), /constructor/),
    rawFile('deep-100.json', deep(100), /嵌套超过 32 层/),
    rawFile('deep-100000.json', deep(100_000), /嵌套超过 32 层/),
    rawFile('not-json.json', 'format: xiaobiao-data/1', /不是有效的 JSON/),
    { name: 'gbk.json', bytes: new Uint8Array(iconv.encode(JSON.stringify(good), 'gbk')), why: /不是 UTF-8/, whyFor: JSON_WHY },
    ...truncatedAt.map((at) => rawFile(`truncated-${at}.json`, JSON.stringify(good).slice(0, at))),
  ];
}
