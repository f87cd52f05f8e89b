import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distributionVersion } from '../../../shared/checks/os/distribution-version';

// This machine's own files: the Debian point release must win over os-release's major version.
describe('distributionVersion on this machine', () => {
  it('reports the point release from the real /etc files', () => {
    const osRelease = new Map(
      readFileSync('/etc/os-release', 'utf8')
        .split('\n')
        .map((line) => /^(\w+)=(.*)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1] ?? '', (m[2] ?? '').replace(/^"|"$/g, '')] as const),
    );
    const read = (path: string): string | null => (existsSync(path) ? readFileSync(path, 'utf8') : null);
    const debianVersion = read('/etc/debian_version');
    const version = distributionVersion({
      id: osRelease.get('ID') ?? null,
      versionId: osRelease.get('VERSION_ID') ?? null,
      debianVersion,
      redhatRelease: read('/etc/redhat-release'),
    });
    if (osRelease.get('ID') === 'debian' && debianVersion && /^\d+(\.\d+)*\s*$/.test(debianVersion)) {
      expect(version).toBe(debianVersion.trim());
    } else {
      expect(version).toBe(osRelease.get('VERSION_ID') ?? null);
    }
  });
});
