import path from 'node:path';
import { openDatabase } from '../../core/db/open-database';
import { DATABASE_FILE_NAME } from '../../core/outpost-core';
import { newId } from '../../core/runtime/clock';
import { bulkInventory } from '../../core/sample/sample-hardware';
import { seededRandom, type SeededRandom } from '../../core/sample/seeded-random';
import { normalizeSerial } from '../../shared/logic/serial';
import { openTestCore } from '../support/temp-core';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const WHO = 'Bench Loader';
const TECHS = ['Alex Morgan', 'Sam Okafor', 'Robin Jansen', 'Kim Lee', 'Noor Haddad'];
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'low', 'medium'] as const;
const CATEGORIES = ['hardware', 'software', 'network', 'facility', 'documentation', 'training'] as const;
const PHASES = [
  'before',
  'before',
  'before',
  'before',
  'before',
  'before',
  'during',
  'during',
  'during',
  'during',
  'during',
  'during',
  'after',
  'after',
  'after',
  'after',
  'rollback',
  'rollback',
  'rollback',
  'rollback',
] as const;

export interface BulkDeployment {
  deploymentId: string;
  sites: number;
  inventoryItems: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** What happened at one site, given where its window lies relative to now. */
function siteStory(rng: SeededRandom, windowStart: number, now: number) {
  const windowEnd = windowStart + 8 * HOUR;
  if (windowStart > now) return { status: rng.next() < 0.3 ? 'ready' : 'planned', started: null, signed: null, rolledBack: false };
  const started = windowStart + rng.int(0, 2) * HOUR;
  if (windowEnd > now) return { status: 'in_progress', started, signed: null, rolledBack: false };
  const r = rng.next();
  if (r < 0.04) return { status: 'rolled_back', started, signed: null, rolledBack: true };
  if (r < 0.08) return { status: 'blocked', started, signed: null, rolledBack: false };
  if (r < 0.14) return { status: 'deployed', started, signed: null, rolledBack: false };
  // Most sign off within the window; some a day or more late.
  const signed = started + (rng.next() < 0.8 ? rng.int(3, 7) * HOUR : rng.int(20, 120) * HOUR);
  return { status: 'signed_off', started, signed, rolledBack: rng.next() < 0.02 };
}

/**
 * A data directory holding one deployment of `siteCount` sites in four waves (pilot first), with
 * windows from two months ago to two months ahead and, per site, 50 inventory items, 20 checklist
 * items, 5 target machines, check runs, issues, rollbacks and sign-off sheets as the window's
 * place in time suggests. Written in bulk straight into SQLite (one transaction).
 */
export function createBulkDeployment(dataDir: string, siteCount: number, now = Date.now()): BulkDeployment {
  openTestCore({ dataDir }).close();
  const { sqlite } = openDatabase({ file: path.join(dataDir, DATABASE_FILE_NAME), backupDir: path.join(dataDir, 'backups') });
  const rng = seededRandom(2000);
  const at = iso(now - 90 * DAY);
  const audit = [at, WHO, at, WHO];
  const deploymentId = newId();
  const q = {
    deployment: sqlite.prepare(
      'INSERT INTO deployments (id, name, version, description, status, quiet_period_days, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    wave: sqlite.prepare(
      'INSERT INTO waves (id, deployment_id, name, sequence, is_pilot, starts_at, ends_at, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    site: sqlite.prepare(
      `INSERT INTO sites (id, deployment_id, wave_id, code, name, address, time_zone, owner_name, owner_email, owner_phone, window_start, window_end, technicians, status, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    item: sqlite.prepare(
      `INSERT INTO inventory_items (id, site_id, manufacturer, model, expected_serial, asset_tag, room, rack, unit, found_serial, state, is_surplus, received_at, received_by, note, created_at, created_by, updated_at, updated_by, expected_serial_key, found_serial_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?)`,
    ),
    checklist: sqlite.prepare(
      `INSERT INTO checklist_items (id, site_id, phase, position, title, required, state, state_by, state_at, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    machine: sqlite.prepare(
      'INSERT INTO target_machines (id, site_id, host_name, address, role, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    run: sqlite.prepare(
      `INSERT INTO check_runs (id, site_id, target_id, target_label, job_id, started_at, finished_at, by, outcome, pass_count, fail_count, error_count, duration_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    issue: sqlite.prepare(
      `INSERT INTO issues (id, site_id, number, title, severity, category, status, blocks_sign_off, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    rollback: sqlite.prepare(
      "INSERT INTO site_rollbacks (id, site_id, reason, issue_ids, previous_status, created_at, created_by) VALUES (?, ?, 'Bench rollback', '[]', 'in_progress', ?, ?)",
    ),
    sheet: sqlite.prepare(
      `INSERT INTO sign_off_sheets (id, deployment_id, site_id, kind, decision, signer_name, signer_role, signed_at, signer_time_zone, device_id, review_hash, content_hash,
         device_signature, public_key, key_fingerprint, signature_image_sha256, sheet_json, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, 'site_complete', ?, 'Site Owner', 'Store manager', ?, 'Europe/Amsterdam', 'bench-device', 'h', 'h', 's', 'k', 'f', 'i', '{}', ?, ?, ?, ?)`,
    ),
  };
  let inventoryItems = 0;
  sqlite.transaction(() => {
    q.deployment.run(deploymentId, 'Nationwide store refresh', '2027.1', 'Bench: 2,000 stores in four waves', 'in_progress', 14, ...audit);
    const waveSizes = [Math.max(1, Math.round(siteCount * 0.01)), Math.round(siteCount * 0.19), Math.round(siteCount * 0.4)];
    waveSizes.push(siteCount - waveSizes.reduce((a, b) => a + b, 0));
    const waveIds = ['Pilot', 'Wave 1', 'Wave 2', 'Wave 3'].map((name, i) => {
      const id = newId();
      q.wave.run(id, deploymentId, name, i + 1, i === 0 ? 1 : 0, iso(now - (60 - 30 * i) * DAY), iso(now - (32 - 30 * i) * DAY), ...audit);
      return id;
    });
    let index = 0;
    waveSizes.forEach((size, wave) => {
      for (let n = 0; n < size; n++, index++) {
        const siteId = newId();
        const code = `ST-${String(index + 1).padStart(4, '0')}`;
        const windowStart = now - (60 - 30 * wave) * DAY + Math.floor((n / size) * 28 * DAY) + 20 * HOUR;
        const story = siteStory(rng, windowStart, now);
        q.site.run(
          siteId,
          deploymentId,
          waveIds[wave]!,
          code,
          `Store ${index + 1}`,
          `High Street ${index + 1}`,
          'Europe/Amsterdam',
          'Owner',
          'owner@example.com',
          '+31 20 555 0000',
          iso(windowStart),
          iso(windowStart + 8 * HOUR),
          JSON.stringify([TECHS[index % TECHS.length]]),
          story.status,
          ...audit,
        );

        const drafts = bulkInventory(rng, code, 50);
        drafts.forEach((d, i) => {
          const arrived = story.started !== null && (story.signed !== null || rng.next() < 0.7);
          const damaged = arrived && rng.next() < 0.01;
          const missing = story.signed === null && story.started !== null && !arrived && rng.next() < 0.2;
          const state = damaged ? 'damaged' : missing ? 'missing' : arrived ? (story.signed ? 'verified' : 'received') : 'expected';
          const receivedAt = arrived ? iso(story.started! + (i + 1) * 60_000) : null;
          const serial = d.expectedSerial!;
          q.item.run(
            newId(),
            siteId,
            d.manufacturer,
            d.model,
            serial,
            d.assetTag ?? null,
            d.room ?? '',
            d.rack ?? '',
            d.unit ?? '',
            arrived ? serial : null,
            state,
            0,
            receivedAt,
            arrived ? WHO : null,
            ...audit,
            normalizeSerial(serial),
            arrived ? normalizeSerial(serial) : null,
          );
        });
        inventoryItems += drafts.length;
        if (story.started !== null && rng.next() < 0.05) {
          q.item.run(
            newId(),
            siteId,
            'Cisco',
            'Surplus switch',
            null,
            null,
            '',
            '',
            '',
            `SUR-${code}`,
            'received',
            1,
            iso(story.started),
            WHO,
            ...audit,
            null,
            `SUR-${code}`,
          );
          inventoryItems += 1;
        }

        PHASES.forEach((phase, i) => {
          const done = story.started !== null && phase !== 'rollback' && (story.signed !== null || rng.next() < 0.5);
          q.checklist.run(
            newId(),
            siteId,
            phase,
            i,
            `Step ${i + 1}`,
            done ? 'done' : 'todo',
            done ? WHO : null,
            done ? iso(story.started! + 30 * 60_000 + i * 300_000) : null,
            ...audit,
          );
        });

        for (let m = 0; m < 5; m++) {
          const machineId = newId();
          const host = `srv-${m + 1}.${code.toLowerCase()}.stores.example`;
          q.machine.run(machineId, siteId, host, `10.${index % 250}.${m}.10`, m === 0 ? 'pos-server' : 'workstation', ...audit);
          if (story.started === null || rng.next() < 0.1) continue;
          const runs = rng.next() < 0.2 ? 2 : 1;
          for (let r = 0; r < runs; r++) {
            const started = story.started + (2 + r) * HOUR + m * 60_000;
            const roll = rng.next();
            const outcome = roll < 0.04 ? 'unreachable' : 'completed';
            const fail = outcome === 'completed' && roll < 0.12 && r === runs - 1 ? rng.int(1, 3) : 0;
            q.run.run(
              newId(),
              siteId,
              machineId,
              host,
              `job-${index}-${r}`,
              iso(started),
              iso(started + 40_000),
              WHO,
              outcome,
              outcome === 'completed' ? 12 - fail : 0,
              fail,
              0,
              40_000,
            );
          }
        }

        if (story.started !== null) {
          const count = rng.int(0, 4);
          for (let k = 0; k < count; k++) {
            const quiet = story.signed !== null && rng.next() < 0.15;
            const created = quiet ? story.signed! + rng.int(1, 20) * DAY : story.started + rng.int(1, 6) * HOUR;
            const open = story.signed === null ? rng.next() < 0.6 : quiet && rng.next() < 0.5;
            const status = open
              ? rng.pick(['open', 'in_progress', 'escalated'] as const)
              : rng.pick(['resolved', 'closed', 'accepted_exception'] as const);
            q.issue.run(
              newId(),
              siteId,
              k + 1,
              `Issue ${k + 1} at ${code}`,
              rng.pick(SEVERITIES),
              rng.pick(CATEGORIES),
              status,
              rng.next() < 0.2 ? 1 : 0,
              iso(Math.min(created, now)),
              WHO,
              iso(Math.min(created, now)),
              WHO,
            );
          }
        }
        if (story.rolledBack) q.rollback.run(newId(), siteId, iso(story.started! + 6 * HOUR), WHO);
        if (story.signed !== null)
          q.sheet.run(
            newId(),
            deploymentId,
            siteId,
            rng.next() < 0.1 ? 'accepted_with_exceptions' : 'accepted',
            iso(story.signed),
            ...audit,
          );
      }
    });
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  return { deploymentId, sites: siteCount, inventoryItems };
}
