// Cross-reference checks for the `groupsMatch` sheet check: both lists and every column it names
// exist (or the other list is not in the pack at all), and the two `by` lists pair column with column.
import type { LedgerSheet, Pack } from './schema';

export function checkGroupsMatchRefs(sheet: LedgerSheet, at: string, pack: Pack, out: string[]): void {
  const keys = new Set(sheet.columns.map((c) => c.key));
  (sheet.checks ?? []).forEach((k, j) => {
    if (k.kind !== 'groupsMatch') return;
    const kat = `${at}.checks[${j}]`;
    for (const f of k.by) if (!keys.has(f)) out.push(`${kat}.by: 本表没有列 "${f}"`);
    for (const c of k.where ?? []) if (!keys.has(c.field)) out.push(`${kat}.where: 本表没有列 "${c.field}"`);
    const other = pack.sheets[k.other.sheet];
    // a pack without that list (a bureau's pack that leaves 陪餐 out) leaves the check inert
    if (!other) return;
    if (other.kind !== 'ledger') {
      out.push(`${kat}.other.sheet: "${k.other.sheet}" 不是名册表`);
      return;
    }
    const otherKeys = new Set(other.columns.map((c) => c.key));
    for (const f of k.other.by) if (!otherKeys.has(f)) out.push(`${kat}.other.by: 表 "${other.id}" 没有列 "${f}"`);
    for (const c of k.other.where ?? []) if (!otherKeys.has(c.field)) out.push(`${kat}.other.where: 表 "${other.id}" 没有列 "${c.field}"`);
    if (k.other.by.length !== k.by.length) out.push(`${kat}.other.by: 列数应与 by 相同（${k.by.length} 列）`);
  });
}
