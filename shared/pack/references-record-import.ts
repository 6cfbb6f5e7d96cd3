// Cross-references of a ledger's per-record import rules (schema-record-import.ts): every column
// it counts into is a column of the ledger, every field a test reads is one of its fields.
import type { LedgerSheet } from './schema';
import type { RecordTest } from './schema-record-import';

function testFields(t: RecordTest, out: string[] = []): string[] {
  if (t.kind === 'any' || t.kind === 'all') for (const x of t.of) testFields(x, out);
  else if (t.kind !== 'origin') out.push(t.field);
  return out;
}

export function checkRecordImportRefs(sheet: LedgerSheet, at: string, out: string[]): void {
  const r = sheet.recordImport;
  if (!r) return;
  const base = `${at}.recordImport`;
  const cols = new Set(sheet.columns.map((c) => c.key));
  const fields = new Set(r.fields.map((f) => f.key));
  if (fields.size !== r.fields.length) out.push(`${base}.fields: 字段 key 重复`);
  const col = (k: string, where: string) => !cols.has(k) && out.push(`${base}.${where}: 本表没有列 "${k}"`);
  const field = (k: string, where: string) => !fields.has(k) && out.push(`${base}.${where}: fields 中没有 "${k}"`);
  col(r.stageColumn, 'stageColumn');
  col(r.gradeColumn, 'gradeColumn');
  col(r.groupColumn, 'groupColumn');
  col(r.totalColumn, 'totalColumn');
  field(r.gradeField, 'gradeField');
  field(r.groupField, 'groupField');
  if (r.stageField) field(r.stageField, 'stageField');
  [...r.recognise.all, ...r.recognise.any].forEach((k) => field(k, 'recognise'));
  for (const k of [...(r.origin?.fields ?? []), ...(r.origin?.hukouField ? [r.origin.hukouField] : [])]) field(k, 'origin');
  r.counts.forEach((c, i) => {
    col(c.column, `counts[${i}].column`);
    for (const f of testFields(c.test)) field(f, `counts[${i}].test`);
    if (c.test.kind !== 'origin' && JSON.stringify(c.test).includes('"origin"') && !r.origin) out.push(`${base}.counts[${i}]: 用到 origin 但没有定义 origin`);
  });
}
