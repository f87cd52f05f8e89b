import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteReport } from '../../shared/site-report/report-model';
import type { TestCore } from '../support/temp-core';
import { managerCore, previewText, technicianWithFieldWork } from './site-report-fixture';

let tech: ReturnType<typeof technicianWithFieldWork>;
let manager: TestCore;
let exported: { fileName: string; content: string; rows: number; attachments: number };

beforeAll(() => {
  tech = technicianWithFieldWork();
  manager = managerCore();
  exported = tech.core.call('siteReports.exportFile', { siteId: tech.site.id });
});
afterAll(() => {
  tech.core.close();
  manager.close();
});

/** What must be the same on both devices (attachment `intact` and sheet verification included). */
const comparable = (report: SiteReport) => report;

describe('site report file round trip', () => {
  it('names the file after the site code and the export time, and carries a manifest', () => {
    expect(exported.fileName).toMatch(new RegExp(`^${tech.site.code}-\\d{8}-\\d{4}\\.outpost-report$`));
    const file = JSON.parse(exported.content);
    expect(file.manifest).toMatchObject({
      format: 'outpost-site-report',
      formatVersion: 1,
      site: { id: tech.site.id, code: tech.site.code },
      deployment: { id: tech.deploymentId },
    });
    expect(file.manifest.device.fingerprint).toMatch(/^SHA256:[0-9a-f]{64}$/);
    const entities = new Set(file.rows.map((r: { entity: string }) => r.entity));
    for (const e of [
      'deployments',
      'sites',
      'inventory_items',
      'checklist_items',
      'check_runs',
      'issues',
      'issue_events',
      'issue_attachments',
      'sign_off_sheets',
      'checklist_template_items',
    ]) {
      expect(entities, e).toContain(e);
    }
    expect(file.attachments.map((a: { sha256: string }) => a.sha256)).toContain(tech.photo.sha256);
  });

  it('previews on the manager: valid signature, attachments verified, all new, unknown device flagged', () => {
    const preview = previewText(manager, exported.fileName, exported.content);
    expect(preview.problems).toEqual([]);
    expect(preview).toMatchObject({ importable: true, signatureValid: true, nothingNew: false, siteKnown: false });
    expect(preview.attachments.verified).toBe(exported.attachments);
    expect(preview.attachments.new).toBe(exported.attachments);
    expect(preview.device?.known).toBe(false);
    expect(preview.totals.new).toBe(exported.rows);
    expect(preview.sheets).toEqual([expect.objectContaining({ valid: true, kind: 'site_complete' })]);
    expect(preview.entities.find((e) => e.entity === 'inventory_items')?.new).toBeGreaterThan(4);
  });

  it('imports everything (sent in chunks through the upload); the manager reads the same report as the technician', () => {
    const preview = previewText(manager, exported.fileName, exported.content, 16_384);
    expect(Buffer.byteLength(exported.content)).toBeGreaterThan(3 * 16_384);
    expect(preview.device).toMatchObject({ known: false, keyStatus: 'unregistered', signer: 'key not registered: unverified signer' });
    const result = manager.call('siteReports.importFile', {
      previewId: preview.previewId,
      confirmFingerprint: preview.device!.fingerprint,
    });
    expect(result).toMatchObject({
      nothingNew: false,
      newRows: exported.rows,
      changedRows: 0,
      newAttachments: exported.attachments,
      deviceWasKnown: false,
    });
    const mine = tech.core.call('siteReports.get', { siteId: tech.site.id });
    const theirs = manager.call('siteReports.get', { siteId: tech.site.id });
    expect(comparable(theirs)).toEqual(comparable(mine));
    expect(theirs.inventory.reconciliation).toMatchObject({ received: 4, damaged: 1, surplus: 1 });
    expect(theirs.inventory.surplus[0]?.foundSerial).toBe('SURPLUS-0001');
    expect(theirs.issues[0]?.events.map((e) => e.kind)).toEqual(['created', 'commented', 'resolved']);
    expect(theirs.signOffs[0]).toMatchObject({ valid: true, signerName: 'Jörg Łukasiewicz' });
    expect(theirs.checkRuns.latest[0]?.counts).toEqual({ pass: 7, fail: 1, error: 0, skipped: 2 });
    expect(theirs.summary.signedOffAt).not.toBeNull();
    expect(theirs.attachments.every((a) => a.intact)).toBe(true);
    const photo = fs.readFileSync(path.join(manager.dataDir, 'attachments', tech.photo.sha256));
    expect(photo.length).toBe(tech.photo.size);
    expect(manager.call('attachments.get', { sha256: tech.photo.sha256 }).dataBase64.length).toBeGreaterThan(0);
  });

  it('imports the same file again without changing anything, and knows the device now', () => {
    const countRows = () => manager.call('siteReports.imports', {}).length;
    const before = countRows();
    const activityBefore = manager.call('siteReports.get', { siteId: tech.site.id });
    const preview = previewText(manager, exported.fileName, exported.content);
    expect(preview).toMatchObject({ nothingNew: true, siteKnown: true, device: expect.objectContaining({ known: true }) });
    expect(preview.totals).toMatchObject({ new: 0, changed: 0 });
    const again = manager.call('siteReports.importFile', { previewId: preview.previewId });
    expect(again).toMatchObject({ nothingNew: true, importId: null, newRows: 0, changedRows: 0, newAttachments: 0 });
    expect(again.message).toContain('Nothing new');
    expect(countRows()).toBe(before);
    expect(manager.call('siteReports.get', { siteId: tech.site.id })).toEqual(activityBefore);
  });

  it('brings later work of the technician as changed and new rows; nothing captured for the manager to push', () => {
    const issue = tech.core.call('issues.comment', { issueId: tech.issue.id, text: 'Follow-up: vendor confirmed' });
    expect(issue.kind).toBe('commented');
    // The manager's device syncs this deployment (as after sync.publish or a pull): capture triggers would fire for its own edits.
    const scopes = new Database(manager.databaseFile);
    scopes
      .prepare("INSERT INTO sync_scopes (deployment_id, source, since) VALUES (?, 'pulled', '2026-11-01T00:00:00.000Z')")
      .run(tech.deploymentId);
    scopes.close();
    const later = tech.core.call('siteReports.exportFile', { siteId: tech.site.id });
    const preview = previewText(manager, later.fileName, later.content);
    expect(preview.entities.find((e) => e.entity === 'issue_events')).toMatchObject({ new: 1 });
    const result = manager.call('siteReports.importFile', { previewId: preview.previewId });
    expect(result.newRows).toBe(1);
    expect(manager.call('siteReports.get', { siteId: tech.site.id }).issues[0]?.events.at(-1)?.text).toBe('Follow-up: vendor confirmed');
    const db = new Database(manager.databaseFile, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM sync_outbox').get()).toEqual({ n: 0 });
    db.close();
  });
});
