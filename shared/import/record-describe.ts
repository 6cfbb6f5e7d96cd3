// The rules of a per-record import in words, for the preview: which source column feeds which
// count and by what test, which columns are read only to recognise the file (and not kept), and
// which counts get 0 because the file has no column for them.
import type { LedgerSheet } from '../pack/schema';
import type { RecordImport, RecordTest } from '../pack/schema-record-import';
import { columnLetter } from '../xlsx/addresses';
import type { RawCell } from './decode';
import type { ColumnMapping } from './header';

export interface RuleLine {
  /** the ledger column counted (学生数, 女 …), or 不保存 for personal fields */
  column: string;
  /** source columns the rule reads, as "F 性别" */
  sources: string[];
  note: string;
  /** no column of the file feeds this count: it will be 0 */
  missing: boolean;
}

function fieldsOf(t: RecordTest, rules: RecordImport, out: Set<string>): Set<string> {
  if (t.kind === 'any' || t.kind === 'all') for (const x of t.of) fieldsOf(x, rules, out);
  else if (t.kind === 'origin') for (const f of [...(rules.origin?.fields ?? []), ...(rules.origin?.hukouField ? [rules.origin.hukouField] : [])]) out.add(f);
  else if (t.kind !== 'missing') out.add(t.field);
  return out;
}

export function describeRules(sheet: LedgerSheet, mapping: ColumnMapping, header: readonly RawCell[]): RuleLine[] {
  const rules = sheet.recordImport!;
  const label = (key: string) => sheet.columns.find((c) => c.key === key)?.label ?? key;
  const src = (field: string) => {
    const c = mapping[field];
    return c === undefined ? undefined : `${columnLetter(c + 1)} ${String(header[c] ?? '').replace(/\s+/g, ' ').trim()}`;
  };
  const sources = (fields: Iterable<string>) => [...fields].map(src).filter((s): s is string => s !== undefined);
  const gradeSources = sources([mapping[rules.gradeField] === undefined ? rules.groupField : rules.gradeField, ...(rules.stageField ? [rules.stageField] : [])]);
  const lines: RuleLine[] = [
    { column: `${label(rules.stageColumn)}、${label(rules.gradeColumn)}`, sources: gradeSources, note: '由年级的写法判断（七年级 → 初中 一年级，高一 → 普通高中 一年级，小班 → 学前）', missing: false },
    { column: label(rules.groupColumn), sources: sources([rules.groupField]), note: `统一写作 ${rules.groupName.replace('{grade}', '年级').replace('{n}', 'n')}（3.2、2班、三年级(2)班 都算同一班）`, missing: false },
    { column: label(rules.totalColumn), sources: [], note: '每名学生计 1 人', missing: false },
  ];
  for (const c of rules.counts) {
    const s = sources(fieldsOf(c.test, rules, new Set()));
    lines.push({ column: label(c.column), sources: s, note: c.note, missing: s.length === 0 });
  }
  lines.push({ column: '是/否的写法', sources: [], note: `“是”：${rules.yes.join('、')}；“否”：${rules.no.join('、')}（空白算“否”，其他写法列为问题）`, missing: false });
  const personal = rules.fields.filter((f) => f.personal && mapping[f.key] !== undefined);
  if (personal.length)
    lines.push({ column: '不保存', sources: sources(personal.map((f) => f.key)), note: '只在内存中用于识别和统计，不写入本机数据、数据文件、备份、修改记录或任何导出的表', missing: false });
  return lines;
}
