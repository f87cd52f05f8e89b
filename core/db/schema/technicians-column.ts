import { customType } from 'drizzle-orm/sqlite-core';
import { parseTechnicianEntries, technicianEntriesJson, type SiteTechnician } from '../../../shared/domain/site-technician';

/**
 * `sites.technicians`: a JSON array of users (`{id, name}`) and names only (strings, the form of
 * rows written before user ids and of names typed offline); read as `SiteTechnician[]` either way.
 * An unreadable value reads as no technicians rather than failing every query of the site.
 */
export const techniciansColumn = customType<{ data: SiteTechnician[]; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => technicianEntriesJson(value),
  fromDriver: (value) => {
    try {
      return parseTechnicianEntries(JSON.parse(value)) ?? [];
    } catch {
      return [];
    }
  },
});
