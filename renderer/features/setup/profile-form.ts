// Between the setup form's fields and the shared SchoolProfile schema: the schema is the one
// source of truth for what a valid profile is; this file only puts its verdicts in Chinese
// next to the right field.
import { cleanText, removedChars } from '../../../shared/model/clean-text';
import type { z } from 'zod';
import { schoolProfileSchema, type SchoolProfile } from '../../../shared/model/school';
import { toHalfWidth } from '../../../shared/model/values';

/** What the form holds: like a profile, but 是否普惠 as a select value and nothing yet required. */
export type ProfileFormValues = Partial<Omit<SchoolProfile, 'puhui'>> & { puhui?: 'yes' | 'no' };

export type ProfileField = keyof SchoolProfile;

export const FIELD_LABELS: Record<ProfileField, string> = {
  name: '学校名称',
  code: '学校标识码',
  type: '办学类型',
  sponsor: '举办者',
  puhui: '是否普惠性幼儿园',
  township: '所在乡镇（街道）',
  urbanRural: '城乡分类',
  head: '单位负责人',
  statHead: '统计负责人',
  filler: '填表人',
  phone: '联系电话',
  packId: '报表包',
};

const SELECTS = new Set<ProfileField>(['type', 'sponsor', 'puhui', 'urbanRural', 'packId']);
const HAS_CJK = /[\u4e00-\u9fff]/;

/** The schema's own Chinese message when it has one; otherwise a Chinese one by issue kind. */
export function issueMessage(issue: z.core.$ZodIssue, field: ProfileField): string {
  if (HAS_CJK.test(issue.message)) return issue.message;
  const label = FIELD_LABELS[field];
  switch (issue.code) {
    case 'too_big':
      return `${label}最多 ${String(issue.maximum)} 个字`;
    case 'invalid_type':
    case 'too_small':
      return SELECTS.has(field) ? `请选择${label}` : `请填写${label}`;
    default:
      return `${label}格式不正确`;
  }
}

/** Validates one field alone (for messages while typing); undefined when it is fine. */
export function fieldError(field: ProfileField, value: unknown): string | undefined {
  const r = schoolProfileSchema.shape[field].safeParse(value);
  return r.success ? undefined : issueMessage(r.error.issues[0]!, field);
}

/**
 * A pasted field without what an .xlsx cannot carry (clean-text.ts), on one line: a school name
 * or a phone number copied from another system can bring control characters or line breaks.
 */
function cleanField(v: unknown): unknown {
  return typeof v === 'string' ? cleanText(v).replace(/\s*[\n\t]\s*/g, ' ') : v;
}

/** What cleaning removed from the form's text, as a short phrase for the user; undefined when nothing. */
export function removedFromProfile(values: ProfileFormValues): string | undefined {
  const found = Object.entries(values).flatMap(([k, v]) => {
    const what = typeof v === 'string' ? removedChars(v) : undefined;
    return what ? [`${FIELD_LABELS[k as ProfileField] ?? k}：${what}`] : [];
  });
  return found.length ? found.join('；') : undefined;
}

/** Form values → a profile (text cleaned), or the errors per field as the schema sees them. */
export function toProfile(values: ProfileFormValues): { profile?: SchoolProfile; errors: Partial<Record<ProfileField, string>> } {
  const { puhui, ...raw } = values;
  const rest = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, cleanField(v)]));
  const candidate = {
    ...rest,
    ...(values.type === '幼儿园' ? { puhui: puhui === 'yes' } : {}),
  };
  const r = schoolProfileSchema.safeParse(candidate);
  const errors: Partial<Record<ProfileField, string>> = {};
  for (const issue of r.success ? [] : r.error.issues) {
    const field = issue.path[0] as ProfileField | undefined;
    if (field && field in FIELD_LABELS && !errors[field]) errors[field] = issueMessage(issue, field);
  }
  // 幼儿园 must say whether it is 普惠性: the schema leaves it optional, the cover needs it
  if (values.type === '幼儿园' && !puhui) errors.puhui = '请选择是否普惠性幼儿园';
  return r.success && !errors.puhui ? { profile: r.data, errors } : { errors };
}

export function toFormValues(profile?: SchoolProfile): ProfileFormValues {
  if (!profile) return {};
  const { puhui, ...rest } = profile;
  return { ...rest, puhui: puhui === undefined ? undefined : puhui ? 'yes' : 'no' };
}

/** Full-width digits from a Chinese IME → ASCII; spaces dropped (a code is typed in groups). */
export function normalizeCode(value: string | undefined): string {
  return toHalfWidth(value ?? '').replace(/\s+/g, '');
}
