import { afterEach, describe, expect, it } from 'vitest';
import type { TestCore } from '../support/temp-core';
import { activityOf, openAuthoringCore } from './authoring-fixture';

let core: TestCore | undefined;
afterEach(() => core?.close());

function openWithSite() {
  const opened = openAuthoringCore();
  core = opened.core;
  const site = opened.core.call('sites.create', { deploymentId: opened.deploymentId, code: 'S001', name: 'Store 1' });
  return { ...opened, site };
}

describe('plan authoring: machines, requirements, checklist template', () => {
  it('adds, edits and removes a target machine and refuses hostile host names, bad ports and foreign inventory', () => {
    const { core, deploymentId, site } = openWithSite();
    const machine = core.call('machines.create', {
      siteId: site.id,
      hostName: 'pos-01.store1.example',
      address: '10.1.0.11',
      port: 2222,
      username: 'deploy',
      role: 'pos',
    });
    expect(machine).toMatchObject({ hostName: 'pos-01.store1.example', port: 2222, createdBy: 'Rita Release' });
    for (const hostName of ['pos; rm -rf /', '$(reboot)', '-oProxyCommand=sh', 'a b', '`id`']) {
      expect(core.dispatch('machines.create', { siteId: site.id, hostName, address: '10.1.0.12' })).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
    }
    expect(core.dispatch('machines.create', { siteId: site.id, hostName: 'pos-02', address: '10.1.0.12|nc' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(core.dispatch('machines.update', { machineId: machine.id, port: 0 })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(core.dispatch('machines.update', { machineId: machine.id, port: 65536 })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(core.dispatch('machines.update', { machineId: machine.id, username: 'root;id' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });

    const other = core.call('sites.create', { deploymentId, code: 'S002', name: 'Store 2' });
    core.call('profile.set', { name: 'Rita Release', role: 'technician' });
    core.call('inventory.recordSurplus', { siteId: other.id, serial: 'SN-OTHER-1', manufacturer: 'Dell', model: 'OptiPlex' });
    core.call('inventory.recordSurplus', { siteId: site.id, serial: 'SN-HERE-1', manufacturer: 'Dell', model: 'OptiPlex' });
    core.call('profile.set', { name: 'Rita Release', role: 'administrator' });
    const foreign = core.call('inventory.list', { siteId: other.id }).items[0]!;
    const local = core.call('inventory.list', { siteId: site.id }).items[0]!;
    expect(core.dispatch('machines.update', { machineId: machine.id, inventoryItemId: foreign.id })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(core.call('machines.update', { machineId: machine.id, inventoryItemId: local.id, port: 22 })).toMatchObject({
      inventoryItemId: local.id,
      port: 22,
    });
    expect(core.call('machines.list', { siteId: site.id })).toHaveLength(1);
    expect(core.call('machines.delete', { machineId: machine.id })).toEqual({ deleted: true });
    expect(core.call('machines.list', { siteId: site.id })).toHaveLength(0);
    expect(activityOf(core, machine.id).map((a) => a.action)).toEqual(['created', 'updated', 'deleted']);
  });

  it('adds typed requirements whose parameters match their kind and refuses the rest', () => {
    const { core, deploymentId } = openWithSite();
    const req = core.call('requirements.create', {
      deploymentId,
      kind: 'package',
      description: 'POS agent installed',
      targetRole: 'pos',
      params: { name: 'pos-agent', version: '>=5.2' },
    });
    expect(req).toMatchObject({ kind: 'package', targetRole: 'pos', params: { name: 'pos-agent', version: '>=5.2', installed: true } });
    expect(core.dispatch('requirements.create', { deploymentId, kind: 'teleport', params: {} })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(core.dispatch('requirements.create', { deploymentId, kind: 'package', params: { name: 'x; rm -rf /' } })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(core.dispatch('requirements.create', { deploymentId, kind: 'addr', params: { host: '$(id)', port: 443 } })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(core.dispatch('requirements.create', { deploymentId, kind: 'cpu_cores', params: { min: 0 } })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(core.call('requirements.list', { deploymentId })).toHaveLength(1);
    expect(core.call('requirements.delete', { requirementId: req.id })).toEqual({ deleted: true });
    expect(core.call('requirements.list', { deploymentId })).toHaveLength(0);
    expect(activityOf(core, req.id).map((a) => a.action)).toEqual(['created', 'deleted']);
  });

  it('edits the checklist template (positions, dependencies, no cycles) and applies it to an existing site without touching progress', () => {
    const { core, deploymentId, site } = openWithSite();
    const power = core.call('checklistTemplate.saveItem', { deploymentId, phase: 'before', title: 'Power on racks' });
    const backup = core.call('checklistTemplate.saveItem', {
      deploymentId,
      phase: 'before',
      title: 'Take backup',
      evidence: 'note',
      position: 1,
    });
    const install = core.call('checklistTemplate.saveItem', {
      deploymentId,
      phase: 'during',
      title: 'Install POS',
      evidence: 'check_run',
      dependsOn: backup.id,
    });
    let template = core.call('checklistTemplate.get', { deploymentId });
    expect(template.note).toMatch(/sites created afterwards/);
    expect(template.items.map((i) => [i.title, i.phase, i.position])).toEqual([
      ['Take backup', 'before', 1],
      ['Power on racks', 'before', 2],
      ['Install POS', 'during', 1],
    ]);
    expect(
      core.dispatch('checklistTemplate.saveItem', {
        deploymentId,
        itemId: backup.id,
        phase: 'before',
        title: 'Take backup',
        dependsOn: install.id,
      }),
    ).toMatchObject({ ok: false, error: { code: 'rule' } });
    expect(
      core.dispatch('checklistTemplate.saveItem', {
        deploymentId,
        itemId: power.id,
        phase: 'before',
        title: 'Power on racks',
        dependsOn: power.id,
      }),
    ).toMatchObject({ ok: false, error: { code: 'rule' } });
    core.call('checklistTemplate.saveItem', {
      deploymentId,
      itemId: power.id,
      phase: 'before',
      title: 'Power on racks',
      required: false,
      position: 1,
    });
    template = core.call('checklistTemplate.get', { deploymentId });
    expect(template.items.filter((i) => i.phase === 'before').map((i) => [i.title, i.position, i.required])).toEqual([
      ['Power on racks', 1, false],
      ['Take backup', 2, true],
    ]);

    // The site was created before the template: applying adds the items; progress on existing items survives a second apply.
    expect(core.call('checklist.get', { siteId: site.id }).phases.flatMap((p) => p.items)).toHaveLength(0);
    expect(core.call('checklistTemplate.applyToSite', { siteId: site.id })).toEqual({ added: 3 });
    core.call('profile.set', { name: 'Rita Release', role: 'technician' });
    const items = core.call('checklist.get', { siteId: site.id }).phases.flatMap((p) => p.items);
    const sitePower = items.find((i) => i.title === 'Power on racks')!;
    core.call('checklist.setItemState', { itemId: sitePower.id, state: 'done' });
    expect(core.dispatch('checklistTemplate.applyToSite', { siteId: site.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    core.call('profile.set', { name: 'Rita Release', role: 'release_manager' });
    core.call('checklistTemplate.saveItem', { deploymentId, phase: 'after', title: 'Hand over to store' });
    expect(core.call('checklistTemplate.applyToSite', { siteId: site.id })).toEqual({ added: 1 });
    const after = core.call('checklist.get', { siteId: site.id }).phases.flatMap((p) => p.items);
    expect(after).toHaveLength(4);
    expect(after.find((i) => i.id === sitePower.id)!.state).toBe('done');
    expect(after.find((i) => i.title === 'Install POS')!.dependsOn).toBe(after.find((i) => i.title === 'Take backup')!.id);

    expect(core.call('checklistTemplate.deleteItem', { itemId: backup.id })).toEqual({ deleted: true });
    template = core.call('checklistTemplate.get', { deploymentId });
    expect(template.items.find((i) => i.id === install.id)!.dependsOn).toBeNull();
    expect(activityOf(core, power.id).map((a) => a.action)).toEqual(['created', 'updated']);
    expect(activityOf(core, site.id).filter((a) => a.action === 'template_applied')).toHaveLength(2);
  });
});
