// The jobs the data worker (data-worker.ts) runs, as plain data: a keystroke's write — one
// ledger cell, or entered cells of a statistics sheet — and the read of a period view. Where no
// worker can start, the same job runs on the page (data-worker-client.ts). Errors cross as
// name + message (worker-messages.ts).
import type { CellValue } from '../../shared/model/data';
import type { GridOp } from '../features/entry/grid-history';
import { errorAnswer, type ErrorAnswer } from '../lib/worker-messages';
import { applyStatOp } from '../features/entry/grid-ops-repo';
import { loadPeriodViewData, type PeriodViewData, type PeriodViewQuery } from './period-view';
import type { SheetRef } from './records';
import { updateCell } from '../features/entry/rows-repo';

/** `edit`: the grid's id of the edit the keystroke belongs to — its 修改记录 entry is kept up to date in place (editWrite) */
export type KeystrokeWrite =
  | { kind: 'ledgerCell'; ref: SheetRef; rowId: string; colKey: string; value: CellValue; edit?: string }
  | { kind: 'statCells'; ref: SheetRef; op: GridOp; edit?: string };

export type WorkerJob = KeystrokeWrite | { kind: 'periodView'; query: PeriodViewQuery };

export function runJob(job: KeystrokeWrite): Promise<void>;
export function runJob(job: { kind: 'periodView'; query: PeriodViewQuery }): Promise<PeriodViewData>;
export function runJob(job: WorkerJob): Promise<void | PeriodViewData>;
export function runJob(job: WorkerJob): Promise<void | PeriodViewData> {
  switch (job.kind) {
    case 'ledgerCell':
      return updateCell(job.rowId, job.colKey, job.value, job.ref, job.edit);
    case 'statCells':
      return applyStatOp(job.ref, job.op, undefined, undefined, job.edit);
    case 'periodView':
      return loadPeriodViewData(job.query);
  }
}

/** What the worker answers for job `id`. */
export type JobAnswer = { id: number; ok: true; value?: unknown } | ({ id: number; ok: false } & ErrorAnswer);

export function failureOf(id: number, e: unknown): JobAnswer {
  return { id, ok: false, ...errorAnswer(e) };
}

const isRef = (r: unknown, keys: string[]): boolean =>
  !!r && typeof r === 'object' && keys.every((k) => typeof (r as Record<string, unknown>)[k] === 'string');
const SHEET = ['submission', 'period', 'sheetId'];
const PERIOD = ['submission', 'period'];

/** The shape of a job as the worker receives it; anything else is refused, not run. */
export function isWorkerJob(x: unknown): x is WorkerJob {
  if (!x || typeof x !== 'object') return false;
  const j = x as Record<string, unknown>;
  if ((j.kind === 'ledgerCell' || j.kind === 'statCells') && j.edit !== undefined && typeof j.edit !== 'string') return false;
  switch (j.kind) {
    case 'ledgerCell':
      return isRef(j.ref, SHEET) && typeof j.rowId === 'string' && typeof j.colKey === 'string' && ['string', 'number', 'object'].includes(typeof j.value);
    case 'statCells':
      return isRef(j.ref, SHEET) && !!j.op && typeof j.op === 'object' && Array.isArray((j.op as GridOp).cells);
    case 'periodView': {
      const q = j.query as Record<string, unknown> | undefined;
      return isRef(q, PERIOD) && (q!.periodKind === 'schoolYear' || q!.periodKind === 'month') && Array.isArray(q!.related) && (q!.related as unknown[]).every((r) => isRef(r, PERIOD));
    }
    default:
      return false;
  }
}
