import { migration0001 } from './0001_initial';
import { migration0002 } from './0002_receive_lookup_and_activity';
import { migration0003 } from './0003_sign_off_sheets';
import { migration0004 } from './0004_check_runs';
import { migration0005 } from './0005_issue_log_and_rollback';
import { migration0006 } from './0006_sign_off_pdfs';
import { migration0007 } from './0007_checklist_item_evidence';
import { migration0008 } from './0008_sync';
import { migration0009 } from './0009_wave_decisions';
import { migration0010 } from './0010_site_report_imports';
import { migration0011 } from './0011_site_report_seen';
import { migration0012 } from './0012_inventory_counts_deferrable';
import { migration0013 } from './0013_sync_quarantine';
import { migration0015 } from './0015_device_keys';
import { migration0016 } from './0016_plan_approvals';
import { migration0018 } from './0018_server_certificates';
import { migration0021 } from './0021_training_and_review';
import { migration0022 } from './0022_issue_service_impact';
import { migration0023 } from './0023_handover_phase';
import { migration0024 } from './0024_rollout_planning';
import { migration0025 } from './0025_check_jobs';
import { migration0026 } from './0026_asset_tag_issuers';
import { migration0027 } from './0027_site_language';
import { migration0028 } from './0028_inventory_search_index';
import { migration0029 } from './0029_inventory_item_photos';
import type { Migration } from './migration';

/** Every local migration, oldest first. Append only: a released migration is never edited. */
export const localMigrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0015,
  migration0016,
  migration0018,
  migration0021,
  migration0022,
  migration0023,
  migration0024,
  migration0025,
  migration0026,
  migration0027,
  migration0028,
  migration0029,
];

export const LATEST_SCHEMA_VERSION = localMigrations[localMigrations.length - 1]!.version;

export type { Migration } from './migration';
