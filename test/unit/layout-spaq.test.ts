// The SPAQ ledgers of FORMS.md §2.2–§2.5 as exported, cell by cell: titles, 填报单位 line, headers
// as FORMS.md lists them, the two blocks of 从业人员健康管理 with their titles and positions, the
// 21 fixed items of the 自查表, dropdowns, frozen panes and print titles — and the whole SPAQ
// workbook read back, refusing a file whose blocks or fixed items are not where the pack puts them.
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { seedPacks } from '../../shared/cli/seeds';
import { exportReport } from '../../shared/xlsx/export';
import { exportTemplate } from '../../shared/xlsx/template';
import { readReport } from '../../shared/xlsx/read';
import { ReportReadError } from '../../shared/xlsx/read-errors';
import type { PeriodData } from '../../shared/model/data';
import { SCHOOL } from '../fixtures/small-school';
import { selfCheckDone } from '../fixtures/spaq-ledgers';
import { comparable } from '../fixtures/period-data';
import { merges, readBook, v, zipPart } from '../fixtures/xlsx-inspect';

const packs = seedPacks();
const pack = packs.get('luojiang')!;
const NOW = new Date('2025-11-03T08:00:00Z');
const SUB = '填报单位：罗江区实验小学　期间：2025年10月';

// FORMS.md §2.5, item by item, in its groups (the list says 1–20 but names 21 items)
const ITEMS: [string, string][] = [
  ['许可和公示', '许可证合法有效'], ['许可和公示', '经营项目与许可一致'], ['许可和公示', '公示量化分级与监督检查结果'],
  ['从业人员', '持有效健康证明'], ['从业人员', '每日晨检'], ['从业人员', '个人卫生与工作衣帽'], ['从业人员', '定期培训'],
  ['环境卫生', '场所清洁无积水霉斑'], ['环境卫生', '通风排烟有效'], ['环境卫生', '防蝇防鼠设施'],
  ['原料采购贮存', '进货查验索证索票'], ['原料采购贮存', '无禁用原料(四季豆、鲜黄花菜、野生蘑菇、发芽土豆等)'],
  ['原料采购贮存', '分类贮存无有毒有害物品'],
  ['加工与供餐', '生熟分开'], ['加工与供餐', '烧熟煮透'], ['加工与供餐', '不制售冷荤生食裱花蛋糕'],
  ['清洗消毒', '餐用具清洗消毒'], ['清洗消毒', '消毒设施运转'],
  ['留样与陪餐', '每餐留样≥125克冷藏≥48小时'], ['留样与陪餐', '每餐有负责人陪餐'],
  ['明厨亮灶', '视频监控正常'],
];

const MONTH: PeriodData = {
  submission: 'SPAQ', period: '2025-10', status: '草稿', version: 0, reportDate: '2025-11-03',
  sheets: {
    mealCompanion: {
      rows: [
        { id: 'p1', date: '2025-10-08', meal: '午餐', companion: '王伟', role: '校级领导', foodQuality: '优', hygiene: '良', order: '优' },
        { id: 'p2', date: '2025-10-09', meal: '午餐', companion: '李娜', role: '家长', foodQuality: '良', hygiene: '良', order: '中', suggestion: '排队时间较长' },
      ],
    },
    foodStaff: {
      rows: [
        { id: 's1', name: '赵敏', post: '厨师', certNo: '510626202512345', issueDate: '2025-03-01', validUntil: '2026-02-28', trained: '是' },
        { id: 's2', name: '钱伟', post: '帮厨', certNo: '510626202554321', issueDate: '2025-05-10', validUntil: '2026-05-09', trained: '否' },
      ],
    },
    morningCheck: {
      rows: [
        { id: 'm1', date: '2025-10-08', expected: 2, checked: 2, abnormal: 0, checker: '赵敏' },
        { id: 'm2', date: '2025-10-09', expected: 2, checked: 2, abnormal: 1, symptom: '咽部炎症', action: '调离', checker: '赵敏' },
        { id: 'm3', date: '2025-10-10', expected: 2, checked: 1, abnormal: 0, checker: '赵敏' },
      ],
    },
    purchaseCheck: {
      rows: [{
        id: 'j1', date: '2025-10-08', name: '大米', spec: '25kg/袋', quantity: 6, unit: '袋', batch: '2025-09-20', shelfLife: '12个月',
        supplier: '罗江区粮油贸易有限公司', supplierContact: '0838-6212345', tickets: '是', inspector: '赵敏',
      }],
    },
    selfCheck: { rows: selfCheckDone({ 10: { result: '否', problem: '库房门口挡鼠板松脱', rectify: '已完成', rectifyDate: '2025-10-10' } }) },
  },
};

let bytes: Uint8Array;
let book: XLSX.WorkBook;
beforeAll(async () => {
  bytes = (await exportReport({ pack, school: SCHOOL, data: MONTH, appVersion: '9.9.9', now: NOW })).bytes;
  book = readBook(bytes);
});

const row = (ws: XLSX.WorkSheet, r: number, cols: string) => [...cols].map((c) => v(ws, `${c}${r}`));

describe('SPAQ workbook', () => {
  it('has the sheets in FORMS.md order: 封面, 留样, 陪餐, 从业人员健康管理, 进货查验, 自查表 … 校验说明, _meta', () => {
    expect(book.SheetNames.slice(0, 6)).toEqual(['封面', '食品留样记录', '陪餐记录', '从业人员健康管理', '进货查验记录', '食品安全自查表']);
    expect(book.SheetNames.slice(-2)).toEqual(['校验说明', '_meta']);
  });
});

describe('陪餐记录 (§2.2)', () => {
  it('title, 填报单位 line, FORMS.md headers, rows from row 4', () => {
    const ws = book.Sheets['陪餐记录']!;
    expect(v(ws, 'A1')).toBe('陪餐记录');
    expect(v(ws, 'A2')).toBe(SUB);
    expect(row(ws, 3, 'ABCDEFGHIJ')).toEqual(['序号', '日期', '餐次', '陪餐人', '身份', '饭菜质量', '食堂卫生', '就餐秩序', '问题及建议', '备注']);
    expect(row(ws, 4, 'ABCDEFGH')).toEqual([1, 45938, '午餐', '王伟', '校级领导', '优', '良', '优']); // 2025-10-08
    expect(row(ws, 5, 'AEHI')).toEqual([2, '家长', '中', '排队时间较长']);
    expect(v(ws, 'A6')).toBeUndefined();
  });

  it('dropdowns: 餐次, 身份 and the three ratings', () => {
    const xml = zipPart(bytes, 'xl/worksheets/sheet3.xml');
    expect(xml).toMatch(/sqref="C4:C55"><formula1>&quot;早餐,午餐,晚餐,加餐&quot;/); // 2 rows + 50 spare
    expect(xml).toMatch(/sqref="E4:E55"><formula1>&quot;校级领导,中层干部,教师,家长&quot;/);
    for (const c of 'FGH') expect(xml).toMatch(new RegExp(`sqref="${c}4:${c}55"><formula1>&quot;优,良,中,差&quot;`));
  });
});

describe('进货查验记录 (§2.4)', () => {
  it('FORMS.md headers, a delivery with its quantity as a number and 票证齐全 from a list', () => {
    const ws = book.Sheets['进货查验记录']!;
    expect(v(ws, 'A1')).toBe('进货查验记录');
    expect(row(ws, 3, 'ABCDEFGHIJKLM')).toEqual(['序号', '进货日期', '品名', '规格', '数量', '单位', '生产日期或批号', '保质期', '供货者名称',
      '供货者联系方式', '票证齐全', '查验人', '备注']);
    expect(row(ws, 4, 'ABCDEFGHIJKL')).toEqual([1, 45938, '大米', '25kg/袋', 6, '袋', '2025-09-20', '12个月', '罗江区粮油贸易有限公司',
      '0838-6212345', '是', '赵敏']);
    expect(zipPart(bytes, 'xl/worksheets/sheet5.xml')).toMatch(/sqref="K4:K54"><formula1>&quot;是,否&quot;/);
  });
});

describe('从业人员健康管理 (§2.3): one worksheet, 名单 then 晨检', () => {
  it('title and 填报单位 line over both blocks, then each block: its title, its header, its rows, a blank row', () => {
    const ws = book.Sheets['从业人员健康管理']!;
    expect(v(ws, 'A1')).toBe('从业人员健康管理');
    expect(v(ws, 'A2')).toBe(SUB);
    expect(v(ws, 'A3')).toBe('一、从业人员名单');
    expect(row(ws, 4, 'ABCDEFG')).toEqual(['序号', '姓名', '岗位', '健康证明编号', '发证日期', '有效期至', '食品安全培训']);
    expect(row(ws, 5, 'ABCDEFG')).toEqual([1, '赵敏', '厨师', '510626202512345', 45717, 46081, '是']); // 2025-03-01, 2026-02-28
    expect(row(ws, 6, 'ABG')).toEqual([2, '钱伟', '否']);
    expect(row(ws, 7, 'ABCDEFGH')).toEqual(Array(8).fill(undefined));
    expect(v(ws, 'A8')).toBe('二、晨检记录');
    expect(row(ws, 9, 'ABCDEFGH')).toEqual(['序号', '日期', '应检人数', '实检人数', '异常人数', '异常情况', '处理措施', '检查人']);
    expect(row(ws, 10, 'ABCDEFGH')).toEqual([1, 45938, 2, 2, 0, undefined, undefined, '赵敏']);
    expect(row(ws, 11, 'ABEFG')).toEqual([2, 45939, 1, '咽部炎症', '调离']);
    expect(row(ws, 12, 'ABCD')).toEqual([3, 45940, 2, 1]);
    expect((ws['E5'] as XLSX.CellObject).z).toBe('yyyy-mm-dd');
    expect(merges(ws)).toEqual(['A1:H1', 'A2:H2', 'A3:H3', 'A8:H8']);
  });

  it('frozen below the 填报单位 line, which repeats on printed pages; a dropdown in each block', () => {
    const xml = zipPart(bytes, 'xl/worksheets/sheet4.xml');
    expect(xml).toMatch(/<pane xSplit="1" ySplit="2" topLeftCell="B3"[^>]*state="frozen"/);
    expect(zipPart(bytes, 'xl/workbook.xml')).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="3">&apos;从业人员健康管理&apos;!$1:$2</definedName>');
    expect(xml).toMatch(/sqref="G5:G6"><formula1>&quot;是,否&quot;/); // 名单: its own rows only
    expect(xml).toMatch(/sqref="F10:F62"><formula1>&quot;发热,腹泻,呕吐,皮肤伤口,咽部炎症,其他&quot;/); // 晨检: 3 rows + 50 spare
    expect(xml).toMatch(/sqref="G10:G62"><formula1>&quot;调离,就医,其他&quot;/);
  });

  it('each block is bordered on its own: not the block titles, not the blank row', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet('从业人员健康管理')!;
    for (const a of ['A4', 'G4', 'G6', 'A9', 'H9', 'H12']) expect(ws.getCell(a).border?.top?.style, a).toBe('thin');
    for (const a of ['A3', 'A7', 'A8', 'H4', 'H6']) expect(ws.getCell(a).border?.top, a).toBeUndefined();
    expect(ws.getCell('A3').font?.bold).toBe(true);
    expect(ws.getCell('B4').font?.bold).toBe(true);
  });
});

describe('食品安全自查表 (§2.5): 21 fixed items', () => {
  it('序号 1–21 with 检查项目 and 检查内容 as FORMS.md lists them, the school’s entries beside them', () => {
    const ws = book.Sheets['食品安全自查表']!;
    expect(v(ws, 'A1')).toBe('食品安全自查表');
    expect(row(ws, 3, 'ABCDEFG')).toEqual(['序号', '检查项目', '检查内容', '结果', '问题描述', '整改情况', '整改完成日期']);
    ITEMS.forEach(([item, content], i) => expect(row(ws, 4 + i, 'ABCD'), `item ${i + 1}`).toEqual([i + 1, item, content, i === 9 ? '否' : '是']));
    expect(row(ws, 13, 'EFG')).toEqual(['库房门口挡鼠板松脱', '已完成', 45940]);
    expect(v(ws, 'A25')).toBeUndefined();
    const xml = zipPart(bytes, 'xl/worksheets/sheet6.xml');
    // the 21 rows and no spare ones: the list cannot grow
    expect(xml).toMatch(/sqref="D4:D24"><formula1>&quot;是,否,不适用&quot;/);
    expect(xml).toMatch(/sqref="F4:F24"><formula1>&quot;已完成,未完成&quot;/);
  });

  it('all 21 items are written for a month whose 自查 was never opened', async () => {
    const { selfCheck: _, ...rest } = MONTH.sheets;
    const r = await exportReport({ pack, school: SCHOOL, data: { ...MONTH, sheets: rest }, appVersion: '9.9.9', now: NOW });
    const ws = readBook(r.bytes).Sheets['食品安全自查表']!;
    expect(ITEMS.map((_, i) => row(ws, 4 + i, 'ABCD'))).toEqual(ITEMS.map(([a, b], i) => [i + 1, a, b, undefined]));
  });
});

describe('read back', () => {
  it('the whole SPAQ workbook comes back as it was exported (row ids aside)', () => {
    const back = readReport(bytes, packs, { fileName: 'spaq.xlsx' });
    expect(back.hashMismatches).toEqual([]);
    expect(back.warnings).toEqual([]);
    // the 自查表 comes back with the pack's texts in its fixed columns, as the app stores them
    const want = structuredClone(MONTH);
    want.sheets.selfCheck!.rows = want.sheets.selfCheck!.rows!.map((r, i) => ({ ...r, item: ITEMS[i]![0], content: ITEMS[i]![1] }));
    expect(comparable(back.data)).toEqual(comparable(want));
  });

  const edited = (change: (wb: XLSX.WorkBook) => void) => {
    const wb = XLSX.read(bytes, { type: 'array' });
    change(wb);
    return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  };
  const refusal = (file: Uint8Array): ReportReadError => {
    try {
      readReport(file, packs, { fileName: 'x.xlsx', allowHashMismatch: true });
    } catch (e) {
      expect(e).toBeInstanceOf(ReportReadError);
      return e as ReportReadError;
    }
    throw new Error('the file was not refused');
  };

  it('a renamed block title, or a block that no longer starts after a blank row, names sheet, row and column', () => {
    const renamed = refusal(edited((wb) => (wb.Sheets['从业人员健康管理']!.A8 = { t: 's', v: '二、晨检' })));
    expect(renamed.at).toEqual({ file: 'x.xlsx', sheet: '从业人员健康管理', row: 8, col: 1 });
    expect(renamed.message).toContain('第8行 A列：应为“二、晨检记录”，实为“二、晨检”');
    const filled = refusal(edited((wb) => (wb.Sheets['从业人员健康管理']!.A7 = { t: 's', v: '合计' })));
    expect(filled.at).toMatchObject({ row: 7, col: 1 });
    expect(filled.message).toContain('应为序号或空行，实为“合计”');
  });

  it('a reworded item or a 22nd row of the 自查表 is refused', () => {
    const reworded = refusal(edited((wb) => (wb.Sheets['食品安全自查表']!.C6 = { t: 's', v: '公示量化分级' })));
    expect(reworded.at).toEqual({ file: 'x.xlsx', sheet: '食品安全自查表', row: 6, col: 3 });
    expect(reworded.message).toContain('应为“公示量化分级与监督检查结果”');
    const extra = refusal(edited((wb) => {
      const ws = wb.Sheets['食品安全自查表']!;
      ws.B25 = { t: 's', v: '其他' };
      ws['!ref'] = 'A1:G25';
    }));
    expect(extra.at).toEqual({ file: 'x.xlsx', sheet: '食品安全自查表', row: 25, col: 1 });
    expect(extra.message).toContain('本表固定为 21 行');
  });
});

describe('blank template', () => {
  it('从业人员健康管理 gets 20 numbered blank rows in each block; the 自查表 exactly its 21 items', async () => {
    const r = await exportTemplate({ pack, submission: 'SPAQ', schoolType: '小学', today: '2025-10-20', appVersion: '1' });
    const wb = readBook(r.bytes);
    const group = wb.Sheets['从业人员健康管理']!;
    // 名单: title 3, header 4, rows 5–24; blank 25; 晨检: title 26, header 27, rows 28–47
    expect([v(group, 'A3'), v(group, 'A5'), v(group, 'A24'), v(group, 'A25'), v(group, 'A26'), v(group, 'B27'), v(group, 'A28'), v(group, 'A47')])
      .toEqual(['一、从业人员名单', 1, 20, undefined, '二、晨检记录', '日期', 1, 20]);
    expect(v(group, 'B5')).toBeUndefined();
    const self = wb.Sheets['食品安全自查表']!;
    expect([v(self, 'A24'), v(self, 'C24'), v(self, 'D24'), v(self, 'A25')]).toEqual([21, '视频监控正常', undefined, undefined]);
  });
});
