// Rule cases of the XYAQ 校园安全月报 ledgers (FORMS.md §3.1, §3.2, §3.4, §4): one passing and one
// failing input per rule, on October 2025 of a 小学 (a 幼儿园 where the rule depends on the type).
//
// 隐患排查整改台账: A 序号, B 编号, C 排查日期, D 排查类型, E 隐患部位, F 隐患描述, G 隐患类别, H 等级,
//   I 整改措施, J 整改方式, K 责任人, L 整改期限, M 完成日期, N 状态, O 复查人; data from row 4.
// 应急演练记录: A 序号, B 日期, C 演练类别, D 参与人数, E 疏散用时(秒), F 组织部门, G 总指挥, H 评估, I 存在问题.
// 晨午检及因病缺课: A 序号, B 日期, C 应到, D 实到, E 缺勤, F 其中因病缺勤, G 发热 … L 其他症状,
//   M 疑似传染病(人), N 是否报告, O 备注.
import type { LedgerRow, PeriodData } from '../../../shared/model/data';
import type { Expected, RuleCase } from './kit';

/** A 隐患 found and closed within October, by its deadline. */
export function hazard(id: string, over: Partial<LedgerRow> = {}): LedgerRow {
  return {
    id, code: `YH-${id}`, date: '2025-10-09', checkType: '周检查', place: '教学楼二楼走廊', description: '灭火器压力不足',
    category: '消防', level: '一般', measure: '更换灭火器', method: '限期整改', owner: '王伟', deadline: '2025-10-16',
    doneDate: '2025-10-15', status: '已销号', reviewer: '李娜', ...over,
  };
}
/** Still open in October, deadline next month: no finding. */
export const openHazard = (id: string, over: Partial<LedgerRow> = {}) =>
  hazard(id, { status: '整改中', deadline: '2025-11-10', doneDate: null, reviewer: null, ...over });

export function drill(id: string, over: Partial<LedgerRow> = {}): LedgerRow {
  return {
    id, date: '2025-10-20', drillType: '消防疏散', participants: 1200, evacSeconds: 185, dept: '安全办', commander: '王伟',
    rating: '良', problems: null, ...over,
  };
}

export function check(id: string, over: Partial<LedgerRow> = {}): LedgerRow {
  return {
    id, date: '2025-10-09', expected: 1200, present: 1188, absent: 12, sickAbsent: 5, fever: 3, diarrhea: 0, vomiting: 0,
    rash: 0, cough: 2, otherSymptoms: 0, suspected: 0, reported: '否', remark: null, ...over,
  };
}

export interface XyaqSheets {
  hazards?: LedgerRow[];
  drills?: LedgerRow[];
  checks?: LedgerRow[];
}

/** One month of XYAQ; by default one closed 隐患, one drill and one 晨午检 day, all clean. */
export function xyaq({ hazards = [hazard('h0')], drills = [drill('d0')], checks = [check('c0')] }: XyaqSheets = {}, period = '2025-10'): PeriodData {
  return {
    submission: 'XYAQ', period, status: '草稿', version: 0,
    sheets: { hazardLog: { rows: hazards }, drillLog: { rows: drills }, healthCheck: { rows: checks } },
  };
}

/** A month holding only its drills (the quarter rule of a 幼儿园 reads nothing else). */
export const drillsOnly = (period: string, drills: LedgerRow[] = []) => xyaq({ hazards: [], drills, checks: [] }, period);

const at = (sheetId: string, id: string) => (severity: Expected['severity'], colKey: string, cell: string, says?: string): Expected => ({
  severity, sheetId, row: { kind: 'ledger', index: 0, id }, colKey, cell, says,
});
const yh = at('hazardLog', 'h0');
const yj = at('drillLog', 'd0');
const cwj = at('healthCheck', 'c0');
const one = (data: Partial<XyaqSheets>) => ({ type: '小学', data: xyaq(data) });

export const CASES: RuleCase[] = [
  // ---- 隐患排查整改台账 ----
  {
    rule: 'XYAQ-YH-REQ', name: '隐患描述 missing',
    pass: one({}),
    fail: one({ hazards: [hazard('h0', { description: null })] }),
    expect: [yh('error', 'description', 'F4', '必填项未填')],
  },
  {
    rule: 'XYAQ-YH-TYPE', name: '排查日期 “十月九日”',
    pass: one({ hazards: [hazard('h0', { date: '2025-10-09' })] }),
    fail: one({ hazards: [hazard('h0', { date: '十月九日' })] }),
    expect: [yh('error', 'date', 'C4', '应为日期')],
  },
  {
    rule: 'XYAQ-YH-ENUM', name: '等级 较大 (only 重大/一般)',
    pass: one({ hazards: [hazard('h0', { level: '重大' })] }),
    fail: one({ hazards: [hazard('h0', { level: '较大' })] }),
    expect: [yh('error', 'level', 'H4', '“较大”不在可选值（重大、一般）中')],
  },
  {
    rule: 'XYAQ-YH-01', name: 'a 隐患 of September closed in September is not this month’s',
    // carried from September: still open, or closed in October — both belong to October
    pass: one({
      hazards: [
        openHazard('h0', { date: '2025-09-22', deadline: '2025-10-31' }),
        hazard('h1', { date: '2025-09-25', deadline: '2025-10-10', doneDate: '2025-10-08' }),
      ],
    }),
    fail: one({ hazards: [hazard('h0', { date: '2025-09-20', deadline: '2025-09-27', doneDate: '2025-09-26' })] }),
    expect: [yh('error', 'date', 'C4', '（2025-10-01 至 2025-10-31），现为 2025-09-20')],
  },
  {
    rule: 'XYAQ-YH-02', name: '完成日期 before 排查日期',
    pass: one({ hazards: [hazard('h0', { doneDate: '2025-10-09' })] }),
    fail: one({ hazards: [hazard('h0', { doneDate: '2025-10-08' })] }),
    expect: [yh('error', 'doneDate', 'M4', '完成日期不得早于排查日期（2025-10-08 早于排查日期 2025-10-09）')],
  },
  {
    rule: 'XYAQ-YH-03', name: '已销号 without 完成日期',
    pass: one({ hazards: [openHazard('h0')] }),
    fail: one({ hazards: [hazard('h0', { doneDate: null })] }),
    expect: [yh('error', 'doneDate', 'M4', '已销号的隐患必须填写完成日期（状态为“已销号”）')],
  },
  {
    rule: 'XYAQ-YH-04', name: '已销号 without 复查人',
    pass: one({ hazards: [openHazard('h0', { reviewer: null })] }),
    fail: one({ hazards: [hazard('h0', { reviewer: null })] }),
    expect: [yh('error', 'reviewer', 'O4', '已销号的隐患必须填写复查人')],
  },
  {
    rule: 'XYAQ-YH-05', name: '限期整改 without 整改期限',
    pass: one({ hazards: [hazard('h0', { method: '立即整改', deadline: null })] }),
    fail: one({ hazards: [hazard('h0', { deadline: null })] }),
    expect: [yh('error', 'deadline', 'L4', '限期整改的隐患必须填写整改期限（整改方式为“限期整改”）')],
  },
  {
    rule: 'XYAQ-YH-06', name: '整改期限 before 排查日期',
    pass: one({ hazards: [hazard('h0', { deadline: '2025-10-09' })] }),
    fail: one({ hazards: [hazard('h0', { deadline: '2025-10-08' })] }),
    expect: [yh('error', 'deadline', 'L4', '2025-10-08 早于排查日期 2025-10-09')],
  },
  {
    rule: 'XYAQ-YH-W01', name: 'past its 整改期限 at month end and not 已销号',
    pass: one({ hazards: [openHazard('h0', { deadline: '2025-11-10' })] }),
    fail: one({ hazards: [openHazard('h0', { deadline: '2025-10-20' })] }),
    expect: [yh('warning', 'deadline', 'L4', '隐患已过整改期限仍未销号（期限 2025-10-20，至 2025-10-31 仍为“整改中”）')],
  },
  {
    rule: 'XYAQ-YH-W02', name: 'a 重大 隐患 still open at month end',
    pass: one({ hazards: [hazard('h0', { level: '重大' })] }),
    fail: one({ hazards: [openHazard('h0', { level: '重大' })] }),
    expect: [yh('warning', 'status', 'N4', '重大隐患应在当月整改销号（等级为“重大”，现为“整改中”）')],
  },
  // ---- 应急演练记录 ----
  {
    rule: 'XYAQ-YJ-REQ', name: '总指挥 missing',
    pass: one({}),
    fail: one({ drills: [drill('d0', { commander: null })] }),
    expect: [yj('error', 'commander', 'G4', '必填项未填')],
  },
  {
    rule: 'XYAQ-YJ-TYPE', name: '参与人数 “全校”',
    pass: one({ drills: [drill('d0', { participants: 1180 })] }),
    fail: one({ drills: [drill('d0', { participants: '全校' })] }),
    expect: [yj('error', 'participants', 'D4', '应为非负整数，现为“全校”')],
  },
  {
    rule: 'XYAQ-YJ-ENUM', name: '评估 合格 (only 优/良/需改进)',
    pass: one({ drills: [drill('d0', { rating: '需改进' })] }),
    fail: one({ drills: [drill('d0', { rating: '合格' })] }),
    expect: [yj('error', 'rating', 'H4', '（优、良、需改进）')],
  },
  {
    rule: 'XYAQ-YJ-01', name: 'a drill dated in September',
    pass: one({ drills: [drill('d0', { date: '2025-10-31' })] }),
    fail: one({ drills: [drill('d0', { date: '2025-09-30' })] }),
    expect: [yj('error', 'date', 'B4', '演练日期不在本月内')],
  },
  {
    rule: 'XYAQ-YJ-W01', name: 'a 小学 with no drill in October',
    pass: one({ drills: [drill('d0')] }),
    fail: one({ drills: [] }),
    expect: [{ severity: 'warning', sheetId: 'drillLog', says: '应急演练记录：未开展应急演练（中小学每月至少 1 次，幼儿园每季度至少 1 次）（本月 0 条，应至少 1 条）' }],
  },
  {
    rule: 'XYAQ-YJ-W01', name: 'a 幼儿园 with no drill in July–September (judged in September)',
    pass: {
      type: '幼儿园', data: drillsOnly('2025-09'),
      history: [drillsOnly('2025-07', [drill('d7', { date: '2025-07-10' })]), drillsOnly('2025-08')],
    },
    // a drill in June belongs to the quarter before
    fail: {
      type: '幼儿园', data: drillsOnly('2025-09'),
      history: [drillsOnly('2025-06', [drill('d6', { date: '2025-06-10' })]), drillsOnly('2025-08')],
    },
    expect: [{ severity: 'warning', sheetId: 'drillLog', says: '（本季度（2025-07 至 2025-09） 0 条，应至少 1 条）' }],
  },
  // ---- 晨午检及因病缺课 ----
  {
    rule: 'XYAQ-CWJ-REQ', name: '日期 missing',
    pass: one({}),
    fail: one({ checks: [check('c0', { date: null })] }),
    expect: [cwj('error', 'date', 'B4', '必填项未填')],
  },
  {
    rule: 'XYAQ-CWJ-TYPE', name: '实到人数 “全到”',
    pass: one({ checks: [check('c0', { present: 1188 })] }),
    fail: one({ checks: [check('c0', { present: '全到' })] }),
    expect: [cwj('error', 'present', 'D4', '应为非负整数，现为“全到”')],
  },
  {
    rule: 'XYAQ-CWJ-ENUM', name: '是否报告 已报 (only 是/否)',
    pass: one({ checks: [check('c0', { suspected: 1, reported: '是' })] }),
    fail: one({ checks: [check('c0', { reported: '已报' })] }),
    expect: [cwj('error', 'reported', 'N4', '（是、否）')],
  },
  {
    rule: 'XYAQ-CWJ-01', name: 'a day of November in October’s sheet',
    pass: one({ checks: [check('c0', { date: '2025-10-31' })] }),
    fail: one({ checks: [check('c0', { date: '2025-11-03' })] }),
    expect: [cwj('error', 'date', 'B4', '日期不在本月内（2025-10-01 至 2025-10-31），现为 2025-11-03')],
  },
  {
    rule: 'XYAQ-CWJ-02', name: '实到 1201 > 应到 1200',
    pass: one({ checks: [check('c0', { present: 1200, absent: 0, sickAbsent: 0 })] }),
    fail: one({ checks: [check('c0', { present: 1201, absent: 0, sickAbsent: 0 })] }),
    expect: [cwj('error', 'present', 'D4', '实到人数不得大于应到人数（1201 > 1200）')],
    // 缺勤 cannot be −1, so 0 ≠ 1200 − 1201 as well
    others: [['XYAQ-CWJ-03', 'E4']],
  },
  {
    rule: 'XYAQ-CWJ-03', name: '缺勤 10 where 应到 − 实到 = 12',
    pass: one({ checks: [check('c0', { absent: 12 })] }),
    fail: one({ checks: [check('c0', { absent: 10 })] }),
    expect: [cwj('error', 'absent', 'E4', '缺勤人数应等于应到人数减实到人数（10 ≠ 1200 − 1188 = 12）')],
  },
  {
    rule: 'XYAQ-CWJ-04', name: '因病缺勤 13 > 缺勤 12',
    pass: one({ checks: [check('c0', { sickAbsent: 12 })] }),
    fail: one({ checks: [check('c0', { sickAbsent: 13 })] }),
    expect: [cwj('error', 'sickAbsent', 'F4', '因病缺勤不得大于缺勤人数（13 > 12）')],
  },
  {
    rule: 'XYAQ-CWJ-W01', name: '6 of 100 off sick (6.0%), where 5 (5.0%) is still fine',
    pass: one({ checks: [check('c0', { expected: 100, present: 90, absent: 10, sickAbsent: 5 })] }),
    fail: one({ checks: [check('c0', { expected: 100, present: 90, absent: 10, sickAbsent: 6 })] }),
    expect: [cwj('warning', 'sickAbsent', 'F4', '（6 / 100 = 6.0% > 5%）')],
  },
  // ---- implied by the forms (research notes §3.1, §3.4) ----
  {
    rule: 'XYAQ-YH-W03', name: 'a 重大 隐患 立即整改 without 整改期限 (with one it passes)',
    pass: one({ hazards: [hazard('h0', { level: '重大', method: '立即整改', deadline: '2025-10-09', doneDate: '2025-10-09' })] }),
    fail: one({ hazards: [hazard('h0', { level: '重大', method: '立即整改', deadline: null, doneDate: '2025-10-09' })] }),
    expect: [yh('warning', 'deadline', 'L4', '重大隐患应限期整改并填写整改期限（同时设置警戒、警示等临时措施）（等级为“重大”）')],
  },
  {
    rule: 'XYAQ-YH-W04', name: '立即整改 but no 完成日期 (a 限期整改 still open passes)',
    pass: one({ hazards: [openHazard('h0')] }),
    fail: one({ hazards: [openHazard('h0', { method: '立即整改', deadline: null })] }),
    expect: [yh('warning', 'doneDate', 'M4', '立即整改的隐患应填写完成日期')],
  },
  {
    rule: 'XYAQ-CWJ-W02', name: '1 疑似传染病 not reported (reported passes)',
    pass: one({ checks: [check('c0', { suspected: 1, reported: '是' })] }),
    fail: one({ checks: [check('c0', { suspected: 1, reported: '否' })] }),
    expect: [cwj('warning', 'reported', 'N4', '是否报告应为“是”（疑似传染病(人)为 1，现为“否”）')],
  },
  {
    rule: 'XYAQ-CWJ-W02', name: '2 疑似传染病 and 是否报告 left empty',
    pass: one({ checks: [check('c0', { suspected: 0, reported: null })] }),
    fail: one({ checks: [check('c0', { suspected: 2, reported: null })] }),
    expect: [cwj('warning', 'reported', 'N4', '（疑似传染病(人)为 2，现未填写）')],
  },
];
