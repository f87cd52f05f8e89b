import type Database from 'better-sqlite3';
import type { OutpostDb } from '../db/open-database';
import { activity } from '../db/schema';
import type { Clock } from '../runtime/clock';
import type { SecretStore } from '../secrets/secret-store';

/** What every service gets: the database, the clock and who is acting. */
export interface ServiceContext {
  db: OutpostDb;
  sqlite: Database.Database;
  clock: Clock;
  newId(): string;
  /** Device secrets; never put them in a result, a log or the activity log. */
  secrets: SecretStore;
  /** The acting person's name; throws no_profile when no local profile exists yet. */
  actor(): string;
}

export interface ActivityEntry {
  action: string;
  entity: string;
  entityId: string;
  siteId?: string | null;
  detail?: Record<string, unknown>;
}

/** Appends to the activity log: who did what, when. Call inside the change's transaction. */
export function recordActivity(ctx: ServiceContext, entry: ActivityEntry, at = ctx.clock.now()): void {
  ctx.db
    .insert(activity)
    .values({
      at,
      actor: ctx.actor(),
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      siteId: entry.siteId ?? null,
      detail: entry.detail ?? {},
    })
    .run();
}

/** Audit columns for a new row. */
export function created(ctx: ServiceContext, at = ctx.clock.now()) {
  const who = ctx.actor();
  return { createdAt: at, createdBy: who, updatedAt: at, updatedBy: who };
}

/** Audit columns for a changed row. */
export function updated(ctx: ServiceContext, at = ctx.clock.now()) {
  return { updatedAt: at, updatedBy: ctx.actor() };
}
