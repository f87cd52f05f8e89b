/**
 * The OS version with its point release, as Ansible reports `ansible_distribution_version`:
 * os-release VERSION_ID alone says "12" on Debian, while a Goss/Ansible user expects "12.11".
 * Follows Ansible's distribution module: Debian reads /etc/debian_version, the Red Hat family
 * reads "release X.Y" from /etc/redhat-release; everything else keeps VERSION_ID.
 */
export interface DistributionSources {
  /** os-release ID, lower case (e.g. "debian", "rocky"). */
  id: string | null;
  /** os-release VERSION_ID. */
  versionId: string | null;
  /** Contents of /etc/debian_version, when read. */
  debianVersion?: string | null;
  /** Contents of /etc/redhat-release, when read. */
  redhatRelease?: string | null;
}

const RED_HAT_FAMILY = new Set(['rhel', 'centos', 'rocky', 'almalinux', 'fedora', 'ol', 'scientific']);

export function distributionVersion(sources: DistributionSources): string | null {
  const id = sources.id?.toLowerCase() ?? null;
  if (id === 'debian' && sources.debianVersion) {
    const line = sources.debianVersion.trim();
    // Testing/sid write a codename ("trixie/sid"); only a numeric release is a version.
    if (/^\d+(\.\d+)*$/.test(line)) return line;
  }
  if (id !== null && RED_HAT_FAMILY.has(id) && sources.redhatRelease) {
    const match = /release\s+(\d+(?:\.\d+)*)/.exec(sources.redhatRelease);
    if (match?.[1]) return match[1];
  }
  return sources.versionId;
}
