// 报送情况 as an xlsx the bureau can print or forward: a title, 填报单位 = the bureau, the rates,
// then core's table (completenessTable: one row per school, the CLI's columns). A small ExcelJS call.
import type { BureauProfile, Registry } from '../../../shared/consolidate/types';
import { completenessTable, type CompletenessCell, type CompletenessRate } from '../../../shared/consolidate/completeness';
import { pct } from './completeness-model';

export async function completenessWorkbook(
  bureau: BureauProfile, registry: Registry, title: string, cells: readonly CompletenessCell[], rates: readonly CompletenessRate[],
): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = '校表通';
  const ws = wb.addWorksheet('报送情况');
  const table = completenessTable(cells, registry);
  ws.addRow([`${title} 报送情况`]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, table.header.length);
  ws.addRow([`填报单位：${bureau.name}（行政区划代码 ${bureau.regionCode}）`]);
  ws.addRow([]);
  ws.addRow(['范围', '应报', '已报', '报送率', '按时', '按时报送率']).font = { bold: true };
  for (const r of rates) ws.addRow([r.group, r.expected, r.reported, pct(r.reportingRate), r.onTime, pct(r.onTimeRate)]);
  ws.addRow([]);
  ws.addRow(table.header).font = { bold: true };
  for (const row of table.rows) ws.addRow(row);
  table.header.forEach((h, i) => (ws.getColumn(i + 1).width = h === '学校名称' ? 28 : h === '说明' ? 50 : 14));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
