// The 对应 answers a school gave at an import (一级教师 → 中级 where no synonym knew it), remembered
// for its next import of the same list. One record in the `school` table beside the profile, under
// its own id, so no new Dexie version is needed and the profile's readers never see it. It is this
// install's memory of other systems' wordings, not school data: backups and the data file do not
// carry it, and replacing the whole database (restore, demo) forgets it with the school.
import { z } from 'zod';
import { valueMapSchema, type ValueMap } from '../../../shared/import/value-map';
import { db, nowIso } from '../../db/db';

export const VALUE_MAPS_ID = 'valueMaps';

const recordSchema = z.object({ id: z.literal(VALUE_MAPS_ID), maps: z.record(z.string(), valueMapSchema), updatedAt: z.string() });
type ValueMapsRecord = z.infer<typeof recordSchema>;

// the school table is typed for the profile record; this record shares the table, not the type
const table = () => db.table<ValueMapsRecord, string>('school');

/** The answers remembered for a list; {} when none (or when the stored record is not readable). */
export async function rememberedValueMap(sheetId: string): Promise<ValueMap> {
  const parsed = recordSchema.safeParse(await table().get(VALUE_MAPS_ID));
  return parsed.success ? (parsed.data.maps[sheetId] ?? {}) : {};
}

/** Keeps the answers of this import for the list (replacing what was remembered for it). */
export async function rememberValueMap(sheetId: string, map: ValueMap): Promise<void> {
  await db.transaction('rw', db.school, async () => {
    const parsed = recordSchema.safeParse(await table().get(VALUE_MAPS_ID));
    const maps = { ...(parsed.success ? parsed.data.maps : {}), [sheetId]: map };
    if (!Object.keys(map).length) delete maps[sheetId];
    await table().put({ id: VALUE_MAPS_ID, maps, updatedAt: nowIso() });
  });
}
