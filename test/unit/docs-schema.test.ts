// docs/school-data.schema.json must be the schema the code validates with (npm run docs:schema).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../shared/cli/seeds';
import { schoolDataJsonSchema } from '../../shared/model/json-schema';
import { demoSchool } from '../../shared/demo/demo-school';
import { seedPacks } from '../../shared/cli/seeds';
import { schoolDataSchema } from '../../shared/model/data';

describe('school data format', () => {
  it('the documented JSON Schema is up to date', () => {
    const committed = JSON.parse(readFileSync(join(REPO_ROOT, 'docs', 'school-data.schema.json'), 'utf8'));
    expect(committed).toEqual(schoolDataJsonSchema());
  });

  it('a demo school is a valid data file; a wrong type is refused with its path', () => {
    const demo = demoSchool({ pack: seedPacks().get('luojiang')!, type: '九年一贯制学校', today: '2026-03-10' });
    expect(schoolDataSchema.safeParse(JSON.parse(JSON.stringify(demo))).success).toBe(true);
    const bad = JSON.parse(JSON.stringify(demo));
    bad.periods[0].sheets.classList.rows[2].students = { n: 1 };
    const r = schoolDataSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['periods', 0, 'sheets', 'classList', 'rows', 2, 'students']);
  });
});
