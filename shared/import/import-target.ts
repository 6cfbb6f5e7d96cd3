// What an import is checked against: the pack, the school and the period the rows go into.
// Its own module so value-map.ts can name it without importing convert.ts (which imports value-map).
import type { Pack } from '../pack/schema';
import type { SchoolProfile } from '../model/school';

export interface ValidationTarget {
  pack: Pack;
  school: SchoolProfile;
  submission: string;
  period: string;
}
