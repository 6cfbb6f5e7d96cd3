// The one school of this install: its profile fills 封面, 填报单位 and the export file name.
import { schoolProfileSchema, type SchoolProfile } from '../../../shared/model/school';
import { db, nowIso } from '../../db/db';
import { SCHOOL_ID } from '../../db/records';

export async function getSchool(): Promise<SchoolProfile | undefined> {
  return (await db.school.get(SCHOOL_ID))?.profile;
}

/**
 * Saves the profile after checking it against the shared schema, so a profile that the
 * export or the CLI would reject can never reach the database.
 */
export async function saveSchool(profile: SchoolProfile): Promise<SchoolProfile> {
  const clean = schoolProfileSchema.parse(cleanProfile(profile));
  await db.school.put({ id: SCHOOL_ID, profile: clean, updatedAt: nowIso() });
  return clean;
}

/** 是否普惠性 only means something for a 幼儿园; keep it out of other schools' profiles. */
export function cleanProfile(profile: SchoolProfile): SchoolProfile {
  const { puhui, ...rest } = profile;
  return profile.type === '幼儿园' ? { ...rest, puhui: puhui ?? false } : rest;
}
