// What a list check needs to know besides the rows: the pack, the school, the period's days.
// Its own module so the sheet-level checks (groups-match, completeness-checks) and the list
// checks that call them (ledger-checks) all import it without importing each other in a circle.
import type { Pack } from '../pack/schema';
import type { PeriodData } from '../model/data';
import type { SchoolProfile } from '../model/school';

export interface LedgerContext {
  pack: Pack;
  school: SchoolProfile;
  submission: string;
  range: { start: string; end: string };
  /** the submission's other periods (any status), for rules that span several months */
  history?: readonly PeriodData[];
  /** the day ages are counted at (统计时点, 9月1日 of a 学年); defaults to the period's first day */
  asOf?: string;
  /** set for a list that is one block of a worksheet of several lists (ledgerGroup): findings name
   * that worksheet, and cells are where the block's rows land in it */
  placement?: { sheetId: string; sheetTitle: string; firstDataRow: number };
  /** the whole period, for sheet checks that look at another list (groupsMatch) */
  data?: PeriodData;
}
