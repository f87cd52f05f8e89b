import { describe, expect, it } from 'vitest';
import { distributionVersion } from './distribution-version';

describe('distributionVersion', () => {
  it('reads the Debian point release from /etc/debian_version', () => {
    expect(distributionVersion({ id: 'debian', versionId: '12', debianVersion: '12.11\n' })).toBe('12.11');
  });
  it('keeps VERSION_ID when debian_version is a codename (testing/sid)', () => {
    expect(distributionVersion({ id: 'debian', versionId: '13', debianVersion: 'trixie/sid\n' })).toBe('13');
  });
  it('reads "release X.Y" from /etc/redhat-release', () => {
    expect(distributionVersion({ id: 'rocky', versionId: '9.4', redhatRelease: 'Rocky Linux release 9.4 (Blue Onyx)\n' })).toBe('9.4');
    expect(distributionVersion({ id: 'centos', versionId: '7', redhatRelease: 'CentOS Linux release 7.9.2009 (Core)\n' })).toBe('7.9.2009');
  });
  it('uses VERSION_ID for other distributions', () => {
    expect(distributionVersion({ id: 'ubuntu', versionId: '22.04', debianVersion: 'bookworm/sid' })).toBe('22.04');
    expect(distributionVersion({ id: null, versionId: null })).toBeNull();
  });
});
