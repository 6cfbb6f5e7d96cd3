// What the save indicator says when a write fails. A full disk (or a browser's storage quota)
// is the one failure the user can fix, so it gets its own message instead of the raw error.

/** Dexie wraps the browser's error (`inner`), the browser may wrap its own (`cause`): look through both. */
export function isQuotaError(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 5) return false;
  const { name, message, inner, cause } = e as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown };
  if (name === 'QuotaExceededError' || name === 'QuotaExceeded') return true;
  if (typeof message === 'string' && /QuotaExceeded|quota (has been )?exceeded/i.test(message)) return true;
  return isQuotaError(inner, depth + 1) || isQuotaError(cause, depth + 1);
}

export const QUOTA_MESSAGE = '存储空间已满，这次修改没有保存。请清理磁盘空间（网页版：浏览器的其他网站数据）后再改一次';

export function saveErrorMessage(e: unknown): string {
  if (isQuotaError(e)) return QUOTA_MESSAGE;
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}
