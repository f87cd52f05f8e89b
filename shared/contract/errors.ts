import { z } from 'zod';
import { API_ERROR_CODES, type ApiError } from './api-error';

export const apiErrorCodeSchema = z.enum(API_ERROR_CODES);

export const apiErrorSchema = z.object({
  code: apiErrorCodeSchema,
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
}) satisfies z.ZodType<ApiError>;

export * from './api-error';
