// Goss's `dns` resource on real peers: the dns section of the Debian 12 render (Goss's own
// integration test asks dnstest.io of 8.8.8.8 for every record type Goss knows) asked instead of
// a real DNS server on loopback (dnsmasq, test/support/dnsmasq-harness.ts) holding those records,
// through a real sshd host (the probe runs dig there) and through "Check this machine" (Node's
// resolver). Both must pass every entry, and a wrong record must fail naming what was found.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { dnsUnavailableReason, startDnsmasq, type DnsServer } from '../support/dnsmasq-harness';
import { checkGoss, gossFailures, onSshd, onThisMachine, type GossCollector } from '../support/goss-check';
import { sshdUnavailableReason, startSshd, type SshdInstance } from '../support/sshd-harness';

const unavailable = sshdUnavailableReason() ?? dnsUnavailableReason();

/** The records the render expects, as dnstest.io publishes them. */
const DNSTEST_ZONE = {
  hosts: [
    { name: 'a.dnstest.io', addresses: ['10.0.0.1'] },
    { name: 'b.dnstest.io', addresses: ['10.0.0.2'] },
    { name: 'ip6.dnstest.io', addresses: ['2404:6800:4001:807::200e'] },
  ],
  cnames: [{ name: 'c.dnstest.io', target: 'a.dnstest.io' }],
  mx: [
    { name: 'dnstest.io', host: 'b.dnstest.io', preference: 10 },
    { name: 'dnstest.io', host: 'a.dnstest.io', preference: 5 },
  ],
  ns: [
    { name: 'dnstest.io', server: 'ns1.dnstest.io' },
    { name: 'dnstest.io', server: 'ns2.dnstest.io' },
  ],
  ptr: [{ address: '54.243.154.1', name: 'ec2-54-243-154-1.compute-1.amazonaws.com' }],
  srv: [
    { name: '_https._tcp.dnstest.io', target: 'a.dnstest.io', port: 443, priority: 0, weight: 5 },
    { name: '_https._tcp.dnstest.io', target: 'b.dnstest.io', port: 443, priority: 10, weight: 10 },
  ],
  // dnsmasq makes each comma-separated text one string of the record: this one holds two.
  txt: [
    { name: 'txt._test.dnstest.io', text: 'Hello DNS' },
    { name: 'spf._test.dnstest.io', text: 'v=spf1 include:_spf.example.com,~all' },
  ],
  caa: [
    { name: 'dnstest.io', flags: 0, tag: 'issue', value: 'comodoca.com' },
    { name: 'dnstest.io', flags: 0, tag: 'issue', value: 'letsencrypt.org' },
    { name: 'dnstest.io', flags: 0, tag: 'issuewild', value: ';' },
  ],
};

/**
 * The render's dns entries that name a server, pointed at ours. (Its `localhost` entry asks the
 * host's own resolver for 127.0.0.1 and ::1, which depends on the machine's /etc/hosts.)
 */
function renderDnsSection(server: DnsServer): Record<string, Record<string, unknown>> {
  const file = path.join(import.meta.dirname, '../fixtures/goss/corpus/debian12-render.goss.yaml');
  const dns = (parse(fs.readFileSync(file, 'utf8')) as { dns: Record<string, Record<string, unknown>> }).dns;
  const asked: Record<string, Record<string, unknown>> = {};
  for (const [name, attributes] of Object.entries(dns)) {
    if (attributes.server === undefined) continue;
    // A loaded machine answers loopback slower than the render's 1 s allows 8.8.8.8.
    asked[name] = { ...attributes, server: `${server.host}:${server.port}`, timeout: 5000 };
  }
  return asked;
}

describe.skipIf(unavailable)(`Goss dns on a real DNS server${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let dnsServer: DnsServer;
  let sshd: SshdInstance;
  beforeAll(async () => {
    [dnsServer, sshd] = await Promise.all([startDnsmasq(DNSTEST_ZONE), startSshd()]);
  }, 30_000);
  afterAll(async () => {
    await Promise.all([dnsServer?.stop(), sshd?.stop()]);
  });

  const collectors: [string, () => GossCollector][] = [
    ['a remote host (dig over SSH)', () => onSshd(sshd)],
    ['this machine (Node resolver)', () => onThisMachine],
  ];

  it.each(collectors)(
    'every record type of the Debian 12 render passes on %s',
    async (_, collector) => {
      const section = renderDnsSection(dnsServer);
      expect(Object.keys(section).sort()).toEqual([
        'CAA:dnstest.io',
        'CNAME:c.dnstest.io',
        'MX:dnstest.io',
        'NS:dnstest.io',
        'PTR:54.243.154.1',
        'SRV:_https._tcp.dnstest.io',
        'TXT:txt._test.dnstest.io',
        'ip6.dnstest.io',
      ]);
      const results = await checkGoss(collector(), stringify({ dns: section }));
      expect(results.size).toBe(8);
      expect(gossFailures(results)).toEqual([]);
    },
    60_000,
  );

  it.each(collectors)(
    'a record that differs, a missing one, a name that must not resolve and a TXT record of two strings are judged on %s',
    async (_, collector) => {
      const server = `${dnsServer.host}:${dnsServer.port}`;
      const yaml = stringify({
        dns: {
          'MX:dnstest.io': { resolvable: true, addrs: ['20 c.dnstest.io.'], server, timeout: 5000 },
          'TXT:nothing.dnstest.io': { resolvable: true, server, timeout: 5000 },
          'A:a.dnstest.io': { resolvable: false, server, timeout: 5000 },
          'AAAA:ip6.dnstest.io': { resolvable: true, addrs: ['2404:6800:4001:807::200e'], server, timeout: 5000 },
          // Goss (Go's resolver) joins a record's strings with nothing between them.
          'TXT:spf._test.dnstest.io': { resolvable: true, addrs: ['v=spf1 include:_spf.example.com~all'], server, timeout: 5000 },
        },
      });
      const results = await checkGoss(collector(), yaml);
      expect(results.get('dns: MX:dnstest.io')).toMatchObject({
        status: 'fail',
        message: 'dnstest.io does not resolve to 20 c.dnstest.io.',
        actual: expect.stringMatching(/resolves to .*5 a\.dnstest\.io\./),
      });
      expect(results.get('dns: TXT:nothing.dnstest.io')).toMatchObject({ status: 'fail' });
      expect(results.get('dns: A:a.dnstest.io')).toMatchObject({
        status: 'fail',
        message: 'a.dnstest.io resolves',
        actual: 'resolves to 10.0.0.1',
      });
      expect(results.get('dns: AAAA:ip6.dnstest.io')).toMatchObject({ status: 'pass' });
      expect(results.get('dns: TXT:spf._test.dnstest.io')).toMatchObject({ status: 'pass' });
    },
    60_000,
  );
});
