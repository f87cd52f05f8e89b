import fs from 'node:fs';
import { distributionVersion } from '../../../shared/checks/os/distribution-version';
import { parseOsRelease } from '../remote/probe-sections';

const readOrNull = (file: string): string | null => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

/**
 * This machine's OS version with its point release, read from the same files the remote probe
 * reads (os-release, /etc/debian_version, /etc/redhat-release). Where there is no os-release
 * (macOS, Windows) the version systeminformation gave stands.
 */
export function localDistributionVersion(fallback: string | null): string | null {
  const osRelease = readOrNull('/etc/os-release') ?? readOrNull('/usr/lib/os-release');
  if (osRelease === null) return fallback;
  const values = parseOsRelease(osRelease);
  return distributionVersion({
    id: values.get('ID') ?? null,
    versionId: values.get('VERSION_ID') ?? fallback,
    debianVersion: readOrNull('/etc/debian_version'),
    redhatRelease: readOrNull('/etc/redhat-release'),
  });
}
