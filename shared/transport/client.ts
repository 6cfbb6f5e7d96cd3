// The school's side of the wire, pure: fetch, the MAC provider and the clock are injected, so the
// CLI, Electron main and the tests use the same code. Every attempt is idempotent at the receiver
// (one file, one receipt), so a caller may retry whatever happened.
import { AUTH_HEADER, EMPTY_SHA256, errorBodySchema, formatAuthHeader, RECEIPTS_PATH, receiptsReplySchema, REPORTS_PATH, SCHOOL_HEADER, type FetchLike, type SendResult } from './contract';
import { keyIdOf, requestSig, type MacProvider } from './mac';
import { receiptSchema, type Receipt } from './receipt';
import { toHex } from './bytes';

export interface ClientOptions {
  /** the bureau's address, e.g. http://192.168.1.10:8765 */
  url: string;
  schoolCode: string;
  key: Uint8Array;
  fetch: FetchLike;
  mac: MacProvider;
  now?: () => Date;
  /** give up an attempt after this long (a slow or stuck receiver is a network failure) */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

/** `http://host:port[/…]` + route; an address that is not http(s) is refused before any attempt. */
export function endpoint(base: string, path: string): string | undefined {
  let u: URL;
  try {
    u = new URL(base);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  const prefix = u.pathname.replace(/\/+$/, '').replace(/\/v1\/(reports|receipts)$/, '');
  return `${u.origin}${prefix}${path}`;
}

async function authHeaders(o: ClientOptions, method: string, path: string, bodySha: string): Promise<Record<string, string>> {
  const ts = (o.now?.() ?? new Date()).toISOString();
  const sig = await requestSig(o.mac, o.key, method, path, ts, bodySha);
  return { [SCHOOL_HEADER]: o.schoolCode, [AUTH_HEADER]: formatAuthHeader({ keyId: await keyIdOf(o.mac, o.key), ts, sig }) };
}

type Reply = { status: number; text: string };

async function call(o: ClientOptions, method: string, path: string, headers: Record<string, string>, body?: Uint8Array): Promise<Reply | SendResult> {
  const url = endpoint(o.url, path);
  if (!url) return { ok: false, kind: 'refused', message: `区教育局地址“${o.url}”无效，应如 http://192.168.1.10:8765` };
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), o.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const res = await o.fetch(url, { method, headers, ...(body ? { body: new Uint8Array(body) } : {}), signal: ctl.signal });
    return { status: res.status, text: await res.text() };
  } catch (e) {
    const why = ctl.signal.aborted ? `${Math.round((o.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} 秒内没有回应` : e instanceof Error ? e.message : String(e);
    return { ok: false, kind: 'network', message: `无法连接区教育局（${url}）：${why}；稍后自动重试` };
  } finally {
    clearTimeout(timer);
  }
}

function failure(r: Reply): SendResult {
  let message = `区教育局返回了无法识别的回复（HTTP ${r.status}）`;
  try {
    const b = errorBodySchema.safeParse(JSON.parse(r.text));
    if (b.success) message = b.data.message;
  } catch {
    // not JSON: the generic message stands
  }
  const kind = r.status === 401 ? 'auth' : r.status === 400 || r.status === 413 ? 'refused' : 'server';
  return { ok: false, kind, message, status: r.status };
}

const isReply = (x: Reply | SendResult): x is Reply => 'status' in x && 'text' in x;

/** POSTs one workbook; 200 → the receipt (whatever its verdict), anything else → why. */
export async function sendReport(o: ClientOptions & { bytes: Uint8Array }): Promise<SendResult> {
  const bodySha = toHex(await o.mac.sha256(o.bytes));
  const headers = { ...(await authHeaders(o, 'POST', REPORTS_PATH, bodySha)), 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  const r = await call(o, 'POST', REPORTS_PATH, headers, o.bytes);
  if (!isReply(r)) return r;
  if (r.status !== 200) return failure(r);
  try {
    const receipt = receiptSchema.safeParse(JSON.parse(r.text));
    if (receipt.success) return { ok: true, receipt: receipt.data };
  } catch {
    // fall through
  }
  return { ok: false, kind: 'server', message: '区教育局的回执格式不对，稍后重试', status: r.status };
}

export type ReceiptsResult = { ok: true; receipts: Receipt[] } | Extract<SendResult, { ok: false }>;

/** The school's own receipts (退回 and their reasons arrive this way). */
export async function fetchReceipts(o: ClientOptions): Promise<ReceiptsResult> {
  const r = await call(o, 'GET', RECEIPTS_PATH, await authHeaders(o, 'GET', RECEIPTS_PATH, EMPTY_SHA256));
  if (!isReply(r)) return r as ReceiptsResult;
  if (r.status !== 200) return failure(r) as ReceiptsResult;
  try {
    const body = receiptsReplySchema.safeParse(JSON.parse(r.text));
    if (body.success) return { ok: true, receipts: body.data.receipts };
  } catch {
    // fall through
  }
  return { ok: false, kind: 'server', message: '区教育局的回执列表格式不对，稍后重试', status: r.status };
}

export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_CAP_MS = 30 * 60_000;

/** Delay before attempt n + 1 after n failures: 30 s × 2^n capped at 30 min, times a jitter in
 * [0.5, 1) so 100 schools back online at once do not retry in step. */
export function nextAttempt(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, Math.min(attempts, 20)));
  return Math.round(base * (0.5 + 0.5 * Math.min(Math.max(random(), 0), 1)));
}
