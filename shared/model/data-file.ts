// Reads an untrusted school data file (`xiaobiao-data/1`: the CLI's input, a backup) from bytes:
// limits first (size, encoding, depth, prototype keys — json-limits.ts), then the zod schema.
// Every refusal is a DataFileError whose message names the file and the path inside it.
import { schoolDataSchema, type SchoolData } from './data';
import { JsonLimitError, parseUntrustedJsonBytes } from './json-limits';

export class DataFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataFileError';
  }
}

export function readSchoolDataFile(fileName: string, bytes: Uint8Array): SchoolData {
  let json: unknown;
  try {
    json = parseUntrustedJsonBytes(fileName, bytes);
  } catch (e) {
    if (e instanceof JsonLimitError) throw new DataFileError(e.message);
    throw e;
  }
  const parsed = schoolDataSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(根)'}: ${i.message}`);
    throw new DataFileError(`文件「${fileName}」不是有效的学校数据文件：\n  ${lines.join('\n  ')}`);
  }
  return parsed.data;
}
