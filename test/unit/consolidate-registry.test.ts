// The bureau's school registry from the files a bureau has: its own Excel list (title row merged
// over the table, 序号 column, codes typed as numbers, a 合计/注 line under it), a WPS “另存为
// CSV” in GBK with the 事业统计 words and codes; every problem named by row and column, nothing
// returned while one remains; a school proposed from a received file.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { seedPacks } from '../../shared/cli/seeds';
import { addRegistrySchool, parseRegistry, registryCsv, registryFromVerdict, registryProblems, registryTable } from '../../shared/consolidate/registry';
import type { Registry, RegistrySchool } from '../../shared/consolidate/types';
import { verifyReport } from '../../shared/consolidate/verify';
import { csvText, gbk } from '../fixtures/import/make-files';
import { approvedPeriod, districtSchools, registryOf, workbookOf } from '../fixtures/district';

const pack = seedPacks().get('luojiang')!;

async function bureauExcel(rows: (string | number | null)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Microsoft Excel';
  const ws = wb.addWorksheet('学校名册');
  ws.addRow(['罗江区2025年中小学校（幼儿园）基础信息表']);
  ws.mergeCells('A1:H1');
  ws.addRow(['填报单位：罗江区教育局', null, null, null, null, null, '2025年9月']);
  const header = ws.addRow(['序号', '*学校标识码', '学校名称', '办学类型', '举办者', '所在乡镇（街道）', '城乡分类', '是否普惠性幼儿园']);
  header.font = { bold: true };
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  ws.addRow([]);
  ws.addRow(['注：学校标识码以全国教育事业统计为准。']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const GOOD: (string | number | null)[][] = [
  [5106262001, '罗江区万安小学', '小学', '公办', '万安街道', '城区', null],
  [5106262002, '罗江区金山初级中学', '初级中学', '公办', '金山镇', '镇区', null],
  [5106262003, '罗江区博雅学校', '九年一贯制学校', '民办', '略坪街道', '乡村', null],
  [5106262004, '罗江区阳光幼儿园', '幼儿园', '民办', '鄢家镇', '乡村', '是'],
];

describe('registry from the bureau’s own Excel', () => {
  it('reads the table under the title rows: codes typed as numbers, the note line ignored', async () => {
    const r = parseRegistry(await bureauExcel(GOOD), '学校名册.xlsx', pack);
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    expect(r.schools).toHaveLength(4);
    expect(r.schools[0]).toEqual({ code: '5106262001', name: '罗江区万安小学', type: '小学', sponsor: '公办', township: '万安街道', urbanRural: '城区' });
    expect(r.schools[3]).toMatchObject({ code: '5106262004', type: '幼儿园', sponsor: '民办', puhui: true });
  });

  it('names every problem by sheet, row and column and returns no school', async () => {
    const bad = structuredClone(GOOD);
    bad[1]![2] = '职业高中'; // row 5, column D
    bad[2]![0] = 5106262001; // row 6: duplicate of row 4
    bad[3]![3] = '合资'; // row 7, column E
    bad[3]![6] = '也许'; // row 7, column H
    const r = parseRegistry(await bureauExcel(bad), '学校名册.xlsx', pack);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const texts = r.problems.map((p) => p.message);
    expect(texts).toContain('文件「学校名册.xlsx」 工作表「学校名册」 第5行 D列：办学类型“职业高中”不在报表包中，可选：幼儿园、小学、初级中学、九年一贯制学校、完全中学、高级中学、十二年一贯制学校、特殊教育学校');
    expect(texts).toContain('文件「学校名册.xlsx」 工作表「学校名册」 第6行 B列：学校标识码 5106262001 与第4行重复（同一所学校只能列一次）');
    expect(texts).toContain('文件「学校名册.xlsx」 工作表「学校名册」 第7行 E列：举办者“合资”无法识别，应为 公办 或 民办');
    expect(texts.some((t) => t.startsWith('文件「学校名册.xlsx」 工作表「学校名册」 第7行 H列：是否普惠性幼儿园“也许”'))).toBe(true);
    expect(r.problems).toHaveLength(4);
    expect(r.problems.find((p) => p.message.includes('职业高中'))).toMatchObject({ sheet: '学校名册', cell: 'D5' });
  });

  it('a 乡镇 merged down over its schools, headers broken over two lines and in half-width brackets', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2025学年');
    ws.addRow(['序号', '学校\n标识码', '学校名称', '学校类别', '办别', '所在乡镇(街道)', '城乡分类']);
    ws.addRow([1, '5106262001', '罗江区万安小学', '小学', '公办', '万安街道', '城区']);
    ws.addRow([2, '5106262002', '罗江区万安中学', '初中', '公办', null, '城区']);
    ws.addRow([3, '5106262003', '罗江区金山小学', '小学', '公办', '金山镇', '镇区']);
    ws.mergeCells('F2:F3');
    const r = parseRegistry(new Uint8Array(await wb.xlsx.writeBuffer()), '名册.xlsx', pack);
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    expect(r.schools.map((x) => [x.code, x.type, x.township])).toEqual([
      ['5106262001', '小学', '万安街道'], ['5106262002', '初级中学', '万安街道'], ['5106262003', '小学', '金山镇'],
    ]);
  });

  it('a table without a 城乡分类 column is refused, naming the header row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['学校标识码', '学校名称', '办学类型', '举办者', '所在乡镇（街道）']);
    ws.addRow(['5106262001', '罗江区万安小学', '小学', '公办', '万安街道']);
    const r = parseRegistry(new Uint8Array(await wb.xlsx.writeBuffer()), '名册.xlsx', pack);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toBe('文件「名册.xlsx」 工作表「Sheet1」 第1行：表头缺少列：城乡分类（应有 学校标识码、学校名称、办学类型、举办者、所在乡镇（街道）、城乡分类，是否普惠性幼儿园可选）');
  });
});

describe('registry from a GBK csv (WPS 另存为, 事业统计 words and codes)', () => {
  const rows = [
    ['罗江区学校名单', null, null, null, null, null, null],
    ['学校代码', '学校（机构）名称', '学校类别', '办别', '乡镇', '城乡分类代码', '是否普惠'],
    ['5106263001', '罗江区白马关小学', '211', '教育部门', '白马关镇', '220', null],
    ['5106263002', '罗江区新盛中学', '初中', '地方教育部门', '新盛镇', '121镇中心区', null],
    ['5106263003', '罗江区新盛幼儿园', '111', '民办', '新盛镇', '122', '否'],
    ['５１０６２６３００４', '罗江区第一中学', '完中', '公办', '万安街道', '111', null],
  ];

  it('maps the codes and other words to the set-up’s values', () => {
    const r = parseRegistry(gbk(csvText(rows)), '名单.csv', pack);
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    expect(r.schools.map((s) => [s.code, s.type, s.sponsor, s.urbanRural, s.puhui])).toEqual([
      ['5106263001', '小学', '公办', '乡村', undefined],
      ['5106263002', '初级中学', '公办', '镇区', undefined],
      ['5106263003', '幼儿园', '民办', '镇区', false],
      ['5106263004', '完全中学', '公办', '城区', undefined],
    ]);
  });

  it('a bad code and an unknown 城乡分类 are named by row and column, without a sheet', () => {
    const bad = structuredClone(rows);
    bad[3]![0] = '51062630'; // row 4, column A
    bad[4]![5] = '城中村'; // row 5, column F
    const r = parseRegistry(gbk(csvText(bad)), '名单.csv', pack);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.message)).toEqual([
      '文件「名单.csv」 第4行 A列：学校标识码“51062630”应为 10 位数字',
      '文件「名单.csv」 第5行 F列：城乡分类“城中村”无法识别，应为 城区、镇区 或 乡村（或统计用城乡划分代码 111–220）',
    ]);
  });

  it('the app’s own registry csv reads back as it was written', () => {
    const schools = districtSchools(8).map((s) => s.registry);
    const csv = registryCsv(schools);
    expect(csv.startsWith('\uFEFF学校标识码,学校名称')).toBe(true);
    const r = parseRegistry(new TextEncoder().encode(csv), '名册.csv', pack);
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    expect(r.schools).toEqual(schools);
    expect(registryTable(schools)).toHaveLength(9);
  });

  it('a file that is not a table is refused with the reader’s message', () => {
    const r = parseRegistry(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), '名册.pdf', pack);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/^文件「名册.pdf」/);
  });
});

describe('a new school from a received file', () => {
  it('is proposed from the 封面 and added only once the clerk confirms; a second time is refused', async () => {
    const [known, stranger] = districtSchools(2);
    const registry: Registry = registryOf([known!]);
    const wb = await workbookOf(stranger!, approvedPeriod(stranger!, 'XNC'));
    const v = verifyReport(wb.bytes, wb.fileName, seedPacks(), registry);
    const proposed = registryFromVerdict(v)!;
    expect(proposed).toEqual(stranger!.registry);
    expect(registry.schools).toHaveLength(1); // nothing added by proposing
    const added = addRegistrySchool(registry, proposed, pack);
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    expect(added.registry.schools.map((s) => s.code)).toEqual([known!.registry.code, stranger!.registry.code]);
    const again = addRegistrySchool(added.registry, proposed, pack);
    expect(again).toEqual({ ok: false, problem: `学校标识码 ${proposed.code} 已在名册中（${proposed.name}）` });
    const odd: RegistrySchool = { ...proposed, code: '5106269999', type: '职业高中' };
    expect(registryProblems({ ...registry, schools: [...registry.schools, odd, odd] }, pack)).toEqual([
      '罗江区第2学校（5106269999）的办学类型“职业高中”不在报表包 luojiang 中',
      '学校标识码 5106269999 在名册中出现不止一次',
      '罗江区第2学校（5106269999）的办学类型“职业高中”不在报表包 luojiang 中',
    ]);
  });
});
