// Loading and checking bureau packs (shared/pack/loader.ts, references.ts): the seeds load, they
// match the bureau contract, every mistake a bureau can make by hand is refused with the file and
// the JSON path, and a third bureau can be added as data alone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPacks, PackError, parseFormsFile, parsePackFile, type SourceFile } from '../../shared/pack/loader';
import { checkPackReferences } from '../../shared/pack/references';
import { enumValues, findSubmission, sheetsFor, stagesOf, submissionsFor } from '../../shared/pack/applicability';
import { resolveCell } from '../../shared/pack/stat-cells';
import type { LedgerSheet, StatSheet } from '../../shared/pack/schema';
import { readSeedFiles, REPO_ROOT, SEED_DIRS, seedPacks } from '../../shared/cli/seeds';
import { demoSchool } from '../../shared/demo/demo-school';
import { exportReport } from '../../shared/xlsx/export';
import { readReport } from '../../shared/xlsx/read';
import { runAudit } from '../../shared/audit/run';
import { dueDate } from '../../shared/model/period';
import type { PeriodData } from '../../shared/model/data';
import { comparable } from '../fixtures/period-data';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
const contract = JSON.parse(readFileSync(join(FIXTURES, 'forms-contract.json'), 'utf8')) as {
  submissions: Record<string, { name: string; periodKind: string; due: { month?: number; day: number }; sheets: string[] }>;
  cover: { title: string; fields: string[] };
  ledgers: Record<string, { title: string; columns: string[]; enums: Record<string, string[]> }>;
  stats: Record<string, { title: string; unit: string; stages: string[]; columns: string[]; groups: Record<string, string[]>; rows: [string, string][] }>;
  schoolTypeIds: string[];
  schoolTypeStages: Record<string, string[]>;
  stages: Record<string, string[]>;
};

const clone = <T>(v: T): T => structuredClone(v);
const seedFiles = () => readSeedFiles();
const seedFile = (path: string) => clone(seedFiles().find((f) => f.path === path)!);
const forms = () => seedFiles().filter((f) => f.path.startsWith('seeds/forms/'));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** Loads the national libraries plus a modified copy of the 罗江 pack saved as `path`. */
function loadModifiedPack(change: (pack: Json) => void, path = 'packs/bad.json') {
  const pack = seedFile('seeds/packs/luojiang.json').json as Json;
  // the submissions come from the national library; a pack may list its own, which win
  pack.submissions ??= (seedFile('seeds/forms/national-base.json').json as Json).submissions;
  change(pack);
  return loadPacks([...forms(), { path, json: pack }]);
}

/** The PackError thrown by `fn` (fails the test if none is thrown). */
function packError(fn: () => unknown): PackError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PackError);
    return e as PackError;
  }
  throw new Error('expected a PackError');
}

const demoBureauFile = (): SourceFile => ({
  path: 'test/fixtures/packs/demo-bureau.json',
  json: JSON.parse(readFileSync(join(FIXTURES, 'packs', 'demo-bureau.json'), 'utf8')),
});

describe('seed packs', () => {
  it('reads every JSON file of seeds/forms and seeds/packs', () => {
    const onDisk = SEED_DIRS.flatMap((d) =>
      readdirSync(join(REPO_ROOT, d)).filter((n) => n.endsWith('.json')).map((n) => `${d}/${n}`),
    ).sort();
    const files = seedFiles();
    expect(files.map((f) => f.path).sort()).toEqual(onDisk);
    expect(onDisk).toContain('seeds/packs/luojiang.json');
    expect(onDisk.filter((p) => p.startsWith('seeds/forms/')).length).toBeGreaterThanOrEqual(3);
  });

  it('each file parses on its own with the schema of its format', () => {
    for (const f of seedFiles()) {
      const format = (f.json as { format: string }).format;
      if (f.path.startsWith('seeds/forms/')) {
        expect(format, f.path).toBe('xiaobiao-forms/1');
        expect(() => parseFormsFile(f), f.path).not.toThrow();
      } else {
        expect(format, f.path).toBe('xiaobiao-pack/1');
        expect(() => parsePackFile(f), f.path).not.toThrow();
      }
    }
  });

  it('every pack file becomes a loaded pack with no reference problems', () => {
    const packs = loadPacks(seedFiles());
    const packFileIds = seedFiles()
      .filter((f) => f.path.startsWith('seeds/packs/'))
      .map((f) => (f.json as { id: string }).id);
    expect([...packs.keys()].sort()).toEqual([...packFileIds].sort());
    for (const pack of packs.values()) expect(checkPackReferences(pack), pack.id).toEqual([]);
    expect(seedPacks().get('luojiang')?.bureau).toBe('德阳市罗江区教育局');
  });

  it('罗江 has XNC, SPAQ and XYAQ with the sheets FORMS.md lists, in order', () => {
    const pack = seedPacks().get('luojiang')!;
    expect(pack.submissions.map((s) => s.code)).toEqual(['XNC', 'SPAQ', 'XYAQ']);
    for (const [code, want] of Object.entries(contract.submissions)) {
      const sub = findSubmission(pack, code)!;
      expect(sub.name).toBe(want.name);
      expect(sub.periodKind).toBe(want.periodKind);
      expect(sub.sheets).toEqual(want.sheets);
      expect(sub.due.day).toBe(want.due.day);
      if (want.due.month) expect(sub.due.month).toBe(want.due.month);
    }
    expect(dueDate(findSubmission(pack, 'XNC')!, '2025-2026')).toBe('2025-09-20');
    expect(dueDate(findSubmission(pack, 'SPAQ')!, '2025-10')).toBe('2025-11-05');
  });

  it('罗江 sheets have the titles, columns and rows of the contract', () => {
    const pack = seedPacks().get('luojiang')!;
    const cover = pack.sheets.cover!;
    expect(cover.kind).toBe('cover');
    if (cover.kind === 'cover') {
      expect(cover.title).toBe(contract.cover.title);
      expect(cover.fields.map((f) => f.label)).toEqual(contract.cover.fields);
      expect(cover.fields.find((f) => f.label === '是否普惠性幼儿园')?.schoolTypes).toEqual(['幼儿园']);
    }
    for (const [id, want] of Object.entries(contract.ledgers)) {
      const sheet = pack.sheets[id] as LedgerSheet;
      expect(sheet.kind, id).toBe('ledger');
      expect(sheet.title).toBe(want.title);
      expect(sheet.columns.map((c) => c.label)).toEqual(want.columns);
      for (const [label, values] of Object.entries(want.enums))
        expect(sheet.columns.find((c) => c.label === label)?.values, `${id} ${label}`).toEqual(values);
    }
    for (const [id, want] of Object.entries(contract.stats)) {
      const sheet = pack.sheets[id] as StatSheet;
      expect(sheet.kind, id).toBe('stat');
      expect(sheet.title).toBe(want.title);
      expect(sheet.unit).toBe(want.unit);
      expect(sheet.appliesTo?.stages).toEqual(want.stages);
      expect(sheet.columns.map((c) => c.label)).toEqual(want.columns);
      expect(sheet.rows.map((r) => [r.code, r.label])).toEqual(want.rows);
      for (const [group, labels] of Object.entries(want.groups))
        expect(sheet.columns.filter((c) => c.group === group).map((c) => c.label)).toEqual(labels);
      expect(sheet.columns.filter((c) => c.group && !want.groups[c.group]).map((c) => c.label)).toEqual([]);
    }
  });

  it('罗江 school types and 学段 follow FORMS.md §0', () => {
    const pack = seedPacks().get('luojiang')!;
    expect(pack.schoolTypes.map((t) => t.id)).toEqual(contract.schoolTypeIds);
    for (const [type, stages] of Object.entries(contract.schoolTypeStages)) expect(stagesOf(pack, type), type).toEqual(stages);
    for (const [stage, grades] of Object.entries(contract.stages))
      expect(pack.stages.find((s) => s.id === stage)?.grades, stage).toEqual(grades);
  });

  it('3112 cell kinds follow FORMS.md §1.3', () => {
    const sheet = seedPacks().get('luojiang')!.sheets.jj3112 as StatSheet;
    const kind = (code: string, key: string) =>
      resolveCell(sheet, sheet.rows.find((r) => r.code === code)!, sheet.columns.find((c) => c.key === key)!).kind;
    const entered = ['graduates', 'enrol', 'pre0', 'pre1', 'pre2', 'pre3'];
    const computed = ['total', 'g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'expected'];
    for (const row of sheet.rows) {
      for (const k of entered) expect(kind(row.code, k), `${row.code}:${k}`).toBe('entered');
      for (const k of computed) expect(kind(row.code, k), `${row.code}:${k}`).toBe('computed');
      const female = row.code === '01' ? 'computed' : row.code === '02' ? 'blocked' : 'entered';
      expect(kind(row.code, 'female'), `${row.code}:female`).toBe(female);
    }
  });

  it('which sheets a school fills depends on its type', () => {
    const pack = seedPacks().get('luojiang')!;
    const xnc = findSubmission(pack, 'XNC')!;
    const ids = (type: string) => sheetsFor(pack, xnc, type).map((s) => s.id);
    // every type, sheet by sheet: pack-students.test.ts
    const tail = ['jj4149', 'jj4153', 'jj4155', 'disabledStudents'];
    expect(ids('小学')).toEqual(['cover', 'classList', 'staffList', 'jj3112', 'jj2106', ...tail, 'conditions', 'teacherDev', 'studentDev']);
    expect(ids('九年一贯制学校')).toEqual(['cover', 'classList', 'staffList', 'jj3112', 'jj3115', 'jj2106', 'jj2107', ...tail, 'conditions', 'teacherDev', 'studentDev']);
    expect(ids('幼儿园')).toEqual(['cover', 'classList', 'staffList', 'kgClasses', 'jj4148', 'jj4153', 'teacherDev']);
    expect(ids('高级中学')).toEqual(['cover', 'classList', 'staffList', 'jj3118', 'hsClassSize', ...tail, 'teacherDev', 'studentDev']);
    expect(submissionsFor(pack, '幼儿园').map((s) => s.code)).toEqual(['XNC', 'SPAQ', 'XYAQ']);
  });

  it('年级 choices follow the row 学段, and 学段 choices the school type', () => {
    const pack = seedPacks().get('luojiang')!;
    const list = pack.sheets.classList as LedgerSheet;
    const stage = list.columns.find((c) => c.key === 'stage')!;
    const grade = list.columns.find((c) => c.key === 'grade')!;
    expect(enumValues(pack, '九年一贯制学校', stage)).toEqual(['小学', '初中']);
    expect(enumValues(pack, '九年一贯制学校', grade, { stage: '初中' })).toEqual(['一年级', '二年级', '三年级']);
    expect(enumValues(pack, '幼儿园', grade, {})).toEqual(['托班', '小班', '中班', '大班']);
    expect(enumValues(pack, '小学', grade, { stage: '小学' })).toHaveLength(6);
  });
});

describe('invalid packs are refused, naming the file and the JSON path', () => {
  it('a submission referencing an unknown sheet', () => {
    const e = packError(() => loadModifiedPack((p) => (p.submissions[0].sheets[1] = 'classRoster')));
    expect(e.file).toBe('packs/bad.json');
    expect(e.message).toContain('packs/bad.json');
    expect(e.message).toContain('submissions[0].sheets[1]');
    expect(e.message).toContain('找不到表 "classRoster"');
  });

  it('a statistics row code "1" instead of "01" (in the pack itself)', () => {
    const e = packError(() =>
      loadModifiedPack((p) => {
        const sheet = clone(seedPacks().get('luojiang')!.sheets.jj3112!) as Json;
        sheet.rows[0].code = '1';
        p.sheets = [sheet];
      }),
    );
    expect(e.message).toContain('packs/bad.json');
    expect(e.message).toContain('sheets[0].rows[0].code');
    expect(e.message).toContain('代码必须是两位数字');
  });

  it('a statistics row code "1" in a forms library names the library file', () => {
    const lib = seedFile('seeds/forms/national-xnc.json');
    const libJson = lib.json as Json;
    const i = libJson.sheets.findIndex((s: { id: string }) => s.id === 'jj2106');
    libJson.sheets[i].rows[3].code = '4';
    const e = packError(() => loadPacks([...forms().filter((f) => f.path !== lib.path), lib, seedFile('seeds/packs/luojiang.json')]));
    expect(e.file).toBe('seeds/forms/national-xnc.json');
    expect(e.message).toContain(`sheets[${i}].rows[3].code`);
  });

  it('a computed cell whose measure sums a field the source list lacks', () => {
    const e = packError(() =>
      loadModifiedPack((p) => {
        const sheet = clone(seedPacks().get('luojiang')!.sheets.jj3112!) as Json;
        sheet.rows[1].measure = { agg: 'sum', fields: ['girls'] }; // classList calls it "female"
        p.sheets = [sheet];
      }),
    );
    expect(e.message).toContain('packs/bad.json');
    expect(e.message).toContain('sheets["jj3112"].rows[1]');
    expect(e.message).toContain('来源名册没有列 "girls"');
  });

  it('a computed column filtering on a field the source list lacks', () => {
    const e = packError(() =>
      loadModifiedPack((p) => {
        const sheet = clone(seedPacks().get('luojiang')!.sheets.jj2106!) as Json;
        sheet.columns[1].where = [{ field: 'year', eq: '一年级' }];
        p.sheets = [sheet];
      }),
    );
    expect(e.message).toContain('sheets["jj2106"].columns[1]');
    expect(e.message).toContain('来源名册没有列 "year"');
  });

  it('a computed cell with no measure at all', () => {
    const e = packError(() =>
      loadModifiedPack((p) => {
        const sheet = clone(seedPacks().get('luojiang')!.sheets.jj2106!) as Json;
        delete sheet.cells;
        p.sheets = [sheet];
      }),
    );
    expect(e.message).toContain('sheets["jj2106"]: 行 01 列 total 是计算格，但没有 measure');
  });

  it('an enum column without values', () => {
    const e = packError(() =>
      loadModifiedPack((p) => {
        const sheet = clone(seedPacks().get('luojiang')!.sheets.classList!) as Json;
        const i = sheet.columns.findIndex((c: { key: string }) => c.key === 'multiGrade');
        expect(i).toBe(13);
        delete sheet.columns[i].values;
        p.sheets = [sheet];
      }),
    );
    expect(e.message).toContain('sheets["classList"].columns[13]');
    expect(e.message).toContain('枚举列需要 values 或 valuesFrom');
  });

  it('a file with an unknown format', () => {
    const e = packError(() => loadModifiedPack((p) => (p.format = 'xiaobiao-pack/2')));
    expect(e.file).toBe('packs/bad.json');
    expect(e.message).toContain('format');
    expect(e.message).toContain('xiaobiao-pack/1');
    const e2 = packError(() => loadPacks([{ path: 'packs/null.json', json: null }]));
    expect(e2.message).toContain('packs/null.json');
  });

  it('a pack using a library that is not there', () => {
    let at = -1;
    const e = packError(() => loadModifiedPack((p) => (at = p.uses.push('national-nowhere') - 1)));
    expect(e.message).toContain('packs/bad.json');
    expect(e.message).toContain(`uses[${at}]`);
    expect(e.message).toContain('找不到表单库 "national-nowhere"');
  });

  it('two packs with the same id: the second file is named', () => {
    const copy = { path: 'packs/luojiang-copy.json', json: seedFile('seeds/packs/luojiang.json').json };
    const e = packError(() => loadPacks([...seedFiles(), copy]));
    expect(e.file).toBe('packs/luojiang-copy.json');
    expect(e.message).toContain('id: 包 "luojiang" 重复定义');
  });

  it('two libraries with the same id', () => {
    const lib = seedFile('seeds/forms/national-spaq.json');
    const e = packError(() => loadPacks([...seedFiles(), { path: 'forms/copy.json', json: lib.json }]));
    expect(e.message).toContain('forms/copy.json');
    expect(e.message).toContain('national-spaq');
  });

  it('a submission whose first sheet is not the cover', () => {
    const e = packError(() => loadModifiedPack((p) => p.submissions[1].sheets.reverse()));
    expect(e.message).toContain('submissions[1].sheets[0]: 第一张表必须是封面');
  });

  it('a statistics check naming a row code the sheet lacks', () => {
    const e = packError(() =>
      loadModifiedPack((p) => {
        const sheet = clone(seedPacks().get('luojiang')!.sheets.jj3112!) as Json;
        sheet.checks[1].of = ['07', '18'];
        p.sheets = [sheet];
      }),
    );
    expect(e.message).toContain('sheets["jj3112"].checks[1]: 没有代码 "18"');
  });

  it('a schema error deep inside a submission names its path', () => {
    const e = packError(() => loadModifiedPack((p) => (p.submissions[0].due.day = 32)));
    expect(e.message).toContain('submissions[0].due.day');
    const e2 = packError(() => loadModifiedPack((p) => (p.submissions[1].code = 'spaq')));
    expect(e2.message).toContain('submissions[1].code');
  });

  it('a column check pointing at a column that does not exist', () => {
    const e = packError(() =>
      loadModifiedPack((p) => {
        const sheet = clone(seedPacks().get('luojiang')!.sheets.sampleLog!) as Json;
        const col = sheet.columns.find((c: { key: string }) => c.key === 'disposeTime');
        col.checks[0].fromTime = 'sampledAt';
        p.sheets = [sheet];
      }),
    );
    expect(e.message).toContain('sheets["sampleLog"].columns[6].checks[0].fromTime: 本表没有列 "sampledAt"');
  });

  it('a value synonym pointing at a value the column does not list', () => {
    const e = packError(() =>
      loadModifiedPack((p) => {
        const sheet = clone(seedPacks().get('luojiang')!.sheets.staffList!) as Json;
        const i = sheet.columns.findIndex((c: { key: string }) => c.key === 'education');
        sheet.columns[i].synonyms = { ...sheet.columns[i].synonyms, 大学本科: '大学' };
        p.sheets = [sheet];
      }),
    );
    expect(e.message).toContain('sheets["staffList"].columns[7].synonyms["大学本科"]: “大学”不是「最高学历」的可选值');
  });

  it('a synonym re-pointing a listed value, two spellings of one synonym with different values, synonyms on a text column', () => {
    const e = packError(() =>
      loadModifiedPack((p) => {
        const sheet = clone(seedPacks().get('luojiang')!.sheets.staffList!) as Json;
        const col = (k: string) => sheet.columns.find((c: { key: string }) => c.key === k);
        col('title').synonyms = { '中 级': '副高级' };
        col('education').synonyms = { 大专: '专科', '大　专': '本科' };
        col('name').synonyms = { 张三: '李四' };
        p.sheets = [sheet];
      }),
    );
    expect(e.message).toContain('synonyms["中 级"]: “中 级”本身是可选值“中级”，不能再对应到“副高级”');
    expect(e.message).toContain('synonyms["大　专"]: 与“大专”写法相同（忽略全半角和空格），却对应到不同的值（“专科”、“本科”）');
    expect(e.message).toContain('sheets["staffList"].columns[0].synonyms: 只有枚举列可以有 synonyms');
  });

  it('a 学段 synonym must name a 学段 of the pack; one for a per-school-type value (保育老师 → 保育员) is accepted', () => {
    const e = packError(() =>
      loadModifiedPack((p) => {
        const sheet = clone(seedPacks().get('luojiang')!.sheets.classList!) as Json;
        sheet.columns.find((c: { key: string }) => c.key === 'stage').synonyms = { 高中: '高中部' };
        p.sheets = [sheet];
      }),
    );
    expect(e.message).toContain('synonyms["高中"]: “高中部”不是「学段」的可选值');
    const post = (seedPacks().get('luojiang')!.sheets.staffList as LedgerSheet).columns.find((c) => c.key === 'post')!;
    expect(post.synonyms?.['保育老师']).toBe('保育员');
  });

  it('reports several problems at once', () => {
    const e = packError(() =>
      loadModifiedPack((p) => {
        p.submissions[0].sheets[2] = 'jj3113';
        p.submissions[1].sheets[1] = 'sampleLogs';
      }),
    );
    expect(e.problems).toHaveLength(2);
    expect(e.message).toContain('submissions[0].sheets[2]');
    expect(e.message).toContain('submissions[1].sheets[1]');
  });
});

describe('a third bureau added as a pack file only', () => {
  const packs = loadPacks([...seedFiles(), demoBureauFile()]);
  const pack = packs.get('shifanqu')!;
  const today = '2025-10-31';

  it('loads next to the seed packs, with the national forms merged in', () => {
    expect([...packs.keys()].sort()).toEqual(['luojiang', 'shifanqu', 'shuangliu']);
    expect(pack.bureau).toBe('测试市示范区教育局');
    expect(pack.schoolTypes.map((t) => t.id)).toEqual(contract.schoolTypeIds);
    expect(pack.submissions.map((s) => s.code)).toEqual(['XNC', 'SPAQ', 'XYAQ']);
    expect(Object.keys(pack.sheets).sort()).toEqual(
      ['classList', 'cover', 'hazardLog', 'hazardStat', 'jj2106', 'jj3112', 'sampleLog'].sort(),
    );
    expect(dueDate(findSubmission(pack, 'XNC')!, '2025-2026')).toBe('2025-09-25');
    expect(submissionsFor(pack, '幼儿园').map((s) => s.code)).toEqual(['XNC', 'SPAQ']);
    expect(submissionsFor(pack, '小学').map((s) => s.code)).toEqual(['XNC', 'SPAQ', 'XYAQ']);
  });

  it('demo school → export → read round-trips XNC and SPAQ', async () => {
    const demo = demoSchool({ pack, type: '小学', today });
    expect(demo.school.packId).toBe('shifanqu');
    expect(demo.school.name).toBe('示范区实验小学');
    expect(demo.periods.map((p) => `${p.submission} ${p.period}`)).toEqual(['XNC 2024-2025', 'XNC 2025-2026', 'SPAQ 2025-09']);
    for (const data of demo.periods.slice(1)) {
      const previous = demo.periods.find((p) => p.submission === data.submission && p !== data && p.period < data.period);
      const report = await exportReport({ pack, school: demo.school, data, appVersion: '0.0.0-test', now: new Date('2025-10-31T08:00:00Z'), previous });
      expect(report.fileName).toBe(`${demo.school.code}_示范区实验小学_${data.submission}_${data.period}.xlsx`);
      const back = readReport(report.bytes, packs, { fileName: report.fileName });
      expect(back.meta.pack).toBe('shifanqu');
      expect(back.meta.packVersion).toBe('2025.1-test');
      expect(back.hashMismatches).toEqual([]);
      expect(back.school).toEqual(demo.school);
      expect(comparable(back.data, { withReportDate: !!data.reportDate })).toEqual(comparable(data));
      expect(back.warnings).toEqual([]);
      // the seed packs alone do not know this bureau
      expect(() => readReport(report.bytes, seedPacks())).toThrow('报表包“shifanqu”未安装');
    }
  });

  it('the pack-local XYAQ ledger and its computed table export, audit and read back', async () => {
    const demo = demoSchool({ pack, type: '小学', today });
    const hazard = (id: string, date: string, category: string, level: string, status: string) => ({
      id, code: `YH-${id}`, date, checkType: '周检查', place: '教学楼', category, level,
      measure: '更换', deadline: '2025-10-20', done: status === '已销号' ? '2025-10-15' : null, status,
      reviewer: status === '已销号' ? '李明' : null,
    });
    const data: PeriodData = {
      submission: 'XYAQ', period: '2025-10', status: '草稿', version: 0, reportDate: '2025-11-03',
      sheets: {
        hazardLog: {
          rows: [
            hazard('a', '2025-10-09', '消防', '一般', '已销号'),
            hazard('b', '2025-10-16', '用电', '重大', '整改中'),
            hazard('c', '2025-10-23', '消防', '一般', '未整改'),
          ],
        },
        hazardStat: { cells: { '01:funds': 1.5 } },
      },
    };
    expect(runAudit({ pack, school: demo.school, data })).toEqual([]);

    const report = await exportReport({ pack, school: demo.school, data, appVersion: '0.0.0-test' });
    expect(report.fileName).toBe(`${demo.school.code}_示范区实验小学_XYAQ_2025-10.xlsx`);
    const back = readReport(report.bytes, packs);
    expect(comparable(back.data)).toEqual(comparable(data));
    expect(back.warnings).toEqual([]); // the computed 排查隐患数 etc. agree with the list

    // the pack's own rule fires with its own id, on the cell the bureau sees (排查日期 is column C)
    const late = structuredClone(data);
    late.sheets.hazardLog!.rows![2]!.date = '2025-11-02';
    const findings = runAudit({ pack, school: demo.school, data: late });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'XYAQ-YH-01', severity: 'error', sheetId: 'hazardLog', cell: 'C6', colKey: 'date' });
    expect(findings[0]!.message).toContain('隐患排查整改台账');
    // a value outside the pack's enumeration gets the generic rule id built from the pack's codes
    late.sheets.hazardLog!.rows![2]!.date = '2025-10-23';
    late.sheets.hazardLog!.rows![0]!.level = '较大';
    expect(runAudit({ pack, school: demo.school, data: late }).map((f) => [f.ruleId, f.cell])).toEqual([['XYAQ-YH-ENUM', 'G4']]);
  });

  it('a school type the submission does not cover gets no XYAQ', () => {
    const demo = demoSchool({ pack, type: '幼儿园', today });
    expect(demo.periods.some((p) => p.submission === 'XYAQ')).toBe(false);
    expect(submissionsFor(pack, demo.school.type).map((s) => s.code)).not.toContain('XYAQ');
  });
});

