// Rule cases of FORMS.md §4's "a meal day with no 留样 row, or no 负责人 陪餐 row" (groupsMatch
// checks), on October 2025 of a 小学: a meal (日期 + 餐次) in the 陪餐 record needs a 留样
// (SPAQ-LY-W01), a meal in the 留样 record a 陪餐 by a 校级领导 or 中层干部 (SPAQ-PC-W01), and a
// 晨检 day some 留样 (SPAQ-LY-W02). One warning per meal (or day), on its first row's 日期 cell.
//
// 食品留样记录: A 序号, B 日期, C 餐次, …; data from row 4. 陪餐记录: A 序号, B 日期, C 餐次, …; row 4.
// 从业人员健康管理: the two staff on rows 5–6, 晨检 from row 10 (A 序号, B 日期, …).
import type { LedgerRow, PeriodData } from '../../../shared/model/data';
import { selfCheckDone } from '../../fixtures/spaq-ledgers';
import { mealSample } from '../../fixtures/spaq-meals';
import { companion, morning, staff } from './spaq-ledgers.cases';
import type { RuleCase } from './kit';

function month({ samples = [], companions = [], checks = [] }: { samples?: LedgerRow[]; companions?: LedgerRow[]; checks?: LedgerRow[] }): PeriodData {
  return {
    submission: 'SPAQ', period: '2025-10', status: '草稿', version: 0,
    sheets: {
      sampleLog: { rows: samples }, mealCompanion: { rows: companions }, morningCheck: { rows: checks },
      foodStaff: { rows: [staff('s0'), staff('s1', { name: '钱伟', post: '帮厨', certNo: '510626202554321' })] },
      selfCheck: { rows: selfCheckDone() },
    },
  };
}
const at = (data: PeriodData) => ({ type: '小学', data });
const lunch9 = mealSample('ly0', '2025-10-09', '午餐');

export const CASES: RuleCase[] = [
  {
    rule: 'SPAQ-LY-W01', name: '10-10 午餐 陪 by a teacher and a 中层干部, no 留样 of it (one warning, on its first row)',
    pass: at(month({ samples: [lunch9, mealSample('ly1', '2025-10-10', '午餐')], companions: [companion('p0'), companion('p1', { date: '2025-10-10', role: '教师' }), companion('p2', { date: '2025-10-10', role: '中层干部' })] })),
    fail: at(month({ samples: [lunch9], companions: [companion('p0'), companion('p1', { date: '2025-10-10', role: '教师' }), companion('p2', { date: '2025-10-10', role: '中层干部' })] })),
    expect: [{
      severity: 'warning', sheetId: 'mealCompanion', row: { kind: 'ledger', index: 1, id: 'p1' }, colKey: 'date', cell: 'B5',
      says: '该餐次有陪餐记录但无留样记录（2025-10-10 午餐）',
    }],
  },
  {
    rule: 'SPAQ-PC-W01', name: '午餐 陪 only by a 家长, 早餐 by nobody (a 中层干部 passes)',
    pass: at(month({
      samples: [lunch9, mealSample('ly1', '2025-10-09', '午餐'), mealSample('ly2', '2025-10-09', '早餐')],
      companions: [companion('p0', { role: '家长' }), companion('p1', { role: '中层干部' }), companion('p2', { meal: '早餐' })],
    })),
    fail: at(month({
      samples: [lunch9, mealSample('ly1', '2025-10-09', '午餐'), mealSample('ly2', '2025-10-09', '早餐')],
      companions: [companion('p0', { role: '家长' })],
    })),
    expect: [
      { severity: 'warning', sheetId: 'sampleLog', row: { kind: 'ledger', index: 0, id: 'ly0' }, colKey: 'date', cell: 'B4', says: '该餐次有留样但无负责人（校级领导或中层干部）陪餐记录（2025-10-09 午餐）' },
      { severity: 'warning', sheetId: 'sampleLog', row: { kind: 'ledger', index: 2, id: 'ly2' }, colKey: 'date', cell: 'B6', says: '（2025-10-09 早餐）' },
    ],
  },
  {
    rule: 'SPAQ-LY-W02', name: '晨检 on 10-10 with no 留样 that day (any meal’s 留样 passes)',
    pass: at(month({
      samples: [lunch9, mealSample('ly1', '2025-10-10', '早餐')],
      companions: [companion('p0'), companion('p1', { date: '2025-10-10', meal: '早餐' })],
      checks: [morning('m0'), morning('m1', { date: '2025-10-10' })],
    })),
    fail: at(month({ samples: [lunch9], companions: [companion('p0')], checks: [morning('m0'), morning('m1', { date: '2025-10-10' })] })),
    expect: [{
      severity: 'warning', sheetId: 'foodHealth', row: { kind: 'ledger', index: 1, id: 'm1' }, colKey: 'date', cell: 'B11',
      says: '当日有晨检记录但无任何留样记录（2025-10-10）',
    }],
  },
];
