// Cross-reference checks for schema-completeness.ts: the rows, columns and lists a completeness
// check names exist, so a bureau's typo is a load error, not a check that silently never fires.
import type { LedgerSheet, Pack, StatCheck } from './schema';

export function checkCompletenessStatRefs(k: StatCheck, codes: Set<string>, cols: Set<string>, at: string, out: string[]): void {
  const cells: [string, string][] =
    k.kind === 'notBlank' ? [...k.rows.flatMap((r) => k.cols.map((c) => [r, c] as [string, string])), ...(k.when ? [[k.when.row, k.when.col] as [string, string]] : [])]
      : k.kind === 'cellLte' ? [[k.row, k.col], [k.than.row, k.than.col]]
        : k.kind === 'cellNear' ? [[k.row, k.col], [k.near.row, k.near.col]] : [];
  for (const [r, c] of cells) {
    if (!codes.has(r)) out.push(`${at}: 没有代码 "${r}"`);
    if (!cols.has(c)) out.push(`${at}: 没有列 "${c}"`);
  }
}

export function checkCompletenessLedgerRefs(sheet: LedgerSheet, at: string, pack: Pack, out: string[]): void {
  const keys = new Set(sheet.columns.map((c) => c.key));
  (sheet.checks ?? []).forEach((k, j) => {
    if (k.kind !== 'answerMatchesLedger') return;
    const kat = `${at}.checks[${j}]`;
    for (const f of Object.keys(k.row)) if (!keys.has(f)) out.push(`${kat}.row: 本表没有列 "${f}"`);
    if (!(sheet.fixedRows ?? []).some((r) => Object.entries(k.row).every(([f, v]) => r[f] === v)))
      out.push(`${kat}.row: 本表的固定行中没有这一行`);
    const lists: [string, string, string][] = [[k.ledger.sheet, k.ledger.date, 'ledger'], ...(k.days?.sheets ?? []).map((d, i) => [d.sheet, d.date, `days.sheets[${i}]`] as [string, string, string])];
    for (const [id, date, where] of lists) {
      const s = pack.sheets[id];
      if (!s) continue; // a pack without that list leaves the check inert
      if (s.kind !== 'ledger') out.push(`${kat}.${where}.sheet: "${id}" 不是名册表`);
      else if (!s.columns.some((c) => c.key === date)) out.push(`${kat}.${where}.date: 表 "${id}" 没有列 "${date}"`);
    }
    const list = pack.sheets[k.ledger.sheet];
    if (list?.kind === 'ledger')
      for (const c of k.ledger.where ?? []) if (!list.columns.some((x) => x.key === c.field)) out.push(`${kat}.ledger.where: 表 "${list.id}" 没有列 "${c.field}"`);
  });
}
