// The school registry from a file the bureau already has (xlsx, or csv in UTF-8 or GBK), with the
// set-up's own headers. Stand-in for the core helper's parser (shared/consolidate/registry.ts):
// same contract (RegistrySchool), and every problem named by row and column for the preview.
import type { DecodedBook, RawCell } from '../../../shared/import/decode';
import type { RowProblem } from '../../../shared/import/convert';
import type { RegistrySchool } from '../../../shared/consolidate/types';
import type { Pack } from '../../../shared/pack/schema';
import { SPONSORS, URBAN_RURAL } from '../../../shared/model/school';
import { columnLetter } from '../../../shared/xlsx/addresses';

type Key = 'code' | 'name' | 'type' | 'sponsor' | 'township' | 'urbanRural' | 'puhui';

/** Header texts as the set-up names them, with the spellings other systems use. */
const HEADERS: Record<Key, readonly string[]> = {
  code: ['学校标识码', '学校代码', '标识码'],
  name: ['学校名称', '单位名称', '学校'],
  type: ['办学类型', '学校类型'],
  sponsor: ['举办者', '举办者类型', '办别'],
  township: ['所在乡镇（街道）', '所在乡镇(街道)', '乡镇（街道）', '乡镇(街道)', '所在乡镇', '乡镇'],
  urbanRural: ['城乡分类', '城乡类别'],
  puhui: ['是否普惠性幼儿园', '普惠性', '是否普惠'],
};
const REQUIRED: readonly Key[] = ['code', 'name', 'type', 'sponsor', 'township', 'urbanRural'];

export interface RegistryParse {
  schools: RegistrySchool[];
  problems: RowProblem[];
  /** the file's first sheet with the headers, for the message when none has them */
  sheet?: string;
}

const text = (c: RawCell | undefined) => (c === null || c === undefined ? '' : String(c).trim());
const norm = (s: string) => s.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');

function headerMap(row: readonly RawCell[]): Map<Key, number> {
  const out = new Map<Key, number>();
  row.forEach((c, i) => {
    const h = norm(text(c));
    for (const [k, names] of Object.entries(HEADERS) as [Key, readonly string[]][])
      if (!out.has(k) && names.some((n) => norm(n) === h)) out.set(k, i);
  });
  return out;
}

export function parseRegistryBook(book: DecodedBook, pack: Pack): RegistryParse {
  const problems: RowProblem[] = [];
  for (const sheet of book.sheets) {
    const headerRow = sheet.rows.findIndex((r) => headerMap(r).has('code') && headerMap(r).has('name'));
    if (headerRow < 0) continue;
    const cols = headerMap(sheet.rows[headerRow]!);
    for (const k of REQUIRED)
      if (!cols.has(k)) problems.push({ index: -1, sourceRow: headerRow + 1, colKey: k, severity: 'error', message: `缺少“${HEADERS[k][0]}”列` });
    if (problems.length) return { schools: [], problems, sheet: sheet.name };
    const schools: RegistrySchool[] = [];
    const seen = new Map<string, number>();
    const types = pack.schoolTypes.map((t) => t.id);
    sheet.rows.slice(headerRow + 1).forEach((row, i) => {
      const sourceRow = headerRow + 2 + i;
      if (row.every((c) => text(c) === '')) return;
      const get = (k: Key) => (cols.has(k) ? text(row[cols.get(k)!]) : '');
      const bad = (k: Key, message: string) =>
        problems.push({ index: schools.length, sourceRow, sourceCol: columnLetter(cols.get(k)! + 1), header: HEADERS[k][0], colKey: k, severity: 'error', message });
      const before = problems.length;
      const code = get('code').replace(/\.0$/, '');
      if (!/^\d{10}$/.test(code)) bad('code', `学校标识码“${code}”应为 10 位数字`);
      else if (seen.has(code)) bad('code', `学校标识码 ${code} 与第 ${seen.get(code)} 行重复`);
      const name = get('name');
      if (name.length < 2) bad('name', '请填写学校名称');
      const type = get('type');
      if (!types.includes(type)) bad('type', `办学类型“${type}”不在报表包中，可选：${types.join('、')}`);
      const sponsor = get('sponsor');
      if (!(SPONSORS as readonly string[]).includes(sponsor)) bad('sponsor', `举办者“${sponsor}”应为 ${SPONSORS.join(' 或 ')}`);
      const township = get('township');
      if (!township) bad('township', '请填写所在乡镇（街道）');
      const urbanRural = get('urbanRural');
      if (!(URBAN_RURAL as readonly string[]).includes(urbanRural)) bad('urbanRural', `城乡分类“${urbanRural}”应为 ${URBAN_RURAL.join('、')}`);
      const puhui = get('puhui');
      if (problems.length > before) return;
      seen.set(code, sourceRow);
      schools.push({
        code, name, type, sponsor: sponsor as RegistrySchool['sponsor'], township, urbanRural: urbanRural as RegistrySchool['urbanRural'],
        ...(type === '幼儿园' ? { puhui: puhui === '是' || (!puhui && sponsor === '公办') } : {}),
      });
    });
    return { schools, problems, sheet: sheet.name };
  }
  problems.push({ index: -1, sourceRow: 1, colKey: 'code', severity: 'error', message: `文件「${book.fileName}」中找不到表头“学校标识码”和“学校名称”` });
  return { schools: [], problems };
}
