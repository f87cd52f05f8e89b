import { describe, expect, it } from 'vitest';
import {
  deepLinkFromHash,
  deepLinkHash,
  deepLinkInArgv,
  DEEP_LINK_MAX_LENGTH,
  formatDeepLink,
  parseDeepLink,
  type DeepLink,
} from './deep-link';

const ok = (raw: string) => {
  const parsed = parseDeepLink(raw);
  if (!parsed.ok) throw new Error(`refused ${raw}: ${parsed.reason}`);
  return parsed.link;
};
const reason = (raw: unknown) => {
  const parsed = parseDeepLink(raw);
  if (parsed.ok) throw new Error(`accepted ${String(raw)}`);
  return parsed.reason;
};

describe('parseDeepLink: the forms it accepts', () => {
  it('opens a site by its code', () => {
    expect(ok('outpost://site/AMS-001')).toEqual({ kind: 'site', siteCode: 'AMS-001', deploymentId: null });
  });

  it('accepts the trailing slash Windows adds, any case of the scheme and kind, and %-escapes in the code', () => {
    expect(ok('outpost://site/AMS-001/')).toEqual({ kind: 'site', siteCode: 'AMS-001', deploymentId: null });
    expect(ok('OUTPOST://Site/AMS-001')).toMatchObject({ kind: 'site', siteCode: 'AMS-001' });
    expect(ok('outpost://site/Z%C3%BCrich%20HQ')).toMatchObject({ siteCode: 'Zürich HQ' });
  });

  it('names the deployment when a code is used in more than one', () => {
    expect(ok('outpost://site/AMS-001?deployment=0193a5b2-7c1d-7000-8000-000000000001')).toEqual({
      kind: 'site',
      siteCode: 'AMS-001',
      deploymentId: '0193a5b2-7c1d-7000-8000-000000000001',
    });
  });

  it('opens an issue of a site by its number', () => {
    expect(ok('outpost://site/AMS-001/issue/7')).toEqual({ kind: 'issue', siteCode: 'AMS-001', deploymentId: null, issueNumber: 7 });
  });

  it('opens a deployment by id', () => {
    expect(ok('outpost://deployment/0193a5b2-7c1d')).toEqual({ kind: 'deployment', deploymentId: '0193a5b2-7c1d' });
  });

  it('formats what it parses back to the same link', () => {
    const links: DeepLink[] = [
      { kind: 'site', siteCode: 'Zürich HQ', deploymentId: null },
      { kind: 'site', siteCode: 'AMS-001', deploymentId: 'dep-1' },
      { kind: 'issue', siteCode: 'AMS-001', deploymentId: null, issueNumber: 12 },
      { kind: 'deployment', deploymentId: 'dep-1' },
    ];
    for (const link of links) expect(ok(formatDeepLink(link))).toEqual(link);
  });
});

describe('parseDeepLink: hostile or broken links are refused with a reason', () => {
  it.each([
    [42, /not text/],
    ['https://site/AMS-001', /does not start with outpost:\/\//],
    ['outpost:site/AMS-001', /does not start with/],
    ['javascript:alert(1)//outpost://site/A', /does not start with/],
    ['outpost://site/', /empty/],
    ['outpost://site', /empty/],
    ['outpost://site/..', /path step/],
    ['outpost://site/%2E%2E', /path step/],
    ['outpost://site/%2e', /path step/],
    ['outpost://site/..%2F..%2Fetc%2Fpasswd', /slash/],
    ['outpost://site/a%5Cb', /slash/],
    ['outpost://site/a\\b', /backslash/],
    ['outpost://site//AMS-001', /empty path step/],
    ['outpost://site/AMS-001/../../x', /site link is/],
    ['outpost://site/AMS%00', /control/],
    ['outpost://site/AMS\u0000', /control/],
    ['outpost://site/AMS 001', /spaces/],
    ['outpost://site/AMS-001\n', /spaces/],
    ['outpost://site/%20AMS', /space/],
    ['outpost://site/%E0%A4%A', /malformed/],
    [`outpost://site/${'A'.repeat(41)}`, /longer than 40/],
    ['outpost://site/AMS-001/issue/0', /positive whole number/],
    ['outpost://site/AMS-001/issue/-1', /positive whole number/],
    ['outpost://site/AMS-001/issue/1e3', /positive whole number/],
    ['outpost://site/AMS-001/issue/99999999', /positive whole number/],
    ['outpost://site/AMS-001/checklist', /site link is/],
    ['outpost://site/AMS-001?evil=1', /unknown parameter/],
    ['outpost://site/AMS-001?deployment=a&deployment=b', /twice/],
    ['outpost://site/AMS-001?deployment=..%2Fx', /not a valid id/],
    ['outpost://site/AMS-001#/d/x', /fragment/],
    ['outpost://deployment/../x', /deployment link is/],
    ['outpost://deployment/a?deployment=b', /no parameters/],
    ['outpost://file/etc/passwd', /unknown link kind "file"/],
    ['outpost://', /empty/],
  ])('%j', (raw, why) => {
    expect(reason(raw)).toMatch(why);
  });

  it('bounds the length before looking at anything else', () => {
    const long = `outpost://site/AMS-001?deployment=${'a'.repeat(DEEP_LINK_MAX_LENGTH)}`;
    expect(reason(long)).toMatch(`longer than ${DEEP_LINK_MAX_LENGTH} characters`);
  });
});

describe('deep links on a command line and in the route', () => {
  it('finds the link among Chromium switches and the app path (Windows/Linux second instance)', () => {
    expect(deepLinkInArgv(['C:\\Outpost\\Outpost.exe', '--allow-file-access-from-files', 'outpost://site/AMS-001/'])).toBe(
      'outpost://site/AMS-001/',
    );
    expect(deepLinkInArgv(['/usr/bin/outpost', '.', '--data-dir', '/tmp/x'])).toBeNull();
  });

  it('carries a link in #/open/… and reads it back; other fragments carry none', () => {
    const hash = deepLinkHash('outpost://site/AMS-001?deployment=d1');
    expect(hash).toBe('#/open/outpost%3A%2F%2Fsite%2FAMS-001%3Fdeployment%3Dd1');
    expect(deepLinkFromHash(hash)).toBe('outpost://site/AMS-001?deployment=d1');
    expect(deepLinkFromHash('#/d/abc')).toBeNull();
    expect(deepLinkFromHash('#/open/%E0%A4%A')).toBe('');
  });
});
