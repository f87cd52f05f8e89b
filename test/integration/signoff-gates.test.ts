import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { SheetContent } from '../../shared/domain/signoff';
import { GATE_RULE } from '../../shared/signoff/gates';
import { publicKeyFingerprint } from '../../core/signoff/device-key';
import { signContent } from '../../core/signoff/sheet-crypto';
import { verifySheet } from '../../core/signoff/verify-sheet';
import { signaturePng, signSite } from '../support/signoff-fixtures';
import { openSampleCore, type TestCore } from '../support/temp-core';

let core: TestCore | undefined;
afterEach(() => core?.close());

const signer = {
  signerName: 'Sanne de Vries',
  signerRole: 'Site owner',
  signerEmail: null,
  signerTimeZone: 'Europe/Amsterdam',
  signaturePngBase64: signaturePng(),
  statementConfirmed: true as const,
};

function sample() {
  const opened = openSampleCore();
  core = opened.core;
  return opened;
}

/** Finishes the site's work through the API: every gated checklist item settled, every item installed, the machines taken off the plan. */
function completeWork(c: TestCore, siteId: string) {
  for (const phase of c.call('checklist.get', { siteId }).phases) {
    if (phase.phase === 'rollback') continue;
    for (const item of phase.items)
      if (item.required)
        c.call('checklist.setItemState', {
          itemId: item.id,
          state: 'not_applicable',
          note: 'Done by the previous contractor, checked on site',
        });
  }
  for (const item of c.call('inventory.list', { siteId, limit: 500 }).items) {
    if (!item.isSurplus && !['received', 'installed', 'verified', 'damaged'].includes(item.state))
      c.call('inventory.setState', { itemId: item.id, state: 'installed' });
  }
  c.call('profile.set', { name: 'Rita Manager', role: 'release_manager' });
  for (const m of c.call('machines.list', { siteId })) c.call('machines.delete', { machineId: m.id });
  c.call('profile.set', { name: 'Test Technician', role: 'technician' });
}

describe('sign-off gates in the core', () => {
  it('refuses "accepted" on an incomplete site with a rule error naming every gap, and signs with exceptions storing each gap and its reason', () => {
    const { core, site } = sample();
    const issue = core.call('issues.create', {
      siteId: site.id,
      title: 'Rack door does not lock',
      severity: 'high',
      category: 'facility',
      blocksSignOff: true,
    });
    const review = core.call('signoff.review', { siteId: site.id, kind: 'site_complete' });
    const kinds = new Set(review.gaps.map((g) => g.kind));
    expect(kinds).toEqual(new Set(['checklist_item', 'missing_item', 'failed_check', 'open_issue']));
    // The rollback phase is not a gap.
    expect(review.gaps.some((g) => g.label.includes('(rollback)'))).toBe(false);

    const refused = core.dispatch('signoff.sign', {
      kind: 'site_complete',
      siteId: site.id,
      reviewHash: review.reviewHash,
      decision: 'accepted',
      ...signer,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rule' } });
    const message = refused.ok ? '' : refused.error.message;
    for (const gap of review.gaps) expect(message).toContain(gap.label);
    expect(message).toContain('Reconcile delivered hardware');
    expect(message).toContain('serial SUBZB7P');
    expect(message).toContain('pos-srv-01.ams-001.stores.example: never checked');
    expect(message).toContain(`Issue #${issue.number}`);
    expect(core.call('sites.get', { siteId: site.id }).status).toBe('planned');

    // One gap without a reason: refused, and nothing changed.
    const reasons = review.gaps
      .filter((g) => g.kind !== 'open_issue')
      .map((g, n) => ({ gapId: g.id, reason: `Agreed follow-up ${n + 1}` }));
    const short = core.dispatch('signoff.sign', {
      kind: 'site_complete',
      siteId: site.id,
      reviewHash: review.reviewHash,
      decision: 'accepted_with_exceptions',
      ...signer,
      exceptions: [{ issueId: issue.id, reason: 'Locksmith Monday' }],
      gapReasons: reasons.slice(1),
    });
    expect(short).toMatchObject({ ok: false, error: { code: 'rule', message: expect.stringContaining(review.gaps[0]!.label) } });
    expect(core.call('issues.get', { issueId: issue.id }).issue.status).toBe('open');

    const signed = core.call('signoff.sign', {
      kind: 'site_complete',
      siteId: site.id,
      reviewHash: review.reviewHash,
      decision: 'accepted_with_exceptions',
      ...signer,
      exceptions: [{ issueId: issue.id, reason: 'Locksmith Monday' }],
      gapReasons: reasons,
    });
    const sheet = core.call('signoff.get', { sheetId: signed.sheet.id });
    expect(sheet.content.gateRule).toBe(GATE_RULE);
    expect(sheet.content.gaps).toHaveLength(review.gaps.length);
    for (const [n, gap] of review.gaps.filter((g) => g.kind !== 'open_issue').entries())
      expect(sheet.content.gaps).toContainEqual({ ...gap, reason: `Agreed follow-up ${n + 1}` });
    expect(sheet.content.gaps).toContainEqual({
      id: `issue:${issue.id}`,
      kind: 'open_issue',
      label: expect.stringContaining('Rack door'),
      reason: 'Locksmith Monday',
    });
    expect(verifySheet(sheet)).toMatchObject({ valid: true });
    expect(core.call('sites.get', { siteId: site.id }).status).toBe('signed_off');
  });

  it('accepts a finished site with the rollback phase left open; the core sheet gates only core-scope work', () => {
    const { core, site, deploymentId } = sample();
    // The plan ties the firewall to the store network (core scope) and the POS server to the POS server (site scope).
    const db = new Database(path.join(core.call('app.info', {}).dataDir, 'outpost.db'));
    const components = core.call('deployments.get', { deploymentId }).components;
    const link = db.prepare('UPDATE inventory_items SET component_id = ? WHERE site_id = ? AND model = ?');
    link.run(components.find((c) => c.scope === 'core')!.id, site.id, 'FortiGate 60F');
    link.run(components.find((c) => c.name === 'POS server')!.id, site.id, 'PowerEdge R660xs');
    db.close();
    const before = core.call('signoff.review', { siteId: site.id, kind: 'core_components' });
    expect(before.gaps.filter((g) => g.kind === 'missing_item').map((g) => g.label)).toEqual([expect.stringContaining('FortiGate 60F')]);
    expect(before.gaps.some((g) => g.kind === 'failed_check')).toBe(false); // no machine is tied to a core component
    expect(before.gaps.some((g) => g.label.includes('(after)'))).toBe(false);

    completeWork(core, site.id);
    const checklist = core.call('checklist.get', { siteId: site.id });
    expect(checklist.phases.find((p) => p.phase === 'rollback')!.items.every((i) => i.state === 'todo')).toBe(true);
    for (const kind of ['core_components', 'site_complete'] as const) {
      const review = core.call('signoff.review', { siteId: site.id, kind });
      expect(review.gaps).toEqual([]);
      const { sheet } = signSite(core, site.id, { kind, ...signer });
      expect(sheet).toMatchObject({ decision: 'accepted', valid: true });
      expect(core.call('signoff.get', { sheetId: sheet.id }).content).toMatchObject({ gateRule: GATE_RULE, gaps: [] });
    }
    expect(core.call('sites.get', { siteId: site.id }).status).toBe('signed_off');
  });

  it('verifies a sheet signed before the gates (no rule version, no gaps) as VALID', () => {
    const { core, site } = sample();
    const { sheet } = signSite(core, site.id, { decision: 'rejected', reason: 'Not ready' });
    const { gateRule: _rule, gaps: _gaps, ...old } = core.call('signoff.get', { sheetId: sheet.id }).content;
    const oldContent: SheetContent = { ...old, decision: 'accepted' };
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    const der = crypto.createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
    const oldSheet = signContent(oldContent, {
      deviceId: 'old-device',
      privateKey,
      publicKeyBase64: der.toString('base64'),
      fingerprint: publicKeyFingerprint(der),
    });
    // As it would be read from a file: plain JSON.
    const verdict = verifySheet(JSON.parse(JSON.stringify(oldSheet)));
    expect(verdict).toMatchObject({ valid: true });
    expect(verdict.sheet!.content.gateRule).toBeUndefined();
    expect('gaps' in verdict.sheet!.content).toBe(false);
  });
});
