// What Excel shows for a number under a cell's number format, as far as the reader must know it:
// the number itself (General, text @, plain 0 / 0.00 / #,##0 patterns that do not round it away),
// a date or time, or something else. A format that makes Excel display another figure than the
// cell holds — literal digits (`0"0"`), hidden (`;;;`), %, scaling (`0,`), 中文数字 ([DBNum1]),
// fractions, exponents, several sections — is "other": the reader refuses such a cell.

export type CellFormat =
  | { kind: 'general' | 'text' | 'date' | 'other'; code: string }
  | { kind: 'number'; code: string; showsExactly: (v: number) => boolean };

// built-in formats Excel knows by id (ECMA-376 18.8.30, and the zh-CN date ids 27–36, 50–58)
const BUILTIN: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'yyyy-mm-dd', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'yyyy-mm-dd h:mm',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mm:ss.0', 48: '##0.0E+0', 49: '@',
};
const CJK_DATE_IDS = [27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58];

function numberFormat(code: string): CellFormat {
  const [int, frac = ''] = code.split('.');
  const decimals = frac.length;
  const zeroShown = int!.includes('0');
  return {
    kind: 'number',
    code,
    showsExactly: (v) => {
      if (!zeroShown && Math.abs(v) < 1) return false; // "#" shows nothing for 0
      const f = 10 ** decimals;
      return Math.abs(Math.round(v * f) / f - v) <= 1e-9 * Math.max(1, Math.abs(v));
    },
  };
}

/** Classifies one format code. */
export function classifyFormat(code: string): CellFormat {
  const c = code.trim();
  if (/^general$/i.test(c) || c === '') return { kind: 'general', code };
  if (c === '@') return { kind: 'text', code };
  // 中文/全角数字, currency or locale-specific rendering, colours and conditions: not the plain figure
  if (/\[(?:DBNum|NatNum|\$[^\]-]+|Red|Green|Blue|Black|White|Yellow|Cyan|Magenta|Color|[<>=])/i.test(c) || c.includes(';')) return { kind: 'other', code };
  const bare = c.replace(/\[\$-[0-9A-Fa-f]+\]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  if (/[ymdhs]|上午|下午|AM\/PM|A\/P/i.test(bare) && !/[0#?]/.test(bare.replace(/[.:]0+/g, ''))) return { kind: 'date', code };
  if (/^[#,0]*0?(?:\.[0#]+)?$/.test(c) && /[0#]/.test(c) && !c.endsWith(',') && !/,\./.test(c)) return numberFormat(c.replace(/,/g, ''));
  return { kind: 'other', code };
}

/** The formats of a workbook's cellXfs, from xl/styles.xml; index = a cell's `s`. */
export function cellFormats(stylesXml: string | undefined): (style: number) => CellFormat {
  const custom = new Map<number, string>();
  const xml = stylesXml ?? '';
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*?)\/?>/g)) {
    const id = /numFmtId\s*=\s*["'](\d+)["']/.exec(m[1]!)?.[1];
    const fc = /formatCode\s*=\s*"([^"]*)"|formatCode\s*=\s*'([^']*)'/.exec(m[1]!);
    if (id !== undefined && fc) custom.set(Number(id), unescapeXml(fc[1] ?? fc[2]!));
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  const ids: number[] = [];
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)) ids.push(Number(/numFmtId\s*=\s*["'](\d+)["']/.exec(m[1]!)?.[1] ?? 0));
  const cache = new Map<number, CellFormat>();
  return (style) => {
    let f = cache.get(style);
    if (!f) {
      // a style index past cellXfs is shown by Excel as the default (General)
      const id = ids[style] ?? 0;
      const code = custom.get(id) ?? BUILTIN[id] ?? (CJK_DATE_IDS.includes(id) ? 'yyyy"年"m"月"d"日"' : undefined);
      f = code === undefined ? { kind: 'other', code: `#${id}` } : classifyFormat(code);
      cache.set(style, f);
    }
    return f;
  };
}

/** A character reference as XML allows it; one past U+10FFFF (or absurdly long) becomes U+FFFD,
 * which no format or part name can use, so the file is refused by the check that reads it. */
function codePoint(n: number): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : '\uFFFD';
}

export function unescapeXml(s: string): string {
  return s.replace(/&(?:#x([0-9a-fA-F]{1,8})|#(\d{1,10})|(amp|lt|gt|quot|apos));/g, (_, hex, dec, name) =>
    hex ? codePoint(parseInt(hex, 16)) : dec ? codePoint(Number(dec)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name]!,
  );
}
