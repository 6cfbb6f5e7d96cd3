// The pack-format additions of the staff forms: the yearMonth column type (出生年月), enum values
// per school type, and the references the loader checks for age, colSumLte and crossSum.
import { describe, expect, it } from 'vitest';
import { hasColumnType, isoToSerial, parseInput, parseYearMonth } from '../../shared/model/values';
import { enumValues } from '../../shared/pack/applicability';
import { loadPacks, PackError } from '../../shared/pack/loader';
import { readSeedFiles, seedPacks } from '../../shared/cli/seeds';
import type { LedgerColumn, LedgerSheet } from '../../shared/pack/schema';

const birth: LedgerColumn = { key: 'birth', label: '出生年月', type: 'yearMonth' };

describe('出生年月 (yearMonth)', () => {
  it.each([
    ['1985-03', '1985-03'], ['1985-3', '1985-03'], ['1985/03', '1985-03'], ['1985.3', '1985-03'], ['1985.12', '1985-12'],
    ['1985年3月', '1985-03'], ['１９８５年３月', '1985-03'], ['198503', '1985-03'], [' 1985 - 3 ', '1985-03'],
    // a full birth date keeps its month; so does an Excel date serial (1985-03-01)
    ['1985-03-15', '1985-03'], ['1985年3月15日', '1985-03'], [String(isoToSerial('1985-03-01')), '1985-03'],
  ])('%s → %s', (text, want) => {
    expect(parseYearMonth(text)).toBe(want);
    expect(parseInput(birth, text)).toBe(want);
  });

  it.each(['1985-13', '1985-00', '85年3月', '1985', '0985-03', '1985-02-30', 'abc'])('%s is kept as typed and is a type error', (text) => {
    expect(parseYearMonth(text)).toBeUndefined();
    expect(parseInput(birth, text)).toBe(text.trim());
    expect(hasColumnType(birth, parseInput(birth, text))).toBe(false);
  });

  it('only the normalised form has the type; empty is no value', () => {
    expect(hasColumnType(birth, '1985-03')).toBe(true);
    expect(hasColumnType(birth, '1985-3')).toBe(false);
    expect(hasColumnType(birth, 198503)).toBe(false);
    expect(parseInput(birth, '  ')).toBeNull();
  });
});

describe('岗位类别 values per school type', () => {
  const pack = seedPacks().get('luojiang')!;
  const post = (pack.sheets.staffList as LedgerSheet).columns.find((c) => c.key === 'post')!;
  it('a 幼儿园 has its own list; every other school type the 中小学 list', () => {
    expect(enumValues(pack, '幼儿园', post)).toEqual(['园长', '专任教师', '保健医', '保育员', '其他']);
    for (const type of ['小学', '九年一贯制学校', '高级中学', '特殊教育学校'])
      expect(enumValues(pack, type, post), type).toEqual(['专任教师', '行政人员', '教辅人员', '工勤人员', '其他', '校外教师', '银龄教师']);
  });
});

describe('the loader checks what the staff additions refer to', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Json = any;
  /** Loads the seeds with the staff library changed; returns the loader's message. */
  function problem(change: (lib: Json) => void): string {
    const files = readSeedFiles().map((f) => structuredClone(f));
    const lib = files.find((f) => f.path === 'seeds/forms/national-xnc-staff.json')!.json as Json;
    change(lib);
    try {
      loadPacks(files);
    } catch (e) {
      expect(e).toBeInstanceOf(PackError);
      return (e as Error).message;
    }
    throw new Error('expected a PackError');
  }
  const sheet = (lib: Json, id: string) => lib.sheets.find((s: Json) => s.id === id);
  const column = (lib: Json, key: string) => sheet(lib, 'staffList').columns.find((c: Json) => c.key === key);
  const postAt = () => (readSeedFiles().find((f) => f.path.endsWith('national-xnc-staff.json'))!.json as Json)
    .sheets[0].columns.findIndex((c: Json) => c.key === 'post');

  it('valuesBySchoolType names a school type the pack lacks', () => {
    const msg = problem((lib) => (column(lib, 'post').valuesBySchoolType = { 托儿所: ['保育员'] }));
    expect(msg).toContain(`sheets["staffList"].columns[${postAt()}].valuesBySchoolType: 没有办学类型 "托儿所"`);
  });

  it('an age check filtering on a column the list lacks', () => {
    const msg = problem((lib) => (column(lib, 'birth').checks[0].when = [{ field: 'position', eq: '专任教师' }]));
    expect(msg).toContain('.checks[0].when[0].field: 本表没有列 "position"');
  });

  it('an age check without min or max is refused by the schema', () => {
    const msg = problem((lib) => {
      delete column(lib, 'birth').checks[0].max;
    });
    expect(msg).toContain('年龄检查至少需要 min 或 max');
  });

  it('crossSum naming a sheet, a 学段 row or a column that does not exist', () => {
    expect(problem((lib) => (sheet(lib, 'jj4149').checks[0].sheet = 'jj4154'))).toContain('sheets["jj4149"].checks[0].sheet: "jj4154" 不是统计表');
    expect(problem((lib) => (sheet(lib, 'jj4149').checks[0].rows = ['*total']))).toContain('sheets["jj4149"].checks[0].rows: 表 "jj4153" 没有行 "*total"');
    expect(problem((lib) => (sheet(lib, 'jj4149').checks[0].cols = ['sum']))).toContain('sheets["jj4149"].checks[0].cols: 表 "jj4153" 没有列 "sum"');
    expect(problem((lib) => (sheet(lib, 'jj4149').checks[0].col = 'teacher'))).toContain('sheets["jj4149"].checks[0]: 没有列 "teacher"');
  });

  it('colSumLte naming a column the sheet lacks', () => {
    expect(problem((lib) => (sheet(lib, 'jj4155').checks[1].cols = ['english', 'french']))).toContain('sheets["jj4155"].checks[1]: 没有列 "french"');
  });
});
