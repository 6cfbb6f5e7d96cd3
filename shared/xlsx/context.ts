// Everything a report layout needs, gathered once per export.
import type { Pack, Submission } from '../pack/schema';
import type { PeriodData } from '../model/data';
import type { SchoolProfile } from '../model/school';
import { whenLine } from '../model/period';

export const REPORT_FORMAT = 'xiaobiao-report/2';
export const NOTES_SHEET = '校验说明';
export const META_SHEET = '_meta';

export interface ReportContext {
  pack: Pack;
  submission: Submission;
  school: SchoolProfile;
  data: PeriodData;
  reportDate: string; // yyyy-mm-dd
  now: Date;
  appVersion: string;
}

export function unitLine(ctx: ReportContext, unit: string): string {
  return `${whenLine(ctx.submission.periodKind, ctx.data.period)}　单位：${unit}`;
}

export function signatureLine(ctx: ReportContext): string {
  const s = ctx.school;
  return `单位负责人：${s.head}　统计负责人：${s.statHead}　填表人：${s.filler}　报出日期：${ctx.reportDate}`;
}

const UNSAFE_FILE_CHARS = /[\\/:*?"<>|\u0000-\u001f]/g;

/** `{学校标识码}_{学校名称}_{报表代号}_{期间}.xlsx`, with characters Windows refuses replaced. */
export function reportFileName(school: SchoolProfile, submission: string, period: string): string {
  return `${school.code}_${school.name.replace(UNSAFE_FILE_CHARS, '_')}_${submission}_${period}.xlsx`;
}
