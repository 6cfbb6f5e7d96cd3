// What a statistics sheet's entered cell accepts: head counts, i.e. non-negative integers.
import { toHalfWidth } from '../../../shared/model/values';

/** '' → null (cleared); '1,234' or full-width digits → 1234; anything else → undefined (refused). */
export function parseCount(text: string): number | null | undefined {
  const s = toHalfWidth(text).trim().replace(/[,，\s]/g, '');
  if (s === '') return null;
  return /^\d{1,9}$/.test(s) ? Number(s) : undefined;
}
