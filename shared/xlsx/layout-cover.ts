// 封面: key/value rows describing the school, the period and the approval state.
import type { CoverField, CoverSheet, Submission } from '../pack/schema';
import type { SchoolProfile } from '../model/school';
import { timePoint, periodRange } from '../model/period';
import { cell, type SheetGrid } from './grid';
import type { ReportContext } from './context';

/** What a cover needs: the school, the period and its approval state. */
export interface CoverInput {
  school: SchoolProfile;
  submission: Submission;
  period: string;
  status: string;
  version: number;
  reportDate: string;
}

export function coverValue(field: CoverField, c: CoverInput): string | number {
  const { school, submission } = c;
  switch (field.from) {
    case 'reportName': return submission.name;
    case 'schoolName': return school.name;
    case 'schoolCode': return school.code;
    case 'schoolType': return school.type;
    case 'sponsor': return school.sponsor;
    case 'puhui': return school.puhui ? '是' : '否';
    case 'township': return school.township;
    case 'urbanRural': return school.urbanRural;
    case 'period': return c.period;
    case 'timePoint':
      return timePoint(submission.periodKind, c.period) ?? periodRange(submission.periodKind, c.period).end;
    case 'head': return school.head;
    case 'statHead': return school.statHead;
    case 'filler': return school.filler;
    case 'phone': return school.phone;
    case 'reportDate': return c.reportDate;
    case 'status': return c.status;
    case 'version': return c.version;
  }
}

export function coverFields(sheet: CoverSheet, schoolType: string): CoverField[] {
  return sheet.fields.filter((f) => !f.schoolTypes || f.schoolTypes.includes(schoolType));
}

export function coverGrid(sheet: CoverSheet, ctx: ReportContext): SheetGrid {
  const fields = coverFields(sheet, ctx.school.type);
  const { school, submission, data, reportDate } = ctx;
  const input: CoverInput = { school, submission, period: data.period, status: data.status, version: data.version, reportDate };
  return {
    name: sheet.title,
    kind: 'cover',
    rows: [
      [cell(ctx.submission.name, 'title'), cell(null, 'title')],
      ...fields.map((f) => [cell(f.label, 'key'), cell(coverValue(f, input), 'text')]),
    ],
    merges: [[1, 1, 1, 2]],
    widths: [22, 44],
    table: { top: 2, left: 1, bottom: fields.length + 1, right: 2 },
  };
}
