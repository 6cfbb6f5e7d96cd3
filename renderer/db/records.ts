// The records the renderer keeps in IndexedDB. Each table holds one entity; snapshot.ts turns
// them into the PeriodData (shared/model/data.ts) that compute, audit and export work on.
import type { CellValue } from '../../shared/model/data';
import type { SchoolProfile } from '../../shared/model/school';
import type { STATUSES } from '../../shared/model/data';

/** One school per install: the row's id is always SCHOOL_ID. */
export const SCHOOL_ID = 'current';

export interface SchoolRecord {
  id: typeof SCHOOL_ID;
  profile: SchoolProfile;
  updatedAt: string;
}

export type PeriodStatus = (typeof STATUSES)[number];

/** Approval state of one submission for one period; created by the first write to it. */
export interface PeriodRecord {
  submission: string;
  period: string;
  status: PeriodStatus;
  /** +1 at each 审核通过; the bureau keeps the highest version it received */
  version: number;
  reportDate?: string;
  /** 经验校验 说明, keyed by Finding.key */
  explanations: Record<string, string>;
  /** when the record was created or its state (status, 说明) last changed — not every data write (ensurePeriod) */
  updatedAt: string;
}

/** One row of a ledger (名册/台账) sheet. `seq` orders the rows; inserting between two takes the midpoint. */
export interface RowRecord {
  id: string;
  submission: string;
  period: string;
  sheetId: string;
  seq: number;
  values: Record<string, CellValue>;
}

/** One entered cell of a statistics or indicator sheet; `key` is cellKey(代码, 列), e.g. "01:graduates". */
export interface CellRecord {
  submission: string;
  period: string;
  sheetId: string;
  key: string;
  value: number | string | null;
}

/** Where a sheet's data lives: used by every repository function. */
export interface SheetRef {
  submission: string;
  period: string;
  sheetId: string;
}

export interface PeriodRef {
  submission: string;
  period: string;
}

export const CHANGE_ACTIONS = ['edit', 'addRow', 'deleteRow', 'approve', 'reopen', 'explain', 'copyForward', 'replaceAll', 'sort'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/**
 * One entry of the audit trail (修改记录), written in the same transaction as the change it
 * describes. `field` is a ledger column key, a stat/indicator cell key (`{代码}:{列}`) or a
 * 说明's finding key; `old`/`new` are the values before and after (absent = empty).
 */
export interface ChangeRecord {
  id?: number;
  at: string;
  /** 填表人 of the school profile when the change was made */
  who: string;
  submission: string;
  period: string;
  sheetId: string;
  rowId?: string;
  field?: string;
  old?: CellValue;
  new?: CellValue;
  action: ChangeAction;
  reason?: string;
  /**
   * The edit a keystroke belongs to (a random id the grid gives one stay of the cursor in one
   * cell): the entry of an edit still in progress is updated in place by its next keystroke,
   * so the trail keeps one entry per edit (changes-repo.ts `editWrite`). Not shown, not exported.
   */
  edit?: string;
}
