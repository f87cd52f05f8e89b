import type { z } from 'zod';
import type { syncProgressSchema } from '../../shared/contract/sync-methods';

export type SyncProgressSchema = z.infer<typeof syncProgressSchema>;
