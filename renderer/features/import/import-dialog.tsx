// 从 Excel 导入: pick a roster file, check the sheet, header row and column mapping the app
// guessed, look at the rows and their problems, then append or replace — only rows without
// errors are written, in one transaction; 取消 writes nothing.
import { useMemo, useRef, useState, type ChangeEvent } from 'react';
import { Alert, App, InputNumber, Modal, Radio, Select, Space } from 'antd';
import type { LedgerSheet } from '../../../shared/pack/schema';
import type { CellValue } from '../../../shared/model/data';
import type { DecodedBook } from '../../../shared/import/decode';
import type { ValidationTarget } from '../../../shared/import/convert';
import { HEADER_SCAN_ROWS } from '../../../shared/import/header';
import { importRows, type ImportMode } from './import-repo';
import { clearGridHistories, historyKey } from '../entry/use-grid-history';
import { choiceForHeader, choiceForSheet, convertChoice, initialChoice, readFileBytes, sourceColumns, unusedColumns, type ImportChoice } from './import-session';
import { decodeOffThread } from './decode-off-thread';
import { ImportMapping } from './import-mapping';
import { ImportPreview } from './import-preview';
import { ValueMappingStep } from './value-mapping-step';
import { useValueMap } from './use-value-map';
import { importRecordList, type RecordListResult } from '../../../shared/import/student-list';
import { keepTyped } from '../../../shared/import/class-diff';
import { listRows } from '../entry/rows-repo';
import { StudentListPreview } from './student-list-preview';

export interface ImportDialogProps {
  open: boolean;
  sheet: LedgerSheet;
  target: ValidationTarget;
  /** values every new row starts with (学段 of a 小学) */
  defaults: Record<string, CellValue>;
  onClose: () => void;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function ImportDialog({ open, sheet, target, defaults, onClose }: ImportDialogProps) {
  const { message } = App.useApp();
  const [book, setBook] = useState<DecodedBook>();
  const [choice, setChoice] = useState<ImportChoice>();
  const [error, setError] = useState<string>();
  const [mode, setMode] = useState<ImportMode>('append');
  const [busy, setBusy] = useState(false);
  const [reading, setReading] = useState(false);
  // a file chosen while another is still being read replaces it: only the latest one's result counts
  const latest = useRef(0);
  // the 对应 step's answers (remembered ones first) go into the conversion; see value-mapping-step.tsx
  const values = useValueMap(sheet.id);
  const rowResult = useMemo(
    () => (book && choice && values.ready ? convertChoice(sheet, book, choice, target, values.map) : undefined),
    [sheet, book, choice, target, values.ready, values.map],
  );
  // a per-pupil 学籍 list is counted into classes (student-list.ts) unless the school says otherwise
  const [records, setRecords] = useState<RecordListResult>();
  const [rowByRow, setRowByRow] = useState(false);
  const counting = !!records && !rowByRow;
  const result = counting ? records : rowResult;
  const ref = useMemo(() => ({ submission: target.submission, period: target.period, sheetId: sheet.id }), [target, sheet.id]);
  const valid = result ? result.rows.length - result.invalid.size : 0;

  const reset = () => {
    setBook(undefined);
    setChoice(undefined);
    setError(undefined);
    setMode('append');
    setRecords(undefined);
    setRowByRow(false);
  };
  const close = () => {
    reset();
    onClose();
  };
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    reset();
    if (!file) return;
    const mine = ++latest.current;
    setReading(true);
    try {
      const decoded = await decodeOffThread(file.name, await readFileBytes(file));
      if (mine !== latest.current) return;
      setBook(decoded);
      setChoice(initialChoice(sheet, decoded));
      const counted = importRecordList(sheet, decoded, target);
      setRecords(counted);
      if (counted) setMode('replace'); // next term's list replaces this term's classes
    } catch (err) {
      if (mine === latest.current) setError(errorText(err));
    } finally {
      if (mine === latest.current) setReading(false);
    }
  };
  const write = async () => {
    if (!result) return;
    setBusy(true);
    try {
      let rows = result.rows.filter((_, i) => !result.invalid.has(i)).map((r) => r.values);
      if (counting) rows = keepTyped(sheet, (await listRows(ref)).map((r) => r.values), rows);
      // a named measure (devtools, npm run bench) of the transaction alone
      const started = performance.now();
      const done = await importRows(ref, rows, mode, defaults, book?.fileName);
      if (!counting) await values.remember().catch(() => undefined); // only a convenience for the next import
      // the rows under this sheet's undo steps are gone
      if (mode === 'replace') clearGridHistories(historyKey(ref.submission, ref.period, ref.sheetId));
      performance.measure('xb-import-write', { start: started, end: performance.now() });
      message.success(`已导入 ${done.added} 行${done.removed ? `，替换了原有 ${done.removed} 行` : ''}`);
      close();
    } catch (err) {
      setError(`导入失败，数据未作任何修改：${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const headerMissing = book && choice && choice.headerRow === undefined;
  const requiredUnmapped = choice ? sheet.columns.filter((c) => c.required && choice.mapping[c.key] === undefined) : [];
  return (
    <Modal
      title={`从 Excel 导入：${sheet.title}`}
      open={open}
      width={960}
      okText={result && result.invalid.size ? `只导入正确的 ${valid} 行` : `导入 ${valid} 行`}
      cancelText="取消"
      onOk={() => void write()}
      onCancel={close}
      okButtonProps={{ disabled: !result || valid === 0, loading: busy, ...({ 'data-testid': 'import-confirm' } as Record<string, string>) }}
      cancelButtonProps={{ ...({ 'data-testid': 'import-cancel' } as Record<string, string>) }}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <div>
          选择文件（.xlsx、.xls、.csv、.txt；CSV 可为 UTF-8、UTF-16 或 GBK 编码）：
          <input type="file" accept=".xlsx,.xls,.csv,.txt" onChange={(e) => void onFile(e)} data-testid="import-file" />
        </div>
        {reading && <Alert type="info" showIcon message="正在读取文件…" data-testid="import-reading" />}
        {error && <Alert type="error" showIcon message={error} data-testid="import-error" />}
        {counting && <StudentListPreview sheet={sheet} result={records} sheetRef={ref} onRowByRow={() => (setRowByRow(true), setMode('append'))} />}
        {book && choice && !counting && (
          <Space wrap>
            {book.sheets.length > 1 && (
              <span>
                工作表：
                <Select
                  size="small"
                  style={{ minWidth: 160 }}
                  value={choice.sheetIndex}
                  options={book.sheets.map((s, i) => ({ value: i, label: s.name }))}
                  onChange={(i: number) => setChoice(choiceForSheet(sheet, book, i))}
                  data-testid="import-sheet"
                />
              </span>
            )}
            <span>
              表头在第
              <InputNumber
                size="small"
                min={1}
                max={Math.max(1, Math.min(book.sheets[choice.sheetIndex]!.rows.length, HEADER_SCAN_ROWS * 5))}
                value={choice.headerRow === undefined ? null : choice.headerRow + 1}
                onChange={(v) => typeof v === 'number' && setChoice(choiceForHeader(sheet, book, choice.sheetIndex, v - 1))}
                data-testid="import-header-row"
                style={{ width: 70, margin: '0 4px' }}
              />
              行
            </span>
            {book.encoding && <span className="count">编码：{book.encoding.toUpperCase()}</span>}
          </Space>
        )}
        {headerMissing && !counting && <Alert type="warning" showIcon message={`没有找到表头：前 ${HEADER_SCAN_ROWS} 行里没有一行写着本表的列名。请指定表头所在行，或在下面逐列选择。`} />}
        {book && choice && !counting && (
          <ImportMapping
            columns={sheet.columns}
            mapping={choice.mapping}
            sources={sourceColumns(book, choice)}
            unused={unusedColumns(book, choice)}
            onChange={(mapping) => setChoice({ ...choice, headerRow: choice.headerRow ?? 0, mapping })}
          />
        )}
        {requiredUnmapped.length > 0 && book && !counting && (
          <Alert type="warning" showIcon message={`必填列没有对应的列：${requiredUnmapped.map((c) => c.label).join('、')}——这些行会因必填项未填而不能导入。`} />
        )}
        {result && !counting && <ValueMappingStep key={book?.fileName} choices={result.valueChoices ?? []} onChoose={values.choose} />}
        {result && !counting && <ImportPreview columns={sheet.columns} result={result} />}
        {result && (
          <div data-testid="import-summary">
            共 {result.rows.length} {counting ? '个班' : '行数据'}{result.blankRows && !counting ? `（跳过空行 ${result.blankRows} 行）` : ''}，
            {result.invalid.size ? `其中 ${result.invalid.size} 行有错误、不会导入，` : '都没有错误，'}可导入 {valid} 行。
            {counting && records.summary.uncounted ? `另有 ${records.summary.uncounted} 名学生未能统计（见“问题”）。` : ''}
          </div>
        )}
        {result && (
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as ImportMode)} data-testid="import-mode">
            <Radio value="append">追加到末尾</Radio>
            <Radio value="replace">替换现有数据（删除本表原有各行）</Radio>
          </Radio.Group>
        )}
      </Space>
    </Modal>
  );
}
