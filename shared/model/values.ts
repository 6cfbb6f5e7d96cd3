// Text typed or pasted by a user → the typed value a ledger column stores, and back.
// Unparseable text is kept as typed (never lost); the audit marks it as a type error.
import type { LedgerColumn } from '../pack/schema';
import type { CellValue } from './data';
import { cleanText } from './clean-text';
import { canonicalEnum } from '../pack/synonyms';

const pad = (n: number) => String(n).padStart(2, '0');
const FULL_WIDTH = /[０-９．－：／　]/g;

/** Full-width digits and punctuation (common from Chinese IMEs) → ASCII. */
export function toHalfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (c) => (c === '　' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

function validYmd(y: number, m: number, d: number): string | undefined {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Excel serial day number → ISO date (1900 date system, as Excel and WPS write). */
export function serialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}

export function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86400000 + 25569;
}

/** 2025-9-1, 2025/9/1, 2025.9.1, 2025年9月1日, 20250901 or an Excel serial → 2025-09-01. */
export function parseDate(text: string): string | undefined {
  const s = toHalfWidth(text).trim();
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (m) return validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{5}(\.\d+)?$/.test(s)) return serialToIso(Math.floor(Number(s)));
  return undefined;
}

/** 8:30, 08:30, 8：30, 8时30分, 0.354166 (Excel fraction of a day) → 08:30. */
export function parseTime(text: string): string | undefined {
  const s = toHalfWidth(text).trim();
  let m = /^(\d{1,2})\s*[:时点]\s*(\d{1,2})\s*分?(?::\d{1,2})?$/.exec(s);
  if (m) {
    const h = Number(m[1]);
    const mi = Number(m[2]);
    return h < 24 && mi < 60 ? `${pad(h)}:${pad(mi)}` : undefined;
  }
  m = /^0?\.\d+$/.exec(s);
  if (m) {
    // whole seconds first, then drop them as Excel's hh:mm does, so 23:59:59 stays 23:59
    const minutes = Math.floor(Math.round(Number(s) * 86400) / 60);
    return minutes < 1440 ? `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}` : undefined;
  }
  return undefined;
}

/**
 * 出生年月: 1985-3, 1985/03, 1985.3, 1985年3月, 198503, or a full date (its day dropped) → 1985-03.
 * Staff rosters kept in Excel often hold "1985.03"; a 6-digit number is read as YYYYMM.
 */
export function parseYearMonth(text: string): string | undefined {
  const s = toHalfWidth(text).trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return mo >= 1 && mo <= 12 && y >= 1900 ? `${y}-${pad(mo)}` : undefined;
  }
  return parseDate(s)?.slice(0, 7);
}

/**
 * 1973.1 in a 年月 column: a decimal number (Excel drops the 0 of 1973.10), so January or October.
 * Returns the two readings, or undefined when the text is not ambiguous (1973.10, 1973.2, 1973-1).
 */
export function ambiguousYearMonth(text: string): { read: string; other: string } | undefined {
  const m = /^(\d{4})\s*\.\s*1$/.exec(toHalfWidth(text).trim());
  return m && Number(m[1]) >= 1900 ? { read: `${m[1]}-01`, other: `${m[1]}-10` } : undefined;
}

export function parseDateTime(text: string): string | undefined {
  const s = toHalfWidth(text).trim();
  const serial = /^\d{5}\.\d+$/.exec(s);
  if (serial) {
    const n = Number(s);
    const minutes = Math.floor(Math.round((n - Math.floor(n)) * 86400) / 60);
    if (minutes >= 1440) return undefined;
    return `${serialToIso(Math.floor(n))} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  }
  const m = /^(.+?)(?:\s+|T|日)(\d{1,2}\s*[:时点]\s*\d{1,2}\s*分?(?::\d{1,2})?)$/.exec(s);
  if (!m) return undefined;
  const d = parseDate(m[1]!.endsWith('月') ? m[1]! : m[1]! + (s.includes('日') && !m[1]!.includes('日') ? '日' : ''));
  const t = parseTime(m[2]!);
  return d && t ? `${d} ${t}` : undefined;
}

function parseNumber(text: string, integer: boolean): number | undefined {
  const s = toHalfWidth(text).trim().replace(/,/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return undefined;
  const n = Number(s);
  if (!Number.isFinite(n)) return undefined;
  return integer && !Number.isInteger(n) ? undefined : n;
}

/** Typed, pasted or imported text → the column's value; characters an .xlsx cannot carry are
 * removed first (clean-text.ts), so what is stored is what every export reads back. */
export function parseInput(column: LedgerColumn, text: string): CellValue {
  const raw = cleanText(text).replace(/\n$/, '');
  if (raw.trim() === '') return null;
  switch (column.type) {
    case 'integer':
      return parseNumber(raw, true) ?? raw;
    case 'decimal':
      return parseNumber(raw, false) ?? raw;
    case 'date':
      return parseDate(raw) ?? raw;
    case 'time':
      return parseTime(raw) ?? raw;
    case 'datetime':
      return parseDateTime(raw) ?? raw;
    case 'yearMonth':
      return parseYearMonth(raw) ?? raw;
    case 'enum':
      // 大学本科 → 本科, “本　科” → 本科: the pack's synonyms, for typing, paste and import alike
      return canonicalEnum(column, raw);
    default:
      return raw.trim();
  }
}

/** Whether a stored value has the column's type (a wrong one is kept as text). */
export function hasColumnType(column: LedgerColumn, v: CellValue | undefined): boolean {
  if (v === null || v === undefined || v === '') return true;
  switch (column.type) {
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'decimal':
      return typeof v === 'number';
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && parseDate(v) === v;
    case 'time':
      return typeof v === 'string' && /^\d{2}:\d{2}$/.test(v) && parseTime(v) === v;
    case 'datetime':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(v) && parseDateTime(v) === v;
    case 'yearMonth':
      return typeof v === 'string' && /^\d{4}-\d{2}$/.test(v) && parseYearMonth(v) === v;
    default:
      return typeof v === 'string';
  }
}

const DATE_SHAPE = /^\d{1,4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?$|^\d{8}$/;
const YEAR_MONTH_SHAPE = /^\d{1,4}\s*[-/.年]\s*\d{1,2}\s*月?$|^\d{6}$/;

/**
 * Why text kept in a date, 年月 or datetime column is not its type although it is written like one:
 * 日期不存在 (2025-02-30, 0000-00-00, 1973.13). Undefined for anything else (then it is just not a date).
 */
export function impossibleDate(column: LedgerColumn, v: CellValue | undefined): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = toHalfWidth(v).trim();
  const date = s.replace(/(?:\s+|T|日)\d{1,2}\s*[:时点]\s*\d{1,2}\s*分?(?::\d{1,2})?$/, '');
  switch (column.type) {
    case 'date':
      return DATE_SHAPE.test(s) && !parseDate(s) ? '日期不存在' : undefined;
    case 'yearMonth':
      return (YEAR_MONTH_SHAPE.test(s) || DATE_SHAPE.test(s)) && !parseYearMonth(s) ? '日期不存在' : undefined;
    case 'datetime':
      return date !== s && DATE_SHAPE.test(date) && !parseDate(date) ? '日期不存在' : undefined;
    default:
      return undefined;
  }
}

export function formatValue(v: CellValue | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}
