import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverCommand } from '../../launcher/commands/server-command';
import { loadServerTls, TlsConfigError } from '../../server/tls/certificate-files';

describe('outpost server cert create', () => {
  it('writes a self-signed pair for the names given plus loopback, prints its SHA-256 fingerprint, and refuses to overwrite it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-cert-'));
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
    try {
      expect(await serverCommand.run(['cert', 'create', '--out', dir, '--name', 'outpost.example.com', '--name', '10.0.0.5'], io)).toBe(0);
      const certFile = path.join(dir, 'outpost-server.crt');
      const keyFile = path.join(dir, 'outpost-server.key');
      const cert = new X509Certificate(fs.readFileSync(certFile));
      expect(out.join('\n')).toContain(`SHA-256 fingerprint: ${cert.fingerprint256}`);
      expect(cert.subjectAltName).toContain('DNS:outpost.example.com');
      expect(cert.subjectAltName).toContain('IP Address:10.0.0.5');
      expect(cert.subjectAltName).toContain('DNS:localhost');
      expect(cert.verify(cert.publicKey)).toBe(true); // self-signed
      expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(loadServerTls(certFile, keyFile).fingerprint).toBe(cert.fingerprint256);

      await expect(serverCommand.run(['cert', 'create', '--out', dir], io)).rejects.toThrow(/exists: pass --force/);
      expect(new X509Certificate(fs.readFileSync(certFile)).fingerprint256).toBe(cert.fingerprint256);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a key that is not the certificate\u2019s, and one of the pair alone', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-cert-'));
    const io = { out: () => undefined, err: () => undefined };
    try {
      await serverCommand.run(['cert', 'create', '--out', path.join(dir, 'a')], io);
      await serverCommand.run(['cert', 'create', '--out', path.join(dir, 'b')], io);
      expect(() => loadServerTls(path.join(dir, 'a', 'outpost-server.crt'), path.join(dir, 'b', 'outpost-server.key'))).toThrow(
        TlsConfigError,
      );
      const errors: string[] = [];
      const code = await serverCommand.run(['start', '--tls-cert', path.join(dir, 'a', 'outpost-server.crt'), '--port', '0'], {
        out: () => undefined,
        err: (l) => errors.push(l),
      });
      expect(code).toBe(1);
      expect(errors.join('\n')).toContain('both --tls-cert and --tls-key');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
