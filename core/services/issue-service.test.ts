import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiInput } from '../../shared/contract';
import { openSampleCore, type TestCore } from '../../test/support/temp-core';
import { newId, systemClock } from '../runtime/clock';
import * as schema from '../db/schema';
import { acceptIssueAsException, listSiteIssues, openBlockingIssues } from './issue-service';
import type { ServiceContext } from './service-context';

let core: TestCore;
afterEach(() => core?.close());

function newIssue(siteId: string, extra: Partial<ApiInput<'issues.create'>> = {}) {
  return core.call('issues.create', { siteId, title: 'Switch PSU dead', severity: 'high', category: 'hardware', ...extra });
}

/** A service context on a second connection to the test core's database, as sign-off would have one. */
function serviceContext(): { ctx: ServiceContext; close(): void } {
  const sqlite = new Database(core.databaseFile);
  const ctx: ServiceContext = {
    db: drizzle(sqlite, { schema }),
    sqlite,
    clock: systemClock,
    newId,
    secrets: core.secrets,
    actor: () => 'Site Owner',
  };
  return { ctx, close: () => sqlite.close() };
}

describe('issue log', () => {
  it('numbers issues per site (#1, #2 at each site) and keeps links', () => {
    const sample = openSampleCore();
    core = sample.core;
    const [a, b] = sample.sites;
    const item = core.call('checklist.get', { siteId: a!.id }).phases[1]!.items[0]!;
    const first = newIssue(a!.id, { links: [{ kind: 'checklist_item', id: item.id }] });
    const second = newIssue(a!.id);
    const other = newIssue(b!.id);
    expect([first.number, second.number, other.number]).toEqual([1, 2, 1]);
    expect(first).toMatchObject({
      status: 'open',
      escalationLevel: 0,
      assignee: null,
      createdBy: 'Test Technician',
      links: [{ kind: 'checklist_item', id: item.id }],
    });
    expect(core.call('issues.get', { issueId: first.id }).issue.links).toEqual([{ kind: 'checklist_item', id: item.id }]);
  });

  it('refuses a link to a record of another site or one that does not exist', () => {
    const sample = openSampleCore();
    core = sample.core;
    const [a, b] = sample.sites;
    const otherItem = core.call('checklist.get', { siteId: b!.id }).phases[0]!.items[0]!;
    expect(
      core.dispatch('issues.create', {
        siteId: a!.id,
        title: 'x',
        severity: 'low',
        category: 'network',
        links: [{ kind: 'checklist_item', id: otherItem.id }],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'rule', message: expect.stringContaining('not at this site') },
    });
    expect(
      core.dispatch('issues.create', {
        siteId: a!.id,
        title: 'x',
        severity: 'low',
        category: 'network',
        links: [{ kind: 'target_machine', id: 'nope' }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'rule' } });
    expect(core.call('issues.list', { siteId: a!.id }).issues).toEqual([]);
  });

  it('keeps the whole history as events: created, commented, assigned, escalated, resolved, closed, reopened', () => {
    const sample = openSampleCore();
    core = sample.core;
    const issue = newIssue(sample.site.id, { blocksSignOff: true });
    core.call('issues.comment', { issueId: issue.id, text: 'Spare PSU ordered' });
    core.call('issues.assign', { issueId: issue.id, assignee: 'Dana' });
    core.call('issues.setStatus', { issueId: issue.id, status: 'in_progress' });
    expect(core.call('issues.escalate', { issueId: issue.id, level: 2, reason: 'Vendor needed' })).toMatchObject({
      status: 'escalated',
      escalationLevel: 2,
    });
    core.call('issues.setStatus', { issueId: issue.id, status: 'resolved', reason: 'PSU swapped' });
    core.call('issues.setStatus', { issueId: issue.id, status: 'closed' });
    const reopened = core.call('issues.setStatus', { issueId: issue.id, status: 'open', reason: 'Failed again' });
    expect(reopened).toMatchObject({ status: 'open', assignee: 'Dana', escalationLevel: 2 });
    const { events } = core.call('issues.get', { issueId: issue.id });
    expect(events.map((e) => e.kind)).toEqual([
      'created',
      'commented',
      'assigned',
      'status_changed',
      'escalated',
      'resolved',
      'closed',
      'reopened',
    ]);
    expect(events[1]).toMatchObject({ text: 'Spare PSU ordered', by: 'Test Technician' });
    expect(events[2]).toMatchObject({ assignee: 'Dana' });
    expect(events[4]).toMatchObject({ escalationLevel: 2, fromStatus: 'in_progress', toStatus: 'escalated', text: 'Vendor needed' });
    expect(events[7]).toMatchObject({ fromStatus: 'closed', toStatus: 'open', text: 'Failed again' });
  });

  it('refuses transitions the rules forbid and an exception without a reason, leaving nothing behind', () => {
    const sample = openSampleCore();
    core = sample.core;
    const issue = newIssue(sample.site.id);
    expect(core.dispatch('issues.setStatus', { issueId: issue.id, status: 'closed' })).toMatchObject({
      ok: false,
      error: { code: 'rule', message: expect.stringContaining('cannot become closed') },
    });
    expect(core.dispatch('issues.setStatus', { issueId: issue.id, status: 'accepted_exception' })).toMatchObject({
      ok: false,
      error: { code: 'rule', message: expect.stringContaining('reason is required') },
    });
    expect(core.call('issues.get', { issueId: issue.id }).events).toHaveLength(1);
    expect(core.dispatch('issues.get', { issueId: 'missing' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses UPDATE and DELETE of history events in the database itself', () => {
    const sample = openSampleCore();
    core = sample.core;
    const issue = newIssue(sample.site.id);
    const sqlite = new Database(core.databaseFile);
    try {
      expect(() => sqlite.prepare(`UPDATE issue_events SET text = 'rewritten' WHERE issue_id = ?`).run(issue.id)).toThrowError(
        /append-only/,
      );
      expect(() => sqlite.prepare(`DELETE FROM issue_events WHERE issue_id = ?`).run(issue.id)).toThrowError(/append-only/);
      expect((sqlite.prepare(`SELECT count(*) AS n FROM issue_events WHERE issue_id = ?`).get(issue.id) as { n: number }).n).toBe(1);
    } finally {
      sqlite.close();
    }
  });

  it('filters the list and counts all of the site', () => {
    const sample = openSampleCore();
    core = sample.core;
    const siteId = sample.site.id;
    newIssue(siteId, { severity: 'critical', category: 'network' });
    newIssue(siteId, { severity: 'low', category: 'network' });
    const third = newIssue(siteId, { severity: 'low', category: 'training' });
    core.call('issues.setStatus', { issueId: third.id, status: 'resolved' });
    const lowOnly = core.call('issues.list', { siteId, severity: 'low' });
    expect(lowOnly.issues.map((i) => i.number)).toEqual([2, 3]);
    expect(core.call('issues.list', { siteId, category: 'network', status: 'open' }).issues.map((i) => i.number)).toEqual([1, 2]);
    expect(lowOnly.counts.bySeverity).toEqual({ critical: 1, high: 0, medium: 0, low: 2 });
    expect(lowOnly.counts.byStatus).toMatchObject({ open: 2, resolved: 1 });
    expect(lowOnly.counts.byCategory).toMatchObject({ network: 2, training: 1, hardware: 0 });
  });

  it('sums open and open-blocking issues per site for the navigator', () => {
    const sample = openSampleCore();
    core = sample.core;
    const [a, b] = sample.sites;
    newIssue(a!.id, { blocksSignOff: true });
    const accepted = newIssue(a!.id, { blocksSignOff: true });
    newIssue(a!.id);
    newIssue(b!.id, { blocksSignOff: false });
    core.call('issues.setStatus', { issueId: accepted.id, status: 'accepted_exception', reason: 'Signed off by owner' });
    const summary = core.call('issues.summary', { deploymentId: sample.deploymentId });
    expect(summary).toHaveLength(sample.sites.length);
    expect(summary.find((s) => s.siteId === a!.id)).toEqual({ siteId: a!.id, open: 2, openBlocking: 1 });
    expect(summary.find((s) => s.siteId === b!.id)).toEqual({ siteId: b!.id, open: 1, openBlocking: 0 });
    expect(summary.filter((s) => s.open === 0)).toHaveLength(sample.sites.length - 2);
  });

  it('gives sign-off the site issues, the open blocking ones, and accepts one as an exception with an event', () => {
    const sample = openSampleCore();
    core = sample.core;
    const siteId = sample.site.id;
    const blocking = newIssue(siteId, { blocksSignOff: true });
    newIssue(siteId, { blocksSignOff: false });
    const resolved = newIssue(siteId, { blocksSignOff: true });
    core.call('issues.setStatus', { issueId: resolved.id, status: 'resolved' });
    const { ctx, close } = serviceContext();
    try {
      expect(listSiteIssues(ctx, siteId).map((i) => i.number)).toEqual([1, 2, 3]);
      expect(openBlockingIssues(ctx, siteId).map((i) => i.id)).toEqual([blocking.id]);
      expect(() => acceptIssueAsException(ctx, { issueId: blocking.id, reason: '' })).toThrowError(/reason is required/);
      const accepted = ctx.sqlite.transaction(() =>
        acceptIssueAsException(ctx, { issueId: blocking.id, reason: 'Owner accepts the spare switch' }),
      )();
      expect(accepted).toMatchObject({ status: 'accepted_exception', updatedBy: 'Site Owner' });
      expect(openBlockingIssues(ctx, siteId)).toEqual([]);
    } finally {
      close();
    }
    const events = core.call('issues.get', { issueId: blocking.id }).events;
    expect(events.at(-1)).toMatchObject({
      kind: 'accepted_exception',
      text: 'Owner accepts the spare switch',
      by: 'Site Owner',
      fromStatus: 'open',
      toStatus: 'accepted_exception',
    });
  });
});
