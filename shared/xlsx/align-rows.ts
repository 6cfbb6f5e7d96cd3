// Pairs the rows of two versions of a list for the restore preview, so that one row inserted in
// the middle of a 名册 shows as one row added — not as every row below it changed. Identical rows
// are matched first (longest common subsequence); between two matches the remaining rows pair up
// in order (a row edited in place) and what is left over was added or removed.

/** [index in `a` | undefined, index in `b` | undefined], in list order. */
export type RowPair = [number | undefined, number | undefined];

/** Beyond this many cells the LCS table costs too much memory: rows then pair by position. */
const MAX_TABLE = 4_000_000;

function lcs(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  if (!n || !m || (n + 1) * (m + 1) > MAX_TABLE) return [];
  const w = m + 1;
  const t = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      t[i * w + j] = a[i] === b[j] ? t[(i + 1) * w + j + 1]! + 1 : Math.max(t[(i + 1) * w + j]!, t[i * w + j + 1]!);
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) out.push([i++, j++]);
    else if (t[(i + 1) * w + j]! >= t[i * w + j + 1]!) i++;
    else j++;
  }
  return out;
}

/** `a` and `b` are the rows' contents as comparable strings. */
export function alignRows(a: readonly string[], b: readonly string[]): RowPair[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const midA = a.slice(start, a.length - end);
  const midB = b.slice(start, b.length - end);
  const matches = lcs(midA, midB).map(([i, j]): [number, number] => [i + start, j + start]);
  const out: RowPair[] = [];
  for (let k = 0; k < start; k++) out.push([k, k]);
  let i = start;
  let j = start;
  // the end sentinel closes the last gap before the common suffix
  for (const [mi, mj] of [...matches, [a.length - end, b.length - end] as [number, number]]) {
    while (i < mi && j < mj) out.push([i++, j++]);
    while (i < mi) out.push([i++, undefined]);
    while (j < mj) out.push([undefined, j++]);
    if (mi < a.length - end) out.push([i++, j++]);
  }
  for (let k = 0; k < end; k++) out.push([a.length - end + k, b.length - end + k]);
  return out;
}
