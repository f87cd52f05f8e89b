import Database from 'better-sqlite3';
import { openTestCore, type TestCore } from '../support/temp-core';

/** A core whose local profile is a release manager, with one empty draft deployment. */
export function openAuthoringCore(): { core: TestCore; deploymentId: string } {
  const core = openTestCore();
  core.call('profile.set', { name: 'Rita Release', role: 'release_manager' });
  const deploymentId = core.call('deployments.create', { name: 'POS rollout', version: '5.2' }).id;
  return { core, deploymentId };
}

/** Activity rows for one entity, read straight from the SQLite file. */
export function activityOf(core: TestCore, entityId: string): { action: string; actor: string; entity: string }[] {
  const sqlite = new Database(core.databaseFile, { readonly: true });
  try {
    return sqlite.prepare('SELECT action, actor, entity FROM activity WHERE entity_id = ? ORDER BY seq').all(entityId) as {
      action: string;
      actor: string;
      entity: string;
    }[];
  } finally {
    sqlite.close();
  }
}
