import type { Migration } from '../migration';
import { centralMigration0001 } from './0001_initial';
import { centralMigration0002 } from './0002_column_writes';
import { centralMigration0003 } from './0003_retired_row_ids';
import { centralMigration0004 } from './0004_quarantine_reports';
import { centralMigration0005 } from './0005_identity_and_blobs';
import { centralMigration0007 } from './0007_device_keys';
import { centralMigration0008 } from './0008_app_releases';
import { centralMigration0010 } from './0010_device_tag_numbers';

/** Every central-server migration, oldest first; the same list serves PGlite and PostgreSQL. Append only. */
export const centralMigrations: readonly Migration[] = [
  centralMigration0001,
  centralMigration0002,
  centralMigration0003,
  centralMigration0004,
  centralMigration0005,
  centralMigration0007,
  centralMigration0008,
  centralMigration0010,
];

export const LATEST_CENTRAL_SCHEMA_VERSION = centralMigrations[centralMigrations.length - 1]!.version;
