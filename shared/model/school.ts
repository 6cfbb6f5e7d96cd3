// The school profile entered at first run; it fills 封面, 填报单位 and the file name.
import { z } from 'zod';

export const SPONSORS = ['公办', '民办'] as const;
export const URBAN_RURAL = ['城区', '镇区', '乡村'] as const;

export const schoolProfileSchema = z
  .object({
    code: z.string().regex(/^\d{10}$/, '学校标识码必须是 10 位数字'),
    name: z.string().trim().min(2, '请填写学校名称').max(60),
    type: z.string().min(1, '请选择办学类型'),
    sponsor: z.enum(SPONSORS, { message: '请选择举办者' }),
    puhui: z.boolean().optional(),
    township: z.string().trim().min(1, '请填写所在乡镇（街道）').max(40),
    urbanRural: z.enum(URBAN_RURAL, { message: '请选择城乡分类' }),
    head: z.string().trim().min(1, '请填写单位负责人').max(20),
    statHead: z.string().trim().min(1, '请填写统计负责人').max(20),
    filler: z.string().trim().min(1, '请填写填表人').max(20),
    phone: z.string().trim().regex(/^[0-9+\-() ]{7,20}$/, '联系电话只能包含数字和 - + ( )，7–20 位'),
    packId: z.string().min(1, '请选择报表包'),
  })
  .strict();

export type SchoolProfile = z.infer<typeof schoolProfileSchema>;
