// What happens to each verdict once it is reached: stored at once (new report, a failed file's
// state word, a conflict's evidence), or held back for the clerk (an unknown school, a newer
// version's cell diff), or only listed (refused, a lower version, the same file again).
// Verdicts are handled one at a time, in arrival order, so two files of one school in the same
// drop are decided against each other.
import type { Pack } from '../../../shared/pack/schema';
import type { ReceiveAction, RegistrySchool, Verdict } from '../../../shared/consolidate/types';
import { db, nowIso } from '../../db/db';
import { decideAction, diffFacts, factsOf, type CellDiff } from './engine';
import { confirmSchool, heldReport, storeReceipt } from './bureau-repo';
import type { VerdictRecord } from './bureau-records';

export interface ReceiveEntry {
  key: number;
  fileName: string;
  verdict: Verdict;
  action: ReceiveAction;
  /** stored: in IndexedDB; pending: waits for the clerk; listed: shown only, nothing stored */
  outcome: 'stored' | 'pending' | 'listed';
  /** supersede: the cells the new version changes */
  diff?: CellDiff[];
  /** the original bytes, kept in memory while the clerk decides */
  bytes?: Uint8Array;
}

const bufferOf = (b: Uint8Array): ArrayBuffer => b.slice().buffer as ArrayBuffer;

function verdictRecord(v: Verdict, action: ReceiveAction, at: string): VerdictRecord {
  const { data: _data, school: _school, ...rest } = v;
  return { ...rest, action, receivedAt: at };
}

async function store(v: Verdict, bytes: Uint8Array, action: ReceiveAction, pack: Pack, withReport: boolean): Promise<boolean> {
  const at = nowIso();
  const held = withReport && v.data && v.school
    ? { schoolCode: v.school.code, submission: v.data.submission, period: v.data.period, version: v.data.version, contentHash: v.contentHash ?? '', fileSha256: v.fileSha256, receivedAt: at, data: v.data }
    : undefined;
  const r = await storeReceipt({
    file: { fileSha256: v.fileSha256, fileName: v.fileName, byteLength: v.byteLength, bytes: bufferOf(bytes), receivedAt: at },
    verdict: verdictRecord(v, action, at),
    ...(held ? { held, facts: factsOf(pack, v.school!, v.data!) } : {}),
  });
  return r === 'stored';
}

/** Decides and, where the decision needs no clerk, stores. */
export async function receiveVerdict(key: number, v: Verdict, bytes: Uint8Array, pack: Pack): Promise<ReceiveEntry> {
  const entry = (action: ReceiveAction, outcome: ReceiveEntry['outcome'], extra: Partial<ReceiveEntry> = {}): ReceiveEntry =>
    ({ key, fileName: v.fileName, verdict: v, action, outcome, ...extra });
  if (v.kind === 'refused' || !v.schoolCode) return entry('rejected', 'listed');
  if (await db.receivedFiles.get(v.fileSha256)) return entry('same', 'listed');
  const inRegistry = !!(await db.registry.get(v.schoolCode));
  if (v.kind !== 'accepted') {
    // a failed file of a known school is kept (the bureau shows what it got, the matrix says why);
    // its figures are never counted
    if (!inRegistry) return entry('unknownSchool', 'listed');
    return entry('rejected', (await store(v, bytes, 'rejected', pack, false)) ? 'stored' : 'listed');
  }
  const held = await heldReport(v.schoolCode, v.submission!, v.period!);
  const action = decideAction(v, held, inRegistry);
  if (action === 'new') return entry(action, (await store(v, bytes, action, pack, true)) ? 'stored' : 'listed');
  if (action === 'conflict') return entry(action, (await store(v, bytes, action, pack, false)) ? 'stored' : 'listed');
  if (action === 'unknownSchool') return entry(action, 'pending', { bytes });
  if (action === 'supersede') {
    const before = (await db.facts.get([v.schoolCode, v.submission!, v.period!]))?.rows ?? [];
    return entry(action, 'pending', { bytes, diff: diffFacts(before, factsOf(pack, v.school!, v.data!)) });
  }
  return entry(action, 'listed'); // same content, lower version
}

/** The registry school a received file describes (its 封面), for the clerk to confirm. */
export function schoolOfVerdict(v: Verdict): RegistrySchool | undefined {
  const s = v.school;
  if (!s) return undefined;
  return { code: s.code, name: s.name, type: s.type, sponsor: s.sponsor, township: s.township, urbanRural: s.urbanRural, ...(s.puhui !== undefined ? { puhui: s.puhui } : {}) };
}

/** The clerk confirmed: an unknown school joins the registry and its file is received again. */
export async function confirmUnknown(e: ReceiveEntry, pack: Pack): Promise<ReceiveEntry> {
  const school = schoolOfVerdict(e.verdict);
  if (!school || !e.bytes) return e;
  await confirmSchool(school);
  return receiveVerdict(e.key, e.verdict, e.bytes, pack);
}

/** The clerk saw the diff and confirmed: the newer version becomes current, the old one history. */
export async function confirmSupersede(e: ReceiveEntry, pack: Pack): Promise<ReceiveEntry> {
  if (!e.bytes) return e;
  const stored = await store(e.verdict, e.bytes, 'supersede', pack, true);
  return { ...e, outcome: stored ? 'stored' : 'listed', bytes: undefined };
}
