import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from './hash-route';
import { useNavigation } from './navigation';

describe('site routes with tabs and an open issue', () => {
  it('round-trips #/d/<id>/s/<site>/issues/<issue>', () => {
    const route = parseHash('#/d/dep-1/s/s-1/issues/iss-7');
    expect(route).toEqual({ deploymentId: 'dep-1', siteId: 's-1', tab: 'issues', issueId: 'iss-7' });
    expect(formatHash(route)).toBe('#/d/dep-1/s/s-1/issues/iss-7');
    expect(parseHash('#/d/dep-1/s/s-1/checklist/iss-7').issueId).toBeUndefined();
    expect(formatHash({ deploymentId: 'dep-1', siteId: 's-1', tab: 'checklist', issueId: 'iss-7' })).toBe('#/d/dep-1/s/s-1/checklist');
  });

  it('opens an issue in the Issues tab and forgets it when the tab or site changes', () => {
    const nav = useNavigation.getState();
    nav.selectSite('dep-1', 's-1', 'overview');
    useNavigation.getState().openIssue('iss-7');
    expect(useNavigation.getState()).toMatchObject({ tab: 'issues', issueId: 'iss-7' });
    useNavigation.getState().setTab('checklist');
    expect(useNavigation.getState().issueId).toBeNull();
    useNavigation.getState().openIssue('iss-7');
    useNavigation.getState().selectSite('dep-1', 's-2');
    expect(useNavigation.getState().issueId).toBeNull();
  });
});
