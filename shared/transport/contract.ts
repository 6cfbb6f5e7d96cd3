// The wire contract between a school (client.ts, the app's queue) and the bureau's receiver
// (server.ts): routes, headers, the signed Authorization-like header, error bodies, send outcomes,
// and the USB folder's manifest. Pure: no fs, no network.
import { z } from 'zod';
import { receiptSchema, type Receipt } from './receipt';
import { MAX_REPORT_BYTES } from '../xlsx/read';

export const REPORTS_PATH = '/v1/reports';
export const RECEIPTS_PATH = '/v1/receipts';
export const SCHOOL_HEADER = 'x-xiaobiao-school';
export const AUTH_HEADER = 'x-xiaobiao-auth';
/** the body cap: the same limit as any workbook the bureau reads */
export const MAX_BODY_BYTES = MAX_REPORT_BYTES;
/** school PCs' clocks drift; a signature is accepted within ±24 h of the receiver's clock */
export const TS_WINDOW_MS = 24 * 60 * 60 * 1000;
/** per-school token bucket: burst and refill (posts per minute) */
export const RATE_BURST = 10;
export const RATE_PER_MINUTE = 10;
/** SHA-256 of the empty body, signed by GET */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface AuthHeader {
  keyId: string;
  ts: string;
  sig: string;
}

export const formatAuthHeader = (a: AuthHeader) => `keyId=${a.keyId},ts=${a.ts},sig=${a.sig}`;

/** `keyId=…,ts=…,sig=…` → parts; anything else → undefined. */
export function parseAuthHeader(value: string | undefined): AuthHeader | undefined {
  if (!value || value.length > 300) return undefined;
  const parts = new Map(value.split(',').map((p) => {
    const i = p.indexOf('=');
    return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
  }));
  const keyId = parts.get('keyId') ?? '';
  const ts = parts.get('ts') ?? '';
  const sig = parts.get('sig') ?? '';
  if (!/^[0-9a-f]{16}$/.test(keyId) || !/^[0-9a-f]{64}$/.test(sig) || Number.isNaN(Date.parse(ts))) return undefined;
  return { keyId, ts, sig };
}

/** Every non-200 reply: a short code and a Chinese message for the clerk. */
export const errorBodySchema = z.object({ error: z.string(), message: z.string() });
export type ErrorBody = z.infer<typeof errorBodySchema>;
export const receiptsReplySchema = z.object({ receipts: z.array(receiptSchema) });

/**
 * The outcome of one send. `network`: nothing reached a verdict (offline, timeout, reset) — retry
 * later, it is idempotent. `refused`: 413/400 — resending the same bytes will not help. `auth`: 401,
 * the 报送码 is wrong or was re-issued. `server`: 429 or 5xx — retry later.
 */
export type SendResult =
  | { ok: true; receipt: Receipt }
  | { ok: false; kind: 'network' | 'refused' | 'auth' | 'server'; message: string; status?: number };

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: Uint8Array<ArrayBuffer>; signal?: AbortSignal }) => Promise<{
  status: number;
  text(): Promise<string>;
}>;

/** The USB / shared folder: `<folder>/校表通报送/<schoolCode>-<submission>-<period>-v<n>.xlsx` + this. */
export const FOLDER_DIR = '校表通报送';
export const FOLDER_RECEIPTS_DIR = '回执';
export const MANIFEST_FORMAT = 'xiaobiao-send/1';
export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  schoolCode: z.string().min(1),
  schoolName: z.string(),
  submission: z.string(),
  period: z.string(),
  version: z.number().int().nonnegative(),
  sha256All: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string(),
  bytes: z.number().int().nonnegative(),
  writtenAt: z.string(),
});
export type SendManifest = z.infer<typeof manifestSchema>;
export const folderFileName = (m: Pick<SendManifest, 'schoolCode' | 'submission' | 'period' | 'version'>) =>
  `${m.schoolCode}-${m.submission}-${m.period}-v${m.version}.xlsx`;
