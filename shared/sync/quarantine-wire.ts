import { z } from 'zod';
import { partitionKeySchema } from './wire';

/**
 * `POST /v1/sync/quarantine`: a device tells the server which pulled rows it could not store (and
 * why), so bad rows on the server are seen by its administrator (`outpost server check-rows`).
 * Answered `{ recorded }`; a row of a partition the caller may not read is ignored.
 */
export const QUARANTINE_REPORT_MAX_ROWS = 200;

export const quarantineReportRowSchema = z
  .object({
    entity: z.string().min(1).max(64),
    rowId: z.string().min(1).max(512),
    partition: partitionKeySchema,
    version: z.number().int().nonnegative(),
    reason: z.string().min(1).max(2000),
  })
  .strict();
export type QuarantineReportRow = z.infer<typeof quarantineReportRowSchema>;

export const quarantineReportRequestSchema = z
  .object({ rows: z.array(quarantineReportRowSchema).min(1).max(QUARANTINE_REPORT_MAX_ROWS) })
  .strict();
export type QuarantineReportRequest = z.infer<typeof quarantineReportRequestSchema>;

export const quarantineReportResponseSchema = z.object({ recorded: z.number().int().nonnegative() });
