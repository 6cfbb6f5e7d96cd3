// 封面 preview: the school's profile, the period and the approval state, exactly the rows
// the exported workbook's cover carries. Read-only — change them under 编辑学校信息 or by 审核.
import { Button } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { CoverField, CoverSheet, Submission } from '../../../shared/pack/schema';
import type { SchoolProfile } from '../../../shared/model/school';
import { periodLabel, timePointLabel } from '../../../shared/model/period';
import { coverFields, coverValue, type CoverInput } from '../../../shared/xlsx/layout-cover';
import type { PeriodRecord } from '../../db/records';
import { usePeriodRecord } from '../workspace/use-period-record';

export interface CoverViewProps {
  sheet: CoverSheet;
  school: SchoolProfile;
  submission: Submission;
  period: string;
  onEditSchool?: () => void;
}

const PENDING = '（审核通过时自动填写）';

/** The cover as exported, with the period spelled out and what approval will fill in said so. */
export function coverText(field: CoverField, school: SchoolProfile, sub: Submission, period: string, rec?: PeriodRecord): string {
  switch (field.from) {
    case 'period': return periodLabel(sub.periodKind, period);
    case 'timePoint':
      return sub.periodKind === 'schoolYear' ? timePointLabel(sub.periodKind, period) : String(coverValue(field, input()));
    case 'reportDate': return rec?.reportDate ?? PENDING;
    case 'version': return rec?.version ? `${rec.version}` : '0（尚未审核通过）';
    default: return String(coverValue(field, input()));
  }
  function input(): CoverInput {
    return { school, submission: sub, period, status: rec?.status ?? '草稿', version: rec?.version ?? 0, reportDate: rec?.reportDate ?? '' };
  }
}

export function CoverView({ sheet, school, submission, period, onEditSchool }: CoverViewProps) {
  const rec = usePeriodRecord(submission.code, period);
  const fields = coverFields(sheet, school.type);
  return (
    <div className="cover-view">
      <h2 className="sheet-title" style={{ textAlign: 'left' }}>
        {sheet.title}：{submission.name}
      </h2>
      <table className="grid no-head cover-table" data-testid="cover-table">
        <tbody>
          {fields.map((f) => (
            <tr key={f.from}>
              <th>{f.label}</th>
              <td data-testid={`cover-${f.from}`}>{coverText(f, school, submission, period, rec)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="sheet-notes" style={{ paddingLeft: 0 }}>
        封面内容来自学校信息和审核状态，不能在此修改。
        {onEditSchool && (
          <Button type="link" size="small" icon={<EditOutlined />} onClick={onEditSchool}>
            修改学校信息
          </Button>
        )}
      </p>
    </div>
  );
}
