import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from '../state/hash-route';
import { useNavigation } from '../state/navigation';

describe('dashboard route', () => {
  it('round-trips #/d/<id>/dashboard and leaves site routes alone', () => {
    expect(parseHash('#/d/dep-1/dashboard')).toEqual({ deploymentId: 'dep-1', siteId: null, tab: 'overview', dashboard: true });
    expect(formatHash({ deploymentId: 'dep-1', siteId: null, tab: 'overview', dashboard: true })).toBe('#/d/dep-1/dashboard');
    expect(formatHash({ deploymentId: 'dep-1', siteId: 's-1', tab: 'issues', dashboard: true })).toBe('#/d/dep-1/s/s-1/issues');
    expect(parseHash('#/d/dep-1').dashboard).toBeUndefined();
  });

  it('opens, and leaves when a site or the deployment is chosen', () => {
    const nav = useNavigation.getState();
    nav.openDashboard('dep-1');
    expect(useNavigation.getState()).toMatchObject({ deploymentId: 'dep-1', siteId: null, dashboard: true });
    useNavigation.getState().selectSite('dep-1', 's-1', 'overview');
    expect(useNavigation.getState()).toMatchObject({ siteId: 's-1', dashboard: false });
    useNavigation.getState().openDashboard('dep-1');
    useNavigation.getState().selectDeployment('dep-1');
    expect(useNavigation.getState()).toMatchObject({ deploymentId: 'dep-1', siteId: null, dashboard: false });
  });
});
