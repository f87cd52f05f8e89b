import type { Migration } from './migration';

/**
 * What a release manager has seen of each site's report: a stamp of its field data (row counts and
 * newest change times) taken at the last "Fetch from server". The next fetch lists the sites whose
 * stamp differs (arrived or changed since), whichever sync run brought the rows.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'site_report_seen',
  sql: `
CREATE TABLE site_report_seen (
  site_id TEXT PRIMARY KEY,
  stamp TEXT NOT NULL,
  seen_at TEXT NOT NULL
);
`,
};
