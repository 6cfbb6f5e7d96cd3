// The pack's notes on a sheet (what a row means, where a figure comes from), under the table.
export function SheetNotes({ notes }: { notes?: string[] }) {
  if (!notes?.length) return null;
  return (
    <ul className="sheet-notes">
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}
