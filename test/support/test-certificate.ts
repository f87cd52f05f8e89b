// Self-signed server certificates for the HTTPS suites, made with the code behind
// `outpost server cert create` (one pair per name per test process).
import { createSelfSignedPair } from '../../server/tls/create-self-signed';
import type { ServerTls } from '../../server/tls/certificate-files';

const made = new Map<string, Promise<ServerTls>>();

/** A certificate and key for `localhost` / 127.0.0.1 / ::1; `label` makes a different pair (a "changed certificate"). */
export function testCertificate(label = 'default'): Promise<ServerTls> {
  let pair = made.get(label);
  if (!pair) {
    pair = createSelfSignedPair({ names: [`outpost-test-${label}.localhost`] }).then((p) => ({
      cert: p.cert,
      key: p.key,
      fingerprint: p.fingerprint,
    }));
    made.set(label, pair);
  }
  return pair;
}
