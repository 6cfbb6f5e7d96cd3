// A worksheet made of several lists (从业人员健康管理: 名单, then 晨检), shown as it prints: the
// title and 填报单位 line once, then each list under its block heading as an ordinary ledger grid.
// Findings arrive on the worksheet (sheetId) with the list in partId; each grid gets its own.
import { useMemo } from 'react';
import type { LedgerGroupSheet, Pack } from '../../../shared/pack/schema';
import type { SchoolProfile } from '../../../shared/model/school';
import type { Finding } from '../../../shared/audit/types';
import { groupParts } from '../../../shared/pack/ledger-rows';
import { LedgerSheetView } from './ledger-sheet-view';
import { SheetNotes } from './sheet-notes';
import './ledger.css';

export interface LedgerGroupViewProps {
  pack: Pack;
  school: SchoolProfile;
  submission: string;
  period: string;
  periodText: string;
  sheet: LedgerGroupSheet;
  findings?: readonly Finding[];
  locked?: boolean;
}

export function LedgerGroupView({ pack, school, submission, period, periodText, sheet, findings = [], locked }: LedgerGroupViewProps) {
  const parts = useMemo(() => groupParts(pack, sheet), [pack, sheet]);
  // each list's grid marks its own cells, which it finds by its own sheet id
  const byPart = useMemo(
    () => new Map(parts.map((p) => [p.id, findings.filter((f) => f.partId === p.id).map((f) => ({ ...f, sheetId: p.id }))])),
    [parts, findings],
  );
  return (
    <div className="ledger-group-view" data-testid={`group-${sheet.id}`}>
      <h2 className="sheet-title" style={{ textAlign: 'left' }}>
        {sheet.title}
      </h2>
      <div className="sheet-subline" style={{ justifyContent: 'flex-start', gap: 32 }}>
        <span>填报单位：{school.name}</span>
        <span>期间：{periodText}</span>
      </div>
      {parts.map((part, i) => (
        <section key={part.id} data-testid={`group-part-${part.id}`}>
          <LedgerSheetView
            pack={pack}
            school={school}
            submission={submission}
            period={period}
            periodText={periodText}
            sheet={part}
            findings={byPart.get(part.id)}
            blockTitle={sheet.parts[i]!.title}
            locked={locked}
          />
        </section>
      ))}
      <SheetNotes notes={sheet.notes} />
    </div>
  );
}
