import { z } from 'zod';

/** One follow-up of the post-deployment review: what, who, by when (YYYY-MM-DD). */
export const reviewActionItemSchema = z.object({
  text: z.string().min(1).max(1000),
  owner: z.string().min(1).max(200),
  due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Due date must be YYYY-MM-DD'),
});
export type ReviewActionItem = z.infer<typeof reviewActionItemSchema>;
