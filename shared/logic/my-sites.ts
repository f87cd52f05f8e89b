import type { SiteTechnician } from '../domain/site-technician';

/**
 * Which sites are "mine" for the My schedule view: sites whose technicians name the person using
 * this device. A device keeps no server user id, so a person is known by names: the local profile
 * name, and when signed in the account's username and display name. A name-only entry matches any
 * of them; a user entry matches by its display name. This only chooses what to show: the server
 * decides access by user id (see server/sync/access-rules.ts).
 */
export interface MyIdentity {
  names: readonly string[];
}

const norm = (name: string) => name.trim().toLowerCase();

export function identityMatcher(identity: MyIdentity): (technicians: readonly SiteTechnician[]) => boolean {
  const names = new Set(identity.names.map(norm).filter((n) => n !== ''));
  return (technicians) => technicians.some((t) => names.has(norm(t.name)));
}
