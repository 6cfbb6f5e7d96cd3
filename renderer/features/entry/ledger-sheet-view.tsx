// A ledger (名册/台账) sheet as a spreadsheet-like grid: one record per row, typed straight
// into the database. Rows are virtualised (use-row-virtualizer), keys and ranges work as in
// Excel (use-ledger-grid), every edit is one undo step (use-ledger-edits); docs/grid.md.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent } from 'react';
import { App, Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LedgerSheet, Pack } from '../../../shared/pack/schema';
import type { CellValue } from '../../../shared/model/data';
import type { SchoolProfile } from '../../../shared/model/school';
import type { Finding } from '../../../shared/audit/types';
import { newRowDefaults } from '../../../shared/pack/row-defaults';
import { removedChars } from '../../../shared/model/clean-text';
import { fixedColumnKeys } from '../../../shared/pack/ledger-rows';
import { ensureFixedRows, fixedRowsOutdated } from './fixed-rows-repo';
import { listRows } from './rows-repo';
import { trackSave } from '../../state/store';
import { useCellFocus } from './use-cell-focus';
import type { CellFocus } from '../../state/ui-slice';
import { useLedgerEdits } from './use-ledger-edits';
import { useLedgerGrid } from './use-ledger-grid';
import { scrollParent, useRowVirtualizer } from './use-row-virtualizer';
import { frozenColumn } from './frozen-column';
import { ledgerProblems } from './ledger-problems';
import { isBlockPaste, parseClipboard, toBlock } from './paste';
import { LedgerBody } from './ledger-body';
import { CopyForwardEntry } from '../workspace/copy-forward-entry';
import { columnWidthPx, gridWidthPx, LedgerHead, LedgerTotals, SEQ_WIDTH } from './ledger-head';
import './ledger.css';
import { SheetNotes } from './sheet-notes';
import { ImportButton } from '../import/import-button';
import { LedgerSortButton } from './ledger-sort-button';
import { usePasteCheck } from '../import/use-paste-check';


export interface LedgerSheetViewProps {
  pack: Pack;
  school: SchoolProfile;
  submission: string;
  period: string;
  /** shown under the title, e.g. "2025-2026 学年" */
  periodText: string;
  sheet: LedgerSheet;
  findings?: readonly Finding[];
  /** set when the list is one block of a worksheet of several lists: a block heading replaces the
   * sheet title and 填报单位 line, which the worksheet shows once */
  blockTitle?: string;
  /** the period is 已审核: cells read-only (still focusable, to copy from), no row buttons, paste refused */
  locked?: boolean;
}

/** Values a new row starts with (shared/pack/row-defaults.ts): 学段 of a 小学. */
export { newRowDefaults };

export function LedgerSheetView({ pack, school, submission, period, periodText, sheet, findings = [], blockTitle, locked }: LedgerSheetViewProps) {
  const ref = useMemo(() => ({ submission, period, sheetId: sheet.id }), [submission, period, sheet.id]);
  const { message } = App.useApp();
  const rows = useLiveQuery(() => listRows(ref), [ref]);
  const [focusRowId, setFocusRowId] = useState<string>();
  const columns = sheet.columns;
  // a list the pack fixes (食品安全自查表): its rows are written at the first showing, its fixed
  // columns are read-only, and rows are neither added, inserted nor deleted
  const fixedKeys = useMemo(() => (sheet.fixedRows ? fixedColumnKeys(sheet) : undefined), [sheet]);
  useEffect(() => {
    if (rows && sheet.fixedRows && fixedRowsOutdated(sheet, rows)) void trackSave(ensureFixedRows(ref, sheet));
  }, [rows, sheet, ref]);
  // totals help only where the list feeds statistics (班级名册 → 基表), not in a 留样 log
  const feedsStats = useMemo(
    () => Object.values(pack.sheets).some((s) => s.kind === 'stat' && s.source?.sheet === sheet.id),
    [pack, sheet.id],
  );
  const problems = useMemo(() => {
    // a fixed row the school has not touched counts as blank: no red 必填 boxes before it starts
    const own = fixedKeys
      ? (rows ?? []).map((r) => ({ id: r.id, values: Object.fromEntries(Object.entries(r.values).filter(([k]) => !fixedKeys.has(k))) }))
      : (rows ?? []);
    return ledgerProblems(findings, sheet.id, own);
  }, [findings, sheet.id, rows, fixedKeys]);

  const defaults = useCallback(() => newRowDefaults(pack, school.type, columns), [pack, school.type, columns]);
  const colLabel = useCallback((key: string) => columns.find((c) => c.key === key)?.label ?? key, [columns]);
  const edits = useLedgerEdits(ref, rows, locked, defaults, colLabel);
  const { onCommit: commit, addOrInsert, deleteRows, pasteBlock } = edits;
  // typed (or pasted into one cell) text is cleaned by parseInput; the user is told what went
  const onCommit = useCallback(
    (rowId: string, colKey: string, value: CellValue, removed?: string) => {
      // one notice however many keystrokes carry the same text (key: the notice is replaced)
      if (removed) void message.warning({ key: 'xb-cleaned', content: `已删除无法保存到 Excel 文件的字符：${removed}` });
      commit(rowId, colKey, value);
    },
    [commit, message],
  );
  const { check: checkPaste, dialog: pasteDialog } = usePasteCheck({ pack, school, submission, period, sheet, rows, defaults });
  const onAdd = useCallback(async () => {
    const id = await addOrInsert();
    if (id) setFocusRowId(id);
  }, [addOrInsert]);
  const onInsert = useCallback(
    async (beforeId: string) => {
      const id = await addOrInsert(beforeId);
      if (id) setFocusRowId(id);
    },
    [addOrInsert],
  );
  const onDelete = useCallback((rowId: string) => void deleteRows([rowId]), [deleteRows]);
  const tableRef = useRef<HTMLTableElement>(null);
  const frozen = frozenColumn(columns);
  // a cell reached by the keyboard scrolls clear of the frozen columns, not under them
  useLayoutEffect(() => {
    const table = tableRef.current;
    if (!table) return;
    const pane = scrollParent(table);
    pane.style.scrollPaddingLeft = `${SEQ_WIDTH + columnWidthPx(columns[frozen]!)}px`;
    return () => void (pane.style.scrollPaddingLeft = '');
  }, [columns, frozen]);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const virtualizer = useRowVirtualizer(bodyRef, rows?.length ?? 0);
  const grid = useLedgerGrid({ sheetId: sheet.id, columns, fixedKeys, rows: rows ?? [], locked, virtualizer, edits, onInserted: setFocusRowId, tableRef });
  const { focusCell } = grid;

  // a block copied from Excel/WPS lands from the focused cell rightwards and downwards,
  // adding rows as needed; a single value pastes natively into the one input. The block is
  // written by pasteBlock (one transaction, one undo step).
  const onPaste = useCallback(
    async (e: ClipboardEvent<HTMLTableElement>) => {
      const target = e.target as HTMLElement;
      const text = e.clipboardData.getData('text/plain');
      const startCol = columns.findIndex((c) => c.key === target.dataset.col);
      if (locked) {
        e.preventDefault();
        message.warning('本期已审核通过，数据已锁定，不能粘贴。如需修改，请先在“审核”中取消审核。');
        return;
      }
      if (startCol < 0 || target.dataset.row === undefined || !isBlockPaste(text)) return;
      e.preventDefault();
      const removed = removedChars(text);
      if (removed) void message.warning({ key: 'xb-cleaned', content: `粘贴的内容中有无法保存到 Excel 文件的字符，已删除：${removed}` });
      let block = toBlock(parseClipboard(text), columns, startCol);
      // a fixed-row list does not grow, and its fixed text is the pack's
      if (fixedKeys)
        block = block
          .slice(0, Math.max(0, (sheet.fixedRows?.length ?? 0) - Number(target.dataset.row)))
          .map((values) => Object.fromEntries(Object.entries(values).filter(([k]) => !fixedKeys.has(k))));
      // validated whole first (use-paste-check): bad cells → a dialog, good rows only or nothing
      const checked = await checkPaste(Number(target.dataset.row), block);
      if (!checked) return;
      // the rows the block was checked against, by id: another window may reorder the list meanwhile
      const start = Number(target.dataset.row);
      const targets = (rows ?? []).slice(start, start + checked.length).map((r) => r.id);
      const added = await pasteBlock(targets, checked);
      if (added !== undefined) message.success(`已粘贴 ${checked.filter((v) => Object.keys(v).length).length} 行${added ? `，其中新增 ${added} 行` : ''}`);
    },
    [columns, pasteBlock, message, fixedKeys, sheet.fixedRows, locked, checkPaste, rows],
  );

  // a new row gets the cursor in its first empty cell, ready for typing
  useEffect(() => {
    if (!focusRowId || !rows) return;
    const index = rows.findIndex((r) => r.id === focusRowId);
    if (index < 0) return;
    const row = rows[index]!;
    const col = columns.find((c) => row.values[c.key] === undefined && !fixedKeys?.has(c.key)) ?? columns[0]!;
    focusCell(index, columns.indexOf(col));
    setFocusRowId(undefined);
  }, [focusRowId, rows, columns, fixedKeys, focusCell]);

  useCellFocus(
    sheet.id,
    rows !== undefined,
    useCallback((f) => {
      const index = f.rowIndex ?? 0;
      return f.colKey ? `cell-${sheet.id}-${index}-${f.colKey}` : `cell-${sheet.id}-${index}-${columns[0]!.key}`;
    }, [sheet.id, columns]),
    // a far row of a long list is not rendered until scrolled to
    useCallback((f: CellFocus) => virtualizer.scrollToIndex(f.rowIndex ?? 0, { align: 'center' }), [virtualizer]),
  );

  // the virtualiser re-renders this view at every scroll frame: the toolbar (antd buttons, the
  // import and sort entries) is rebuilt only when what it shows changes
  const toolbar = useMemo(
    () => (
      <div className="ledger-toolbar">
        {!fixedKeys && !locked && (
          <Button type="primary" icon={<PlusOutlined />} onClick={onAdd} data-testid={blockTitle ? `ledger-add-row-${sheet.id}` : 'ledger-add-row'}>
            新增一行
          </Button>
        )}
        {!fixedKeys && !locked && rows && <LedgerSortButton sheetId={sheet.id} columns={columns} rows={rows} moveRows={edits.moveRows} />}
        {!fixedKeys && !locked && <ImportButton pack={pack} school={school} submission={submission} period={period} sheet={sheet} defaults={defaults} />}
        {!locked && !blockTitle && <CopyForwardEntry pack={pack} schoolType={school.type} submission={submission} period={period} />}
        <span className="count">{rows ? `共 ${rows.length} 行` : '读取中…'}</span>
        <span className="count">
          {locked
            ? '本期已审核通过，只能查看和复制。'
            : '方向键、回车、Tab 移动；Shift+方向键选区，Ctrl+C 复制，Ctrl+D 向下填充，Delete 清除，Ctrl+Z 撤销；可从 Excel 粘贴；改动自动保存。'}
        </span>
      </div>
    ),
    [fixedKeys, locked, blockTitle, onAdd, rows, sheet, columns, edits.moveRows, pack, school, submission, period, defaults],
  );

  return (
    <div className="ledger-view">
      {blockTitle ? (
        <h3 className="block-title">{blockTitle}</h3>
      ) : (
        <>
          <h2 className="sheet-title">{sheet.title}</h2>
          <div className="sheet-subline">
            <span>填报单位：{school.name}</span>
            <span>期间：{periodText}</span>
          </div>
        </>
      )}
      {toolbar}
      <table
        className="grid ledger-grid"
        style={{ width: gridWidthPx(columns) }}
        // 序号 and this column (1-based among the row's cells) stay in view sideways (ledger.css)
        data-frozen={frozen + 3}
        data-testid={`ledger-${sheet.id}`}
        ref={tableRef}
        // holds the focus while Enter/↓ adds a row (use-ledger-grid), never reached by Tab
        tabIndex={-1}
        onPaste={onPaste}
        {...grid.handlers}
      >
        <LedgerHead columns={columns} />
        <LedgerBody
          bodyRef={bodyRef}
          virtualizer={virtualizer}
          pack={pack}
          schoolType={school.type}
          sheetId={sheet.id}
          columns={columns}
          rows={rows ?? []}
          problems={problems}
          fixedKeys={fixedKeys}
          locked={locked}
          sel={grid.sel}
          onCommit={onCommit}
          onInsert={onInsert}
          onDelete={onDelete}
        />
        {feedsStats && rows && rows.length > 0 && <LedgerTotals columns={columns} rows={rows} />}
      </table>
      {rows && rows.length === 0 && <div className="ledger-empty">{locked ? '没有数据。' : '还没有数据。点击“新增一行”开始填写。'}</div>}
      {pasteDialog}
      <SheetNotes notes={sheet.notes} />
    </div>
  );
}
