// What happens to each verdict once it is reached (the rules are core's, versions.ts): stored at
// once (a new report; a failed file of a known school, for its state word; a conflict, as
// evidence), held back for the clerk (an unknown school; a newer version, with its cell diff), or
// only listed (refused, a lower version, the same content again). Verdicts are handled one at a
// time in arrival order, so two files of one school in the same drop are decided one after the other.
import type { Pack } from '../../../shared/pack/schema';
import type { BureauProfile, FactRow, HeldReport, ReceiveAction, Verdict } from '../../../shared/consolidate/types';
import { db, nowIso } from '../../db/db';
import { factRows, receiveAction, registryFromVerdict, registryOf, reportDiff, type CellChange } from './engine';
import { confirmSchool, heldReport, storeReceipt } from './bureau-repo';
import type { VerdictRecord } from './bureau-records';

export interface ReceiveEntry {
  key: number;
  fileName: string;
  verdict: Verdict;
  action: ReceiveAction;
  /** stored: in IndexedDB; pending: waits for the clerk; listed: shown only, nothing stored */
  outcome: 'stored' | 'pending' | 'listed';
  /** the version held when the file came (for lower / supersede / conflict) */
  heldVersion?: number;
  /** supersede: the cells the new version changes */
  diff?: CellChange[];
  /** the original bytes, kept in memory while the clerk decides */
  bytes?: Uint8Array;
}

export interface ReceiveContext {
  pack: Pack;
  bureau: BureauProfile;
}

const bufferOf = (b: Uint8Array): ArrayBuffer => b.slice().buffer as ArrayBuffer;

function verdictRecord(v: Verdict, action: ReceiveAction, at: string): VerdictRecord {
  const { data: _data, school: _school, ...rest } = v;
  return { ...rest, action, receivedAt: at };
}

async function registry(ctx: ReceiveContext) {
  return registryOf(ctx.bureau, await db.registry.toArray());
}

/** The facts of one held report: the cells districtTotals adds up for it. */
async function factsOf(ctx: ReceiveContext, held: HeldReport): Promise<FactRow[]> {
  // the school's other reports are the lookups its indicators read (the 学年 of a month); read by
  // the key's first part, so a drop of 300 files does not read the whole table 300 times
  const own = await db.heldReports
    .where('[schoolCode+submission+period]')
    .between([held.schoolCode, '', ''], [held.schoolCode, '\uffff', '\uffff'])
    .toArray();
  const others = own.filter((h) => !(h.submission === held.submission && h.period === held.period));
  const school = await db.registry.get(held.schoolCode);
  const reg = registryOf(ctx.bureau, school ? [school] : []);
  return factRows(ctx.pack, reg, [held, ...others]).filter((f) => f.submission === held.submission && f.period === held.period && f.schoolCode === held.schoolCode);
}

async function store(ctx: ReceiveContext, v: Verdict, bytes: Uint8Array, action: ReceiveAction, withReport: boolean): Promise<boolean> {
  const at = nowIso();
  const held: HeldReport | undefined = withReport && v.data && v.schoolCode
    ? { schoolCode: v.schoolCode, submission: v.data.submission, period: v.data.period, version: v.data.version, contentHash: v.contentHash ?? '', fileSha256: v.fileSha256, receivedAt: at, data: v.data }
    : undefined;
  const r = await storeReceipt({
    file: { fileSha256: v.fileSha256, fileName: v.fileName, byteLength: v.byteLength, bytes: bufferOf(bytes), receivedAt: at },
    verdict: verdictRecord(v, action, at),
    ...(held ? { held, facts: await factsOf(ctx, held) } : {}),
  });
  return r === 'stored';
}

/** Decides and, where the decision needs no clerk, stores. */
export async function receiveVerdict(key: number, v: Verdict, bytes: Uint8Array, ctx: ReceiveContext): Promise<ReceiveEntry> {
  const entry = (action: ReceiveAction, outcome: ReceiveEntry['outcome'], extra: Partial<ReceiveEntry> = {}): ReceiveEntry =>
    ({ key, fileName: v.fileName, verdict: v, action, outcome, ...extra });
  if (v.kind === 'refused' || !v.schoolCode || !v.submission || !v.period) return entry('rejected', 'listed');
  if (await db.receivedFiles.get(v.fileSha256)) return entry('same', 'listed');
  const inRegistry = !!(await db.registry.get(v.schoolCode));
  if (v.kind !== 'accepted') {
    // a failed file of a known school is kept (the bureau shows what it got; the matrix says why);
    // its figures are never counted
    if (!inRegistry) return entry('unknownSchool', 'listed');
    return entry('rejected', (await store(ctx, v, bytes, 'rejected', false)) ? 'stored' : 'listed');
  }
  const held = await heldReport(v.schoolCode, v.submission, v.period);
  const action = receiveAction(held, v, await registry(ctx));
  const heldVersion = held ? { heldVersion: held.version } : {};
  if (action === 'new') return entry(action, (await store(ctx, v, bytes, action, true)) ? 'stored' : 'listed');
  if (action === 'conflict') return entry(action, (await store(ctx, v, bytes, action, false)) ? 'stored' : 'listed', heldVersion);
  if (action === 'unknownSchool') return entry(action, 'pending', { bytes });
  if (action === 'supersede') return entry(action, 'pending', { ...heldVersion, bytes, diff: reportDiff(ctx.pack, v.school ?? { type: '' }, held!, v) });
  return entry(action, 'listed', heldVersion); // the same content, or a lower version
}

/** The clerk confirmed: an unknown school joins the registry (from its 封面) and its file is received again. */
export async function confirmUnknown(e: ReceiveEntry, ctx: ReceiveContext): Promise<ReceiveEntry> {
  const school = registryFromVerdict(e.verdict);
  if (!school || !e.bytes) return e;
  await confirmSchool(school);
  return receiveVerdict(e.key, e.verdict, e.bytes, ctx);
}

/** The clerk saw the diff and confirmed: the newer version becomes current, the old one history. */
export async function confirmSupersede(e: ReceiveEntry, ctx: ReceiveContext): Promise<ReceiveEntry> {
  if (!e.bytes) return e;
  const stored = await store(ctx, e.verdict, e.bytes, 'supersede', true);
  return { ...e, outcome: stored ? 'stored' : 'listed', bytes: undefined };
}
