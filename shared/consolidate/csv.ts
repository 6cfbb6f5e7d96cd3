// CSV as Excel and WPS open it: UTF-8 with a BOM (without it Excel reads the bytes as GBK and
// shows 乱码), CRLF line ends, a field quoted when it holds , " CR or LF (quotes doubled).
// a text starting with one of these is run as a formula by Excel / WPS (CSV injection)
const FORMULA_START = /^[=+\-@\t\r]/;

function field(v: string | number | null | undefined, guard: boolean): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const text = guard && FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows → CSV text with a BOM and CRLF. `guardFormulas` puts a ' before a text a spreadsheet would
 * run as a formula (=, +, -, @) — for files with names typed by people, not for the facts (codes only).
 */
export function csvText(rows: readonly (readonly (string | number | null | undefined)[])[], opts: { guardFormulas?: boolean } = {}): string {
  const guard = opts.guardFormulas ?? false;
  return '\uFEFF' + rows.map((r) => r.map((v) => field(v, guard)).join(',')).join('\r\n') + '\r\n';
}

