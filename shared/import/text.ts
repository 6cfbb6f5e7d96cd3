// Text files a school exports from other systems (学籍系统, 人事系统, WPS “另存为 CSV”): the bytes
// may be UTF-8 (with or without BOM), UTF-16 (Excel's “Unicode 文本”, BOM or not) or GBK/GB18030
// (what Chinese Windows writes by default). Decoded here, then split as CSV or tab-separated.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Which encoding the bytes are in: a BOM decides; else a NUL pattern means UTF-16; else UTF-8 if valid, else GB18030. */
export function detectEncoding(b: Uint8Array): TextEncodingName {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  // ASCII text in UTF-16 has a NUL in every other byte: odd positions for LE, even for BE
  const n = Math.min(b.length, 4096) & ~1;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (pairs > 0 && oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le';
  if (pairs > 0 && evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be';
  return utf8Text(b) === undefined ? 'gb18030' : 'utf-8';
}

/** The bytes as UTF-8 text, or undefined when they are not valid UTF-8. */
function utf8Text(b: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return undefined;
  }
}

/** Bytes → text in the detected encoding, BOM dropped. */
export function decodeText(b: Uint8Array): { text: string; encoding: TextEncodingName } {
  const encoding = detectEncoding(b);
  // TextDecoder drops a BOM by default (ignoreBOM: false); valid UTF-8 is decoded once, not
  // once to find out and once more to read
  const text = (encoding === 'utf-8' ? utf8Text(b) : undefined) ?? new TextDecoder(encoding).decode(b);
  return { text, encoding };
}

/** Tab-separated when the first line has tabs and no more commas than tabs; else comma-separated. */
export function detectDelimiter(text: string): ',' | '\t' {
  const first = text.slice(0, text.search(/\r|\n/) < 0 ? text.length : text.search(/\r|\n/));
  const tabs = first.split('\t').length - 1;
  const commas = first.split(',').length - 1;
  return tabs > 0 && tabs >= commas ? '\t' : ',';
}

/**
 * CSV (RFC 4180, as Excel and WPS write it) → rows of cell texts: a quoted cell may hold the
 * delimiter, doubled quotes and line breaks. A trailing line break ends the last row.
 * `maxRows` stops early so a huge file fails fast with a clear message instead of eating memory.
 */
export function parseDelimited(text: string, delimiter: ',' | '\t', maxRows = Infinity): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  const delim = delimiter.charCodeAt(0);
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') (cell += '"'), (i += 2);
        else (quoted = false), i++;
      } else {
        const next = text.indexOf('"', i);
        const end = next < 0 ? n : next;
        cell += text.slice(i, end);
        i = end;
      }
      continue;
    }
    if (c === '"' && cell === '') (quoted = true), i++;
    else if (c === delimiter) row.push(cell), (cell = ''), i++;
    else if (c === '\r' || c === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = '');
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      if (rows.length > maxRows) return rows;
    } else {
      // plain text up to the next delimiter, quote or line break, as one slice: adding a
      // character at a time made a 3,000,000-cell file several times slower to split
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === delim || d === 34 || d === 13 || d === 10) break;
        j++;
      }
      cell += text.slice(i, j);
      i = j;
    }
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row);
  return rows;
}
