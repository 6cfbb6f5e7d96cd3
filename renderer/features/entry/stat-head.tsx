// The header block of a 基表: two header rows when some columns share a group (merged upper
// cell), else one; then the column-number row 甲 乙 1 2 3 … as printed on the bureau's form.
import type { StatColumn, StatSheet } from '../../../shared/pack/schema';
import { columnNumbers } from '../../../shared/pack/stat-cells';

interface Run {
  group?: string;
  cols: StatColumn[];
}

/** Adjacent columns with the same group form one run under a merged header cell. */
export function headerRuns(columns: readonly StatColumn[]): Run[] {
  const runs: Run[] = [];
  for (const col of columns) {
    const last = runs[runs.length - 1];
    if (col.group && last?.group === col.group) last.cols.push(col);
    else runs.push({ group: col.group, cols: [col] });
  }
  return runs;
}

export const LABEL_WIDTH = 200;
export const CODE_WIDTH = 48;
export const DATA_WIDTH = 72;

export function StatHead({ sheet }: { sheet: StatSheet }) {
  const runs = headerRuns(sheet.columns);
  const twoLevel = runs.some((r) => r.group);
  const span = twoLevel ? 2 : 1;
  return (
    <>
      <colgroup>
        <col style={{ width: LABEL_WIDTH }} />
        <col style={{ width: CODE_WIDTH }} />
        {sheet.columns.map((c) => (
          <col key={c.key} style={{ width: DATA_WIDTH }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th rowSpan={span} className="sticky-col first">
            指标名称
          </th>
          <th rowSpan={span} className="sticky-col second">
            代码
          </th>
          {runs.map((run) =>
            run.group ? (
              <th key={`g-${run.cols[0]!.key}`} colSpan={run.cols.length}>
                {run.group}
              </th>
            ) : (
              <th key={run.cols[0]!.key} rowSpan={span}>
                {run.cols[0]!.label}
              </th>
            ),
          )}
        </tr>
        {twoLevel && (
          <tr>
            {runs
              .filter((r) => r.group)
              .flatMap((r) => r.cols)
              .map((c) => (
                <th key={c.key}>{c.label}</th>
              ))}
          </tr>
        )}
      </thead>
    </>
  );
}

export function ColumnNumberRow({ sheet }: { sheet: StatSheet }) {
  return (
    <tr className="col-numbers">
      {columnNumbers(sheet).map((n, i) => (
        <td key={n} className={i === 0 ? 'label sticky-col' : i === 1 ? 'code sticky-col' : undefined}>
          {n}
        </td>
      ))}
    </tr>
  );
}
