// A newcomer's first session, in real Chromium against the built web page: set up the school,
// enter 3 classes and 5 留样 rows, reload (everything is still there), audit, export both
// workbooks, and check the downloaded files cell by cell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { seedPacks } from '../../shared/cli/seeds';
import { readReport } from '../../shared/xlsx/read';
import { openApp, type AppSession } from './harness';

// A fixed "today" so the default periods are 2025-2026 and 2025-10 on any day the test runs.
const TODAY = new Date('2025-10-20T10:00:00+08:00');
const CLASSES = [
  { grade: '一年级', name: '一年级（1）班', students: '45', female: '22', minority: '1' },
  { grade: '一年级', name: '一年级（2）班', students: '44', female: '20', minority: '0' },
  { grade: '六年级', name: '六年级（1）班', students: '57', female: '28', minority: '2' }, // 大班额 → 经验校验
];
// dates typed the ways people type them; the app stores them as ISO dates
const SAMPLES = [
  { date: '2025/10/9', meal: '午餐', dish: '红烧肉', amount: '150', time: '11:40', who: '赵敏', dispose: '2025-10-11 11:50' },
  { date: '2025-10-9', meal: '午餐', dish: '番茄炒蛋', amount: '125', time: '11:40', who: '赵敏', dispose: '2025-10-11 11:50' },
  { date: '2025年10月9日', meal: '午餐', dish: '=1+1 清炒白菜', amount: '160', time: '11:41', who: '钱伟', dispose: '2025/10/11 12:00' },
  { date: '2025.10.10', meal: '早餐', dish: '豆浆', amount: '200', time: '7:10', who: '钱伟', dispose: '2025-10-12 07:20' },
  { date: '2025-10-10', meal: '早餐', dish: '肉包子', amount: '130', time: '07:10', who: '钱伟', dispose: '2025-10-12 07:20' },
];

let app: AppSession;
let page: AppSession['page'];
const tid = (id: string) => app.tid(id);
const pickOption = (testId: string, label: string) => app.pickOption(testId, label);

async function waitSaved() {
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
}

/** Exports; a period with 逻辑校验 errors asks first (导出的为草稿) and the test says 仍要导出. */
function download(expectErrors = false) {
  return app.download(async () => {
    await tid('export-button').click();
    if (expectErrors) await page.getByRole('button', { name: '仍要导出' }).click();
  });
}

beforeAll(async () => {
  app = await openApp(TODAY);
  page = app.page;
});

afterAll(async () => {
  // a script error anywhere in the session fails the run, even if every step looked right
  expect(app?.pageErrors ?? []).toEqual([]);
  await app?.close();
});

describe('first run in Chromium', () => {
  it('sets up the school, refusing a 9-digit 学校标识码 with a Chinese message', async () => {
    await tid('setup-code').fill('510626000');
    await tid('setup-name').click();
    await page.getByText('学校标识码必须是 10 位数字').waitFor();
    await tid('setup-code').fill('5106260001');
    await tid('setup-name').fill('罗江区实验小学');
    // two bureaus are bundled, so none is preselected; 办学类型 lists the chosen pack's types
    await pickOption('setup-pack', '德阳市罗江区教育局');
    await pickOption('setup-type', '小学');
    await pickOption('setup-sponsor', '公办');
    await tid('setup-township').fill('万安街道');
    await pickOption('setup-urbanRural', '城区');
    await tid('setup-head').fill('张明');
    await tid('setup-statHead').fill('李华');
    await tid('setup-filler').fill('王芳');
    await tid('setup-phone').fill('0838-6212345');
    await tid('setup-submit').click();
    await expect.poll(() => tid('school-name').textContent()).toContain('罗江区实验小学');
  });

  it('enters 3 classes in 班级名册 and sees 教基3112 computed from them', async () => {
    await tid('sheet-nav-classList').click();
    for (const [i, c] of CLASSES.entries()) {
      await tid('ledger-add-row').click();
      await tid(`cell-classList-${i}-stage`).selectOption('小学');
      await tid(`cell-classList-${i}-grade`).selectOption(c.grade);
      await tid(`cell-classList-${i}-className`).fill(c.name);
      await tid(`cell-classList-${i}-students`).fill(c.students);
      await tid(`cell-classList-${i}-female`).fill(c.female);
      await tid(`cell-classList-${i}-minority`).fill(c.minority);
      await tid(`cell-classList-${i}-multiGrade`).selectOption('否');
    }
    await waitSaved();
    await tid('sheet-nav-jj3112').click();
    await tid('stat-jj3112-01-graduates').fill('52');
    await tid('stat-jj3112-01-enrol').fill('89');
    await tid('stat-jj3112-01-pre3').fill('89');
    await tid('stat-jj3112-01-pre0').click(); // leave the cell: the value is committed
    await expect.poll(() => tid('stat-jj3112-01-total').textContent()).toMatch(/146$/);
    expect(await tid('stat-jj3112-01-g1').textContent()).toMatch(/89$/);
    expect(await tid('stat-jj3112-02-total').textContent()).toMatch(/70$/);
    expect(await tid('stat-jj3112-01-expected').getAttribute('data-kind')).toBe('computed');
    expect(await tid('stat-jj3112-02-female').getAttribute('data-kind')).toBe('blocked');
    await waitSaved();
  });

  it('enters 5 留样 rows in the SPAQ month', async () => {
    await pickOption('pick-submission', '食品安全月报');
    await tid('sheet-nav-sampleLog').click();
    for (const [i, s] of SAMPLES.entries()) {
      await tid('ledger-add-row').click();
      await tid(`cell-sampleLog-${i}-date`).fill(s.date);
      await tid(`cell-sampleLog-${i}-meal`).selectOption(s.meal);
      await tid(`cell-sampleLog-${i}-dish`).fill(s.dish);
      await tid(`cell-sampleLog-${i}-amount`).fill(s.amount);
      await tid(`cell-sampleLog-${i}-sampleTime`).fill(s.time);
      await tid(`cell-sampleLog-${i}-sampler`).fill(s.who);
      await tid(`cell-sampleLog-${i}-disposeTime`).fill(s.dispose);
      await tid(`cell-sampleLog-${i}-disposer`).fill(s.who);
    }
    await tid('cell-sampleLog-0-remark').click();
    await waitSaved();
  });

  it('after a reload everything is still there', async () => {
    await page.reload();
    await expect.poll(() => tid('school-name').textContent()).toContain('罗江区实验小学');
    await pickOption('pick-submission', '食品安全月报');
    await tid('sheet-nav-sampleLog').click();
    await expect.poll(() => tid('cell-sampleLog-4-dish').inputValue()).toBe('肉包子');
    expect(await tid('cell-sampleLog-0-date').inputValue()).toBe('2025-10-09');
    expect(await tid('cell-sampleLog-2-date').inputValue()).toBe('2025-10-09');
    expect(await tid('cell-sampleLog-3-sampleTime').inputValue()).toBe('07:10');
    expect(await tid('cell-sampleLog-2-disposeTime').inputValue()).toBe('2025-10-11 12:00');
    await pickOption('pick-submission', '学年初统计报表');
    await tid('sheet-nav-classList').click();
    await expect.poll(() => tid('cell-classList-2-className').inputValue()).toBe('六年级（1）班');
    expect(await tid('cell-classList-0-students').inputValue()).toBe('45');
  });

  it('the audit lists the 大班额 warning and jumps to the cell', async () => {
    await tid('audit-open').click();
    await tid('finding-XNC-BJMC-W01').first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('cell-classList-2-students');
    await page.keyboard.press('Escape');
  });

  it('exports XNC: the downloaded workbook has the bureau layout and the figures, cell by cell', async () => {
    // 教职工名册 and 办学条件 are left empty here: the 审核 says so (逻辑校验), so this is a draft
    const file = await download(true);
    expect(file.name).toBe('5106260001_罗江区实验小学_XNC_2025-2026.xlsx');
    const wb = XLSX.read(file.bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual([
      '封面', '班级名册', '教职工名册', '教基3112 小学分类型学生数', '教基2106 小学班额情况', '教基4149 中小学教职工',
      '教基4153 专任教师分年龄情况', '教基4155 专任教师分课程、分学历情况', '残疾学生情况', '办学条件与优质均衡', '教师发展',
      '学生发展与满意度', '校验说明', '_meta',
    ]);
    const cover = wb.Sheets['封面']!;
    expect([cover.B3?.v, cover.B4?.v, cover.B9?.v, cover.B10?.v]).toEqual(['罗江区实验小学', '5106260001', '2025-2026', '2025-09-01']);
    const t = wb.Sheets['教基3112 小学分类型学生数']!;
    expect([t.A1?.v, t.A2?.v, t.I2?.v]).toEqual(['教基3112 小学分类型学生数', '填报单位：罗江区实验小学', '统计时点：2025年9月1日　单位：人']);
    const row01 = ['C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q'].map((c) => t[`${c}6`]?.v ?? null);
    expect(row01).toEqual([52, 89, null, null, null, 89, 146, 70, 89, 0, 0, 0, 0, 57, 57]);
    expect([t.A8?.v, t.B8?.v, t.I8?.v, t.J7?.v]).toEqual(['#少数民族', '03', 3, '-']);
    expect(t.A20?.v).toBe('单位负责人：张明　统计负责人：李华　填表人：王芳　报出日期：2025-10-20');
    const b = wb.Sheets['教基2106 小学班额情况']!;
    // 45 → 41-45人 (row 06, r10), 44 → 41-45人, 57 → 56-60人 (row 09, r13)
    expect([b.C5?.v, b.D5?.v, b.I5?.v, b.C10?.v, b.D10?.v, b.C13?.v, b.I13?.v]).toEqual([3, 2, 1, 2, 2, 1, 1]);
    const notes = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['校验说明']!, { header: 1 });
    expect(notes[3]?.slice(0, 3)).toEqual(['XNC-BJMC-W01', '班级名册', 'E6']);
    const back = readReport(file.bytes, seedPacks());
    expect(back.hashMismatches).toEqual([]);
    expect(back.data.sheets.classList!.rows!.map((r) => [r.grade, r.className, r.students, r.female])).toEqual(
      CLASSES.map((c) => [c.grade, c.name, Number(c.students), Number(c.female)]),
    );
  });

  it('exports SPAQ: 5 留样 rows with real dates and formula-like text kept as text', async () => {
    await pickOption('pick-submission', '食品安全月报');
    await tid('sheet-nav-sampleLog').click();
    const file = await download(true); // 自查表 and the other ledgers are left empty here: a draft
    expect(file.name).toBe('5106260001_罗江区实验小学_SPAQ_2025-10.xlsx');
    const wb = XLSX.read(file.bytes, { type: 'array', cellNF: true });
    const ws = wb.Sheets['食品留样记录']!;
    expect([ws.A1?.v, ws.A2?.v, ws.B3?.v, ws.H3?.v]).toEqual(['食品留样记录', '填报单位：罗江区实验小学　期间：2025年10月', '日期', '处理时间']);
    expect([ws.A4?.v, ws.B4?.v, ws.B4?.z, ws.C4?.v, ws.D4?.v, ws.E4?.v]).toEqual([1, 45939, 'yyyy-mm-dd', '午餐', '红烧肉', 150]);
    expect(ws.D6).toMatchObject({ t: 's', v: '=1+1 清炒白菜' });
    expect(ws.D6?.f).toBeUndefined();
    expect(ws.A8?.v).toBe(5);
    expect(ws.A9).toBeUndefined();
    const back = readReport(file.bytes, seedPacks(), { fileName: file.name });
    expect(back.data.sheets.sampleLog!.rows!.map((r) => [r.date, r.meal, r.dish, r.amount, r.sampleTime, r.disposeTime])).toEqual([
      ['2025-10-09', '午餐', '红烧肉', 150, '11:40', '2025-10-11 11:50'],
      ['2025-10-09', '午餐', '番茄炒蛋', 125, '11:40', '2025-10-11 11:50'],
      ['2025-10-09', '午餐', '=1+1 清炒白菜', 160, '11:41', '2025-10-11 12:00'],
      ['2025-10-10', '早餐', '豆浆', 200, '07:10', '2025-10-12 07:20'],
      ['2025-10-10', '早餐', '肉包子', 130, '07:10', '2025-10-12 07:20'],
    ]);
  });
});
