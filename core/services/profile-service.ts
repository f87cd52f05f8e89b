import { eq } from 'drizzle-orm';
import type { Profile } from '../../shared/domain/profile';
import type { OutpostDb } from '../db/open-database';
import { profile } from '../db/schema';
import type { Clock } from '../runtime/clock';

export function getProfile(db: OutpostDb): Profile | null {
  const row = db.select().from(profile).where(eq(profile.id, 1)).get();
  return row ? { name: row.name, role: row.role } : null;
}

export function setProfile(db: OutpostDb, clock: Clock, next: Profile): Profile {
  const at = clock.now();
  db.insert(profile)
    .values({ id: 1, name: next.name, role: next.role, createdAt: at, updatedAt: at })
    .onConflictDoUpdate({ target: profile.id, set: { name: next.name, role: next.role, updatedAt: at } })
    .run();
  return next;
}
