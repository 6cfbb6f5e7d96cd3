// Text that reads back: characters an .xlsx cannot carry, or that a reader silently changes, are
// removed (or normalised) where text enters the app — typed, pasted, imported — and again on export
// for data that came in another way (a data file, an older database). docs/data-format.md lists them.
//   removed: NUL and the other C0 controls except TAB and LF (XML 1.0 forbids them: ExcelJS drops
//            them on write, so the read-back differs), DEL, the C1 controls U+0080–U+009F (invisible
//            debris of a wrongly decoded file), lone surrogates (written as U+FFFD), U+FFFE, U+FFFF;
//   changed: CR LF and a lone CR → LF (an XML reader turns CR into LF; LF is Excel's Alt+Enter).
//   kept:    TAB and LF, in every column type: a line break in 备注 or 地址 is the user's; in a number,
//            date or enum column it makes the value unparseable, which the 审核 then flags as a type error.
// Text that looks like Excel's `_xHHHH_` escape is kept as typed and escaped on export (xlsx-text.ts).

// eslint-disable-next-line no-control-regex
const BAD = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const QUICK = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text with the characters above removed and line breaks as LF. Idempotent; fast when clean. */
export function cleanText(s: string): string {
  if (!QUICK.test(s)) return s;
  return s.replace(/\r\n?/g, '\n').replace(BAD, '');
}

/** What `cleanText` would remove from `s`, as a short Chinese phrase (e.g. 控制字符 U+0000 ×2), or undefined when nothing. */
export function removedChars(s: string): string | undefined {
  if (!QUICK.test(s)) return undefined;
  const counts = new Map<string, number>();
  for (const m of s.replace(/\r\n?/g, '\n').matchAll(BAD)) {
    const code = m[0].charCodeAt(0);
    const name = code >= 0xd800 && code <= 0xdfff ? '不成对的代理字符' : code >= 0xfffe ? '非字符' : '控制字符';
    const key = `${name} U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (!counts.size) return undefined;
  return [...counts].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)).join('、');
}

/** Whether `s` holds anything cleanText removes or changes. */
export function needsCleaning(s: string): boolean {
  return QUICK.test(s) && cleanText(s) !== s;
}
