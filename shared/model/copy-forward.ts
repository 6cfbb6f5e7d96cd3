// Starting a new period from the one before (FORMS.md §0, §3): which rows and cells are copied
// forward, as the pack's sheets say —
//   copyForward: every row (or entered cell) goes on to the next period: 班级名册 to the next 学年,
//                a staff list or the monthly 安全防范配置 to the next month;
//   advance:     on the way, the grade moves up one and the final grade is dropped as graduated;
//   carryOver:   only rows still open go on (隐患 until 已销号), every value kept (编号, 排查日期 …).
// Pure: the app shows the plan for the user to confirm and writes it in one transaction; the
// demo builds its months with it. Nothing is copied into a period that already holds data.
import type { Pack, Sheet } from '../pack/schema';
import type { Advance } from '../pack/schema-row-rules';
import { findSubmission, sheetsFor } from '../pack/applicability';
import { emptyPeriod, type LedgerRow, type PeriodData } from './data';

export interface GradeStep {
  stage?: string;
  from: string;
  /** null: the final grade, dropped as graduated */
  to: string | null;
  /** how many rows of the previous period had this grade */
  rows: number;
}

export interface SheetCopy {
  sheetId: string;
  title: string;
  how: 'copy' | 'carry';
  /** new rows, ids `{period}:{sheet}:{n}` (the app gives them its own ids when writing) */
  rows?: LedgerRow[];
  /** entered cells of a table, as stored (numbers, or text such as 是/否) */
  cells?: Record<string, number | string>;
  /** rows of the previous period not copied: graduated, or already closed */
  dropped: number;
  /** for a list whose grade advances: what becomes of each grade */
  grades?: GradeStep[];
}

export interface CopyPlan {
  submission: string;
  from: string;
  to: string;
  sheets: SheetCopy[];
}

export interface CopyForwardInput {
  pack: Pack;
  schoolType: string;
  /** the same submission's period just before `to` */
  previous: PeriodData;
  to: string;
  /** what `to` holds already: a period with any data gets nothing */
  target?: PeriodData;
}

/** Whether a period holds any row or entered cell. */
export function hasData(p: PeriodData | undefined): boolean {
  return !!p && Object.values(p.sheets).some((s) => !!s.rows?.length || Object.values(s.cells ?? {}).some((v) => v !== null));
}

type Flags = { copyForward?: string; advance?: Advance; carryOver?: { untilField: string; untilValue: string | number } };
const flags = (s: Sheet) => s as Sheet & Flags;

/** The next grade of a row, or null when it leaves (final grade); undefined: grade unknown, kept. */
function nextGrade(pack: Pack, adv: Advance, row: LedgerRow): string | null | undefined {
  const grade = row[adv.field];
  if (typeof grade !== 'string') return undefined;
  if (adv.map) return grade in adv.map ? adv.map[grade]! : undefined;
  const stage = adv.stageField ? row[adv.stageField] : undefined;
  const grades = pack.stages.find((s) => s.id === stage)?.grades;
  const i = grades?.indexOf(grade) ?? -1;
  if (!grades || i < 0) return undefined;
  return i === grades.length - 1 ? null : grades[i + 1]!;
}

function advanceRows(pack: Pack, adv: Advance, rows: LedgerRow[]): { rows: LedgerRow[]; grades: GradeStep[] } {
  const steps = new Map<string, GradeStep>();
  const out: LedgerRow[] = [];
  for (const row of rows) {
    const from = row[adv.field];
    const to = nextGrade(pack, adv, row);
    if (typeof from === 'string' && to !== undefined) {
      const stage = adv.stageField ? String(row[adv.stageField] ?? '') : undefined;
      const key = `${stage ?? ''}|${from}`;
      const step = steps.get(key) ?? { ...(stage !== undefined ? { stage } : {}), from, to, rows: 0 };
      step.rows++;
      steps.set(key, step);
    }
    if (to === null) continue; // graduated
    if (to === undefined || typeof from !== 'string') {
      out.push({ ...row });
      continue;
    }
    const next: LedgerRow = { ...row, [adv.field]: to };
    for (const f of adv.rename ?? []) {
      const v = row[f];
      if (typeof v === 'string' && v.includes(from)) next[f] = v.replace(from, to);
    }
    out.push(next);
  }
  // the mapping reads in school order: 学段 as the pack lists them, grades from the lowest
  const rank = (g: GradeStep) => {
    const si = pack.stages.findIndex((st) => st.id === g.stage);
    return [si, si < 0 ? 0 : pack.stages[si]!.grades.indexOf(g.from)] as const;
  };
  const grades = [...steps.values()].sort((a, b) => rank(a)[0] - rank(b)[0] || rank(a)[1] - rank(b)[1]);
  return { rows: out, grades };
}

/** The sheets whose data is stored: a worksheet of several lists (ledgerGroup) stands for its parts. */
function storedSheets(pack: Pack, sheets: Sheet[]): Sheet[] {
  return sheets.flatMap((s) => (s.kind === 'ledgerGroup' ? s.parts.flatMap((p) => (pack.sheets[p.id] ? [pack.sheets[p.id]!] : [])) : [s]));
}

export function planCopyForward({ pack, schoolType, previous, to, target }: CopyForwardInput): CopyPlan {
  const plan: CopyPlan = { submission: previous.submission, from: previous.period, to, sheets: [] };
  const submission = findSubmission(pack, previous.submission);
  if (!submission || hasData(target) || previous.period === to) return plan;
  for (const sheet of storedSheets(pack, sheetsFor(pack, submission, schoolType))) {
    const f = flags(sheet);
    if (!f.copyForward && !f.carryOver) continue;
    const entry = previous.sheets[sheet.id];
    if (sheet.kind === 'ledger') {
      let rows = entry?.rows ?? [];
      const before = rows.length;
      if (f.carryOver) {
        const { untilField, untilValue } = f.carryOver;
        rows = rows.filter((r) => String(r[untilField] ?? '') !== String(untilValue));
      }
      let grades: GradeStep[] | undefined;
      if (f.copyForward && f.advance) ({ rows, grades } = advanceRows(pack, f.advance, rows));
      else rows = rows.map((r) => ({ ...r }));
      rows = rows.map((r, i) => ({ ...r, id: `${to}:${sheet.id}:${i + 1}` }));
      if (!rows.length && !before) continue;
      plan.sheets.push({
        sheetId: sheet.id, title: sheet.title, how: f.copyForward ? 'copy' : 'carry', rows,
        dropped: before - rows.length, ...(grades ? { grades } : {}),
      });
    } else if (f.copyForward) {
      const cells: Record<string, number | string> = {};
      for (const [k, v] of Object.entries(entry?.cells ?? {})) if (v !== null) cells[k] = v;
      if (Object.keys(cells).length) plan.sheets.push({ sheetId: sheet.id, title: sheet.title, how: 'copy', cells, dropped: 0 });
    }
  }
  return plan;
}

/** Whether a plan would write anything. */
export function planIsEmpty(plan: CopyPlan): boolean {
  return plan.sheets.every((s) => !s.rows?.length && !Object.keys(s.cells ?? {}).length);
}

/** The plan applied to an empty period: the period data the copy creates. */
export function applyPlan(plan: CopyPlan, base: PeriodData): PeriodData {
  const sheets = { ...base.sheets };
  for (const s of plan.sheets) {
    if (s.rows?.length) sheets[s.sheetId] = { ...sheets[s.sheetId], rows: s.rows.map((r) => ({ ...r })) };
    if (s.cells && Object.keys(s.cells).length) sheets[s.sheetId] = { ...sheets[s.sheetId], cells: { ...s.cells } };
  }
  return { ...base, sheets };
}

/**
 * A period started from the one before, as the demo builds its months (the app asks first and
 * writes the same plan): an empty period when there is nothing before it.
 */
export function startPeriod(pack: Pack, schoolType: string, submission: string, to: string, previous?: PeriodData): PeriodData {
  const base = emptyPeriod(submission, to);
  return previous ? applyPlan(planCopyForward({ pack, schoolType, previous, to }), base) : base;
}
