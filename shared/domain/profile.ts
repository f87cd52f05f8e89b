import { z } from 'zod';
import { roleSchema } from './enums';

/** The local profile chosen at first run; it stands for the user until server accounts exist. */
export const profileSchema = z
  .object({
    name: z.string().trim().min(1, 'Name is required').max(120),
    role: roleSchema,
  })
  .strict();
export type Profile = z.infer<typeof profileSchema>;
