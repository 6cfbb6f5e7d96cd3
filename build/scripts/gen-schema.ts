// Writes docs/school-data.schema.json from the zod schema, so the documented format is the one
// the app and the CLI validate against. A unit test fails when the two drift apart.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../shared/cli/seeds';
import { schoolDataJsonSchema } from '../../shared/model/json-schema';

const path = join(REPO_ROOT, 'docs', 'school-data.schema.json');
writeFileSync(path, JSON.stringify(schoolDataJsonSchema(), null, 2) + '\n');
console.log(path);
