// Which XNC sheets each school type gets (FORMS.md §0: a school gets the sheets of every 学段 it
// has, so 一贯制 schools get both 学段's tables), in the order of the XNC submission; and the
// loader's checks of the listSum check (表与名册) a bureau could get wrong by hand.
import { describe, expect, it } from 'vitest';
import { readSeedFiles, seedPacks } from '../../shared/cli/seeds';
import { findSubmission, sheetsFor } from '../../shared/pack/applicability';
import { loadPacks, PackError } from '../../shared/pack/loader';
import { buildReport } from '../../shared/xlsx/report';
import { studentData } from '../fixtures/student-classes';

const pack = seedPacks().get('luojiang')!;
const xnc = findSubmission(pack, 'XNC')!;

const HEAD = ['cover', 'classList', 'staffList'];
// FORMS.md §1.3–§1.5, §1.9: the student tables by 学段, 残疾学生情况 for every school with 小学/初中/普通高中
const PRIMARY = { students: ['jj3112'], size: ['jj2106'] };
const JUNIOR = { students: ['jj3115'], size: ['jj2107'] };
const SENIOR = { students: ['jj3118'], size: ['hsClassSize'] };
const school = (stages: { students: string[]; size: string[] }[], rest: string[]) => [
  ...HEAD, ...stages.flatMap((s) => s.students), ...stages.flatMap((s) => s.size), 'jj4149', 'jj4153', 'jj4155', 'disabledStudents', ...rest,
];
const COMPULSORY_TAIL = ['conditions', 'teacherDev', 'studentDev']; // 办学条件与优质均衡 only with 小学 or 初中
const EXPECTED: Record<string, string[]> = {
  幼儿园: [...HEAD, 'kgClasses', 'jj4148', 'jj4153', 'teacherDev'],
  小学: school([PRIMARY], COMPULSORY_TAIL),
  初级中学: school([JUNIOR], COMPULSORY_TAIL),
  九年一贯制学校: school([PRIMARY, JUNIOR], COMPULSORY_TAIL),
  完全中学: school([JUNIOR, SENIOR], COMPULSORY_TAIL),
  高级中学: school([SENIOR], ['teacherDev', 'studentDev']),
  十二年一贯制学校: school([PRIMARY, JUNIOR, SENIOR], COMPULSORY_TAIL),
  特殊教育学校: school([PRIMARY, JUNIOR], COMPULSORY_TAIL),
};
// the XNC order every engineer agreed on (issue 3)
const ORDER = ['cover', 'classList', 'staffList', 'jj3112', 'jj3115', 'jj3118', 'jj2106', 'jj2107', 'hsClassSize', 'kgClasses',
  'jj4149', 'jj4148', 'jj4153', 'jj4155', 'disabledStudents', 'conditions', 'teacherDev', 'studentDev'];

describe('XNC sheets per school type', () => {
  it('the submission lists every sheet in the agreed order', () => {
    expect(xnc.sheets).toEqual(ORDER);
  });

  it.each(Object.entries(EXPECTED))('%s: exactly its sheets, in order', (type, ids) => {
    expect(sheetsFor(pack, xnc, type).map((s) => s.id)).toEqual(ids);
    expect(ids.filter((id) => ORDER.indexOf(id) < 0)).toEqual([]);
    expect([...ids].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))).toEqual(ids);
  });

  it('every school type of the pack is covered', () => {
    expect(pack.schoolTypes.map((t) => t.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s: the workbook has those sheets between 封面 and 校验说明, _meta last', (type, ids) => {
    const school = { code: '5106260009', name: '罗江区示例学校', type, sponsor: '公办' as const, township: '万安街道',
      urbanRural: '城区' as const, head: '张明', statHead: '李华', filler: '王芳', phone: '0838-6212345', packId: 'luojiang' };
    const names = buildReport({ pack, school, data: studentData(), appVersion: '1', now: new Date('2025-09-16T08:00:00Z') }).grids.map((g) => g.name);
    expect(names).toEqual([...ids.map((id) => pack.sheets[id]!.title), '校验说明', '_meta']);
    expect(names[0]).toBe('封面');
  });
});

describe('listSum checks are checked when the pack loads', () => {
  // the 残疾学生情况 check of the student library, changed by `edit`
  function loadWith(edit: (check: Record<string, unknown>) => void) {
    const files = readSeedFiles().map((f) => structuredClone(f));
    const lib = files.find((f) => f.path === 'seeds/forms/national-xnc-students.json')!;
    const sheets = (lib.json as { sheets: { id: string; checks: Record<string, unknown>[] }[] }).sheets;
    const i = sheets.findIndex((s) => s.id === 'disabledStudents');
    const j = sheets[i]!.checks.findIndex((k) => k.kind === 'listSum');
    edit(sheets[i]!.checks[j]!);
    try {
      loadPacks(files);
    } catch (e) {
      expect(e).toBeInstanceOf(PackError);
      return { error: e as PackError, at: `sheets["disabledStudents"].checks[${j}]` };
    }
    throw new Error('expected a PackError');
  }

  it('a list that is not a ledger', () => {
    const { error, at } = loadWith((k) => (k.list = 'jj3112'));
    expect(error.message).toContain(`${at}.list: "jj3112" 不是名册表`);
  });

  it('a field the list lacks, in the sum or in the filter', () => {
    const a = loadWith((k) => (k.field = 'disabledPupils'));
    expect(a.error.message).toContain(`${a.at}: 来源名册没有列 "disabledPupils"`);
    const b = loadWith((k) => (k.where = [{ field: 'section', eq: '小学' }]));
    expect(b.error.message).toContain(`${b.at}: 来源名册没有列 "section"`);
  });

  it('a row code or column the sheet lacks', () => {
    expect(loadWith((k) => (k.row = '09')).error.message).toContain('没有代码 "09"');
    expect(loadWith((k) => (k.col = 'regular')).error.message).toContain('没有列 "regular"');
  });
});
