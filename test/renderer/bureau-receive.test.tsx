// Receiving in bureau mode, on files exported as schools export them: the registry from a GBK csv
// (preview names each bad row and column), a drop of six workbooks through the receive panel —
// four accepted, one edited after export (哈希不符, its figures never stored), one of a school
// the registry does not know (listed until the clerk confirms) — then the same file again, a
// newer version (cell diff, then history) and a lower one.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { db } from '../../renderer/db/db';
import { RegistryPanel } from '../../renderer/features/bureau/registry-panel';
import { ReceivePanel } from '../../renderer/features/bureau/receive-panel';
import { parseRegistry } from '../../shared/consolidate/registry';
import { csvText, gbk } from '../fixtures/import/make-files';
import { approvedXnc, districtDrop, registryCsvGbk, REGISTRY, schoolWorkbook } from '../fixtures/bureau/district-files';
import { luojiang, renderApp, resetAll } from './helpers';

const BUREAU = { name: '德阳市罗江区教育局', regionCode: '510626', packId: 'luojiang' };
let drop: { name: string; bytes: Uint8Array }[];
beforeAll(async () => {
  drop = await districtDrop(luojiang());
}, 60_000);
beforeEach(resetAll);

const fileOf = (f: { name: string; bytes: Uint8Array }) => new File([f.bytes.slice()], f.name);

async function importRegistryFile(bytes: Uint8Array, name = '学校名册.csv') {
  const { unmount } = renderApp(<RegistryPanel pack={luojiang()} registry={[]} />);
  fireEvent.change(screen.getByTestId('registry-file'), { target: { files: [new File([bytes.slice()], name)] } });
  await screen.findByTestId('registry-preview');
  return unmount;
}

async function receive(files: { name: string; bytes: Uint8Array }[]) {
  fireEvent.change(screen.getByTestId('receive-files'), { target: { files: files.map(fileOf) } });
  await waitFor(() => expect(screen.getByTestId('receive-progress').dataset.running).toBe('false'), { timeout: 30_000 });
}

const row = (name: string) => screen.getByTestId(`receive-row-${name}`);

describe('registry import', { timeout: 30_000 }, () => {
  it('reads the GBK csv WPS saves, previews it and stores the schools on confirm', async () => {
    await importRegistryFile(registryCsvGbk());
    expect(screen.getByTestId('registry-summary').textContent).toContain('可导入 6 所学校，没有发现问题');
    fireEvent.click(screen.getByTestId('registry-confirm'));
    await waitFor(async () => expect(await db.registry.count()).toBe(6));
    expect(await db.registry.get('5106262004')).toMatchObject({ name: '罗江区博文学校', type: '九年一贯制学校', sponsor: '民办', township: '万安街道', source: 'import' });
  });

  it('names each bad row and column, and imports nothing from a file with problems', async () => {
    const rows = [
      ['学校标识码', '学校名称', '办学类型', '举办者', '所在乡镇（街道）', '城乡分类'],
      ['5106262001', '罗江区万安小学', '小学', '公办', '万安街道', '城区'],
      ['510626200', '罗江区金山小学', '小学', '公办', '金山镇', '镇区'],
      ['5106262003', '罗江区金山中学', '中学', '公办', '金山镇', '镇区'],
      ['5106262001', '罗江区万安小学分校', '小学', '公办', '万安街道', '城区'],
    ];
    const parsed = parseRegistry(gbk(csvText(rows)), '名册.csv', luojiang());
    expect(parsed.ok).toBe(false);
    await importRegistryFile(gbk(csvText(rows)), '名册.csv');
    const table = screen.getByTestId('registry-problems');
    // each problem on its row with its column letter, as the school import's preview shows them
    const shown = within(table).getAllByRole('row').slice(1).map((r) => Array.from(r.querySelectorAll('td')).slice(0, 2).map((td) => td.textContent!.trim()));
    expect(shown).toEqual([['3', 'A'], ['4', 'C'], ['5', 'A']]);
    expect(screen.getByTestId('registry-summary').textContent).toContain('发现 3 个问题，名册没有导入');
    expect((screen.getByTestId('registry-confirm') as HTMLButtonElement).disabled).toBe(true);
    expect(await db.registry.count()).toBe(0);
  });

  it('a file without the headers is named and nothing is stored', async () => {
    await importRegistryFile(gbk(csvText([['名称', '地址'], ['甲', '乙']])), 'x.csv');
    expect(screen.getByTestId('registry-problems').textContent).toContain('文件「x.csv」');
    expect(screen.getByTestId('registry-problems').textContent).toContain('找不到表头');
    expect(await db.registry.count()).toBe(0);
  });
});

describe('receiving a drop of workbooks', { timeout: 60_000 }, () => {
  it('stores the accepted, records the tampered without its figures, holds the unknown school for the clerk', async () => {
    await db.registry.bulkPut(REGISTRY.map((s) => ({ code: s.code, name: s.name, type: s.type, sponsor: s.sponsor, township: s.township, urbanRural: s.urbanRural, source: 'import' as const, addedAt: 'x' })));
    renderApp(<ReceivePanel pack={luojiang()} bureau={BUREAU} />);
    await receive(drop);
    expect(screen.getByTestId('receive-progress').textContent).toContain('已核验 6 / 6 个文件');
    for (const f of drop.slice(0, 4)) expect(row(f.name).dataset).toMatchObject({ kind: 'accepted', action: 'new', outcome: 'stored' });
    const tampered = row(drop[4]!.name);
    expect(tampered.dataset).toMatchObject({ kind: 'hashMismatch', action: 'rejected', outcome: 'stored' });
    expect(tampered.textContent).toContain('哈希不符');
    expect(tampered.textContent).toContain('内容与校验值不符（班级名册');
    const unknown = row(drop[5]!.name);
    expect(unknown.dataset).toMatchObject({ kind: 'accepted', action: 'unknownSchool', outcome: 'pending' });

    expect((await db.heldReports.toArray()).map((h) => h.schoolCode).sort()).toEqual(['5106262001', '5106262002', '5106262003', '5106262004']);
    expect(await db.facts.count()).toBe(4);
    // the tampered file: its bytes and verdict (the bureau shows what it got), none of its figures
    const kept = (await db.receivedFiles.toArray()).find((f) => f.fileName === drop[4]!.name)!;
    expect(new Uint8Array(kept.bytes)).toEqual(drop[4]!.bytes);
    expect((await db.verdicts.get(kept.fileSha256))?.kind).toBe('hashMismatch');
    expect(await db.heldReports.get(['5106262005', 'XNC', '2025-2026'])).toBeUndefined();
    expect(await db.facts.get(['5106262005', 'XNC', '2025-2026'])).toBeUndefined();
    expect(await db.registry.get('5106262099')).toBeUndefined();
    expect(await db.receivedFiles.count()).toBe(5);

    fireEvent.click(screen.getByTestId('confirm-school-5106262099'));
    await waitFor(() => expect(row(drop[5]!.name).dataset.outcome).toBe('stored'));
    expect(await db.registry.get('5106262099')).toMatchObject({ name: '罗江区新盛小学', source: 'confirmed' });
    expect(await db.heldReports.count()).toBe(5);
  });

  it('the same file again is one receipt; a newer version shows its cell diff before it supersedes; a lower one is refused', async () => {
    const pack = luojiang();
    const school = REGISTRY[0]!;
    await db.registry.put({ code: school.code, name: school.name, type: school.type, sponsor: school.sponsor, township: school.township, urbanRural: school.urbanRural, source: 'import', addedAt: 'x' });
    const v1 = drop[0]!;
    const base = approvedXnc(pack, school, 2);
    const cells = { ...base.sheets.teacherDev?.cells };
    const key = Object.keys(cells).find((k) => typeof cells[k] === 'number')!;
    expect(key).toBeDefined();
    const bump = (by: number) => ({ ...base, sheets: { ...base.sheets, teacherDev: { ...base.sheets.teacherDev, cells: { ...cells, [key]: (cells[key] as number) + by } } } });
    const v2 = await schoolWorkbook(pack, school, bump(1));
    const other2 = await schoolWorkbook(pack, school, bump(2));
    const v0 = await schoolWorkbook(pack, school, { ...approvedXnc(pack, school, 0) });
    renderApp(<ReceivePanel pack={pack} bureau={BUREAU} />);
    await receive([v1]);
    await receive([v1]);
    expect(row(v1.name).dataset).toMatchObject({ action: 'same', outcome: 'listed' });
    expect(await db.receivedFiles.count()).toBe(1);

    await receive([{ ...v2, name: `v2-${v2.name}` }]);
    expect(row(`v2-${v2.name}`).dataset).toMatchObject({ action: 'supersede', outcome: 'pending' });
    expect((await db.heldReports.get([school.code, 'XNC', '2025-2026']))?.version).toBe(1);
    fireEvent.click(screen.getByTestId(`review-supersede-${school.code}`));
    const diff = await screen.findByTestId('supersede-diff');
    // the one 教师发展 figure the school changed, with its old and new value
    const rows = within(diff).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toContain('教师发展');
    expect(rows[0]!.textContent).toContain(`${cells[key]}${(cells[key] as number) + 1}`);
    fireEvent.click(screen.getByTestId('supersede-confirm'));
    await waitFor(async () => expect((await db.heldReports.get([school.code, 'XNC', '2025-2026']))?.version).toBe(2));
    expect((await db.reportHistory.toArray()).map((h) => h.version)).toEqual([1]);

    await receive([{ ...other2, name: `other2-${other2.name}` }]);
    expect(row(`other2-${other2.name}`).dataset).toMatchObject({ action: 'conflict', outcome: 'stored' });
    expect((await db.heldReports.get([school.code, 'XNC', '2025-2026']))?.contentHash).not.toBe((await db.verdicts.toArray()).find((v) => v.action === 'conflict')?.contentHash);

    await receive([{ ...v0, name: `v0-${v0.name}` }]);
    expect(row(`v0-${v0.name}`).dataset).toMatchObject({ action: 'lower', outcome: 'listed' });
    expect(row(`v0-${v0.name}`).textContent).toContain('拒收：第 0 版低于已收到的版本');
    expect((await db.heldReports.get([school.code, 'XNC', '2025-2026']))?.version).toBe(2);
  });
});
