// Starting a new period from the one before (shared/model/copy-forward.ts): 班级名册 to the next
// 学年 with every class one grade up and the final grade graduated, a staff list and a monthly
// table to the next month, and nothing at all into a period that already holds data.
import { describe, expect, it } from 'vitest';
import { loadPacks } from '../../shared/pack/loader';
import { readSeedFiles, seedPacks } from '../../shared/cli/seeds';
import { applyPlan, hasData, planCopyForward, planIsEmpty, startPeriod } from '../../shared/model/copy-forward';
import { emptyPeriod, type LedgerRow, type PeriodData } from '../../shared/model/data';

const pack = seedPacks().get('luojiang')!;

const cls = (id: string, stage: string, grade: string, className: string, students: number, female: number): LedgerRow => ({
  id, stage, grade, className, students, female, minority: 1, headTeacher: '王芳',
});
const xnc = (rows: LedgerRow[], cells: Record<string, number> = {}): PeriodData => ({
  submission: 'XNC', period: '2025-2026', status: '已审核', version: 2, sheets: { classList: { rows }, jj3112: { cells } },
});
const plan = (type: string, previous: PeriodData, to = '2026-2027', target?: PeriodData) =>
  planCopyForward({ pack, schoolType: type, previous, to, target });
/** [年级, 班级名称, 学生数, 女] of the copied rows */
const brief = (rows: LedgerRow[] = []) => rows.map((r) => [r.grade, r.className, r.students, r.female]);

describe('班级名册 to the next 学年', () => {
  it('小学: every class one grade up and renamed, counts kept, 六年级 graduated', () => {
    const prev = xnc(
      [
        cls('a', '小学', '一年级', '一年级（1）班', 45, 22),
        cls('b', '小学', '一年级', '一年级（2）班', 44, 21),
        cls('c', '小学', '三年级', '三年级（1）班', 46, 20),
        cls('d', '小学', '六年级', '六年级（1）班', 50, 24),
        cls('e', '小学', '六年级', '六年级（2）班', 48, 23),
      ],
      { '01:graduates': 97 },
    );
    const p = plan('小学', prev);
    expect(p).toMatchObject({ submission: 'XNC', from: '2025-2026', to: '2026-2027' });
    // only the class list is copied: 3112's entered 毕业生数 belong to their 学年
    expect(p.sheets.map((s) => [s.sheetId, s.how, s.rows?.length, s.dropped])).toEqual([['classList', 'copy', 3, 2]]);
    expect(brief(p.sheets[0]!.rows)).toEqual([
      ['二年级', '二年级（1）班', 45, 22],
      ['二年级', '二年级（2）班', 44, 21],
      ['四年级', '四年级（1）班', 46, 20],
    ]);
    expect(p.sheets[0]!.rows![0]).toMatchObject({ stage: '小学', minority: 1, headTeacher: '王芳', id: '2026-2027:classList:1' });
    expect(p.sheets[0]!.grades).toEqual([
      { stage: '小学', from: '一年级', to: '二年级', rows: 2 },
      { stage: '小学', from: '三年级', to: '四年级', rows: 1 },
      { stage: '小学', from: '六年级', to: null, rows: 2 },
    ]);
    // the previous 学年 is untouched
    expect(prev.sheets.classList!.rows![0]!.grade).toBe('一年级');
  });

  it('幼儿园: 托班→小班→中班→大班, 大班 graduated, 小班一班 → 中班一班', () => {
    const prev = xnc([
      cls('t', '学前', '托班', '托班一班', 20, 9),
      cls('s1', '学前', '小班', '小班一班', 25, 12),
      cls('s2', '学前', '小班', '小班二班', 26, 13),
      cls('m', '学前', '中班', '中班一班', 30, 15),
      cls('l1', '学前', '大班', '大班一班', 32, 16),
      cls('l2', '学前', '大班', '大班二班', 31, 15),
    ]);
    const [s] = plan('幼儿园', prev).sheets;
    expect(brief(s!.rows)).toEqual([
      ['小班', '小班一班', 20, 9],
      ['中班', '中班一班', 25, 12],
      ['中班', '中班二班', 26, 13],
      ['大班', '大班一班', 30, 15],
    ]);
    expect(s!.dropped).toBe(2);
    expect(s!.grades!.map((g) => `${g.from}→${g.to ?? '毕业'}×${g.rows}`)).toEqual(['托班→小班×1', '小班→中班×2', '中班→大班×1', '大班→毕业×2']);
  });

  it('九年一贯制: grades move within their 学段 — 小学 六年级 and 初中 三年级 both leave', () => {
    const prev = xnc([
      cls('p5', '小学', '五年级', '五年级（1）班', 42, 20),
      cls('p6', '小学', '六年级', '六年级（1）班', 41, 19),
      cls('j1', '初中', '一年级', '一年级（1）班', 48, 23),
      cls('j3', '初中', '三年级', '三年级（1）班', 47, 22),
    ]);
    const [s] = plan('九年一贯制学校', prev).sheets;
    expect(s!.rows!.map((r) => [r.stage, r.grade, r.className, r.students])).toEqual([
      ['小学', '六年级', '六年级（1）班', 42],
      ['初中', '二年级', '二年级（1）班', 48],
    ]);
    expect(s!.grades!.filter((g) => g.to === null).map((g) => `${g.stage} ${g.from}`)).toEqual(['小学 六年级', '初中 三年级']);
  });

  it('a class whose grade the 学段 does not know is copied unchanged (the audit then flags it)', () => {
    const [s] = plan('小学', xnc([cls('x', '小学', '七年级', '七年级（1）班', 40, 20), cls('y', '小学', '二年级', '2班', 40, 20)])).sheets;
    // a class name without the grade in it keeps its name
    expect(brief(s!.rows)).toEqual([['七年级', '七年级（1）班', 40, 20], ['三年级', '2班', 40, 20]]);
    expect(s!.grades).toEqual([{ stage: '小学', from: '二年级', to: '三年级', rows: 1 }]);
  });

  it('nothing is copied into a 学年 that already holds data, nor from an empty one', () => {
    const prev = xnc([cls('a', '小学', '一年级', '一年级（1）班', 45, 22)]);
    const target: PeriodData = { ...emptyPeriod('XNC', '2026-2027'), sheets: { jj3112: { cells: { '01:graduates': 40 } } } };
    expect(hasData(target)).toBe(true);
    expect(plan('小学', prev, '2026-2027', target).sheets).toEqual([]);
    expect(planIsEmpty(plan('小学', xnc([])))).toBe(true);
    // an empty target (a period record with no rows or cells) still gets the copy
    expect(plan('小学', prev, '2026-2027', emptyPeriod('XNC', '2026-2027')).sheets[0]!.rows).toHaveLength(1);
  });
});

describe('monthly sheets flagged copyForward (a staff list, a configuration table)', () => {
  // a pack as another bureau could write it: the seed libraries plus a month with a staff list
  // and an entered table, both copied forward — the mechanism needs only the flag
  const luojiang = readSeedFiles().find((f) => f.path === 'seeds/packs/luojiang.json')!.json as { uses: string[] };
  const packs = loadPacks([
    ...readSeedFiles().filter((f) => f.path.startsWith('seeds/forms/')),
    {
      path: 'test/copy-forward.json',
      json: {
        format: 'xiaobiao-pack/1', id: 'cftest', name: '结转测试包', bureau: '测试区教育局', version: '1', uses: luojiang.uses,
        submissions: [{ code: 'MON', name: '月报', periodKind: 'month', due: { day: 5 }, sheets: ['cover', 'staff', 'config', 'visits'] }],
        sheets: [
          {
            kind: 'ledger', id: 'staff', title: '从业人员名单', ruleCode: 'RY', copyForward: 'month',
            columns: [{ key: 'name', label: '姓名', type: 'text' }, { key: 'certEnd', label: '有效期至', type: 'date' }],
          },
          {
            kind: 'stat', id: 'config', title: '安全防范配置', ruleCode: 'PZ', unit: '人', copyForward: 'month',
            columns: [{ key: 'value', label: '值', kind: 'entered' }],
            rows: [{ code: '01', label: '专职保安人数' }, { code: '02', label: '视频存储天数' }],
          },
          { kind: 'ledger', id: 'visits', title: '来访登记', ruleCode: 'LF', columns: [{ key: 'who', label: '来访人', type: 'text' }] },
        ],
      },
    },
  ]);
  const cf = packs.get('cftest')!;
  const oct: PeriodData = {
    submission: 'MON', period: '2025-10', status: '草稿', version: 0,
    sheets: {
      staff: { rows: [{ id: 's1', name: '赵敏', certEnd: '2026-03-01' }, { id: 's2', name: '钱伟', certEnd: '2026-05-20' }] },
      config: { cells: { '01:value': 3, '02:value': 30 } },
      visits: { rows: [{ id: 'v1', who: '家长' }] },
    },
  };

  it('copies the staff rows and the entered cells, not the month’s own records', () => {
    const p = planCopyForward({ pack: cf, schoolType: '小学', previous: oct, to: '2025-11' });
    expect(p.sheets.map((s) => [s.sheetId, s.rows?.length ?? null, s.cells ?? null])).toEqual([
      ['staff', 2, null],
      ['config', null, { '01:value': 3, '02:value': 30 }],
    ]);
    const nov = applyPlan(p, emptyPeriod('MON', '2025-11'));
    expect(nov.sheets.staff!.rows!.map((r) => [r.id, r.name, r.certEnd])).toEqual([
      ['2025-11:staff:1', '赵敏', '2026-03-01'],
      ['2025-11:staff:2', '钱伟', '2026-05-20'],
    ]);
    expect(nov.sheets.visits).toBeUndefined();
  });

  it('a copyForward that does not match its submission’s period is refused when the pack loads', () => {
    expect(() =>
      loadPacks([
        ...readSeedFiles().filter((f) => f.path.startsWith('seeds/forms/')),
        {
          path: 'test/bad-copy.json',
          json: {
            format: 'xiaobiao-pack/1', id: 'bad', name: '错', bureau: '测试区教育局', version: '1', uses: luojiang.uses,
            submissions: [{ code: 'MON', name: '月报', periodKind: 'month', due: { day: 5 }, sheets: ['cover', 'staff'] }],
            sheets: [
              {
                kind: 'ledger', id: 'staff', title: '名单', ruleCode: 'RY', copyForward: 'schoolYear',
                advance: { field: 'level', stageField: 'stage' }, columns: [{ key: 'name', label: '姓名', type: 'text' }],
              },
            ],
          },
        },
      ]),
    ).toThrow(/sheets\["staff"\]\.advance\.field: 本表没有列 "level".*submissions\[\d\]\.sheets\[1\]: 表 "staff" 按 schoolYear 结转，但报表 MON 的期间是 month/);
  });

  it('startPeriod: the copy as a new draft period, or an empty one with nothing before it', () => {
    const nov = startPeriod(cf, '小学', 'MON', '2025-11', oct);
    expect(nov).toMatchObject({ submission: 'MON', period: '2025-11', status: '草稿', version: 0 });
    expect(Object.keys(nov.sheets).sort()).toEqual(['config', 'staff']);
    expect(startPeriod(cf, '小学', 'MON', '2025-11')).toEqual(emptyPeriod('MON', '2025-11'));
  });
});

describe('安全防范与卫生配置 (an indicator sheet flagged copyForward) in XYAQ', () => {
  // the XYAQ of FORMS.md §3 with 安全防范与卫生配置 in its place, whatever the seeds list today
  const luojiang = readSeedFiles().find((f) => f.path === 'seeds/packs/luojiang.json')!.json as { uses: string[] };
  const uses = [...new Set([...luojiang.uses, 'national-monthly-indicators'])];
  const xy = loadPacks([
    ...readSeedFiles().filter((f) => f.path.startsWith('seeds/forms/')),
    {
      path: 'test/xyaq-config.json',
      json: {
        format: 'xiaobiao-pack/1', id: 'xycfg', name: '测试', bureau: '测试区教育局', version: '1', uses,
        submissions: [{ code: 'XYAQ', name: '校园安全月报', periodKind: 'month', due: { day: 5 }, sheets: ['cover', 'hazardLog', 'drillLog', 'safetyConfig', 'healthCheck'] }],
      },
    },
  ]).get('xycfg')!;

  it('its entered values go to the next month next to the open 隐患; the drills and 晨午检 stay', () => {
    const oct: PeriodData = {
      submission: 'XYAQ', period: '2025-10', status: '已审核', version: 1,
      sheets: {
        hazardLog: { rows: [{ id: 'h', code: 'YH-202510-01', date: '2025-10-20', status: '整改中' }] },
        drillLog: { rows: [{ id: 'd', date: '2025-10-20', drillType: '消防疏散' }] },
        safetyConfig: { cells: { '02:value': 3, '04:value': '是', '07:value': 30, '09:value': null } },
        healthCheck: { rows: [{ id: 'c', date: '2025-10-09', expected: 1200, present: 1190 }] },
      },
    };
    const p = planCopyForward({ pack: xy, schoolType: '小学', previous: oct, to: '2025-11' });
    expect(p.sheets.map((s) => [s.sheetId, s.how, s.rows?.length ?? s.cells])).toEqual([
      ['hazardLog', 'carry', 1],
      ['safetyConfig', 'copy', { '02:value': 3, '04:value': '是', '07:value': 30 }],
    ]);
  });
});

describe('从业人员名单 of 从业人员健康管理 (SPAQ)', () => {
  it('the staff list goes to the next month; the month’s 晨检 days and other ledgers stay', () => {
    const sep: PeriodData = {
      submission: 'SPAQ', period: '2025-09', status: '已审核', version: 1,
      sheets: {
        foodStaff: {
          rows: [
            { id: 'a', name: '赵敏', post: '厨师', certNo: 'JK2025-001', issueDate: '2025-03-01', validUntil: '2026-02-28', trained: '是' },
            { id: 'b', name: '钱伟', post: '帮厨', certNo: 'JK2025-002', issueDate: '2025-05-10', validUntil: '2026-05-09', trained: '是' },
          ],
        },
        morningCheck: { rows: [{ id: 'm', date: '2025-09-01', expected: 2, checked: 2, abnormal: 0, checker: '赵敏' }] },
        sampleLog: { rows: [{ id: 's', date: '2025-09-01', meal: '午餐', dish: '米饭', amount: 150 }] },
      },
    };
    const p = plan('小学', sep, '2025-10');
    expect(p.sheets.map((s) => [s.sheetId, s.how, s.rows!.length])).toEqual([['foodStaff', 'copy', 2]]);
    expect(p.sheets[0]!.rows!.map((r) => [r.name, r.certNo, r.validUntil])).toEqual([
      ['赵敏', 'JK2025-001', '2026-02-28'],
      ['钱伟', 'JK2025-002', '2026-05-09'],
    ]);
  });
});
