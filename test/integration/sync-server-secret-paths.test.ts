// A plan cannot ask a device to read secrets: the server refuses a pushed file requirement whose
// path holds them (the shared rule of the requirement schema), on both backends, and keeps the rest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_BACKENDS, startTestServer, type TestServer } from '../support/central-server';
import { expectAllApplied, op, PASSWORD, planOperations, sampleRow, signIn, type Device } from './sync-server-fixture';

describe.each(SERVER_BACKENDS)('server refuses requirements on secret paths (%s)', (backend) => {
  let server: TestServer;
  let rita: Device;

  beforeAll(async () => {
    server = await startTestServer({ backend });
    await server.createUser({ username: 'rita', role: 'release_manager', password: PASSWORD });
    rita = await signIn(server, 'rita');
    expectAllApplied(await rita.push(planOperations('d1', [{ id: 's1', technicians: [] }])));
  }, 120_000);
  afterAll(async () => server?.stop());

  it('refuses /etc/shadow, a private key and a doubled-slash spelling; applies a harmless file and a command', async () => {
    const file = (id: string, path: string) =>
      op('requirements', 'insert', sampleRow('requirements', { id, deployment_id: 'd1', kind: 'file', params: JSON.stringify({ path }) }));
    const results = await rita.push([
      file('r-shadow', '/etc/shadow'),
      file('r-key', '/home/deploy/.ssh/id_ed25519'),
      file('r-slashes', '//etc/./sudoers'),
      file('r-ok', '/etc/pos/pos.conf'),
      op(
        'requirements',
        'insert',
        sampleRow('requirements', { id: 'r-cmd', deployment_id: 'd1', kind: 'command', params: JSON.stringify({ command: 'true' }) }),
      ),
    ]);
    expect(results.slice(0, 3)).toEqual([
      expect.objectContaining({ status: 'rejected', code: 'constraint', reason: expect.stringContaining('/etc/shadow holds secrets') }),
      expect.objectContaining({
        status: 'rejected',
        code: 'constraint',
        reason: expect.stringContaining('/home/deploy/.ssh/id_ed25519 holds secrets'),
      }),
      expect.objectContaining({ status: 'rejected', code: 'constraint', reason: expect.stringContaining('/etc/sudoers holds secrets') }),
    ]);
    expect(results.slice(3).map((r) => r.status)).toEqual(['applied', 'applied']);
    // An update that points an existing requirement at a secret is refused too.
    const update = await rita.push([
      op(
        'requirements',
        'update',
        { id: 'r-ok', params: JSON.stringify({ path: '/etc/gshadow' }) },
        { rowId: 'r-ok', partition: 'deployment:d1', baseVersion: 1 },
      ),
    ]);
    expect(update[0], JSON.stringify(update[0])).toMatchObject({ status: 'rejected', code: 'constraint' });
  });
});
