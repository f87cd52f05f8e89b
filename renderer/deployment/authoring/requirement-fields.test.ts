import { describe, expect, it } from 'vitest';
import { requirementParamsSchemas } from '../../../shared/checks/requirement-kinds';
import { paramFields, toParams } from './requirement-fields';
import { isoToWallTime } from './wall-time';

describe('requirement editor fields', () => {
  it('reads each kind’s fields from its schema and builds parameters the schema accepts', () => {
    const fields = paramFields('port');
    expect(fields.map((f) => [f.key, f.type, f.required])).toEqual([
      ['port', 'number', true],
      ['protocol', 'enum', false],
      ['address', 'string', false],
      ['listening', 'boolean', false],
    ]);
    expect(fields.find((f) => f.key === 'protocol')!.options).toEqual(['tcp', 'tcp6', 'udp', 'udp6']);
    const params = toParams(fields, { port: '443', protocol: 'tcp', address: ' ', listening: true });
    expect(params).toEqual({ port: 443, protocol: 'tcp', listening: true });
    expect(requirementParamsSchemas.port.safeParse(params).success).toBe(true);

    const user = paramFields('user');
    const userParams = toParams(user, { name: 'deploy', groups: 'wheel, docker', uid: '' });
    expect(userParams).toEqual({ name: 'deploy', groups: ['wheel', 'docker'] });
    expect(requirementParamsSchemas.user.safeParse(userParams).success).toBe(true);
  });

  it('shows an instant as wall time in the site’s zone', () => {
    expect(isoToWallTime('2027-03-01T07:00:00.000Z', 'Europe/Amsterdam')).toBe('2027-03-01T08:00');
    expect(isoToWallTime(null, 'UTC')).toBe('');
  });
});
