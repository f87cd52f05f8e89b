import { roleSchema, type Role } from './enums';

/**
 * Who may do what, by role: one rule for the desktop dispatcher (each contract method declares its
 * roles) and the central server (each synced entity declares who writes it, shared/sync/entity-access.ts).
 */
export const EVERY_ROLE: readonly Role[] = roleSchema.options;
/** Release managers and administrators: they author plans, publish them and decide on waves. */
export const MANAGER_ROLES: readonly Role[] = ['release_manager', 'administrator'];

const ROLE_NAMES: Readonly<Record<Role, string>> = {
  technician: 'a technician',
  release_manager: 'a release manager',
  administrator: 'an administrator',
};

export function roleMay(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}

/** "a release manager or an administrator". */
export function describeRoles(allowed: readonly Role[]): string {
  return allowed.map((role) => ROLE_NAMES[role]).join(' or ');
}

/** A release manager or an administrator (the UI shows manager-only features by it; the dispatcher and server enforce the declarations). */
export function isManagerRole(role: Role | null | undefined): boolean {
  return role !== null && role !== undefined && roleMay(role, MANAGER_ROLES);
}
