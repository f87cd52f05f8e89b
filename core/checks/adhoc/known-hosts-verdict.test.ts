import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Fingerprint } from '../host-keys/known-hosts';
import { knownHostsLine, knownHostsVerdict } from './known-hosts-verdict';

function blob(): Buffer {
  const type = Buffer.from('ssh-ed25519');
  const key = randomBytes(32);
  const out = Buffer.alloc(8 + type.length + key.length);
  out.writeUInt32BE(type.length, 0);
  type.copy(out, 4);
  out.writeUInt32BE(key.length, 4 + type.length);
  key.copy(out, 8 + type.length);
  return out;
}
const hashed = (name: string) => {
  const salt = randomBytes(20);
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
};

describe('knownHostsVerdict', () => {
  const a = blob();
  const b = blob();
  const seenA = { algorithm: 'ssh-ed25519', fingerprint: sha256Fingerprint(a) };
  it('plain and [host]:port lines written by knownHostsLine are known; another host is unknown', () => {
    const text = knownHostsLine('10.0.0.5', 2222, 'ssh-ed25519', a) + knownHostsLine('pos1', 22, 'ssh-ed25519', b);
    expect(text.startsWith('[10.0.0.5]:2222 ssh-ed25519 ')).toBe(true);
    expect(knownHostsVerdict(text, '10.0.0.5', 2222, seenA)).toEqual({ verdict: 'known' });
    expect(knownHostsVerdict(text, '10.0.0.5', 22, seenA)).toEqual({ verdict: 'unknown' });
  });
  it('hashed entries match; a different key of the same type is changed, naming the expected fingerprint', () => {
    const text = `${hashed('[pos1]:2200')} ssh-ed25519 ${b.toString('base64')}\n`;
    expect(knownHostsVerdict(text, 'pos1', 2200, { algorithm: 'ssh-ed25519', fingerprint: sha256Fingerprint(b) })).toEqual({
      verdict: 'known',
    });
    expect(knownHostsVerdict(text, 'pos1', 2200, seenA)).toEqual({ verdict: 'changed', expected: [sha256Fingerprint(b)] });
    expect(knownHostsVerdict(text, 'pos1', 2200, { algorithm: 'ssh-rsa', fingerprint: 'SHA256:x' })).toEqual({ verdict: 'unknown' });
  });
});
