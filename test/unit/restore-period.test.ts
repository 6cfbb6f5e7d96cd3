// A 校表通 workbook read back as one period of this school (shared/xlsx/read-period.ts): every
// submission of both packs comes back as it was exported; other schools', other packs', newer
// formats and blank templates are refused; an edit after export is a warning; the diff lists
// exactly the edited cells.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { seedPacks } from '../../shared/cli/seeds';
import { exportReport } from '../../shared/xlsx/export';
import { exportTemplate } from '../../shared/xlsx/template';
import { readPeriodWorkbook } from '../../shared/xlsx/read-period';
import { diffPeriods, positionalIds } from '../../shared/xlsx/period-diff';
import { alignRows } from '../../shared/xlsx/align-rows';
import { formatProblem, REPORT_FORMAT_VERSION, upgradeWorkbook, type FormatUpgrade, type RawWorkbook } from '../../shared/xlsx/report-format';
import { demoSchool } from '../../shared/demo/demo-school';
import { historyOf } from '../../shared/model/history';
import { findSubmission } from '../../shared/pack/applicability';
import { findPeriod, type LedgerRow, type PeriodData, type SchoolData, type SheetEntry } from '../../shared/model/data';
import { previousPeriod } from '../../shared/model/period';

const packs = seedPacks();
const NOW = new Date('2026-11-25T08:00:00Z');
const TODAY = '2026-11-25';

/** what a workbook can hold: no empty lists, no empty values */
function normal(d: PeriodData): PeriodData {
  const p = positionalIds(d);
  const sheets = Object.fromEntries(
    Object.entries(p.sheets)
      .map(([k, e]): [string, SheetEntry] => [k, e.rows ? { rows: e.rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, x]) => x !== null && x !== '')) as LedgerRow) } : e])
      .filter(([, e]) => (e.rows ? e.rows.length : Object.keys(e.cells ?? {}).length)),
  );
  const out = { ...p, sheets } as PeriodData;
  if (out.explanations && !Object.keys(out.explanations).length) delete out.explanations;
  return out;
}

async function exported(demo: SchoolData, data: PeriodData) {
  const pack = packs.get(demo.school.packId)!;
  const kind = findSubmission(pack, data.submission)!.periodKind;
  const previous = findPeriod(demo, data.submission, previousPeriod(kind, data.period));
  const history = historyOf(demo.periods, data.submission, kind, data.period);
  return exportReport({ pack, school: demo.school, data, appVersion: '1.2.0', now: NOW, previous, history, lookup: (s, p) => findPeriod(demo, s, p) });
}

function edit(bytes: Uint8Array, sheet: string, cell: string, value: number | string): Uint8Array {
  const wb = XLSX.read(bytes, { type: 'array' });
  wb.Sheets[sheet]![cell] = typeof value === 'number' ? { t: 'n', v: value } : { t: 's', v: value };
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('round trip: every submission of both packs', () => {
  for (const packId of ['luojiang', 'shuangliu'])
    for (const type of ['小学', '幼儿园', '九年一贯制学校'])
      it(`${packId} ${type}`, async () => {
        const demo = demoSchool({ pack: packs.get(packId)!, type, today: TODAY });
        const seen = new Set<string>();
        for (const data of demo.periods) {
          const r = await exported(demo, data);
          const back = readPeriodWorkbook(r.bytes, packs, { fileName: r.fileName, school: demo.school });
          expect(back.warnings, `${data.submission} ${data.period}`).toEqual([]);
          expect(back.school).toEqual(demo.school);
          expect(normal(back.data), `${data.submission} ${data.period}`).toEqual(normal(data));
          // nothing changed → the diff against the app's own copy is empty
          expect(diffPeriods(back.pack, demo.school, data, back.data)).toEqual([]);
          seen.add(data.submission);
        }
        expect([...seen].sort()).toEqual(packs.get(packId)!.submissions.map((s) => s.code).sort());
      });

  it('status and version come from _meta: an approved version 3 stays approved version 3', async () => {
    const demo = demoSchool({ pack: packs.get('luojiang')!, type: '小学', today: TODAY });
    const data = { ...demo.periods.find((p) => p.submission === 'SPAQ')!, status: '已审核' as const, version: 3 };
    const r = await exported(demo, data);
    const back = readPeriodWorkbook(r.bytes, packs, { fileName: r.fileName, school: demo.school });
    expect([back.data.status, back.data.version]).toEqual(['已审核', 3]);
    // edited after export, the figures are no longer the approved ones: a draft of the same version
    const edited = readPeriodWorkbook(edit(r.bytes, '食品留样记录', 'E4', 999), packs, { fileName: r.fileName, school: demo.school });
    expect([edited.data.status, edited.data.version]).toEqual(['草稿', 3]);
    expect(edited.warnings[0]).toContain('恢复为草稿，须重新审核');
  });
});

describe('refusals name the file', () => {
  const demo = demoSchool({ pack: packs.get('luojiang')!, type: '小学', today: TODAY });
  const data = demo.periods.find((p) => p.submission === 'SPAQ')!;
  const read = (bytes: Uint8Array, school = demo.school) => () => readPeriodWorkbook(bytes, packs, { fileName: 'f.xlsx', school });

  it('another school (code, or name), another school type, another pack', async () => {
    const { bytes } = await exported(demo, data);
    expect(read(bytes, { ...demo.school, code: '5106269999' })).toThrow(`文件「f.xlsx」 工作表「_meta」：这是另一所学校（${demo.school.name}，${demo.school.code}）的文件`);
    expect(read(bytes, { ...demo.school, name: '罗江区另一小学' })).toThrow(/文件「f.xlsx」 工作表「封面」：学校名称为“罗江区实验小学”，本校为“罗江区另一小学”/);
    expect(read(bytes, { ...demo.school, type: '初级中学' })).toThrow(/办学类型为“小学”，本校为“初级中学”/);
    const other = demoSchool({ pack: packs.get('shuangliu')!, type: '小学', today: TODAY });
    const theirs = await exported(other, other.periods.find((p) => p.submission === 'XNC')!);
    expect(read(theirs.bytes)).toThrow('文件「f.xlsx」 工作表「_meta」：这是报表包“shuangliu”的文件，本校使用“luojiang”');
  });

  it('a newer format says which app version is needed; an unknown format is refused', async () => {
    const { bytes } = await exported(demo, data);
    expect(read(edit(bytes, '_meta', 'B1', 'xiaobiao-report/3'))).toThrow(
      /文件「f.xlsx」 工作表「_meta」：此文件由校表通 1\.2\.0 导出，格式为 xiaobiao-report\/3，比本机的校表通新.*请把校表通升级到 1\.2\.0 或更高版本/,
    );
    expect(read(edit(bytes, '_meta', 'B1', 'other/1'))).toThrow(/格式“other\/1”不是校表通导出的报表格式/);
  });

  it('a blank template', async () => {
    const t = await exportTemplate({ pack: packs.get('luojiang')!, submission: 'SPAQ', schoolType: '小学', period: '2026-10', today: TODAY, appVersion: '1', school: demo.school });
    expect(read(t.bytes)).toThrow(/空白模板/);
  });
});

describe('an edit after export', () => {
  const demo = demoSchool({ pack: packs.get('luojiang')!, type: '小学', today: TODAY });
  const xnc = demo.periods.filter((p) => p.submission === 'XNC').sort((a, b) => b.period.localeCompare(a.period))[0]!;

  it('is a warning naming the sheet, and the diff lists exactly the edited cells', async () => {
    const r = await exported(demo, xnc);
    const wb = XLSX.read(r.bytes, { type: 'array' });
    const classList = wb.Sheets['班级名册']!;
    const oldStudents = classList.E5!.v as number;
    let bytes = edit(r.bytes, '班级名册', 'E5', oldStudents + 1);
    bytes = edit(bytes, '班级名册', 'D6', '二年级（9）班');
    const back = readPeriodWorkbook(bytes, packs, { fileName: 'e.xlsx', school: demo.school });
    expect(back.hashMismatches).toEqual(['班级名册']);
    expect(back.warnings[0]).toContain('文件在导出后被改动过（班级名册');
    const changes = diffPeriods(back.pack, demo.school, xnc, back.data);
    const oldName = String(classList.D6!.v);
    expect(changes).toEqual([
      { sheet: '班级名册', kind: 'changed', cell: 'E5', row: '第 2 行', column: '学生数', old: String(oldStudents), new: String(oldStudents + 1) },
      { sheet: '班级名册', kind: 'changed', cell: 'D6', row: '第 3 行', column: '班级名称', old: oldName, new: '二年级（9）班' },
    ]);
  });

  it('rows added and removed, entered cells and 说明 are listed', () => {
    const base = positionalIds(xnc);
    const rows = base.sheets.classList!.rows!;
    const incoming: PeriodData = structuredClone(base);
    incoming.sheets.classList!.rows = rows.slice(0, -1);
    incoming.sheets.jj3112 = { cells: { ...(base.sheets.jj3112?.cells ?? {}), '01:graduates': 999 } };
    const key = Object.keys(base.explanations ?? {})[0]!;
    incoming.explanations = { ...base.explanations, [key]: '新的说明' };
    const changes = diffPeriods(packs.get('luojiang')!, demo.school, xnc, incoming);
    expect(changes.map((c) => [c.sheet, c.kind, c.row, c.column, c.new])).toEqual([
      ['班级名册', 'removed', `本机第 ${rows.length} 行`, '', ''],
      ['教基3112 小学分类型学生数', 'changed', '01 总计', '毕业生数', '999'],
      ['校验说明', 'changed', expect.stringContaining(key.split('|')[0]!), '学校说明', '新的说明'],
    ]);
    expect(diffPeriods(packs.get('luojiang')!, demo.school, incoming, xnc)[0]).toMatchObject({ kind: 'added', cell: `A${3 + rows.length}` });
  });
});

describe('older formats go through pure upgrade steps', () => {
  // format 1 is the first the app has written; a hypothetical format 2 that renamed 校验说明 shows
  // the path a future layout change takes: one step 1 → 2 on the raw values, nothing else touched
  const rename: FormatUpgrade = (wb) => ({
    ...wb,
    names: wb.names.map((n) => (n === '说明' ? '校验说明' : n)),
    sheets: new Map([...wb.sheets].map(([n, v]) => [n === '说明' ? '校验说明' : n, v])),
  });
  const v1: RawWorkbook = { format: 1, meta: { format: 'xiaobiao-report/1' }, names: ['封面', '说明', '_meta'], sheets: new Map([['封面', [['a']]], ['说明', [['b']]], ['_meta', []]]) };

  it('an older format with every step is accepted and moved to the current layout', () => {
    expect(formatProblem('xiaobiao-report/1', '1.0.0', { 1: rename }, 2)).toBeUndefined();
    const up = upgradeWorkbook(v1, { 1: rename }, 2);
    expect(up.names).toEqual(['封面', '校验说明', '_meta']);
    expect(up.sheets.get('校验说明')).toEqual([['b']]);
    expect(up.meta.format).toBe('xiaobiao-report/2');
    expect(up.format).toBe(2);
    expect(v1.names).toEqual(['封面', '说明', '_meta']); // pure: the input is untouched
  });

  it('a missing step is refused; the current format passes unchanged', () => {
    expect(formatProblem('xiaobiao-report/1', '1.0.0', {}, 2)).toMatch(/无法升级到 xiaobiao-report\/2/);
    expect(formatProblem(`xiaobiao-report/${REPORT_FORMAT_VERSION}`, undefined)).toBeUndefined();
    const v2: RawWorkbook = { ...v1, format: 2, meta: { format: 'xiaobiao-report/2' } };
    expect(upgradeWorkbook(v2)).toEqual(v2);
    // format 1 → 2 moves nothing (2 only adds sha256:_meta, checked before any step)
    expect(upgradeWorkbook(v1)).toEqual(v2);
  });
});

describe('list rows pair by content', () => {
  it('one row inserted in the middle is one row added; an edit in place stays one changed cell', () => {
    expect(alignRows(['a', 'b', 'c'], ['a', 'x', 'b', 'c'])).toEqual([[0, 0], [undefined, 1], [1, 2], [2, 3]]);
    expect(alignRows(['a', 'b', 'c'], ['a', 'B', 'c'])).toEqual([[0, 0], [1, 1], [2, 2]]);
    expect(alignRows(['a', 'b', 'c', 'd'], ['a', 'd'])).toEqual([[0, 0], [1, undefined], [2, undefined], [3, 1]]);
    expect(alignRows(['b', 'c'], ['a', 'b', 'x', 'c', 'y'])).toEqual([[undefined, 0], [0, 1], [undefined, 2], [1, 3], [undefined, 4]]);
    expect(alignRows([], ['a'])).toEqual([[undefined, 0]]);
  });

  it('the preview of a 名册 with a class inserted lists that one row', () => {
    const demo = demoSchool({ pack: packs.get('luojiang')!, type: '小学', today: TODAY });
    const xnc = positionalIds(demo.periods.find((p) => p.submission === 'XNC')!);
    const rows = xnc.sheets.classList!.rows!;
    const incoming: PeriodData = { ...xnc, sheets: { ...xnc.sheets, classList: { rows: [rows[0]!, { ...rows[0]!, id: 'new', className: '插班' }, ...rows.slice(1)] } } };
    const changes = diffPeriods(packs.get('luojiang')!, demo.school, xnc, incoming);
    expect(changes.map((c) => [c.kind, c.row, c.cell])).toEqual([['added', '第 2 行', 'A5']]);
    expect(changes[0]!.new).toContain('插班');
  });
});
