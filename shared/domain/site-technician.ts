import { z } from 'zod';

/**
 * A technician named on a site. Chosen from the server's user list (online), it carries the user's
 * id, which is what grants access on the server; typed by hand (offline, or in data written before
 * user ids) it is a name only, which grants access on the server only when it is exactly a
 * username. Display names need not be unique and never grant anything.
 *
 * Stored in `sites.technicians` as a JSON array: `{"id": "<user id>", "name": "<display name>"}`
 * for a user, a plain string for a name only (the form every older row has).
 */
export const siteTechnicianSchema = z.object({
  id: z.uuid().nullable(),
  name: z.string().trim().min(1).max(120),
});
export type SiteTechnician = z.infer<typeof siteTechnicianSchema>;

/** Input form: a typed name, or a user picked from the server's list. */
export const siteTechnicianInputSchema = z.union([
  z
    .string()
    .trim()
    .min(1)
    .max(120)
    .transform((name): SiteTechnician => ({ id: null, name })),
  siteTechnicianSchema.strict(),
]);

const storedEntrySchema = z.union([z.string(), z.object({ id: z.uuid(), name: z.string() }).strict()]);

/** The technicians of a stored `sites.technicians` value (parsed JSON); undefined when it is not a list of entries. */
export function parseTechnicianEntries(value: unknown): SiteTechnician[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: SiteTechnician[] = [];
  for (const item of value) {
    const entry = storedEntrySchema.safeParse(item);
    if (!entry.success) return undefined;
    const technician =
      typeof entry.data === 'string'
        ? { id: null, name: entry.data.trim() }
        : { id: entry.data.id.toLowerCase(), name: entry.data.name.trim() };
    if (technician.name === '' && technician.id === null) continue;
    out.push(technician);
  }
  return uniqueTechnicians(out);
}

/** The same user (by id) or the same name-only entry once, first occurrence kept. */
export function uniqueTechnicians(list: readonly SiteTechnician[]): SiteTechnician[] {
  const seen = new Set<string>();
  return list.filter((t) => {
    const key = t.id ? `id:${t.id}` : `name:${t.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The stored form (see above). */
export function technicianEntriesJson(list: readonly SiteTechnician[]): string {
  return JSON.stringify(list.map((t) => (t.id ? { id: t.id, name: t.name } : t.name)));
}

/** For display: "Riley Field, Sam" (name-only entries as typed). */
export function technicianNames(list: readonly SiteTechnician[]): string[] {
  return list.map((t) => t.name);
}
