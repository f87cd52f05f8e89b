import { z } from 'zod';

/** `POST /v1/devices/asset-tag-number`: the calling device's asset tag number (given once, then the same). */
export const ASSET_TAG_NUMBER_PATH = '/v1/devices/asset-tag-number';
export const assetTagNumberResponseSchema = z.object({ number: z.number().int().min(1).max(9_999_999_999) });
export type AssetTagNumberResponse = z.infer<typeof assetTagNumberResponseSchema>;
