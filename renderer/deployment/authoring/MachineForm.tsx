import { Button, Group, NumberInput, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { SAFE_HOST } from '../../../shared/checks/requirement-kinds';
import type { TargetMachine } from '../../../shared/domain/machine';
import { useMutation } from '../../api/useMutation';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

export interface InventoryChoice {
  value: string;
  label: string;
}

const EMPTY = { hostName: '', address: '', port: 22, username: '', role: '', inventoryItemId: null as string | null };

/** Adds a machine, or edits `machine` when given. Host names are checked against the safe pattern as you type. */
export function MachineForm({
  siteId,
  machine,
  inventory,
  onDone,
}: {
  siteId: string;
  machine?: TargetMachine;
  inventory: readonly InventoryChoice[];
  onDone: () => void;
}) {
  const t = useText();
  const [form, setForm] = useState(
    machine
      ? {
          hostName: machine.hostName,
          address: machine.address,
          port: machine.port,
          username: machine.username,
          role: machine.role,
          inventoryItemId: machine.inventoryItemId,
        }
      : EMPTY,
  );
  const { run, pending, fieldErrors } = useMutation({ fields: ['hostName', 'address', 'port', 'username', 'role', 'inventoryItemId'] });
  const hostError =
    form.hostName && !SAFE_HOST.test(form.hostName) ? t('deployment.authoring.machineForm.notAValidHost') : fieldErrors.hostName;
  const addressError =
    form.address && !SAFE_HOST.test(form.address) ? t('deployment.authoring.machineForm.notAHostName') : fieldErrors.address;
  const portError = form.port < 1 || form.port > 65535 ? '1–65535' : fieldErrors.port;

  async function save() {
    const done = machine
      ? await run(
          'machines.update',
          { machineId: machine.id, ...form },
          { refresh: ['machines', 'sites'], success: appText('deployment.authoring.machineForm.machineSaved') },
        )
      : await run(
          'machines.create',
          { siteId, ...form },
          { refresh: ['machines', 'sites'], success: appText('deployment.authoring.machineForm.machineAdded') },
        );
    if (!done) return;
    if (!machine) setForm(EMPTY);
    onDone();
  }

  return (
    <Group gap="xs" align="flex-start" wrap="nowrap" data-testid="machine-form">
      <TextInput
        size="xs"
        label={t('deployment.authoring.machineForm.hostName')}
        value={form.hostName}
        error={hostError}
        onChange={(e) => setForm({ ...form, hostName: e.currentTarget.value })}
        data-testid="machine-host"
      />
      <TextInput
        size="xs"
        label={t('deployment.authoring.machineForm.address')}
        value={form.address}
        error={addressError}
        onChange={(e) => setForm({ ...form, address: e.currentTarget.value })}
        data-testid="machine-address"
      />
      <NumberInput
        size="xs"
        label={t('deployment.authoring.machineForm.port')}
        w={80}
        min={1}
        max={65535}
        value={form.port}
        error={portError}
        onChange={(v) => setForm({ ...form, port: typeof v === 'number' ? v : 22 })}
      />
      <TextInput
        size="xs"
        label={t('deployment.authoring.machineForm.user')}
        w={100}
        value={form.username}
        onChange={(e) => setForm({ ...form, username: e.currentTarget.value })}
        error={fieldErrors.username}
      />
      <TextInput
        size="xs"
        label={t('deployment.authoring.machineForm.role')}
        w={100}
        value={form.role}
        onChange={(e) => setForm({ ...form, role: e.currentTarget.value })}
        error={fieldErrors.role}
      />
      <Select
        size="xs"
        label={t('deployment.authoring.machineForm.inventoryItem')}
        w={180}
        data={[...inventory]}
        value={form.inventoryItemId}
        onChange={(v) => setForm({ ...form, inventoryItemId: v })}
        clearable
        searchable
        placeholder={t('deployment.authoring.machineForm.none')}
        error={fieldErrors.inventoryItemId}
      />
      <Button
        size="xs"
        mt={22}
        loading={pending}
        disabled={!form.hostName || !form.address || Boolean(hostError || addressError || portError)}
        onClick={() => void save()}
        data-testid="save-machine"
      >
        {machine ? t('deployment.authoring.machineForm.save') : t('deployment.authoring.machineForm.add')}
      </Button>
    </Group>
  );
}
