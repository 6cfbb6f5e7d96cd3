// Finding the header row of a roster and matching its columns to a ledger's columns by name.
// Rosters from 学籍系统 or typed by hand start with a title (“XX学校2025年秋季学生名册”), put
// “*必填” or “(格式:2025-09-01)” into headers, use full-width brackets and line breaks, and
// name columns in their own words (学生姓名, 出生年月, 身份证件号) — the pack lists the synonyms.
import type { LedgerColumn } from '../pack/schema';
import type { DecodedSheet, RawCell } from './decode';

/** How many top rows may hold the header (title rows, notes and blank lines above it). */
export const HEADER_SCAN_ROWS = 20;

/** column key ← 0-based source column index; a key absent is not imported. */
export type ColumnMapping = Record<string, number>;

const MARKS = /[*＊※]|必填项?|选填|可选|非必填/g;
const BRACKETS = /[()（）[\]［］【】〔〕<>《》]/g;
const BRACKETED = /[(（[［【〔<《][^)）\]］】〕>》]*[)）\]］】〕>》]/g;

/** How many columns a header may span: Excel's widest sheet (A…XFD). A CSV may be wider (only
 * its cell count is capped); a header cell past column XFD is not looked at — scanning 20 rows of
 * 150,000 columns kept the importer busy for most of a minute. */
export const HEADER_SCAN_COLUMNS = 16_384;

const OPENERS = /[(（[［【〔<《]/;

/** `normaliseHeader` of text already in NFKC form. */
function normalisedNfkc(nfkc: string): string {
  return nfkc.replace(MARKS, '').replace(/[\s:：_\-—]/g, '').replace(BRACKETS, '').toLowerCase();
}

/** Header text → comparable form: NFKC (full-width → half-width), no spaces/line breaks/marks/brackets, lower case. */
export function normaliseHeader(text: RawCell | undefined): string {
  if (text === null || text === undefined) return '';
  return normalisedNfkc(String(text).normalize('NFKC'));
}

/** The header with bracketed notes removed (“出生日期(格式:2025-09-01)” → 出生日期). */
function baseHeader(text: RawCell | undefined): string {
  if (text === null || text === undefined) return '';
  return normaliseHeader(String(text).normalize('NFKC').replace(BRACKETED, ''));
}

/** A cell's two comparable forms, exact and with bracketed notes dropped. */
interface CellNames {
  exact: string;
  loose: string;
}

/** Normalises each distinct cell text once per detection: a wide file repeats its values, and
 * 20 header rows × thousands of columns were normalised again for every row and ledger column. */
class NameCache {
  private readonly memo = new Map<RawCell, CellNames>();
  of(cell: RawCell | undefined): CellNames {
    if (cell === null || cell === undefined) return { exact: '', loose: '' };
    let names = this.memo.get(cell);
    if (!names) {
      const nfkc = String(cell).normalize('NFKC');
      const exact = normalisedNfkc(nfkc);
      // without an opening bracket nothing is bracketed: the loose form is the exact one
      names = { exact, loose: OPENERS.test(nfkc) ? normaliseHeader(nfkc.replace(BRACKETED, '')) : exact };
      this.memo.set(cell, names);
    }
    return names;
  }
}

/** Each column's names, normalised; a name with its bracketed part dropped counts only when no
 * other column shares it (随迁子女(外省迁入) and 随迁子女(本省外县迁入) must not both answer to 随迁子女). */
function namesOf(columns: readonly LedgerColumn[]): Set<string>[] {
  const all = columns.map((c) => [c.label, c.key, ...(c.aliases ?? [])]);
  const baseCount = new Map<string, number>();
  const bases = all.map((names) => new Set(names.map(baseHeader)));
  for (const b of bases) for (const n of b) baseCount.set(n, (baseCount.get(n) ?? 0) + 1);
  return all.map((names, i) => {
    const out = new Set(names.map(normaliseHeader));
    for (const n of bases[i]!) if (baseCount.get(n) === 1) out.add(n);
    out.delete('');
    return out;
  });
}

/** What one detection computes once for a ledger's columns. */
interface Matcher {
  names: Set<string>[];
  /** every name of every column: a source text not in here can match nothing */
  all: Set<string>;
  cache: NameCache;
}

function matcherFor(columns: readonly LedgerColumn[]): Matcher {
  const names = namesOf(columns);
  return { names, all: new Set(names.flatMap((n) => [...n])), cache: new NameCache() };
}

/**
 * Per pass, each header text that names some column → the source columns (ascending) known by it:
 * its own cell, and with the merged group above it (“随迁子女” over “外省迁入” reads as
 * 随迁子女(外省迁入)) for the exact pass; the cell with bracketed notes dropped for the loose one.
 */
function sourceIndex(m: Matcher, rows: readonly RawCell[][], headerRow: number): Map<string, number[]>[] {
  const row = rows[headerRow] ?? [];
  const up = headerRow > 0 ? (rows[headerRow - 1] ?? []) : [];
  const index = [new Map<string, number[]>(), new Map<string, number[]>()];
  const add = (pass: number, name: string, c: number) => {
    if (!name || !m.all.has(name)) return;
    const list = index[pass]!.get(name);
    if (!list) index[pass]!.set(name, [c]);
    else if (list[list.length - 1] !== c) list.push(c);
  };
  const width = Math.min(row.length, HEADER_SCAN_COLUMNS);
  for (let c = 0; c < width; c++) {
    const cell = row[c] ?? null;
    const own = m.cache.of(cell);
    add(0, own.exact, c);
    const above = up[c] ?? null;
    if (above !== null && above !== cell) add(0, m.cache.of(above).exact + own.exact, c);
    add(1, own.loose, c);
  }
  return index;
}

function match(m: Matcher, columns: readonly LedgerColumn[], rows: readonly RawCell[][], headerRow: number): ColumnMapping {
  const index = sourceIndex(m, rows, headerRow);
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  for (const pass of [0, 1]) {
    columns.forEach((col, i) => {
      if (mapping[col.key] !== undefined) return;
      // the leftmost source column still free that answers to one of this column's names
      let best = Infinity;
      for (const n of m.names[i]!) {
        const c = index[pass]!.get(n)?.find((x) => !used.has(x));
        if (c !== undefined && c < best) best = c;
      }
      if (best !== Infinity) {
        mapping[col.key] = best;
        used.add(best);
      }
    });
  }
  return mapping;
}

/**
 * Columns matched by name for a header row: an exact normalised match first, then one with
 * bracketed notes dropped. Each ledger column and each source column is used once; ledger
 * columns in order each take the leftmost free source column that names them.
 */
export function matchColumns(columns: readonly LedgerColumn[], rows: readonly RawCell[][], headerRow: number): ColumnMapping {
  return match(matcherFor(columns), columns, rows, headerRow);
}

export interface HeaderGuess {
  /** 0-based row index of the header, or undefined when no row names any column */
  headerRow: number | undefined;
  mapping: ColumnMapping;
  score: number;
}

/** The first row among the top HEADER_SCAN_ROWS whose cells name the most ledger columns. */
export function detectHeader(columns: readonly LedgerColumn[], sheet: DecodedSheet): HeaderGuess {
  let best: HeaderGuess = { headerRow: undefined, mapping: {}, score: 0 };
  const m = matcherFor(columns);
  const last = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    const mapping = match(m, columns, sheet.rows, r);
    const score = Object.keys(mapping).length;
    if (score > best.score) best = { headerRow: r, mapping, score };
    // every column named: a later row could only tie, and the first row wins a tie
    if (score === columns.length) break;
  }
  return best;
}

/** The worksheet whose header names the most columns (the first one on a tie or when none does). */
export function chooseSheet(columns: readonly LedgerColumn[], sheets: readonly DecodedSheet[]): { index: number; guess: HeaderGuess } {
  let index = 0;
  let guess = detectHeader(columns, sheets[0]!);
  sheets.forEach((s, i) => {
    if (i === 0) return;
    const g = detectHeader(columns, s);
    if (g.score > guess.score) (index = i), (guess = g);
  });
  return { index, guess };
}
