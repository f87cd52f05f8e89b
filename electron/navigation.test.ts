import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isSafeExternalUrl } from './navigation';

describe('isAllowedNavigation', () => {
  const current = 'app://outpost/index.html';

  it('allows staying on the same app page', () => {
    expect(isAllowedNavigation('app://outpost/index.html?x=1', current)).toBe(true);
    expect(isAllowedNavigation('app://outpost/', current)).toBe(true);
    expect(isAllowedNavigation('app://outpost/index.html', 'app://outpost/')).toBe(true);
  });

  it.each([
    'app://outpost/other.html',
    'app://evil/index.html',
    'https://example.com/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,hi',
    'about:blank',
  ])('refuses %s', (target) => expect(isAllowedNavigation(target, current)).toBe(false));

  it('refuses everything while the current page is not ours', () => {
    expect(isAllowedNavigation('app://outpost/index.html', 'about:blank')).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it('accepts https links', () => {
    expect(isSafeExternalUrl('https://docs.example.com/outpost?a=1')).toBe(true);
  });
  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'app://outpost/',
    'https://user:pw@example.com/',
    'nonsense',
  ])('refuses %s', (url) => expect(isSafeExternalUrl(url)).toBe(false));
});
