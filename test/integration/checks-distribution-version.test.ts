// The OS point release (Ansible's distribution_version) in the facts of both collectors, against
// this machine's real /etc files and a real sshd on loopback.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDistributionVersion } from '../../core/checks/local/local-distribution-version';
import { collectRemote } from '../../core/checks/remote/collect-remote';
import { factsSchema } from '../../shared/checks/facts';
import { sshdTarget, sshdUnavailableReason, startSshd, type SshdInstance } from '../support/sshd-harness';

const unavailable = sshdUnavailableReason();
const osReleaseId = /^ID="?([^"\n]+)"?$/m.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1] ?? null;
const debianVersion = fs.existsSync('/etc/debian_version') ? fs.readFileSync('/etc/debian_version', 'utf8').trim() : null;
const isDebianRelease = osReleaseId === 'debian' && debianVersion !== null && /^\d+(\.\d+)+$/.test(debianVersion);

describe.skipIf(!isDebianRelease)('OS point release on this Debian machine', () => {
  it('the local collector reports /etc/debian_version', () => {
    expect(localDistributionVersion(null)).toBe(debianVersion);
  });

  describe.skipIf(unavailable)(`over SSH${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
    let sshd: SshdInstance;
    beforeAll(async () => {
      sshd = await startSshd();
    }, 30_000);
    afterAll(async () => {
      await sshd?.stop();
    });

    it('the remote probe reads it and keeps VERSION_ID as the major version', async () => {
      const outcome = await collectRemote(sshdTarget(sshd), []);
      if (!outcome.ok) throw new Error(`${outcome.reason}: ${outcome.message}`);
      const facts = factsSchema.parse(outcome.facts);
      expect(facts.os.distributionVersion).toBe(debianVersion);
      expect(facts.os.version).toBe(debianVersion!.split('.')[0]);
    }, 30_000);
  });
});
