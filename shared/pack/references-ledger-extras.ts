// Cross-reference checks for schema-ledger-extras.ts: a fixed-row list names only its own columns
// and fixes the same columns on every row; a worksheet of several lists names ledger sheets that
// belong to it alone.
import type { ColumnCheck, LedgerGroupSheet, LedgerSheet, Pack } from './schema';

/** The column of its row an extra column check reads, if any. */
function extraFields(k: ColumnCheck): [string, string][] {
  return k.kind === 'requiredIfMin' ? [['field', k.field]] : [];
}

export function checkLedgerExtras(sheet: LedgerSheet, at: string, out: string[]): void {
  const keys = new Set(sheet.columns.map((c) => c.key));
  sheet.columns.forEach((c, i) =>
    (c.checks ?? []).forEach((k, j) => {
      for (const [name, field] of extraFields(k))
        if (!keys.has(field)) out.push(`${at}.columns[${i}].checks[${j}].${name}: 本表没有列 "${field}"`);
    }),
  );
  if (!sheet.fixedRows) return;
  const fixed = Object.keys(sheet.fixedRows[0] ?? {}).sort().join('|');
  sheet.fixedRows.forEach((row, i) => {
    for (const key of Object.keys(row)) if (!keys.has(key)) out.push(`${at}.fixedRows[${i}]: 本表没有列 "${key}"`);
    // the fixed columns are read-only in the app: every row must fix the same ones
    if (Object.keys(row).sort().join('|') !== fixed) out.push(`${at}.fixedRows[${i}]: 每行固定的列必须相同（${fixed.replace(/\|/g, '、')}）`);
  });
  if (sheet.columns.every((c) => fixed.split('|').includes(c.key))) out.push(`${at}.fixedRows: 至少要留一列给学校填写`);
}

export function checkLedgerGroup(group: LedgerGroupSheet, at: string, pack: Pack, out: string[]): void {
  const seen = new Set<string>();
  group.parts.forEach((p, i) => {
    const part = pack.sheets[p.id];
    if (!part || part.kind !== 'ledger') out.push(`${at}.parts[${i}].id: "${p.id}" 不是名册表`);
    if (seen.has(p.id)) out.push(`${at}.parts[${i}].id: 分块 "${p.id}" 重复`);
    seen.add(p.id);
  });
}

/** A part belongs to one group and is never listed in a submission itself (it would be exported twice). */
export function checkGroupMembership(pack: Pack): string[] {
  const out: string[] = [];
  const owner = new Map<string, string>();
  for (const sheet of Object.values(pack.sheets)) {
    if (sheet.kind !== 'ledgerGroup') continue;
    for (const p of sheet.parts) {
      if (pack.sheets[p.id]?.kind !== 'ledger') continue; // reported by checkLedgerGroup already
      const other = owner.get(p.id);
      if (other && other !== sheet.id) out.push(`sheets["${sheet.id}"].parts: 分块 "${p.id}" 已属于 "${other}"`);
      owner.set(p.id, sheet.id);
    }
  }
  pack.submissions.forEach((sub, i) =>
    sub.sheets.forEach((id, j) => {
      const group = owner.get(id);
      if (group) out.push(`submissions[${i}].sheets[${j}]: "${id}" 是 "${group}" 的分块，只列出 "${group}"`);
    }),
  );
  return out;
}
