// The pack's notes on a sheet (what a row means, where a figure comes from), under the table.
import { memo } from 'react';

function SheetNotesImpl({ notes }: { notes?: string[] }) {
  if (!notes?.length) return null;
  return (
    <ul className="sheet-notes">
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}

// re-rendered with its ledger at every scroll frame otherwise
export const SheetNotes = memo(SheetNotesImpl);
