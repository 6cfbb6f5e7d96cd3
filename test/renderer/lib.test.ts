// Small renderer helpers: period choices, the setup form's mapping to the shared schema,
// and which audit findings mark which ledger cells.
import { describe, expect, it } from 'vitest';
import type { Submission } from '../../shared/pack/schema';
import type { Finding } from '../../shared/audit/types';
import type { CellValue } from '../../shared/model/data';
import { defaultPeriod, periodOptions, recentPeriods, todayIso } from '../../renderer/features/workspace/periods';
import { fieldError, removedFromProfile, toFormValues, toProfile } from '../../renderer/features/setup/profile-form';
import { ledgerProblems } from '../../renderer/features/entry/ledger-problems';
import { SCHOOL } from './helpers';

const XNC: Submission = { code: 'XNC', name: '学年初统计报表', periodKind: 'schoolYear', due: { month: 9, day: 20 }, sheets: ['cover'] };
const SPAQ: Submission = { code: 'SPAQ', name: '食品安全月报', periodKind: 'month', due: { day: 5 }, sheets: ['cover'] };

describe('periods', () => {
  it('offers this 学年 and the two before; the 学年 turns on 9月1日', () => {
    expect(recentPeriods(XNC, '2025-10-08')).toEqual(['2025-2026', '2024-2025', '2023-2024']);
    expect(defaultPeriod(XNC, '2025-08-31')).toBe('2024-2025');
    expect(defaultPeriod(XNC, '2025-09-01')).toBe('2025-2026');
  });

  it('offers the last 12 months across a year end, with due dates', () => {
    const months = recentPeriods(SPAQ, '2026-01-15');
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2026-01');
    expect(months[1]).toBe('2025-12');
    expect(months[11]).toBe('2025-02');
    expect(periodOptions(SPAQ, '2026-01-15')[0]).toEqual({ value: '2026-01', label: '2026年1月', due: '2026-02-05' });
  });

  it('keeps older periods that hold data, newest first, and drops malformed ones', () => {
    const opts = periodOptions(XNC, '2025-10-08', ['2019-2020', '2025-2026', 'junk']);
    expect(opts.map((o) => o.value)).toEqual(['2025-2026', '2024-2025', '2023-2024', '2019-2020']);
    expect(opts[0]).toEqual({ value: '2025-2026', label: '2025-2026 学年', due: '2025-09-20' });
  });

  it('today is the local calendar day', () => {
    expect(todayIso(new Date(2025, 8, 1, 23, 59))).toBe('2025-09-01');
  });
});

describe('profile form', () => {
  it('uses the schema messages, and Chinese ones where the schema has none', () => {
    expect(fieldError('code', '510626000')).toBe('学校标识码必须是 10 位数字');
    expect(fieldError('code', '5106260001')).toBeUndefined();
    expect(fieldError('name', 'x'.repeat(61))).toBe('学校名称最多 60 个字');
    expect(fieldError('head', undefined)).toBe('请填写单位负责人');
    expect(fieldError('sponsor', undefined)).toBe('请选择举办者');
  });

  it('maps 是否普惠 for a 幼儿园 only', () => {
    const { puhui: _drop, ...base } = toFormValues(SCHOOL);
    expect(toProfile(base).profile).toEqual(SCHOOL);
    expect(toProfile({ ...base, puhui: 'yes' }).profile).not.toHaveProperty('puhui');
    expect(toProfile({ ...base, type: '幼儿园' }).errors).toEqual({ puhui: '请选择是否普惠性幼儿园' });
    expect(toProfile({ ...base, type: '幼儿园', puhui: 'no' }).profile).toMatchObject({ type: '幼儿园', puhui: false });
    expect(toFormValues({ ...SCHOOL, type: '幼儿园', puhui: true }).puhui).toBe('yes');
  });

  it('stores pasted text cleaned and on one line, and says what was removed', () => {
    const values = { ...toFormValues(SCHOOL), name: `${SCHOOL.name}\u0000\r\n`, township: '万安\u0007镇\n街道', head: 'x\uD800' };
    const { profile } = toProfile(values);
    expect(profile).toMatchObject({ name: SCHOOL.name, township: '万安镇 街道', head: 'x' });
    expect(removedFromProfile(values)).toBe('学校名称：控制字符 U+0000；所在乡镇（街道）：控制字符 U+0007；单位负责人：不成对的代理字符 U+D800');
    expect(removedFromProfile(toFormValues(SCHOOL))).toBeUndefined();
  });

  it('reports every wrong field at once', () => {
    const { errors, profile } = toProfile({ ...toFormValues(SCHOOL), code: '123', phone: 'abc' });
    expect(profile).toBeUndefined();
    expect(errors).toEqual({ code: '学校标识码必须是 10 位数字', phone: '联系电话只能包含数字和 - + ( )，7–20 位' });
  });
});

describe('ledgerProblems', () => {
  const f = (ruleId: string, rowId: string, colKey: string, severity: 'error' | 'warning' = 'error'): Finding => ({
    key: `${ruleId}|classList|${rowId}|${colKey}`, ruleId, severity, sheetId: 'classList', sheetTitle: '班级名册',
    row: { kind: 'ledger', index: 0, id: rowId }, colKey, message: `${ruleId} ${colKey}`,
  });

  it('does not flag empty required cells of a row still completely blank', () => {
    const rows: { id: string; values: Record<string, CellValue> }[] = [{ id: 'blank', values: {} }, { id: 'half', values: { className: '1班' } }];
    const out = ledgerProblems([f('XNC-BJMC-REQ', 'blank', 'students'), f('XNC-BJMC-REQ', 'half', 'students')], 'classList', rows);
    expect(out.has('blank')).toBe(false);
    expect(out.get('half')).toEqual({ students: { severity: 'error', message: 'XNC-BJMC-REQ students' } });
  });

  it('an error outranks a warning on the same cell and both messages are kept', () => {
    const rows = [{ id: 'r', values: { students: 70 } }];
    const out = ledgerProblems([f('XNC-BJMC-W02', 'r', 'students', 'warning'), f('XNC-BJMC-01', 'r', 'students')], 'classList', rows);
    expect(out.get('r')!.students).toEqual({ severity: 'error', message: 'XNC-BJMC-W02 students\nXNC-BJMC-01 students' });
  });
});
