// A workbook exported by 校表通, read back as one period of THIS school, for restoring it in the
// app (or using it as last period). Stricter than readReport about whose file it is — another
// school's or another pack's figures must never land in this school's data — and gentler about
// the hashes: an edit made after export is shown as a warning the user confirms, not refused.
import type { Pack } from '../pack/schema';
import { periodDataSchema, type PeriodData } from '../model/data';
import type { SchoolProfile } from '../model/school';
import { readReport } from './read';
import { ReportReadError } from './read-errors';
import { META_SHEET } from './context';

export interface PeriodWorkbook {
  fileName: string;
  pack: Pack;
  /** the school as the file's 封面 gives it */
  school: SchoolProfile;
  /** ledger rows are numbered r1, r2… per list, 说明 keys follow them */
  data: PeriodData;
  meta: Record<string, string>;
  /** sheets edited after export (their hash no longer matches); empty when the file is intact */
  hashMismatches: string[];
  /** shown to the user before restoring: the edited sheets first, then the reader's remarks */
  warnings: string[];
}

export interface ReadPeriodOptions {
  fileName: string;
  /** the app's school profile: the file must be this school's, for its pack and school type */
  school: SchoolProfile;
}

export function readPeriodWorkbook(bytes: Uint8Array, packs: Map<string, Pack>, opts: ReadPeriodOptions): PeriodWorkbook {
  const file = opts.fileName;
  const own = opts.school;
  const r = readReport(bytes, packs, { fileName: file, allowHashMismatch: true, expect: { packId: own.packId, schoolCode: own.code } });
  const refuse = (problem: string, sheet?: string): never => {
    throw new ReportReadError(problem, { file, sheet });
  };
  const coverTitle = Object.values(r.pack.sheets).find((s) => s.kind === 'cover')?.title;
  if (r.school.name !== own.name)
    refuse(`学校名称为“${r.school.name}”，本校为“${own.name}”（学校标识码相同）：不是本校的文件；如学校已更名，请先在学校信息中改为文件中的名称`, coverTitle);
  if (r.school.type !== own.type)
    refuse(`办学类型为“${r.school.type}”，本校为“${own.type}”：要填的表不同，不能恢复`, coverTitle);
  const parsed = periodDataSchema.safeParse(r.data);
  if (!parsed.success) refuse(`数据无效：${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('；')}`, META_SHEET);
  const data = parsed.data!;
  const warnings = [...r.warnings];
  if (r.hashMismatches.length) {
    // edited figures are not the ones that were approved: they come back as a draft to approve again
    const demoted = data.status === '已审核';
    if (demoted) data.status = '草稿';
    warnings.unshift(
      `文件在导出后被改动过（${r.hashMismatches.join('、')} 的内容与导出时的校验值不符）；恢复将采用文件中现在的内容，请确认这些改动是有意的` +
        (demoted ? `。文件标为已审核（第 ${data.version} 版），改动后的数据不再是审核通过的数据，恢复为草稿，须重新审核` : ''),
    );
  }
  return { fileName: file, pack: r.pack, school: r.school, data, meta: r.meta, hashMismatches: r.hashMismatches, warnings };
}
