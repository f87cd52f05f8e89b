import type { Migration } from './migration';

/**
 * Photos of inventory items (issue #14 part 2: a surplus item found on site is photographed where
 * it stands). A link names a stored photo (`attachments`) by its SHA-256, like an issue
 * attachment or a checklist photo; the bytes travel as a blob. Append-only, like the other photo
 * links: a link is never changed or removed, so what a sheet's review listed stays listed.
 */
export const migration0029: Migration = {
  version: 29,
  name: 'inventory_item_photos',
  sql: `
CREATE TABLE inventory_item_photos (
  id TEXT PRIMARY KEY,
  item_id TEXT NOT NULL REFERENCES inventory_items(id),
  sha256 TEXT NOT NULL,
  linked_at TEXT NOT NULL,
  linked_by TEXT NOT NULL,
  UNIQUE (item_id, sha256)
);
CREATE INDEX inventory_item_photos_item ON inventory_item_photos(item_id, linked_at);
CREATE TRIGGER inventory_item_photos_no_update BEFORE UPDATE ON inventory_item_photos
BEGIN SELECT RAISE(ABORT, 'inventory item photos are append-only'); END;
CREATE TRIGGER inventory_item_photos_no_delete BEFORE DELETE ON inventory_item_photos
BEGIN SELECT RAISE(ABORT, 'inventory item photos are append-only'); END;
`,
};
