// The receipt the bureau gives for every verified upload (and writes back into a USB folder). It is
// the school's only evidence that its file arrived and what the bureau made of it.
import { z } from 'zod';
import { sha256Text } from '../hash/sha256';

export const RECEIPT_VERDICTS = ['已接收', '校验不通过', '认证失败', '版本过旧', '已退回'] as const;
export type ReceiptVerdict = (typeof RECEIPT_VERDICTS)[number];

export const receiptSchema = z.object({
  receiptId: z.string().regex(/^R[0-9a-f]{12}$/),
  schoolCode: z.string().min(1),
  submission: z.string(),
  period: z.string(),
  version: z.number().int().nonnegative(),
  sha256All: z.string(),
  fileName: z.string(),
  receivedAt: z.string(),
  verdict: z.enum(RECEIPT_VERDICTS),
  /** 已退回: the bureau's reason, shown to the school */
  reason: z.string().optional(),
  /** what the bureau's checks found, in Chinese */
  messages: z.array(z.string()),
  /** the receipt of the older version this one replaced */
  supersedes: z.string().optional(),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const RECEIPTS_FORMAT = 'xiaobiao-receipts/1';
export const receiptsFileSchema = z.object({ format: z.literal(RECEIPTS_FORMAT), receipts: z.array(receiptSchema) });
export type ReceiptsFile = z.infer<typeof receiptsFileSchema>;

/** One file of one school is one receipt, however often it is sent: the id is derived, not drawn. */
export const receiptIdOf = (sha256All: string, schoolCode: string): string => 'R' + sha256Text(`${schoolCode}\n${sha256All}`).slice(0, 12);

/** The words a school sees for a receipt (已报送 v n · 已接收 / 已退回：理由). */
export function receiptLabel(r: Receipt): string {
  const head = `已报送 v${r.version} · ${r.verdict}`;
  return r.verdict === '已退回' && r.reason ? `${head}：${r.reason}` : head;
}
