// The 修改记录 workbook: read back with SheetJS, every cell where the header says it is.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { changesFileName, changesWorkbook, localTime, type ChangeRow } from '../../shared/xlsx/changes-workbook';

const SCHOOL = { code: '5106260001', name: '罗江区/实验小学' };
// local noon, so the expected day does not depend on the machine's time zone
const NOW = new Date(2025, 8, 18, 12, 0, 0);

const ROWS: ChangeRow[] = [
  { at: new Date(2025, 8, 18, 9, 5, 7).toISOString(), who: '张老师', sheet: '整个报表', row: '', field: '', old: '已审核', new: '草稿', action: '取消审核', reason: '教育局退回' },
  { at: new Date(2025, 8, 17, 16, 30, 0).toISOString(), who: '张老师', sheet: '班级名册', row: '第 3 行', field: '学生数', old: 48, new: 50, action: '修改', reason: '' },
];

async function read() {
  const { fileName, bytes } = await changesWorkbook({ school: SCHOOL, scope: 'XNC 2025-2026学年', filters: '表：班级名册', rows: ROWS, now: NOW, appVersion: '0.1.0' });
  const wb = XLSX.read(bytes, { type: 'array' });
  return { fileName, wb, ws: wb.Sheets['修改记录']! };
}

describe('changes workbook', () => {
  it('is named {学校标识码}_{学校名称}_修改记录_{yyyy-mm-dd}.xlsx with unsafe characters replaced', () => {
    expect(changesFileName(SCHOOL, NOW)).toBe('5106260001_罗江区_实验小学_修改记录_2025-09-18.xlsx');
  });

  it('has a title, a scope line, the header and one row per change in the given order', async () => {
    const { fileName, wb, ws } = await read();
    expect(fileName).toBe('5106260001_罗江区_实验小学_修改记录_2025-09-18.xlsx');
    expect(wb.SheetNames).toEqual(['修改记录']);
    const v = (a: string) => ws[a]?.v;
    expect(v('A1')).toBe('修改记录');
    expect(v('A2')).toBe('5106260001 罗江区/实验小学　XNC 2025-2026学年　共 2 条（表：班级名册）　导出时间：2025-09-18 12:00:00');
    expect(['A3', 'B3', 'C3', 'D3', 'E3', 'F3', 'G3', 'H3', 'I3', 'J3'].map(v)).toEqual(['序号', '时间', '填表人', '表', '行', '字段', '原值', '新值', '操作', '原因']);
    expect(['A4', 'B4', 'C4', 'D4', 'G4', 'H4', 'I4', 'J4'].map(v)).toEqual([1, '2025-09-18 09:05:07', '张老师', '整个报表', '已审核', '草稿', '取消审核', '教育局退回']);
    expect(['A5', 'B5', 'D5', 'E5', 'F5', 'G5', 'H5', 'I5'].map(v)).toEqual([2, '2025-09-17 16:30:00', '班级名册', '第 3 行', '学生数', 48, 50, '修改']);
    expect(ws['G5'].t).toBe('n');
    expect(ws['!ref']).toBe('A1:J5');
    expect(ws['!merges']).toContainEqual({ s: { r: 0, c: 0 }, e: { r: 0, c: 9 } });
  });

  it('localTime prints the local clock time', () => {
    expect(localTime(new Date(2026, 0, 2, 3, 4, 5).toISOString())).toBe('2026-01-02 03:04:05');
  });

  it('an empty list still has its header', async () => {
    const { bytes } = await changesWorkbook({ school: SCHOOL, scope: 'S', filters: '', rows: [], now: NOW, appVersion: '0.1.0' });
    const ws = XLSX.read(bytes, { type: 'array' }).Sheets['修改记录']!;
    expect(ws['A2'].v).toBe('5106260001 罗江区/实验小学　S　共 0 条　导出时间：2025-09-18 12:00:00');
    expect(ws['J3'].v).toBe('原因');
    expect(ws['A4']).toBeUndefined();
  });
});
