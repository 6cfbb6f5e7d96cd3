// Errors a user can act on: every message names the file, and where known the sheet, row and column.
import { columnLetter } from './addresses';

export interface ReadLocation {
  file: string;
  sheet?: string;
  row?: number; // 1-based
  col?: number; // 1-based
}

export function describeLocation(at: ReadLocation): string {
  let s = `文件「${at.file}」`;
  if (at.sheet) s += ` 工作表「${at.sheet}」`;
  if (at.row) s += ` 第${at.row}行`;
  if (at.col) s += ` ${columnLetter(at.col)}列`;
  return s;
}

export class ReportReadError extends Error {
  constructor(
    readonly problem: string,
    readonly at: ReadLocation,
  ) {
    super(`${describeLocation(at)}：${problem}`);
    this.name = 'ReportReadError';
  }
}
