// The workbook format's version (`_meta` format `xiaobiao-report/{n}`) and the upgrade path that
// keeps every earlier format readable. A later app that changes the layout bumps the version and
// adds ONE pure step here, n → n + 1, working on the raw cell values; the reader then only ever
// understands the current layout. Hashes are verified on the file as written, before any step.
import type { GridValue } from './grid';
import { sha256Text } from '../hash/sha256';

export const REPORT_FORMAT_PREFIX = 'xiaobiao-report/';
/** The format this app writes and reads natively. 2: `_meta` itself is hashed (`sha256:_meta`). */
export const REPORT_FORMAT_VERSION = 2;

/** The `_meta` entries `sha256:_meta` covers (format 2 on): what says whose, which and how approved
 * the figures are. exportedAt and appVersion are not, so the same content exported twice is the same file. */
export const META_PROTECTED = ['format', 'pack', 'packVersion', 'submission', 'period', 'schoolCode', 'schoolName', 'schoolType', 'version', 'status'] as const;

/** `sha256:_meta`: SHA-256 of `{key}\t{JSON string of the value}\n` for each protected key, in that order. */
export function metaHash(meta: Readonly<Record<string, string | number | undefined>>): string {
  return sha256Text(META_PROTECTED.map((k) => `${k}\t${JSON.stringify(String(meta[k] ?? ''))}\n`).join(''));
}

/** Shown (never refused) for a format-1 file: the bureau sees that its _meta could have been edited. */
export const UNPROTECTED_META_WARNING =
  '文件为旧格式 xiaobiao-report/1：_meta 中的审核状态、版本、期间、学校和报表包不在校验值保护之内，无法确认导出后未被改动（已核对与封面一致）；请学校用新版校表通重新导出';

/** A workbook as read: `_meta` as key → text, every sheet's values by name, in workbook order. */
export interface RawWorkbook {
  format: number;
  meta: Record<string, string>;
  names: string[];
  sheets: Map<string, GridValue[][]>;
}

/** format n → n + 1; must not touch anything it does not move. */
export type FormatUpgrade = (wb: RawWorkbook) => RawWorkbook;

/**
 * Format 2 has format 1's layout and adds `sha256:_meta` (its hashes are checked on the file as
 * written, before any step), so 1 → 2 moves nothing. A later layout change adds its step here with
 * a test that reads a workbook of the old layout through it.
 */
export const REPORT_UPGRADES: Readonly<Record<number, FormatUpgrade>> = { 1: (wb) => wb };

/** `xiaobiao-report/3` → 3; anything else → undefined. */
export function reportFormatVersion(format: string | undefined): number | undefined {
  const m = /^xiaobiao-report\/([1-9]\d{0,5})$/.exec(format ?? '');
  return m ? Number(m[1]) : undefined;
}

/** Why a format cannot be read, or undefined when it can (current, or older with every step present). */
export function formatProblem(
  format: string | undefined,
  writtenBy: string | undefined,
  steps: Readonly<Record<number, FormatUpgrade>> = REPORT_UPGRADES,
  current = REPORT_FORMAT_VERSION,
): string | undefined {
  const n = reportFormatVersion(format);
  if (n === undefined) return `格式“${format ?? ''}”不是校表通导出的报表格式（应为 ${REPORT_FORMAT_PREFIX}${current}）`;
  if (n > current) {
    const by = writtenBy ? `由校表通 ${writtenBy} 导出，` : '';
    return `此文件${by}格式为 ${REPORT_FORMAT_PREFIX}${n}，比本机的校表通新（只能读到 ${REPORT_FORMAT_PREFIX}${current}）：请把校表通升级到 ${writtenBy ?? '更新的'}${writtenBy ? ' 或更高' : ''}版本后再打开`;
  }
  for (let k = n; k < current; k++) if (!steps[k]) return `格式 ${REPORT_FORMAT_PREFIX}${n} 无法升级到 ${REPORT_FORMAT_PREFIX}${current}（缺少第 ${k} 版的升级步骤）`;
  return undefined;
}

/** Applies the steps from the workbook's format up to the current one (call after formatProblem). */
export function upgradeWorkbook(
  wb: RawWorkbook,
  steps: Readonly<Record<number, FormatUpgrade>> = REPORT_UPGRADES,
  current = REPORT_FORMAT_VERSION,
): RawWorkbook {
  let out = wb;
  while (out.format < current) {
    const step = steps[out.format];
    if (!step) throw new Error(`缺少格式 ${out.format} 的升级步骤`);
    out = { ...step(out), format: out.format + 1 };
  }
  return { ...out, meta: { ...out.meta, format: `${REPORT_FORMAT_PREFIX}${current}` } };
}
