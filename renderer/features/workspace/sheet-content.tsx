// Chooses the view for a sheet by its kind: 封面, ledger (名册/台账) or statistics (基表).
import type { Pack, Sheet, Submission } from '../../../shared/pack/schema';
import type { SchoolProfile } from '../../../shared/model/school';
import type { Finding } from '../../../shared/audit/types';
import { CoverView } from '../entry/cover-view';
import { LedgerSheetView } from '../entry/ledger-sheet-view';
import { LedgerGroupView } from '../entry/ledger-group-view';
import { StatSheetView } from '../entry/stat-sheet-view';
import { IndicatorSheetView } from '../entry/indicator-sheet-view';
import type { PeriodView } from './use-period-data';

export interface SheetContentProps {
  pack: Pack;
  school: SchoolProfile;
  submission: Submission;
  period: string;
  periodText: string;
  sheet: Sheet;
  findings: readonly Finding[];
  /** the period is 已审核: every view shows its data read-only */
  locked?: boolean;
  onEditSchool: () => void;
  /** the workspace's live view of the period (null while loading): the computed sheets share its memo with the audit */
  view?: PeriodView | null;
}

export function SheetContent({ pack, school, submission, period, periodText, sheet, findings, locked, onEditSchool, view }: SheetContentProps) {
  // what every data sheet view takes; the list views also show the period in their 填报单位 line
  const common = { pack, school, submission: submission.code, period, findings, locked };
  switch (sheet.kind) {
    case 'cover':
      return <CoverView sheet={sheet} school={school} submission={submission} period={period} onEditSchool={onEditSchool} />;
    case 'ledger':
      return <LedgerSheetView {...common} periodText={periodText} sheet={sheet} />;
    case 'ledgerGroup':
      return <LedgerGroupView {...common} periodText={periodText} sheet={sheet} />;
    case 'indicator':
      return <IndicatorSheetView {...common} sheet={sheet} view={view} />;
    case 'stat':
      return <StatSheetView {...common} sheet={sheet} view={view} />;
  }
}
