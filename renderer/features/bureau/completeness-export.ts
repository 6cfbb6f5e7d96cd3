// 报送情况 as an xlsx the bureau can print or forward: a title, 填报单位 = the bureau, the rates,
// then one row per school. A small ExcelJS call (the summary workbook of the cli helper carries
// the same sheet among the district tables).
import type { BureauProfile } from '../../../shared/consolidate/types';
import type { CompletenessRow, Rate } from './completeness-model';

export async function completenessWorkbook(
  bureau: BureauProfile, title: string, rows: readonly CompletenessRow[], rates: readonly Rate[],
): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = '校表通';
  const ws = wb.addWorksheet('报送情况');
  ws.addRow([`${title} 报送情况`]);
  ws.mergeCells(1, 1, 1, 8);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow([`填报单位：${bureau.name}（${bureau.regionCode}）`]);
  ws.addRow([]);
  ws.addRow(['范围', '学校数', '已报', '报送率（%）', '按时', '按时报送率（%）']).font = { bold: true };
  for (const r of rates) ws.addRow([r.group, r.schools, r.reported, r.reportingRate, r.onTime, r.onTimeRate]);
  ws.addRow([]);
  ws.addRow(['学校标识码', '学校名称', '办学类型', '举办者', '所在乡镇（街道）', '城乡分类', '状态', '说明']).font = { bold: true };
  for (const r of rows) {
    const s = r.school;
    ws.addRow([s.code, s.name, s.type, s.sponsor, s.township, s.urbanRural, r.label, r.onTime === false ? '晚于截止日期报送' : r.problems.slice(0, 3).join('；')]);
  }
  [14, 28, 14, 8, 16, 10, 14, 50].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
