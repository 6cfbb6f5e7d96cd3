// `xiaobiao demo --pack …` for each bureau pack, then export and read: a 双流 school gets a
// 双流 profile (学校标识码 area 510116, a 双流 街道, a 成都 phone number) and its workbooks name
// the 双流 bureau and pack.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../shared/cli/main';
import type { Io } from '../../shared/cli/commands';
import type { SchoolData } from '../../shared/model/data';
import { comparable } from '../fixtures/period-data';
import { seedPacks } from '../../shared/cli/seeds';
import { countBySeverity, runAudit } from '../../shared/audit/run';

const TODAY = '2025-10-31'; // → 学年 2025-2026, 留样 month 2025-09

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), today: () => TODAY };
  const code = await main(argv, io);
  return { code, out, err };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xiaobiao-cli-packs-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// 小学 is the second school type, so its demo code ends 1007 (1000 + 1 × 7)
const PACKS = [
  { id: 'luojiang', bureau: '德阳市罗江区教育局', code: '5106261007', name: '罗江区实验小学', township: '万安街道', phone: /^0838-62\d{5}$/ },
  { id: 'shuangliu', bureau: '成都市双流区教育局', code: '5101161007', name: '双流区实验小学', township: '东升街道', phone: /^028-858\d{5}$/ },
];

describe.each(PACKS)('demo --pack $id --type 小学, then export and read', (p) => {
  let file: string;
  let data: SchoolData;

  beforeAll(async () => {
    file = join(dir, `${p.id}.json`);
    const r = await run('demo', '--pack', p.id, '--type', '小学', '--out', file);
    expect(r.code, r.err.join('\n')).toBe(0);
    expect(r.out).toEqual([file]);
    data = JSON.parse(readFileSync(file, 'utf8')) as SchoolData;
  });

  it('makes a school of that bureau', () => {
    expect(data.school).toMatchObject({ packId: p.id, type: '小学', code: p.code, name: p.name, township: p.township });
    expect(data.school.phone).toMatch(p.phone);
    expect(data.periods.map((x) => `${x.submission} ${x.period}`)).toEqual(expect.arrayContaining(['XNC 2025-2026', 'SPAQ 2025-09']));
  });

  it.each([['XNC', '2025-2026', '班级名册'], ['SPAQ', '2025-09', '食品留样记录']])('exports %s %s and reads it back', async (sub, period, ledger) => {
    const ex = await run('export', '--data', file, '--submission', sub, '--period', period, '--out', join(dir, p.id));
    expect(ex.code, ex.err.join('\n')).toBe(0);
    expect(basename(ex.out[0]!)).toBe(`${p.code}_${p.name}_${sub}_${period}.xlsx`);

    const r = await run('read', ex.out[0]!);
    expect(r.code, r.err.join('\n')).toBe(0);
    const text = r.out.join('\n');
    expect(text).toContain(`${p.name}（${p.code}） ${sub} ${period}`);
    expect(text).toContain(`报表包 ${p.bureau} ${p.id}@2025.1`);
    expect(text).toContain('校验值一致');
    const rows = data.periods.find((x) => x.submission === sub && x.period === period)!;
    const key = sub === 'XNC' ? 'classList' : 'sampleLog';
    expect(text).toContain(`${ledger}：${rows.sheets[key]!.rows!.length} 行`);
    // the workbook audits as the data it was made from did (the demo's 学年 data is clean)
    const audit = countBySeverity(runAudit({ pack: seedPacks().get(p.id)!, school: data.school, data: rows }));
    expect(text).toContain(`审核：逻辑校验 ${audit.errors} 条，经验校验 ${audit.warnings} 条`);
    if (sub === 'XNC') expect(audit.errors).toBe(0);

    const json = await run('read', ex.out[0]!, '--json');
    const back = JSON.parse(json.out.join('\n')) as { meta: Record<string, string>; school: unknown; data: SchoolData['periods'][number] };
    expect(back.meta.pack).toBe(p.id);
    expect(back.school).toEqual(data.school);
    // the whole 学年 round-trips; for the month, the demo's 留样 ledger does (other SPAQ sheets
    // are the round-trip tests' business)
    const sampleOnly = (d: SchoolData['periods'][number]) => ({
      ...d, sheets: { sampleLog: d.sheets.sampleLog! },
      // a 说明 names its sheet second in its key; those of the other sheets go with them
      explanations: Object.fromEntries(Object.entries(d.explanations ?? {}).filter(([k]) => k.split('|')[1] === 'sampleLog')),
    });
    const same = (d: SchoolData['periods'][number]) => comparable(sub === 'XNC' ? d : sampleOnly(d));
    expect(same(back.data)).toEqual(same(rows));
  });
});
