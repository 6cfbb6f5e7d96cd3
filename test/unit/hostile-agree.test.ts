// The reader agrees with what Excel shows (issue 12 item 3): every file of corpus-agree.ts makes
// readReport throw a ReportReadError with its Chinese message — nothing is returned — and the CLI
// ends with exit 2 and that message, never a stack trace. Format 2 covers _meta by the hash;
// format 1 is still read, flagged as unprotected.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedPacks } from '../../shared/cli/seeds';
import { demoSchool } from '../../shared/demo/demo-school';
import { buildReport } from '../../shared/xlsx/report';
import { readReport } from '../../shared/xlsx/read';
import { ReportReadError } from '../../shared/xlsx/read-errors';
import { UNPROTECTED_META_WARNING, metaHash } from '../../shared/xlsx/report-format';
import { agreeCorpus, asFormat1, landmarks } from '../hostile/corpus-agree';
import { exportPeriod } from '../hostile/corpus-xlsx';
import { rezip, text, utf8 } from '../hostile/zip-tools';
import { cliRunner } from '../fixtures/cli-run';

const packs = seedPacks();
const pack = packs.get('luojiang')!;
const demo = demoSchool({ pack, type: '小学', today: '2026-11-25' });
const period = demo.periods.find((p) => p.submission === 'XNC')!;
const good = await exportPeriod(pack, demo.school, period);
const built = buildReport({ pack, school: demo.school, data: period, appVersion: '1.0.0', now: new Date('2026-11-25T08:00:00Z') });
const files = agreeCorpus(good, built.grids, String(built.meta.status));
const refused = files.filter((f) => !f.outcome && f.whyFor?.includes('report'));
const dir = mkdtempSync(join(tmpdir(), 'xb-agree-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refusal(bytes: Uint8Array, name: string): ReportReadError {
  let result: unknown;
  try {
    result = readReport(bytes, packs, { fileName: name });
  } catch (e) {
    expect(e).toBeInstanceOf(ReportReadError);
    return e as ReportReadError;
  }
  throw new Error(`${name} was read: ${JSON.stringify((result as { warnings: string[] }).warnings)}`);
}

describe(`${refused.length} workbooks that read two ways or show other figures`, () => {
  it('cover every class of the issue', () => {
    const names = refused.map((f) => f.name).join(' ');
    for (const cls of ['trailing-bytes', 'second-zip', 'local-name', 'local-size', 'duplicate-name-case', 'zip64-extra', 'formula', 'error-div0',
      'number-nan', 'stat-fraction', 'stat-negative', 'list-count', 'date-serial', 'cell-twice', 'rows-out-of-order', 'cell-past-dimension',
      'row-1048576', 'hidden-sheet', 'external', 'hyperlink', 'vba', 'xlsm', 'ole-embedding', 'format-', 'meta-status-edited'])
      expect(names, cls).toContain(cls);
  });

  it.each(refused.map((f) => [f.name, f] as const))('%s is refused with its reason, nothing returned', (_, f) => {
    const e = refusal(f.bytes, f.name);
    expect(e.message).toMatch(new RegExp(`^文件「${f.name.replace(/\./g, '\\.')}」`));
    expect(e.message).toMatch(f.why!);
    expect(e.message).not.toMatch(/\n\s+at /);
  });

  it('the CLI prints the same refusal, exit 2, no stack trace', async () => {
    const run = cliRunner('2026-11-25');
    for (const f of refused.filter((x) => /date-nan|formula\b|stat-fraction|zip64-extra|hidden-sheet/.test(x.name))) {
      const file = join(dir, f.name);
      writeFileSync(file, f.bytes);
      for (const argv of [['check', file], ['read', file]]) {
        const r = await run(...argv);
        const err = r.err.join('\n');
        expect(r.code, `${argv[0]} ${f.name}: ${err}`).toBe(2);
        expect(err).toMatch(/^错误：文件「/);
        expect(err).toMatch(f.why!);
        expect(err).not.toMatch(/内部错误|\n\s+at /);
      }
    }
  });
});

describe('a NaN date in a staff row (the CLI once ended with 内部错误)', () => {
  it('is refused naming the sheet, row and column', async () => {
    const L = landmarks(built.grids);
    const bytes = rezip(good, (p) => {
      const name = `xl/worksheets/sheet${L.date.i + 1}.xml`;
      p.set(name, utf8(text(p.get(name)!).replace(new RegExp(`<c r="${L.date.ref}"([^>]*?)>[\\s\\S]*?</c>`), `<c r="${L.date.ref}"$1><v>NaN</v></c>`)));
    });
    const file = join(dir, 'staff-nan.xlsx');
    writeFileSync(file, bytes);
    const r = await cliRunner('2026-11-25')('check', file, '--submission', 'XNC', '--period', period.period);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toBe(`错误：文件「staff-nan.xlsx」 工作表「教职工名册」 第${L.date.ref.replace(/^[A-Z]+/, '')}行 ${L.date.ref.replace(/\d+$/, '')}列：数值“NaN”不是有限的数字`);
  });
});

describe('_meta and 封面 by the hash (xiaobiao-report/2)', () => {
  it('an export is format 2, its _meta protected, no warning about it', () => {
    const r = readReport(good, packs, { fileName: 'good.xlsx' });
    expect(r.format).toBe(2);
    expect(r.metaProtected).toBe(true);
    expect(r.hashMismatches).toEqual([]);
    expect(r.warnings).not.toContain(UNPROTECTED_META_WARNING);
    expect(r.meta['sha256:_meta']).toBe(metaHash(r.meta));
  });

  it('a format-1 file is read, flagged unprotected, with the warning first', () => {
    const r = readReport(asFormat1(good), packs, { fileName: 'v1.xlsx' });
    expect(r.format).toBe(1);
    expect(r.metaProtected).toBe(false);
    expect(r.hashMismatches).toEqual([]);
    expect(r.warnings[0]).toBe(UNPROTECTED_META_WARNING);
    expect(r.data.status).toBe(built.meta.status);
  });

  it('a draft does not become 已审核 by editing _meta: refused, or demoted when the caller allows edits', () => {
    const f = files.find((x) => x.name === 'agree-meta-status-edited.xlsx')!;
    expect(refusal(f.bytes, f.name).message).toMatch(/内容与校验值不符（_meta）/);
    // the restore path reads edited files: 封面 still says what the school's Excel showed
    expect(() => readReport(f.bytes, packs, { fileName: f.name, allowHashMismatch: true })).toThrow(/封面的审核状态为/);
  });
});
