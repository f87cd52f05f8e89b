import { describe, expect, it } from 'vitest';
import { EVERY_ROLE, MANAGER_ROLES } from '../domain/role-access';
import { ENTITY_WRITERS, writeScope } from './entity-access';
import { SYNC_ENTITIES } from './entity-registry';

describe('who writes each synced entity', () => {
  it('declares writers for every entity, matching its direction: plans by managers, field work by everyone, technician columns of plan rows by technicians', () => {
    expect(Object.keys(ENTITY_WRITERS).sort()).toEqual(SYNC_ENTITIES.map((e) => e.name).sort());
    for (const entity of SYNC_ENTITIES) {
      const writers = ENTITY_WRITERS[entity.name];
      if (entity.direction === 'up') expect(writers, entity.name).toEqual({ full: EVERY_ROLE });
      else expect(writers.full, entity.name).toEqual(MANAGER_ROLES);
      expect(writers.fieldColumns !== undefined, entity.name).toBe(entity.direction === 'both');
    }
  });

  it('answers the write scope of a role', () => {
    expect(writeScope('technician', 'deployments')).toBe('none');
    expect(writeScope('technician', 'sites')).toBe('field_columns');
    expect(writeScope('technician', 'issues')).toBe('full');
    expect(writeScope('release_manager', 'sites')).toBe('full');
    expect(writeScope('administrator', 'waves')).toBe('full');
    expect(writeScope('technician', 'gadgets')).toBe('none');
  });
});
