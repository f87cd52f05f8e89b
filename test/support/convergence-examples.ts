import type { Scenario, Who } from './convergence-trial';

/**
 * Fixed scenarios of the convergence property: cases the random ones may miss, and every
 * counterexample ever found (kept so that it can never come back).
 */

const ORDERS: Who[][] = Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? ['rm', 'ta', 'tb', 'tc'] : ['tc', 'tb', 'ta', 'rm']));

export const convergenceExamples: { why: string; scenario: Scenario }[] = [
  {
    why: 'two issues numbered alike at one site; shared status written on three devices',
    scenario: {
      actions: [
        { kind: 'openIssue', who: 'ta' },
        { kind: 'openIssue', who: 'tb' },
        { kind: 'siteStatus', who: 'ta', status: 'in_progress' },
        { kind: 'siteStatus', who: 'tb', status: 'blocked' },
        { kind: 'siteStatus', who: 'rm', status: 'ready' },
        { kind: 'receive', who: 'tb', item: 1 },
      ],
      faultSeed: 7,
      faultyRounds: 1,
      orders: ORDERS,
      kills: [],
    },
  },
  {
    why: 'work at a site its technician was just taken off',
    scenario: {
      actions: [{ kind: 'unassignTb' }, { kind: 'receive', who: 'tb', item: 2 }, { kind: 'checklist', who: 'tb', item: 0, state: 'done' }],
      faultSeed: 11,
      // No faulty round: the manager's unassignment must reach the server before tb's work (rejections are covered).
      faultyRounds: 0,
      orders: ORDERS,
      kills: [],
    },
  },
  {
    // Issue #18, seed 909090 path 27: ta's "blocked" arrives; the manager's two offline edits of the site
    // follow (technicians, then status "ready"); the first made the manager the row's last writer, so the
    // server took the second for a write on top of "blocked" and recorded nothing.
    why: '#18 seed 909090: a second offline write of the same row replaces a value the first did not touch',
    scenario: {
      actions: [
        { kind: 'receive', who: 'tb', item: 0 },
        { kind: 'openIssue', who: 'ta' },
        { kind: 'openIssue', who: 'tb' },
        { kind: 'checklist', who: 'tc', item: 2, state: 'todo' },
        { kind: 'receive', who: 'ta', item: 2 },
        { kind: 'receive', who: 'ta', item: 1 },
        { kind: 'siteStatus', who: 'ta', status: 'blocked' },
        { kind: 'receive', who: 'ta', item: 3 },
        { kind: 'checklist', who: 'tc', item: 1, state: 'done' },
        { kind: 'unassignTb' },
        { kind: 'siteStatus', who: 'rm', status: 'ready' },
        { kind: 'receive', who: 'tc', item: 3 },
        { kind: 'itemState', who: 'tc', item: 0, state: 'damaged' },
        { kind: 'receive', who: 'tc', item: 2 },
      ],
      faultSeed: 1552277099,
      faultyRounds: 3,
      orders: [
        ['tb', 'ta', 'rm', 'tc'],
        ['ta', 'rm', 'tc', 'tb'],
        ['ta', 'tb', 'rm', 'tc'],
        ['rm', 'ta', 'tb', 'tc'],
        ['tb', 'rm', 'tc', 'ta'],
        ['rm', 'tb', 'ta', 'tc'],
        ['ta', 'tb', 'tc', 'rm'],
        ['rm', 'tc', 'ta', 'tb'],
      ],
      kills: [],
    },
  },
  {
    // Issue #18, seed 194455976 path 14: the same fault with two technicians: ta's first status write
    // ("deployed", equal to the stored value) still changed the audit columns, which made ta the row's
    // last writer, and ta's next status write replaced tb's "deployed" unrecorded.
    why: "#18 seed 194455976: a write that changes only audit columns makes its device the row's last writer",
    scenario: {
      actions: [
        { kind: 'openIssue', who: 'tc' },
        { kind: 'itemState', who: 'ta', item: 3, state: 'missing' },
        { kind: 'itemState', who: 'ta', item: 5, state: 'missing' },
        { kind: 'checklist', who: 'tc', item: 1, state: 'done' },
        { kind: 'siteStatus', who: 'ta', status: 'deployed' },
        { kind: 'siteStatus', who: 'tb', status: 'in_progress' },
        { kind: 'checklist', who: 'tc', item: 2, state: 'not_applicable' },
        { kind: 'resolveIssue', who: 'tc' },
        { kind: 'siteStatus', who: 'ta', status: 'in_progress' },
        { kind: 'siteStatus', who: 'tb', status: 'deployed' },
      ],
      faultSeed: 1634953682,
      faultyRounds: 1,
      orders: [
        ['ta', 'tb', 'tc', 'rm'],
        ['tb', 'rm', 'tc', 'ta'],
        ['tb', 'tc', 'ta', 'rm'],
        ['tb', 'rm', 'tc', 'ta'],
        ['ta', 'tb', 'tc', 'rm'],
        ['rm', 'ta', 'tc', 'tb'],
        ['rm', 'ta', 'tb', 'tc'],
        ['ta', 'tc', 'tb', 'rm'],
      ],
      kills: [],
    },
  },
  {
    why: 'every device killed in the middle of a faulty pass: before any answer, while pushing, while pulling',
    scenario: {
      actions: [
        { kind: 'receive', who: 'ta', item: 0 },
        { kind: 'openIssue', who: 'tb' },
        { kind: 'siteStatus', who: 'rm', status: 'ready' },
        { kind: 'checklist', who: 'tc', item: 1, state: 'done' },
        { kind: 'siteStatus', who: 'tc', status: 'in_progress' },
        { kind: 'receive', who: 'tc', item: 2 },
      ],
      faultSeed: 11,
      faultyRounds: 2,
      orders: ORDERS,
      kills: [
        { round: 0, who: 'ta', afterMs: 0 },
        { round: 0, who: 'tc', afterMs: 15 },
        { round: 1, who: 'tb', afterMs: 40 },
        { round: 1, who: 'rm', afterMs: 5 },
      ],
    },
  },
];
