import { z } from 'zod';
import { changeSchema, pullResponseSchema } from '../../shared/sync/wire';

/**
 * A pull page as the desktop reads it: the wire schema, except that a change's `data` may hold any
 * JSON values. A row with a value no column can hold (an object, a boolean: bad data already in the
 * server's database) must not make the whole page unreadable; apply-changes.ts checks each row
 * against its columns and puts such a row in the quarantine while the rest is stored.
 */
export const pulledChangeSchema = changeSchema.extend({ data: z.record(z.string(), z.unknown()).nullable() });
export type PulledChange = z.infer<typeof pulledChangeSchema>;

const [okPage, resetPage] = pullResponseSchema.options;
export const pulledPageSchema = z.discriminatedUnion('status', [okPage.extend({ changes: z.array(pulledChangeSchema) }), resetPage]);
export type PulledPage = z.infer<typeof pulledPageSchema>;
