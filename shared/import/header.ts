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

/** Header text → comparable form: NFKC (full-width → half-width), no spaces/line breaks/marks/brackets, lower case. */
export function normaliseHeader(text: RawCell | undefined): string {
  if (text === null || text === undefined) return '';
  return String(text)
    .normalize('NFKC')
    .replace(MARKS, '')
    .replace(/[\s:：_\-—]/g, '')
    .replace(BRACKETS, '')
    .toLowerCase();
}

/** The header with bracketed notes removed (“出生日期(格式:2025-09-01)” → 出生日期). */
function baseHeader(text: RawCell | undefined): string {
  if (text === null || text === undefined) return '';
  return normaliseHeader(String(text).normalize('NFKC').replace(BRACKETED, ''));
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

/** Header texts a source column may be known by: its own cell, and with the merged group above it
 * (“随迁子女” over “外省迁入” reads as 随迁子女(外省迁入)). */
function candidates(rows: readonly RawCell[][], headerRow: number, c: number): string[][] {
  const cell = rows[headerRow]?.[c] ?? null;
  const above = headerRow > 0 ? (rows[headerRow - 1]?.[c] ?? null) : null;
  const exact = [normaliseHeader(cell)];
  const loose = [baseHeader(cell)];
  if (above !== null && above !== cell) exact.push(normaliseHeader(above) + normaliseHeader(cell));
  return [exact.filter(Boolean), loose.filter(Boolean)];
}

/**
 * Columns matched by name for a header row: an exact normalised match first, then one with
 * bracketed notes dropped. Each ledger column and each source column is used once.
 */
export function matchColumns(columns: readonly LedgerColumn[], rows: readonly RawCell[][], headerRow: number): ColumnMapping {
  const width = rows[headerRow]?.length ?? 0;
  const names = namesOf(columns);
  const cands = Array.from({ length: width }, (_, c) => candidates(rows, headerRow, c));
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  for (const pass of [0, 1]) {
    columns.forEach((col, i) => {
      if (mapping[col.key] !== undefined) return;
      for (let c = 0; c < width; c++) {
        if (used.has(c)) continue;
        if (cands[c]![pass]!.some((n) => names[i]!.has(n))) {
          mapping[col.key] = c;
          used.add(c);
          return;
        }
      }
    });
  }
  return mapping;
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
  const last = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    const mapping = matchColumns(columns, sheet.rows, r);
    const score = Object.keys(mapping).length;
    if (score > best.score) best = { headerRow: r, mapping, score };
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
