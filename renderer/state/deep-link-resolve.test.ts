import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/contract';
import { resolveDeepLink } from './deep-link-resolve';

// A device with two deployments; AMS-001 is in both, UTR-002 only in d1, which has issue #3.
const data: Record<string, (input: Record<string, string>) => unknown> = {
  'deployments.list': () => [{ id: 'd1' }, { id: 'd2' }],
  'sites.list': ({ deploymentId }) =>
    deploymentId === 'd1'
      ? [
          { id: 's-ams-1', code: 'AMS-001' },
          { id: 's-utr', code: 'UTR-002' },
        ]
      : [{ id: 's-ams-2', code: 'AMS-001' }],
  'issues.list': ({ siteId }) => ({ issues: siteId === 's-utr' ? [{ id: 'i-3', number: 3 }] : [], counts: {} }),
};
const call = (async (method: string, input: Record<string, string>) =>
  ({ ok: true, value: data[method]!(input) }) as ApiResult<unknown>) as unknown as Parameters<typeof resolveDeepLink>[0];

describe('resolveDeepLink', () => {
  it('finds a site by its code, and an issue by its number', async () => {
    expect(await resolveDeepLink(call, { kind: 'site', siteCode: 'UTR-002', deploymentId: null })).toEqual({
      ok: true,
      route: { deploymentId: 'd1', siteId: 's-utr', tab: 'overview', dashboard: false, issueId: null },
    });
    expect(await resolveDeepLink(call, { kind: 'issue', siteCode: 'UTR-002', deploymentId: null, issueNumber: 3 })).toMatchObject({
      ok: true,
      route: { siteId: 's-utr', tab: 'issues', issueId: 'i-3' },
    });
  });

  it('asks for the deployment when a code is in several, and uses the one named', async () => {
    expect(await resolveDeepLink(call, { kind: 'site', siteCode: 'AMS-001', deploymentId: null })).toEqual({
      ok: false,
      message: 'AMS-001 is a site of 2 deployments: the link must name one (?deployment=<id>)',
    });
    expect(await resolveDeepLink(call, { kind: 'site', siteCode: 'AMS-001', deploymentId: 'd2' })).toMatchObject({
      ok: true,
      route: { deploymentId: 'd2', siteId: 's-ams-2' },
    });
  });

  it('says what is not on this device', async () => {
    expect(await resolveDeepLink(call, { kind: 'site', siteCode: 'BRU-003', deploymentId: null })).toEqual({
      ok: false,
      message: 'No site BRU-003 on this device',
    });
    expect(await resolveDeepLink(call, { kind: 'site', siteCode: 'AMS-001', deploymentId: 'd9' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('not on this device'),
    });
    expect(await resolveDeepLink(call, { kind: 'issue', siteCode: 'UTR-002', deploymentId: null, issueNumber: 4 })).toEqual({
      ok: false,
      message: 'UTR-002 has no issue #4 on this device',
    });
    expect(await resolveDeepLink(call, { kind: 'deployment', deploymentId: 'd2' })).toMatchObject({
      ok: true,
      route: { deploymentId: 'd2', siteId: null },
    });
    expect(await resolveDeepLink(call, { kind: 'deployment', deploymentId: 'nope' })).toMatchObject({ ok: false });
  });
});
