import { describe, expect, it } from 'vitest';
import type { ReviewIssue } from '../domain/signoff';
import { checkGatedDecision, gateGaps, recordedGaps, type GateFacts, type GapKind } from './gates';

const issue = (id: string, over: Partial<ReviewIssue> = {}): ReviewIssue => ({
  id,
  siteCode: 'AMS-001',
  number: 7,
  title: 'Uplink flaps',
  severity: 'high',
  category: 'network',
  status: 'open',
  blocksSignOff: true,
  escalationLevel: 0,
  ...over,
});

/** A finished site: every gated item done, the rollback phase untouched, everything received, every check passed. */
const complete = (): GateFacts => ({
  checklist: [
    { id: 'c1', phase: 'before', title: 'Check power', required: true, state: 'done' },
    { id: 'c2', phase: 'during', title: 'Mount firewall', required: true, state: 'not_applicable' },
    { id: 'c3', phase: 'after', title: 'Test sale', required: true, state: 'done' },
    { id: 'c4', phase: 'after', title: 'Walk-through', required: false, state: 'todo' },
    { id: 'r1', phase: 'rollback', title: 'Restore the previous server', required: true, state: 'todo' },
  ],
  inventory: [
    { id: 'i1', assetTag: 'FW-1', model: 'FortiGate 60F', serial: 'FGT60F001', state: 'installed', isSurplus: false, scope: 'core' },
    { id: 'i2', assetTag: 'TILL-1', model: 'Till', serial: 'T001', state: 'received', isSurplus: false, scope: 'site' },
    { id: 'i3', assetTag: null, model: 'Cable', serial: null, state: 'expected', isSurplus: true, scope: null },
  ],
  targets: [
    { id: 't1', hostName: 'fw-01', scope: 'core', latest: { outcome: 'completed', fail: 0, error: 0 } },
    { id: 't2', hostName: 'pos-srv-01', scope: 'site', latest: { outcome: 'completed', fail: 0, error: 0 } },
  ],
  issues: [
    issue('minor', { blocksSignOff: false }),
    issue('closed', { status: 'resolved' }),
    issue('excepted', { status: 'accepted_exception' }),
  ],
  openOutages: [],
});

const outage = (issueId: string, scope: 'core' | 'site' | null) => ({
  issueId,
  number: 3,
  title: 'Tills offline',
  component: scope === null ? null : `${scope} service`,
  scope,
  startedAt: '2026-03-28T22:30:00.000Z',
  timeZone: 'Europe/Berlin',
});

type Change = (f: GateFacts) => GateFacts;
const gapIn = {
  checklist: ((f) => ({ ...f, checklist: f.checklist.map((i) => (i.id === 'c3' ? { ...i, state: 'failed' as const } : i)) })) as Change,
  coreChecklist: ((f) => ({ ...f, checklist: f.checklist.map((i) => (i.id === 'c1' ? { ...i, state: 'todo' as const } : i)) })) as Change,
  missing: ((f) => ({ ...f, inventory: f.inventory.map((i) => (i.id === 'i2' ? { ...i, state: 'missing' as const } : i)) })) as Change,
  coreMissing: ((f) => ({ ...f, inventory: f.inventory.map((i) => (i.id === 'i1' ? { ...i, state: 'expected' as const } : i)) })) as Change,
  failedCheck: ((f) => ({
    ...f,
    targets: f.targets.map((t) => (t.id === 't2' ? { ...t, latest: { outcome: 'completed', fail: 2, error: 0 } } : t)),
  })) as Change,
  coreUnchecked: ((f) => ({ ...f, targets: f.targets.map((t) => (t.id === 't1' ? { ...t, latest: null } : t)) })) as Change,
  issue: ((f) => ({ ...f, issues: [...f.issues, issue('blocker', { status: 'escalated', number: 9 })] })) as Change,
  outage: ((f) => ({ ...f, openOutages: [...f.openOutages, outage('down', null)] })) as Change,
  coreOutage: ((f) => ({ ...f, openOutages: [...f.openOutages, outage('coredown', 'core')] })) as Change,
};

const kinds = (f: GateFacts, kind: 'site_complete' | 'core_components') => gateGaps(kind, f).map((g): [GapKind, string] => [g.kind, g.id]);

describe('sign-off gates', () => {
  it('counts an open hand-over item as a gap of the complete site, not of the core sheet', () => {
    const facts: GateFacts = {
      ...complete(),
      checklist: [...complete().checklist, { id: 'h1', phase: 'handover', title: 'Sealed envelope', required: true, state: 'todo' }],
    };
    expect(gateGaps('site_complete', facts)).toEqual([
      { id: 'checklist:h1', kind: 'checklist_item', label: 'Checklist (hand-over): "Sealed envelope" is not done' },
    ]);
    expect(gateGaps('core_components', facts)).toEqual([]);
  });

  it('finds no gap on a finished site; rollback items, optional items, surplus and non-blocking or closed issues do not count', () => {
    expect(gateGaps('site_complete', complete())).toEqual([]);
    expect(gateGaps('core_components', complete())).toEqual([]);
    expect(checkGatedDecision({ decision: 'accepted', reason: '', exceptions: [], gapReasons: [] }, [], complete().issues)).toEqual({
      allowed: true,
    });
  });

  const table: { name: string; change: Change; site: [GapKind, string][]; core: [GapKind, string][] }[] = [
    {
      name: 'an open required checklist item (after phase: site only)',
      change: gapIn.checklist,
      site: [['checklist_item', 'checklist:c3']],
      core: [],
    },
    {
      name: 'an open required checklist item (before phase: both)',
      change: gapIn.coreChecklist,
      site: [['checklist_item', 'checklist:c1']],
      core: [['checklist_item', 'checklist:c1']],
    },
    { name: 'a missing site-scope item', change: gapIn.missing, site: [['missing_item', 'inventory:i2']], core: [] },
    {
      name: 'a missing core-scope item',
      change: gapIn.coreMissing,
      site: [['missing_item', 'inventory:i1']],
      core: [['missing_item', 'inventory:i1']],
    },
    { name: 'a failed check of a site machine', change: gapIn.failedCheck, site: [['failed_check', 'check:t2']], core: [] },
    {
      name: 'a core machine never checked',
      change: gapIn.coreUnchecked,
      site: [['failed_check', 'check:t1']],
      core: [['failed_check', 'check:t1']],
    },
    {
      name: 'an open blocking issue',
      change: gapIn.issue,
      site: [['open_issue', 'issue:blocker']],
      core: [['open_issue', 'issue:blocker']],
    },
    { name: 'an open outage of an unnamed service (site only)', change: gapIn.outage, site: [['open_outage', 'outage:down']], core: [] },
    {
      name: 'an open outage of a core component',
      change: gapIn.coreOutage,
      site: [['open_outage', 'outage:coredown']],
      core: [['open_outage', 'outage:coredown']],
    },
    {
      name: 'all together',
      change: (f) => Object.values(gapIn).reduce((acc, c) => c(acc), f),
      site: [
        ['checklist_item', 'checklist:c1'],
        ['checklist_item', 'checklist:c3'],
        ['missing_item', 'inventory:i1'],
        ['missing_item', 'inventory:i2'],
        ['failed_check', 'check:t1'],
        ['failed_check', 'check:t2'],
        ['open_issue', 'issue:blocker'],
        ['open_outage', 'outage:down'],
        ['open_outage', 'outage:coredown'],
      ],
      core: [
        ['checklist_item', 'checklist:c1'],
        ['missing_item', 'inventory:i1'],
        ['failed_check', 'check:t1'],
        ['open_issue', 'issue:blocker'],
        ['open_outage', 'outage:coredown'],
      ],
    },
  ];

  for (const row of table) {
    it(`gates ${row.name}, on the site and the core sheet`, () => {
      const facts = row.change(complete());
      expect(kinds(facts, 'site_complete')).toEqual(row.site);
      expect(kinds(facts, 'core_components')).toEqual(row.core);
      for (const kind of ['site_complete', 'core_components'] as const) {
        const gaps = gateGaps(kind, facts);
        const accepted = checkGatedDecision({ decision: 'accepted', reason: '', exceptions: [], gapReasons: [] }, gaps, facts.issues);
        if (gaps.length === 0) {
          expect(accepted).toEqual({ allowed: true });
          continue;
        }
        expect(accepted.allowed).toBe(false);
        for (const gap of gaps) expect(accepted).toMatchObject({ reason: expect.stringContaining(gap.label) });
        // With a reason for every gap (issues accepted as exceptions) it can be signed with exceptions.
        const exceptions = facts.issues
          .filter((i) => gaps.some((g) => g.id === `issue:${i.id}`))
          .map((i) => ({ issueId: i.id, reason: 'Vendor visit Friday' }));
        const gapReasons = gaps.filter((g) => g.kind !== 'open_issue').map((g) => ({ gapId: g.id, reason: 'Ordered, arrives next week' }));
        expect(
          checkGatedDecision({ decision: 'accepted_with_exceptions', reason: '', exceptions, gapReasons }, gaps, facts.issues),
        ).toEqual({ allowed: true });
        // One reason short: refused, naming what is left.
        if (gapReasons.length > 0) {
          const verdict = checkGatedDecision(
            { decision: 'accepted_with_exceptions', reason: '', exceptions, gapReasons: gapReasons.slice(1) },
            gaps,
            facts.issues,
          );
          expect(verdict).toMatchObject({
            allowed: false,
            reason: expect.stringContaining(gaps.find((g) => g.id === gapReasons[0]!.gapId)!.label),
          });
        }
        // Still never "accepted" while a gap is open, reasons or not.
        expect(checkGatedDecision({ decision: 'accepted', reason: '', exceptions: [], gapReasons }, gaps, facts.issues).allowed).toBe(
          false,
        );
      }
    });
  }

  it('names an open outage with its service, its start in the site zone and its issue', () => {
    expect(gateGaps('site_complete', gapIn.coreOutage(complete()))).toEqual([
      {
        id: 'outage:coredown',
        kind: 'open_outage',
        label: 'Outage: core service down since 28 Mar 2026, 23:30 (Europe/Berlin), no end recorded (issue #3 "Tills offline")',
      },
    ]);
  });

  it('ignores the rollback phase even when every rollback item is open or failed', () => {
    const facts = complete();
    const rolled = { ...facts, checklist: facts.checklist.map((i) => (i.phase === 'rollback' ? { ...i, state: 'failed' as const } : i)) };
    expect(gateGaps('site_complete', rolled)).toEqual([]);
  });

  it('refuses reasons for unknown, duplicate or issue gaps, empty reasons, and any exception on a rejection', () => {
    const facts = gapIn.missing(gapIn.issue(complete()));
    const gaps = gateGaps('site_complete', facts);
    const sign = (decision: 'accepted_with_exceptions' | 'rejected', gapReasons: { gapId: string; reason: string }[], reason = '') =>
      checkGatedDecision(
        { decision, reason, exceptions: decision === 'rejected' ? [] : [{ issueId: 'blocker', reason: 'ok' }], gapReasons },
        gaps,
        facts.issues,
      );
    expect(sign('accepted_with_exceptions', [{ gapId: 'inventory:nope', reason: 'x' }])).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('not an open gap'),
    });
    expect(sign('accepted_with_exceptions', [{ gapId: 'issue:blocker', reason: 'x' }])).toMatchObject({ allowed: false });
    expect(
      sign('accepted_with_exceptions', [
        { gapId: 'inventory:i2', reason: 'x' },
        { gapId: 'inventory:i2', reason: 'y' },
      ]),
    ).toMatchObject({ allowed: false, reason: expect.stringContaining('twice') });
    expect(sign('accepted_with_exceptions', [{ gapId: 'inventory:i2', reason: ' ' }])).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('Give a reason'),
    });
    expect(sign('rejected', [{ gapId: 'inventory:i2', reason: 'x' }], 'Not ready')).toMatchObject({ allowed: false });
    expect(sign('rejected', [], 'Not ready')).toEqual({ allowed: true });
  });

  it('takes "accepted with exceptions" over gaps other than issues alone, and records each gap with its reason', () => {
    const facts = gapIn.failedCheck(complete());
    const gaps = gateGaps('site_complete', facts);
    const d = {
      decision: 'accepted_with_exceptions' as const,
      reason: '',
      exceptions: [],
      gapReasons: [{ gapId: 'check:t2', reason: 'Printer test fails until the vendor patch' }],
    };
    expect(checkGatedDecision(d, gaps, facts.issues)).toEqual({ allowed: true });
    expect(recordedGaps(gaps, d)).toEqual([
      {
        id: 'check:t2',
        kind: 'failed_check',
        label: 'Check: pos-srv-01: latest check 2 failed, 0 errors',
        reason: 'Printer test fails until the vendor patch',
      },
    ]);
  });
});
