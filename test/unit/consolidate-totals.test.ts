// District totals over generated schools of every type (varied 乡镇, 举办者, 城乡分类), received as
// real workbooks: each total equals a sum made independently from the schools' own lists and
// entered cells; 学段 blocks land on their 学段 whatever a school's codes; blocked cells stay
// blocked; a school whose file is missing or tampered is in no total; drill-down lists the
// schools; the facts CSV loaded into DuckDB gives the same totals by GROUP BY.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyReport } from '../../shared/consolidate/verify';
import { applyReceive, reportKey } from '../../shared/consolidate/versions';
import { reportValues } from '../../shared/consolidate/totals-layout';
import { districtTotals, drillDown, totalTable, type DistrictTotals } from '../../shared/consolidate/totals';
import { factRows, factsCsv, totalsFacts } from '../../shared/consolidate/facts';
import type { HeldReport } from '../../shared/consolidate/types';
import type { LedgerRow, PeriodData } from '../../shared/model/data';
import { stagesOf } from '../../shared/pack/applicability';
import { approvedPeriod, districtSchools, pack, packs, registryOf, workbookOf, type DistrictSchool } from '../fixtures/district';
import { rezip } from '../hostile/zip-tools';

const schools = districtSchools(14);
const registry = registryOf(schools);
const MISSING = schools[5]!.registry.code; // sends nothing
const TAMPERED = schools[6]!.registry.code; // its XNC file is edited after export
const held: HeldReport[] = [];
const MONTH = '2025-10';
/** the 安全防范与卫生配置 a school enters (the demo leaves it empty): 保安 and 封闭化管理 vary */
const config = (i: number) => ({ cells: { '02:value': 1 + (i % 3), '04:value': i % 2 ? '是' : '否' } });

beforeAll(async () => {
  for (const s of schools) {
    if (s.registry.code === MISSING) continue;
    for (const sub of ['XNC', 'SPAQ', 'XYAQ']) {
      const data = approvedPeriod(s, sub);
      if (sub === 'XYAQ') data.sheets.safetyConfig = config(schools.indexOf(s));
      let { bytes, fileName } = await workbookOf(s, data);
      if (s.registry.code === TAMPERED && sub === 'XNC')
        bytes = rezip(bytes, (parts) => parts.set('xl/worksheets/sheet2.xml', new TextEncoder().encode(new TextDecoder().decode(parts.get('xl/worksheets/sheet2.xml')!).replace(/(<c r="E4"[^>]*><v>)(\d+)/, (_, a, n) => `${a}${Number(n) + 9}`))));
      const v = verifyReport(bytes, fileName, packs, registry);
      if (v.kind === 'accepted') held.push(applyReceive({ history: [] }, v, 'new', '2025-10-30T02:00:00.000Z').current!);
      else expect(s.registry.code === TAMPERED && v.kind === 'hashMismatch').toBe(true);
    }
  }
}, 120_000);

const xncOf = (s: DistrictSchool): PeriodData => approvedPeriod(s, 'XNC');
const rowsOf = (d: PeriodData, sheet: string) => (d.sheets[sheet]?.rows ?? []) as LedgerRow[];
const counted = () => schools.filter((s) => s.registry.code !== MISSING && s.registry.code !== TAMPERED);
const cell = (t: DistrictTotals, group: string, sheet: string, row: string, col: string) => {
  const layout = t.sheets.find((l) => l.sheetId === sheet)!;
  return t.totals[group]![sheet]!.values[layout.rows.findIndex((r) => r.code === row)]![layout.columns.findIndex((c) => c.key === col)];
};
const rowCodeByLabel = (t: DistrictTotals, sheet: string, label: string) => t.sheets.find((l) => l.sheetId === sheet)!.rows.find((r) => r.label === label)!.code;

describe('district totals of the XNC 基表', () => {
  let t: DistrictTotals;
  beforeAll(() => {
    t = districtTotals({ pack, registry, submission: 'XNC', period: '2025-2026', held });
  });

  it('教基3112 总计 and an entered cell equal the sums over the schools with 小学, by 全区, 乡镇 and 举办者', () => {
    const primary = counted().filter((s) => stagesOf(pack, s.registry.type).includes('小学'));
    expect(primary.length).toBeGreaterThan(3);
    const pupils = (list: DistrictSchool[]) => list.reduce((n, s) => n + rowsOf(xncOf(s), 'classList').filter((r) => r.stage === '小学').reduce((a, r) => a + Number(r.students), 0), 0);
    expect(cell(t, 'district:全区', 'jj3112', '01', 'total')).toBe(pupils(primary));
    const graduates = primary.reduce((n, s) => n + Number(xncOf(s).sheets.jj3112?.cells?.['01:graduates'] ?? 0), 0);
    expect(cell(t, 'district:全区', 'jj3112', '01', 'graduates')).toBe(graduates);
    for (const town of new Set(primary.map((s) => s.registry.township)))
      expect(cell(t, `township:${town}`, 'jj3112', '01', 'total')).toBe(pupils(primary.filter((s) => s.registry.township === town)));
    expect(cell(t, 'sponsor:民办', 'jj3112', '01', 'total')).toBe(pupils(primary.filter((s) => s.registry.sponsor === '民办')));
    expect(t.totals['district:全区']!.jj3112!.schools.sort()).toEqual(primary.map((s) => s.registry.code).sort());
  });

  it('教基4153: each school’s 学段 block lands on its 学段 (a 九年一贯制’s 初中 block too)', () => {
    for (const stage of ['小学', '初中', '普通高中']) {
      const code = rowCodeByLabel(t, 'jj4153', stage);
      const teachers = counted().reduce((n, s) => n + rowsOf(xncOf(s), 'staffList').filter((r) => r.post === '专任教师' && r.stage === stage).length, 0);
      expect(teachers).toBeGreaterThan(0);
      expect(cell(t, 'district:全区', 'jj4153', code, 'total')).toBe(teachers);
      expect(cell(t, `stage:${stage}`, 'jj4153', code, 'total')).toBe(teachers);
    }
  });

  it('a school missing or tampered is in no total; the groups still list it', () => {
    expect(t.missing.sort()).toEqual([MISSING, TAMPERED].sort());
    for (const g of t.groups) for (const s of Object.values(t.totals[g.key]!)) expect(s.schools).not.toContain(TAMPERED);
    expect(t.groups.find((g) => g.key === 'district:全区')!.schools).toContain(TAMPERED);
  });

  it('blocked cells stay blocked in every total', () => {
    const withBlocked = t.sheets.filter((l) => l.blocked.some((r) => r.some(Boolean)));
    expect(withBlocked.length).toBeGreaterThan(0);
    for (const l of withBlocked)
      for (const g of t.groups)
        l.blocked.forEach((row, r) => row.forEach((b, c) => b && expect(t.totals[g.key]![l.sheetId]!.values[r]![c]).toBeNull()));
    const table = totalTable(t, 'district:全区', withBlocked[0]!.sheetId)!;
    expect(table.rows.flat()).toContain('—');
  });

  it('values computed beforehand (in the workers) give the same totals', () => {
    const layouts = t.sheets;
    const precomputed = Object.fromEntries(
      held.filter((h) => h.submission === 'XNC').map((h) => [reportKey(h), reportValues(pack, layouts, registry.schools.find((s) => s.code === h.schoolCode)!, h)]),
    );
    expect(districtTotals({ pack, registry, submission: 'XNC', period: '2025-2026', held, precomputed })).toEqual(t);
  });

  it('drill-down from a total lists its schools with figures adding up to it', () => {
    const rows = drillDown(t, registry, 'type:小学', 'jj3112', '01', 'total');
    expect(rows.map((r) => r.school.type)).toEqual(rows.map(() => '小学'));
    expect(rows.reduce((a, r) => a + (r.value ?? 0), 0)).toBe(cell(t, 'type:小学', 'jj3112', '01', 'total'));
  });
});

describe('monthly summaries', () => {
  it('安全防范与卫生配置: 在校生数 from each school’s XNC, 保安 added up, 封闭化管理 counted as schools', () => {
    const t = districtTotals({ pack, registry, submission: 'XYAQ', period: MONTH, held });
    const ok = counted().concat(schools.filter((s) => s.registry.code === TAMPERED)); // its XYAQ file is intact
    const entered = ok.map((s) => config(schools.indexOf(s)).cells);
    expect(cell(t, 'district:全区', 'safetyConfig', '02', 'value')).toBe(entered.reduce((a, c) => a + c['02:value'], 0));
    expect(cell(t, 'district:全区', 'safetyConfig', '04', 'value')).toBe(entered.filter((c) => c['04:value'] === '是').length);
    expect(t.totals['district:全区']!.safetyConfig!.schools).toHaveLength(ok.length);
    // 在校生数 reads the 学年's 班级名册: the tampered school's XNC is not held, so it has none
    const pupils = counted().reduce((n, s) => n + rowsOf(xncOf(s), 'classList').reduce((a, r) => a + Number(r.students), 0), 0);
    expect(cell(t, 'district:全区', 'safetyConfig', '01', 'value')).toBe(pupils);
    expect(t.sheets.find((l) => l.sheetId === 'safetySummary')!.rows.find((r) => r.code === '07')!.aggregation).toBe('max');
  });
});

describe('facts', () => {
  it('CSV with BOM and CRLF; DuckDB’s GROUP BY over it equals the district totals', async () => {
    // the facts carry the 学年's indicator sheets too: total them as well to compare
    const t = districtTotals({ pack, registry, submission: 'XNC', period: '2025-2026', held, allIndicators: true });
    const facts = factRows(pack, registry, held);
    expect(new Set(facts.map((f) => f.sheet))).toEqual(new Set([...t.sheets.map((l) => l.sheetId), 'foodSummary', 'safetyConfig', 'safetySummary']));
    expect(t.sheets.some((l) => l.sheetId === 'conditions')).toBe(true);
    expect(facts.length).toBe(new Set(facts.map((f) => `${f.schoolCode}|${f.submission}|${f.period}|${f.sheet}|${f.rowCode}|${f.column}`)).size);
    expect(facts.filter((f) => f.submission === 'XNC')).toEqual(totalsFacts(t));
    const csv = factsCsv(facts);
    expect(csv.startsWith('\uFEFFschool_code,submission,period,sheet,row_code,column,value,version,weight\r\n')).toBe(true);
    expect(csv.split('\r\n').length).toBe(facts.length + 2);
    const dir = mkdtempSync(join(tmpdir(), 'facts-'));
    const file = join(dir, 'facts.csv');
    writeFileSync(file, csv);
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    try {
      const cols = "{'school_code':'VARCHAR','submission':'VARCHAR','period':'VARCHAR','sheet':'VARCHAR','row_code':'VARCHAR','column':'INTEGER','value':'DOUBLE','version':'INTEGER','weight':'DOUBLE'}";
      await conn.run(`CREATE TABLE facts AS SELECT * FROM read_csv('${file}', header = true, columns = ${cols})`);
      const sql = `SELECT sheet, row_code, "column", SUM(value) AS sum, COALESCE(SUM(value * weight) / SUM(weight), AVG(value)) AS mean, MAX(value) AS max FROM facts WHERE submission = 'XNC' AND period = '2025-2026' GROUP BY ALL`;
      const got = (await conn.runAndReadAll(sql)).getRowObjectsJS();
      expect(got.length).toBeGreaterThan(500);
      const district = t.totals['district:全区']!;
      const seen = new Set<string>();
      for (const row of got) {
        const layout = t.sheets.find((l) => l.sheetId === row.sheet)!;
        const r = layout.rows.findIndex((x) => x.code === row.row_code);
        const how = layout.rows[r]!.aggregation;
        seen.add(how);
        const total = district[layout.sheetId]!.values[r]![Number(row.column) - 1]!;
        if (how === 'mean') expect(Math.abs(total - Number(row.mean))).toBeLessThan(0.006);
        else expect(total).toBe(Number(how === 'max' ? row.max : row.sum));
      }
      expect([...seen].sort()).toEqual(['countYes', 'mean', 'sum']);
      // and per 乡镇, joined with the registry as an analyst would
      await conn.run(`CREATE TABLE schools (code VARCHAR, township VARCHAR)`);
      for (const s of registry.schools) await conn.run(`INSERT INTO schools VALUES ('${s.code}', '${s.township}')`);
      const towns = (await conn.runAndReadAll(`SELECT township, SUM(value) AS total FROM facts JOIN schools ON code = school_code WHERE sheet = 'jj3112' AND row_code = '01' AND "column" = 7 GROUP BY township`)).getRowObjectsJS();
      for (const row of towns) expect(cell(t, `township:${row.township}`, 'jj3112', '01', 'total')).toBe(Number(row.total));
    } finally {
      conn.closeSync();
      db.closeSync();
    }
  });
});
