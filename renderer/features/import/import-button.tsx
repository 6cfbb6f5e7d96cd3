// The toolbar button of a ledger that opens 从 Excel 导入 (the grid hides it when the period is
// 已审核 or the list's rows are fixed by the pack).
import { lazy, Suspense, useMemo, useState } from 'react';
import { Button } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import type { LedgerSheet, Pack } from '../../../shared/pack/schema';
import type { CellValue } from '../../../shared/model/data';
import type { SchoolProfile } from '../../../shared/model/school';

// the import dialog (file reading, previews, tables) loads on first use, not with every list
const ImportDialog = lazy(() => import('./import-dialog').then((m) => ({ default: m.ImportDialog })));
import './import.css';

export interface ImportButtonProps {
  pack: Pack;
  school: SchoolProfile;
  submission: string;
  period: string;
  sheet: LedgerSheet;
  defaults: () => Record<string, CellValue>;
}

export function ImportButton({ pack, school, submission, period, sheet, defaults }: ImportButtonProps) {
  const [open, setOpen] = useState(false);
  const target = useMemo(() => ({ pack, school, submission, period }), [pack, school, submission, period]);
  const initial = useMemo(() => (open ? defaults() : {}), [open, defaults]);
  return (
    <>
      <Button icon={<ImportOutlined />} onClick={() => setOpen(true)} data-testid={`ledger-import-${sheet.id}`}>
        从 Excel 导入…
      </Button>
      {open && (
        <Suspense fallback={null}>
          <ImportDialog open sheet={sheet} target={target} defaults={initial} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
