// JSON Schema of the school-data file (`xiaobiao-data/1`), generated from the zod schema.
import { z } from 'zod';
import { schoolDataSchema } from './data';

export function schoolDataJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://xiaobiao.cn/schema/xiaobiao-data-1.json',
    title: '校表通学校数据文件 (xiaobiao-data/1)',
    ...z.toJSONSchema(schoolDataSchema, { io: 'input' }),
  };
}
