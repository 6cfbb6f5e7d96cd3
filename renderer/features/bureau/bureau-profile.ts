// The bureau's set-up: name, 6-digit 行政区划代码 and pack, checked with Chinese messages the
// same way the school's profile is (shared/model/school.ts), so nothing unchecked reaches IndexedDB.
import { z } from 'zod';
import type { BureauProfile } from '../../../shared/consolidate/types';

export const bureauProfileSchema = z
  .object({
    name: z.string().trim().min(4, '请填写教育局名称，如：德阳市罗江区教育局').max(60, '教育局名称不超过 60 个字'),
    regionCode: z.string().regex(/^\d{6}$/, '行政区划代码必须是 6 位数字，如：510626'),
    packId: z.string().min(1, '请选择报表包'),
  })
  .strict();

export type BureauField = keyof BureauProfile;

export const BUREAU_FIELD_LABELS: Record<BureauField, string> = {
  name: '教育局名称',
  regionCode: '行政区划代码',
  packId: '报表包',
};

/** The first message for one field, or undefined when the value is acceptable. */
export function bureauFieldError(field: BureauField, value: unknown): string | undefined {
  const shape = bureauProfileSchema.shape[field];
  const r = shape.safeParse(typeof value === 'string' ? value : value ?? '');
  return r.success ? undefined : r.error.issues[0]?.message;
}

export function toBureauProfile(values: Partial<Record<BureauField, unknown>>):
  { profile?: BureauProfile; errors: Partial<Record<BureauField, string>> } {
  const r = bureauProfileSchema.safeParse({
    name: typeof values.name === 'string' ? values.name.trim() : values.name,
    regionCode: typeof values.regionCode === 'string' ? values.regionCode.trim() : values.regionCode,
    packId: values.packId ?? '',
  });
  if (r.success) return { profile: r.data, errors: {} };
  const errors: Partial<Record<BureauField, string>> = {};
  for (const i of r.error.issues) {
    const f = i.path[0] as BureauField;
    errors[f] ??= i.message;
  }
  return { errors };
}
