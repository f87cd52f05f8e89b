import type { Migration } from './migration';

/**
 * Asset tags this device hands out to unlabelled surplus hardware (issue #14, shared/labels/asset-tag.ts).
 * One row per issuer this device has used: `D<n>` with the number the central server gave it (for
 * the server's device id it was given to), or `L` for deployments that do not sync; and the next
 * sequence number, which only ever goes up, so a tag is never handed out twice. Local bookkeeping,
 * not synced: the tags themselves travel in `inventory_items.asset_tag`.
 */
export const migration0026: Migration = {
  version: 26,
  name: 'asset_tag_issuers',
  sql: `
CREATE TABLE asset_tag_issuers (
  issuer TEXT PRIMARY KEY CHECK (issuer = 'L' OR (issuer GLOB 'D[1-9]*' AND substr(issuer, 2) NOT GLOB '*[^0-9]*' AND length(issuer) <= 11)),
  server_device_id TEXT UNIQUE,
  next_sequence INTEGER NOT NULL DEFAULT 1 CHECK (next_sequence >= 1),
  recorded_at TEXT NOT NULL,
  CHECK (issuer != 'L' OR server_device_id IS NULL)
);
`,
};
