// What `xiaobiao consolidate` prints: a Chinese summary for the clerk (who is missing, which files
// fail and why, the rates, the targets missed, the 差异系数) or, with --json, the same as JSON
// (verdicts without their data) for scripts and tests.
import { basename } from 'node:path';
import type { Pack } from '../pack/schema';
import type { ReceiveAction, Registry, Verdict } from '../consolidate/types';
import type { CompletenessCell, CompletenessRate } from '../consolidate/completeness';
import type { DistrictTotals } from '../consolidate/totals';
import type { BalanceResult } from '../consolidate/balance';
import { DISTRICT_STATUS_LABEL, type DistrictIndicator } from '../consolidate/district-indicators';
import type { Io } from './commands';

export interface FileOutcome {
  verdict: Verdict;
  action: ReceiveAction;
  /** a newer version of the same school came after it */
  superseded?: boolean;
  /** another file of the same version came for the same school */
  conflict?: boolean;
}

export interface ConsolidateResult {
  pack: Pack;
  submission: string;
  period: string;
  out: string;
  files: string[];
  skipped: string[];
  outcomes: FileOutcome[];
  registry: Registry;
  grown: boolean;
  completeness: CompletenessCell[];
  rates: CompletenessRate[];
  totals: DistrictTotals;
  indicators: DistrictIndicator[];
  balance?: BalanceResult;
  seconds: number;
}

const KIND: Record<Verdict['kind'], string> = { accepted: '通过', auditFailed: '校验不通过', hashMismatch: '哈希不符', refused: '拒收' };
const ACTION: Record<ReceiveAction, string> = {
  new: '收存', supersede: '替换旧版', same: '重复（只记一次）', lower: '版本低于已收，拒收', conflict: '同版本不同文件，冲突', unknownSchool: '不在名册中', rejected: '不予汇总',
};
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

function jsonOf(r: ConsolidateResult) {
  return {
    pack: r.pack.id, submission: r.submission, period: r.period, out: r.out, seconds: +r.seconds.toFixed(2), registryFromFiles: r.grown,
    skipped: r.skipped,
    files: r.outcomes.map(({ verdict: v, action, superseded, conflict }) => ({
      fileName: v.fileName, kind: v.kind, action, ...(superseded ? { superseded } : {}), ...(conflict ? { conflict } : {}),
      schoolCode: v.schoolCode, schoolName: v.schoolName, version: v.version, status: v.status, reportDate: v.reportDate,
      fileSha256: v.fileSha256, contentHash: v.contentHash, audit: v.audit, problems: v.problems,
    })),
    completeness: r.completeness.map(({ schoolCode, state, label, version, reportDate, dueDate, problems }) => ({ schoolCode, state, label, version, reportDate, dueDate, problems })),
    rates: r.rates,
    totals: { schools: Object.keys(r.totals.versions).length, missing: r.totals.missing, ignored: r.totals.ignored },
    indicators: r.indicators.map((i) => ({ id: i.target.id, name: i.target.name, status: i.status, value: i.value, missing: i.missing.map((m) => m.schoolCode) })),
    balance: r.balance?.stages.map((s) => ({ stage: s.stage, compositeCv: s.compositeCv, allMet: s.allMet, indicators: s.indicators.map((i) => ({ code: i.code, label: i.label, cv: i.cv, met: i.met })) })),
  };
}

export function printSummary(r: ConsolidateResult, io: Io, json: boolean): void {
  if (json) {
    io.out(JSON.stringify(jsonOf(r), null, 2));
    return;
  }
  const count = (k: string) => r.completeness.filter((c) => c.state === k).length;
  io.out(`${r.pack.bureau} ${r.submission} ${r.period} 汇总：收到 ${r.files.length} 个文件，用时 ${r.seconds.toFixed(1)} 秒`);
  if (r.grown) io.out('注意：未给 --registry 名册，按通过校验的文件建立名册，未报的学校无法列出');
  io.out(`名册 ${r.registry.schools.length} 所：已报 ${count('已报')}，逾期 ${count('逾期')}，未报 ${count('未报')}，校验不通过 ${count('校验不通过')}，哈希不符 ${count('哈希不符')}${count('冲突') ? `，冲突 ${count('冲突')}` : ''}`);
  const all = r.rates.filter((x) => x.submission === r.submission);
  const expected = all.reduce((s, x) => s + x.expected, 0);
  const reported = all.reduce((s, x) => s + x.reported, 0);
  const onTime = all.reduce((s, x) => s + x.onTime, 0);
  io.out(`报送率 ${pct(expected ? reported / expected : null)}，按时报送率 ${pct(expected ? onTime / expected : null)}`);
  for (const x of all) io.out(`  ${x.group}：应报 ${x.expected}，已报 ${x.reported}，按时 ${x.onTime}`);
  const missing = r.completeness.filter((c) => c.state === '未报');
  const names = new Map(r.registry.schools.map((s) => [s.code, s.name]));
  if (missing.length) io.out(`未报学校：${missing.map((c) => `${names.get(c.schoolCode)}（${c.schoolCode}）`).join('、')}`);
  for (const c of r.completeness.filter((x) => x.state === '逾期'))
    io.out(`逾期：${names.get(c.schoolCode)}（${c.schoolCode}）报出日期 ${c.reportDate}，截止 ${c.dueDate}`);
  for (const o of r.outcomes) {
    const v = o.verdict;
    if (o.action === 'new' && !o.superseded) continue;
    const why = v.kind === 'accepted' ? '' : `：${v.problems.map((p) => p.message).slice(0, 3).join('；')}`;
    const what = o.superseded ? `第 ${v.version} 版，已被新版替换` : `${KIND[v.kind]}，${ACTION[o.action]}`;
    io.out(`文件「${v.fileName}」${v.schoolName ? `（${v.schoolName}）` : ''}：${what}${why}`);
  }
  if (r.skipped.length) io.out(`已忽略 ${r.skipped.length} 个非 .xlsx 文件：${r.skipped.slice(0, 5).map((f) => basename(f)).join('、')}${r.skipped.length > 5 ? ' …' : ''}`);
  io.out(`汇总学校 ${Object.keys(r.totals.versions).length} 所，${r.totals.sheets.length} 张表`);
  for (const i of r.indicators.filter((x) => x.status === 'missed'))
    io.out(`未达成：${i.target.name}（目标 ${i.target.value}${i.target.unit}，本区 ${i.value === null ? '—' : +i.value.toFixed(2)}）${i.missing.length ? `，未达标学校 ${i.missing.length} 所` : ''}`);
  const met = r.indicators.filter((x) => x.status === 'met').length;
  io.out(`规划指标：达成 ${met}，未达成 ${r.indicators.filter((x) => x.status === 'missed').length}，其他 ${r.indicators.length - met - r.indicators.filter((x) => x.status === 'missed').length}（${Object.values(DISTRICT_STATUS_LABEL).join('/')}）`);
  for (const s of r.balance?.stages ?? [])
    io.out(`${s.stage}校际差异系数：综合 ${s.compositeCv === null ? '—' : s.compositeCv.toFixed(3)}（限 ${s.maxCv}）${s.allMet === undefined ? '' : s.allMet ? '，各项达标' : '，有指标未达标'}`);
  io.out(r.out);
}
