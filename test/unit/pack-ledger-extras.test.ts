// Pack checks for the SPAQ ledger vocabulary (schema-ledger-extras.ts): a bureau editing a pack by
// hand is told, with the file and the JSON path, when a fixed-row list or a worksheet of several
// lists does not hold together.
import { describe, expect, it } from 'vitest';
import { loadPacks, PackError } from '../../shared/pack/loader';
import { readSeedFiles } from '../../shared/cli/seeds';
import type { SourceFile } from '../../shared/pack/loader';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const LIB = 'seeds/forms/national-spaq-ledgers.json';

/** Loads the seeds with the SPAQ ledgers library and the 罗江 pack changed as given. */
function load(changeLib: (sheets: Record<string, Json>) => void, changePack: (pack: Json) => void = () => undefined) {
  const files: SourceFile[] = structuredClone(readSeedFiles()).filter((f) => f.path !== 'seeds/packs/shuangliu.json');
  const lib = files.find((f) => f.path === LIB)!.json as Json;
  changeLib(Object.fromEntries(lib.sheets.map((s: Json) => [s.id, s])));
  changePack(files.find((f) => f.path === 'seeds/packs/luojiang.json')!.json);
  return loadPacks(files);
}

function problems(fn: () => unknown): { file: string; problems: string[] } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PackError);
    return e as PackError;
  }
  throw new Error('expected a PackError');
}

describe('fixed rows (食品安全自查表)', () => {
  it('load as given: 21 items fixing 检查项目 and 检查内容', () => {
    const sheet = load(() => undefined).get('luojiang')!.sheets.selfCheck as Json;
    expect(sheet.fixedRows).toHaveLength(21);
    expect(sheet.fixedRows[20]).toEqual({ item: '明厨亮灶', content: '视频监控正常' });
  });

  it('a fixed value for a column the list lacks', () => {
    const e = problems(() => load((s) => (s.selfCheck.fixedRows[3] = { itme: '从业人员', content: '持有效健康证明' })));
    expect(e.file).toBe('seeds/packs/luojiang.json');
    expect(e.problems).toContain('sheets["selfCheck"].fixedRows[3]: 本表没有列 "itme"');
  });

  it('rows that fix different columns, and a list with nothing left to fill', () => {
    const e = problems(() => load((s) => (s.selfCheck.fixedRows[5] = { item: '从业人员' })));
    expect(e.problems).toEqual(['sheets["selfCheck"].fixedRows[5]: 每行固定的列必须相同（content、item）']);
    const all = problems(() => load((s) => (s.selfCheck.columns = s.selfCheck.columns.slice(0, 2))));
    expect(all.problems).toContain('sheets["selfCheck"].fixedRows: 至少要留一列给学校填写');
  });
});

describe('a worksheet of several lists (从业人员健康管理)', () => {
  it('a part that is not a list', () => {
    const e = problems(() => load((s) => (s.foodHealth.parts[1].id = 'cover')));
    expect(e.problems).toEqual(['sheets["foodHealth"].parts[1].id: "cover" 不是名册表']);
  });

  it('a part also listed in the submission itself', () => {
    const e = problems(() => load(() => undefined, (p) => {
      p.submissions = structuredClone((readSeedFiles().find((f) => f.path === 'seeds/forms/national-base.json')!.json as Json).submissions);
      p.submissions.find((s: Json) => s.code === 'SPAQ').sheets.push('morningCheck');
    }));
    expect(e.problems.filter((x) => x.includes('morningCheck'))).toEqual([
      expect.stringMatching(/^submissions\[\d\]\.sheets\[\d+\]: "morningCheck" 是 "foodHealth" 的分块，只列出 "foodHealth"$/),
    ]);
  });

  it('no parts at all is refused by the schema, naming the library and the path', () => {
    const e = problems(() => load((s) => (s.foodHealth.parts = [])));
    expect(e.file).toBe(LIB);
    expect(e.problems.join('；')).toMatch(/sheets\[1\]\.parts: /);
  });
});

describe('column checks', () => {
  it('requiredIfMin reading a column the list lacks', () => {
    const e = problems(() => load((s) => (s.morningCheck.columns[4].checks[0].field = 'abnormals')));
    expect(e.problems).toEqual(['sheets["morningCheck"].columns[4].checks[0].field: 本表没有列 "abnormals"']);
  });

  it('expiresWithin needs a whole number of days above 0', () => {
    const e = problems(() => load((s) => (s.foodStaff.columns[4].checks[1].days = 0)));
    expect(e.file).toBe(LIB);
    expect(e.problems.join('；')).toContain('sheets[2].columns[4].checks[1].days');
  });
});
