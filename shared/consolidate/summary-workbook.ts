// The district summary workbook (FORMS.md §0 layout, 填报单位 = the bureau): one sheet per 基表 with
// the district totals laid out exactly as a school's 基表 (layout-stat.ts), one sheet per 基表 and
// breakdown (学段, 乡镇, 举办者, 城乡, 类型) with a block of rows per group, `报送情况` listing every
// registry school with its state word, the reporting rates, and the bureau's indicator and
// 差异系数 sheets when given. Written by render.ts like every workbook the app writes.
import type { Pack, StatSheet } from '../pack/schema';
import type { SchoolProfile } from '../model/school';
import { findSubmission } from '../pack/applicability';
import { expandStatSheet } from '../pack/expand';
import { whenLine } from '../model/period';
import type { StatTable } from '../compute/stat-table';
import { statGrid } from '../xlsx/layout-stat';
import { renderWorkbook } from '../xlsx/render';
import { signatureLine, type ReportContext } from '../xlsx/context';
import type { SheetGrid } from '../xlsx/grid';
import type { BureauProfile, Registry } from './types';
import { BREAKDOWN_LABEL, BREAKDOWNS, type DistrictTotals } from './totals';
import { completenessRates, type CompletenessCell } from './completeness';
import { plainGrid, sheetName, type PlainTable } from './summary-sheets';

export const STATUS_SHEET = '报送情况';
export const RATES_SHEET = '报送率';
const SHORT: Record<string, string> = { stage: '学段', township: '乡镇', sponsor: '举办者', urbanRural: '城乡', type: '类型' };

/** A table the caller computed (district indicators, 差异系数): written as one plain sheet. */
export interface ExtraTable {
  name: string;
  title: string;
  header: string[];
  textColumns: number;
  rows: (string | number | null)[][];
  codeColumns?: number[];
}

export interface SummaryInput {
  pack: Pack;
  bureau: BureauProfile;
  registry: Registry;
  submission: string;
  period: string;
  totals: DistrictTotals;
  completeness: readonly CompletenessCell[];
  /** 报出日期 of the summary (yyyy-mm-dd) */
  reportDate: string;
  now: Date;
  appVersion: string;
  extra?: readonly ExtraTable[];
}

function bureauContext(input: SummaryInput): ReportContext {
  const submission = findSubmission(input.pack, input.submission)!;
  // the bureau signs by hand: 单位负责人, 统计负责人 and 填表人 are left blank on the printed line
  const school = { code: input.bureau.regionCode, name: input.bureau.name, type: '', head: '', statHead: '', filler: '' } as unknown as SchoolProfile;
  return {
    pack: input.pack, submission, school, data: { submission: input.submission, period: input.period, status: '已审核', version: 0, sheets: {} },
    reportDate: input.reportDate, now: input.now, appVersion: input.appVersion,
  };
}

/** A 基表's total as the StatTable layout-stat.ts lays out: every 学段 block, blocked cells '-'. */
function totalTable(pack: Pack, totals: DistrictTotals, sheetId: string, groupKey: string): StatTable | undefined {
  const source = pack.sheets[sheetId];
  const layout = totals.sheets.find((s) => s.sheetId === sheetId);
  const total = totals.totals[groupKey]?.[sheetId];
  if (source?.kind !== 'stat' || !layout || !total) return undefined;
  const sheet: StatSheet = expandStatSheet(source, source.stageRows?.stages ?? []);
  return {
    sheet,
    rows: layout.rows.map((row, r) => ({
      code: row.code, label: sheet.rows[r]?.label ?? row.label,
      cells: layout.columns.map((col, c) => ({ key: col.key, kind: layout.blocked[r]![c] ? 'blocked' : 'computed', value: total.values[r]![c] ?? null })),
    })),
  };
}

function plain(ctx: ReportContext, taken: Set<string>, t: ExtraTable, unit = ''): SheetGrid {
  const table: PlainTable = {
    ...t, name: sheetName(t.name, taken), sign: signatureLine(ctx),
    unitOf: `填报单位：${ctx.school.name}　${whenLine(ctx.submission.periodKind, ctx.data.period)}${unit ? `　单位：${unit}` : ''}`,
  };
  return plainGrid(table);
}

export function summaryGrids(input: SummaryInput): SheetGrid[] {
  const { pack, totals, registry } = input;
  const ctx = bureauContext(input);
  const taken = new Set<string>();
  const grids: SheetGrid[] = [];
  const stat = totals.sheets.filter((s) => s.kind === 'stat');
  for (const layout of stat) {
    const table = totalTable(pack, totals, layout.sheetId, 'district:全区');
    if (table) grids.push({ ...statGrid(table, ctx), name: sheetName(layout.title, taken) });
  }
  for (const b of BREAKDOWNS.filter((x) => x !== 'district')) {
    const groups = totals.groups.filter((g) => g.breakdown === b);
    for (const layout of totals.sheets) {
      const rows: (string | number | null)[][] = [];
      for (const g of groups) {
        const total = totals.totals[g.key]?.[layout.sheetId];
        if (!total?.schools.length) continue;
        layout.rows.forEach((row, r) =>
          rows.push([g.label, row.label, row.code, total.schools.length, ...layout.columns.map((_, c) => (layout.blocked[r]![c] ? '-' : shown(total.values[r]![c] ?? null)))]),
        );
      }
      if (!rows.length) continue;
      grids.push(plain(ctx, taken, {
        // an 一贯制 school's whole-school figures are split between its 学段 by pupils (stage-split.ts)
        name: `${layout.title}（${SHORT[b]}）`, title: `${layout.title}（按${BREAKDOWN_LABEL[b]}${b === 'stage' ? '，一贯制学校的全校数按各学段在校生折算' : ''}）`, textColumns: 4, codeColumns: [2],
        header: [BREAKDOWN_LABEL[b], '指标名称', '代码', '学校数', ...layout.columns.map((c) => c.label)], rows,
      }, layout.unit));
    }
  }
  grids.push(plain(ctx, taken, statusTable(input)));
  const rates = [...completenessRates(input.completeness, registry, 'submission'), ...completenessRates(input.completeness, registry, 'township')];
  grids.push(plain(ctx, taken, {
    name: RATES_SHEET, title: `${input.submission} ${input.period} 报送率`, textColumns: 1,
    header: ['范围', '应报', '已报', '按时报送', '报送率（%）', '按时报送率（%）'],
    rows: rates.map((r) => [r.group, r.expected, r.reported, r.onTime, pct(r.reportingRate), pct(r.onTimeRate)]),
  }));
  for (const t of input.extra ?? []) grids.push(plain(ctx, taken, t));
  return grids;
}

/** A 学段 share of a count is not a whole number: shown to 2 places, as the screen shows it. */
const shown = (x: number | null) => (x === null || Number.isInteger(x) ? x : Math.round(x * 100) / 100);

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

/** Every registry school with its state word (未报 / 已报 / 校验不通过 / 哈希不符 / 逾期). */
function statusTable(input: SummaryInput): ExtraTable {
  const cells = new Map(input.completeness.filter((c) => c.submission === input.submission && c.period === input.period).map((c) => [c.schoolCode, c]));
  const rows = input.registry.schools.map((s) => {
    const c = cells.get(s.code);
    return [
      s.code, s.name, s.township, s.type, s.sponsor, s.urbanRural, c?.state ?? '不适用', c?.version ?? null, c?.reportDate ?? null, c?.dueDate ?? null,
      (c?.problems ?? []).join('；') || null,
    ];
  });
  return {
    name: STATUS_SHEET, title: `${input.submission} ${input.period} 报送情况`, textColumns: 11, codeColumns: [0],
    header: ['学校标识码', '学校名称', '所在乡镇（街道）', '办学类型', '举办者', '城乡分类', '状态', '版本', '报出日期', '截止日期', '说明'], rows,
  };
}

export async function summaryWorkbook(input: SummaryInput): Promise<Uint8Array> {
  return renderWorkbook(summaryGrids(input), { creator: `校表通 ${input.appVersion}`, created: input.now });
}
