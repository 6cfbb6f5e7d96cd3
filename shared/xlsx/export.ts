// The one call the app and the CLI make to produce a bureau workbook. With a signer (the school's
// 报送码 key, shared/transport/mac.ts) `_meta` also carries hmac:alg / hmac:keyId / hmac:all, added
// after the hashes and not hashed themselves: the MAC covers sha256:all, which covers everything else.
import { buildReport, type ReportInput } from './report';
import { renderWorkbook } from './render';
import { metaGrid } from './layout-notes';
import type { GridValue } from './grid';
import { HMAC_ALG, META_HMAC_ALG, META_HMAC_ALL, META_HMAC_KEY_ID, type ReportSigner } from '../transport/mac';

export interface ExportedReport {
  fileName: string;
  bytes: Uint8Array;
  /** `sha256:all` of the workbook: its identity at the bureau (one file, one receipt) */
  sha256All: string;
  /** whether `_meta` carries the school's MAC */
  signed: boolean;
}

export interface ExportOptions {
  signer?: ReportSigner;
}

export async function exportReport(input: ReportInput, opts: ExportOptions = {}): Promise<ExportedReport> {
  const report = buildReport(input);
  const sha256All = String(report.meta['sha256:all']);
  let grids = report.grids;
  if (opts.signer) {
    const hmac = await opts.signer.sign(String(report.meta.schoolCode), sha256All);
    const entries: [string, GridValue][] = [
      ...(Object.entries(report.meta) as [string, GridValue][]),
      [META_HMAC_ALG, HMAC_ALG], [META_HMAC_KEY_ID, opts.signer.keyId], [META_HMAC_ALL, hmac],
    ];
    // _meta is the last grid buildReport makes; it is replaced, every other sheet stays as built
    grids = [...grids.slice(0, -1), metaGrid(entries)];
  }
  const bytes = await renderWorkbook(grids, { creator: `校表通 ${input.appVersion}`, created: input.now ?? new Date() });
  return { fileName: report.fileName, bytes, sha256All, signed: !!opts.signer };
}
