import { describe, expect, it } from 'vitest';
import {
  MAX_REPORT_BYTES,
  appInfoSchema,
  ipcSchemas,
  isValidReportFileName,
  reportFileNameProblem,
  saveReportRequestSchema,
} from '../../shared/ipc/contract';

describe('report file names', () => {
  it.each(['罗江区_3112表_2025年春.xlsx', 'report.json', 'A.XLSX', '留样记录 (1).xlsx', 'a.b.xlsx', 'x'.repeat(195) + '.xlsx'])(
    'accepts %s',
    (name) => {
      expect(reportFileNameProblem(name)).toBeNull();
    },
  );

  it.each([
    ['../x.xlsx', '路径分隔符'],
    ['..x.xlsx', '..'],
    ['a/b.xlsx', '路径分隔符'],
    ['a\\b.xlsx', '路径分隔符'],
    ['x.exe', '扩展名'],
    ['x.xlsx ', '扩展名'],
    ['a..xlsx', '..'],
    ['x\u0000.xlsx', '控制字符'],
    ['x\u001f.xlsx', '控制字符'],
    ['x\u0085.xlsx', '控制字符'],
    ['a\u200Bb.xlsx', '不可见字符'],
    ['x?.xlsx', '等字符'],
    ['nul.json', '保留名称'],
    ['LPT1.tar.xlsx', '保留名称'],
    ['.json', '只有扩展名'],
    ['', '不能为空'],
    ['x'.repeat(196) + '.xlsx', '200'],
  ])('rejects %j (%s)', (name, why) => {
    expect(reportFileNameProblem(name)).toContain(why);
    expect(isValidReportFileName(name)).toBe(false);
  });
});

describe('schemas', () => {
  it('report:save accepts a good payload and caps bytes at 100 MB', () => {
    expect(saveReportRequestSchema.safeParse({ fileName: 'a.xlsx', bytes: new Uint8Array(3) }).success).toBe(true);
    expect(saveReportRequestSchema.safeParse({ fileName: 'a.xlsx', bytes: new Uint8Array(MAX_REPORT_BYTES + 1) }).success).toBe(
      false,
    );
    expect(ipcSchemas['report:save'].request).toBe(saveReportRequestSchema);
  });

  it('app:info response never carries more than version and platform', () => {
    expect(appInfoSchema.safeParse({ version: '1', platform: 'linux' }).success).toBe(true);
    expect(appInfoSchema.safeParse({ version: '1', platform: 'linux', userData: '/home/x' }).success).toBe(false);
  });
});
