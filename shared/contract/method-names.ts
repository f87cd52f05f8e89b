/**
 * The names of every contract method, without their schemas, for code that must stay tiny (the
 * sandboxed preload). `index.ts` checks at compile time that this list and the contract agree.
 */
export const API_METHOD_NAMES = [
  'app.info',
  'profile.get',
  'profile.set',
  'sample.open',
  'deployments.list',
  'deployments.get',
  'deployments.create',
  'sites.list',
  'sites.get',
  'sites.create',
  'sites.setStatus',
  'machines.list',
  'inventory.list',
  'inventory.reconciliation',
  'inventory.receive',
  'inventory.recordSurplus',
  'inventory.setState',
  'checklist.get',
  'checklist.setItemState',
  'checklist.completePhase',
  'issues.list',
  'issues.get',
  'issues.create',
  'issues.comment',
  'issues.assign',
  'issues.setStatus',
  'issues.escalate',
  'issues.summary',
  'attachments.put',
  'attachments.get',
  'sites.rollback',
  'sites.rollbacks',
] as const;

export type ApiMethodName = (typeof API_METHOD_NAMES)[number];
