import { describe, expect, it } from 'vitest';
import { identityMatcher } from './my-sites';
import { offlineReadiness } from './offline-readiness';

describe('offline readiness', () => {
  it('is prepared with the plan, a checklist and every machine keyed and signed in', () => {
    expect(
      offlineReadiness({
        planOnDevice: true,
        checklistItems: 3,
        machines: [{ hostName: 'pos01', hostKeyTrusted: true, credentialsConfigured: true }],
      }),
    ).toEqual({ prepared: true, missing: [] });
  });

  it('names every gap, and the machines behind each', () => {
    const machines = ['a', 'b', 'c', 'd', 'e'].map((hostName) => ({
      hostName,
      hostKeyTrusted: hostName === 'a',
      credentialsConfigured: hostName !== 'e',
    }));
    const r = offlineReadiness({ planOnDevice: false, checklistItems: 0, machines });
    expect(r.prepared).toBe(false);
    expect(r.missing).toEqual([
      { kind: 'no_plan', message: 'The deployment plan is not on this device' },
      { kind: 'no_checklist', message: 'The checklist is not instantiated' },
      { kind: 'host_key_missing', message: 'No trusted host key for b, c, d and 1 more' },
      { kind: 'credentials_missing', message: 'No sign-in credentials for e' },
    ]);
  });
});

describe('my sites', () => {
  it('matches technicians by any of my names, ignoring case and spaces', () => {
    const mine = identityMatcher({ names: ['Riley Field', 'rfield', ''] });
    expect(mine([{ id: null, name: 'riley field ' }])).toBe(true);
    expect(mine([{ id: '6f1c1f0e-8a4b-4c53-9a50-0c2b5d1f0a01', name: 'Riley Field' }])).toBe(true);
    expect(mine([{ id: null, name: 'RField' }])).toBe(true);
    expect(mine([{ id: null, name: 'Sam' }])).toBe(false);
    expect(mine([])).toBe(false);
  });
});
