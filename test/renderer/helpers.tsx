// Shared fixtures for renderer tests: the real 罗江 pack, a valid school, a clean database,
// and rendering inside the same antd providers the app uses.
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import type { SchoolProfile } from '../../shared/model/school';
import type { Pack } from '../../shared/pack/schema';
import { db } from '../../renderer/db/db';
import { getPack } from '../../renderer/lib/packs';
import { resetStore } from '../../renderer/state/store';
import { AppProviders } from '../../renderer/app-providers';

export function luojiang(): Pack {
  const pack = getPack('luojiang');
  if (!pack) throw new Error('seed pack luojiang did not load');
  return pack;
}

export const SCHOOL: SchoolProfile = {
  code: '5106260001',
  name: '罗江区实验小学',
  type: '小学',
  sponsor: '公办',
  township: '万安镇',
  urbanRural: '城区',
  head: '王校长',
  statHead: '李主任',
  filler: '张老师',
  phone: '0838-1234567',
  packId: 'luojiang',
};

/** Empties every table of the app's database and resets the UI store. */
export async function resetAll(): Promise<void> {
  if (!db.isOpen()) await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const t of db.tables) await t.clear();
  });
  resetStore();
}

export function renderApp(ui: ReactElement) {
  return render(<AppProviders>{ui}</AppProviders>);
}
