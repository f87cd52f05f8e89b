import { describe, expect, it } from 'vitest';
import type { SourceHost } from './inventory';
import { limitHosts } from './limit-pattern';

const host = (name: string, ...groups: string[]): SourceHost => ({
  name,
  line: null,
  vars: new Map(),
  groups: groups.map((g) => ({ name: g, depth: 1, direct: true })),
  skipped: [],
  errors: [],
});
const hosts = [host('pos1', 'ams', 'pos'), host('pos2', 'ber', 'pos'), host('srv1', 'ams', 'servers')];
const names = (pattern: string) => limitHosts(hosts, pattern).map((h) => h.name);

describe('limitHosts (Ansible --limit basic forms)', () => {
  it('host, group, wildcard and all', () => {
    expect(names('pos2')).toEqual(['pos2']);
    expect(names('ams')).toEqual(['pos1', 'srv1']);
    expect(names('pos*')).toEqual(['pos1', 'pos2']);
    expect(names('all')).toEqual(['pos1', 'pos2', 'srv1']);
  });
  it('union, intersection and exclusion', () => {
    expect(names('ber:servers')).toEqual(['pos2', 'srv1']);
    expect(names('ams:&pos')).toEqual(['pos1']);
    expect(names('all:!ams')).toEqual(['pos2']);
    expect(names('pos,srv1:!pos1')).toEqual(['pos2', 'srv1']);
  });
  it('refuses regex and index forms', () => {
    expect(() => names('~pos.*')).toThrow(/not supported/);
    expect(() => names('pos[0]')).toThrow(/not supported/);
  });
});
