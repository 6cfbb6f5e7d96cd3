// Typed ledger values ↔ worksheet values. Dates are real Excel dates (serial numbers with a
// date format), so the bureau can sort and filter them; text that never parsed stays text.
import type { LedgerColumn } from '../pack/schema';
import type { CellValue } from '../model/data';
import { hasColumnType, isoToSerial, serialToIso } from '../model/values';
import type { CellRole, GridValue } from './grid';

const pad = (n: number) => String(n).padStart(2, '0');

function timeFraction(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return (h * 60 + m) / 1440;
}

function fractionToTime(f: number): string {
  const minutes = Math.round(f * 1440) % 1440;
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

export function toGridValue(col: LedgerColumn, v: CellValue | undefined): { v: GridValue; role: CellRole } {
  if (v === null || v === undefined || v === '') return { v: null, role: 'data' };
  if (!hasColumnType(col, v)) return { v: String(v), role: 'text' };
  switch (col.type) {
    case 'date':
      return { v: isoToSerial(v as string), role: 'date' };
    case 'time':
      return { v: timeFraction(v as string), role: 'time' };
    case 'datetime': {
      const s = v as string;
      return { v: isoToSerial(s.slice(0, 10)) + timeFraction(s.slice(11)), role: 'datetime' };
    }
    case 'integer':
    case 'decimal':
      return { v: v as number, role: 'data' };
    default:
      return { v: String(v), role: 'text' };
  }
}

export function fromGridValue(col: LedgerColumn, v: GridValue): CellValue {
  if (v === null || v === '') return null;
  if (typeof v === 'string') return v;
  switch (col.type) {
    case 'date':
      return serialToIso(Math.floor(v));
    case 'time':
      return fractionToTime(v - Math.floor(v));
    case 'datetime': {
      // round to the minute first so 23:59:59.9 does not roll the date over inconsistently
      const minutes = Math.round(v * 1440);
      const day = Math.floor(minutes / 1440);
      return `${serialToIso(day)} ${fractionToTime((minutes - day * 1440) / 1440)}`;
    }
    case 'text':
    case 'enum':
      return String(v);
    default:
      return v;
  }
}
