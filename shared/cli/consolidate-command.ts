// `xiaobiao consolidate --pack P --submission S --period P [--registry R] --out summary.xlsx FILES|DIRS… [--json]`:
// the bureau's round in one command — every file verified (worker threads, one per core), versions
// applied (the newest approved version of a school stands; a lower one or a second file of the
// same version is listed, never merged), completeness by 报出日期 against the due date, district
// totals, plan indicators and 差异系数, written as the district summary workbook.
import { mkdirSync, readFileSync } from 'node:fs';
import { writeOut } from './write-out';
import { basename, dirname, resolve } from 'node:path';
import type { Pack } from '../pack/schema';
import { findSubmission } from '../pack/applicability';
import { isValidPeriod } from '../model/period';
import type { HeldReport, ReceiveAction, Registry, Verdict } from '../consolidate/types';
import { parseRegistry, registryFromVerdict } from '../consolidate/registry';
import { applyReceive, receiveAction, reportKey, type ReportSlot } from '../consolidate/versions';
import { completenessMatrix, completenessRates, type ReceiptRecord } from '../consolidate/completeness';
import { districtTotals } from '../consolidate/totals';
import { computeBalance } from '../consolidate/balance';
import { computeDistrictIndicators } from '../consolidate/district-indicators';
import { summaryWorkbook } from '../consolidate/summary-workbook';
import { balanceTables, indicatorTable } from '../consolidate/summary-district';
import { flag, UsageError, type Args } from './args';
import { appVersion, seedPacks } from './seeds';
import { InputError, type Io } from './commands';
import { gatherFiles, verifyFiles } from './consolidate-files';
import { printSummary, type ConsolidateResult, type FileOutcome } from './consolidate-report';
import { districtReports } from '../consolidate/district-reports';

/** The 行政区划代码 the schools' codes share (学校标识码 begin with it), or '' when they differ. */
function regionOf(codes: readonly string[]): string {
  const heads = new Set(codes.map((c) => c.slice(0, 6)));
  return heads.size === 1 ? [...heads][0]! : '';
}

function loadRegistry(path: string | undefined, pack: Pack, verdicts: readonly Verdict[]): { registry: Registry; grown: boolean } {
  const bureau = { name: pack.bureau, regionCode: '', packId: pack.id };
  if (!path) {
    // no registry given: the schools of the accepted files (the CLI cannot ask the clerk; said in the output)
    const seen = new Map<string, NonNullable<ReturnType<typeof registryFromVerdict>>>();
    for (const v of verdicts) {
      const s = v.kind === 'accepted' ? registryFromVerdict(v) : undefined;
      if (s && !seen.has(s.code)) seen.set(s.code, s);
    }
    const schools = [...seen.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
    return { registry: { bureau: { ...bureau, regionCode: regionOf(schools.map((s) => s.code)) }, schools }, grown: true };
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new InputError(`名册文件「${path}」无法读取：${(e as Error).message}`);
  }
  const r = parseRegistry(bytes, basename(path), pack);
  if (!r.ok) throw new InputError(r.problems.map((p) => p.message).join('\n'));
  return { registry: { bureau: { ...bureau, regionCode: regionOf(r.schools.map((s) => s.code)) }, schools: r.schools }, grown: false };
}

/** Lowest version first: each newer approved version supersedes (running the command is the clerk's
 * confirmation); a second file of the same version is a conflict, never merged. */
export function receiveAll(verdicts: readonly Verdict[], registry: Registry, now: string) {
  const slots = new Map<string, ReportSlot>();
  const outcomes: FileOutcome[] = [];
  const order = [...verdicts].sort((a, b) => (a.version ?? -1) - (b.version ?? -1) || (a.fileName < b.fileName ? -1 : 1));
  for (const v of order) {
    const key = reportKey(v);
    const slot = slots.get(key) ?? { history: [] };
    const action: ReceiveAction = receiveAction(slot.current, v, registry);
    slots.set(key, applyReceive(slot, v, action, now));
    if (action === 'supersede') outcomes.filter((o) => reportKey(o.verdict) === key && o.action !== 'rejected').forEach((o) => (o.superseded = true));
    if (action === 'conflict') outcomes.filter((o) => reportKey(o.verdict) === key && o.action !== 'rejected').forEach((o) => (o.conflict = true));
    outcomes.push({ verdict: v, action });
  }
  // two different files of the version held, received together: which came first is only file-name
  // order, so neither is counted (the school is 冲突 until it exports a new version)
  const conflicts = new Set<string>();
  for (const o of outcomes)
    if (o.action === 'conflict') {
      const s = slots.get(reportKey(o.verdict));
      if (s?.current && s.current.version === o.verdict.version) conflicts.add(reportKey(o.verdict));
    }
  for (const o of outcomes) if (conflicts.has(reportKey(o.verdict)) && o.verdict.version === slots.get(reportKey(o.verdict))?.current?.version) o.conflict = true;
  const held: HeldReport[] = [];
  const history: HeldReport[] = [];
  for (const [key, s] of slots) {
    if (s.current && !conflicts.has(key)) held.push(s.current);
    history.push(...s.history);
  }
  return { held, history, outcomes, conflicts: [...conflicts] };
}

export async function consolidate(args: Args, io: Io): Promise<number> {
  const packId = flag(args, 'pack');
  const pack = seedPacks().get(packId);
  if (!pack) throw new UsageError(`没有报表包“${packId}”，可选：${[...seedPacks().keys()].join('、')}`);
  const code = flag(args, 'submission');
  const sub = findSubmission(pack, code);
  if (!sub) throw new UsageError(`报表包 ${pack.id} 没有报表 ${code}，可选：${pack.submissions.map((s) => s.code).join('、')}`);
  const period = flag(args, 'period');
  if (!isValidPeriod(sub.periodKind, period))
    throw new UsageError(`期间“${period}”格式不对，${sub.periodKind === 'schoolYear' ? '学年如 2025-2026' : '月份如 2025-10'}`);
  const out = resolve(flag(args, 'out'));
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`--out “${flag(args, 'out')}”应为 .xlsx 文件名，如 汇总.xlsx`);
  if (!args.positional.length) throw new UsageError('请给出收到的工作簿或所在文件夹');
  const json = args.flags.get('json') === true;
  const registryPath = args.flags.get('registry');
  if (registryPath === true) throw new UsageError('参数 --registry 后面缺少名册文件名');

  const started = performance.now();
  const { files, skipped } = gatherFiles(args.positional);
  if (!files.length) throw new InputError(`在 ${args.positional.join('、')} 中没有找到 .xlsx 工作簿`);
  // the registry first when given (each file's 封面 is checked against it in the worker)
  const given = registryPath ? loadRegistry(registryPath, pack, []) : undefined;
  let last = 0;
  const init = { registry: given?.registry, opts: { expect: { submission: code, period } }, totals: { packId: pack.id, submission: code } };
  const verified = await verifyFiles(files, args.positional, init, (done, total) => {
    if (!json && (done - last >= 100 || done === total)) {
      last = done;
      io.err(`已校验 ${done}/${total} 个文件`);
    }
  });
  const verdicts = verified.map((o) => o.verdict);
  const { registry, grown } = given ?? loadRegistry(undefined, pack, verdicts);
  const now = new Date().toISOString();
  const { held, history, outcomes, conflicts } = receiveAll(verdicts, registry, now);
  const receipts: ReceiptRecord[] = verdicts.map((v) => ({ ...v, receivedAt: now }));
  // files on disk carry no receipt time: lateness is judged by the 报出日期 the school signed
  const completeness = completenessMatrix({ pack, registry, periods: [{ submission: code, period }], held, history, receipts, now: `${io.today()}T12:00:00+08:00`, lateBy: 'reportDate', conflicts });
  // each held file's figures as its worker placed them (by the file's bytes: the same file twice is one)
  const placed = new Map(verified.flatMap((o) => (o.values ? [[o.verdict.fileSha256, o.values] as const] : [])));
  const precomputed = Object.fromEntries(held.flatMap((h) => (placed.has(h.fileSha256) ? [[reportKey(h), placed.get(h.fileSha256)!]] : [])));
  const placedWeights = new Map(verified.flatMap((o) => (o.weights ? [[o.verdict.fileSha256, o.weights] as const] : [])));
  const precomputedWeights = Object.fromEntries(held.flatMap((h) => (placedWeights.has(h.fileSha256) ? [[reportKey(h), placedWeights.get(h.fileSha256)!]] : [])));
  const totals = districtTotals({ pack, registry, submission: code, period, held, precomputed, precomputedWeights });
  const reports = districtReports(registry.schools, held);
  const balance = sub.periodKind === 'schoolYear' ? computeBalance(pack, reports, { period }) : undefined;
  const indicators = computeDistrictIndicators(pack, reports, { periods: { [code]: period }, ...(balance ? { balance } : {}) });
  const bytes = await summaryWorkbook({
    pack, bureau: registry.bureau, registry, submission: code, period, totals, completeness, reportDate: io.today(), now: new Date(), appVersion: appVersion(),
    extra: [indicatorTable(indicators), ...(balance ? balanceTables(balance) : [])],
  });
  try {
    mkdirSync(dirname(out), { recursive: true });
  } catch (e) {
    throw new InputError(`汇总工作簿「${out}」无法写入：${(e as Error).message}`);
  }
  await writeOut(io, out, bytes);
  const result: ConsolidateResult = {
    pack, submission: code, period, out, files, skipped, outcomes, registry, grown, completeness,
    rates: completenessRates(completeness, registry, 'township'), totals, indicators, balance,
    seconds: (performance.now() - started) / 1000,
  };
  printSummary(result, io, json);
  return 0;
}
