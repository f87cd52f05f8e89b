import { Alert, Autocomplete, Button, Group, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import {
  BULK_MAX_SHIFT_DAYS,
  BULK_STATUSES,
  describeBulkAction,
  type BulkAction,
  type BulkActionKind,
} from '../../../shared/bulk-edit/bulk-action';
import type { Wave } from '../../../shared/domain/deployment';
import type { SiteTechnician } from '../../../shared/domain/site-technician';
import { useMutation } from '../../api/useMutation';
import { SITE_STATUS } from '../../status/labels';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

const TITLES: Record<BulkActionKind, string> = {
  get assignTechnician() {
    return appText('deployment.bulk.bulkActionModal.assignATechnician');
  },
  get removeTechnician() {
    return appText('deployment.bulk.bulkActionModal.removeATechnician');
  },
  get moveToWave() {
    return appText('deployment.bulk.bulkActionModal.moveToAWave');
  },
  get shiftWindows() {
    return appText('deployment.bulk.bulkActionModal.shiftWindows');
  },
  get setStatus() {
    return appText('deployment.bulk.bulkActionModal.setStatus');
  },
};

interface Props {
  kind: BulkActionKind;
  deploymentId: string;
  siteIds: readonly string[];
  waves: readonly Wave[];
  /** Technicians named on the deployment's sites (users keep their id). */
  technicians: readonly SiteTechnician[];
  onClose: () => void;
}

/** One bulk action's value and a confirmation naming how many sites it touches. */
export function BulkActionModal({ kind, deploymentId, siteIds, waves, technicians, onClose }: Props) {
  const t = useText();
  const [name, setName] = useState('');
  const [waveId, setWaveId] = useState<string | null>(null);
  const [days, setDays] = useState<number | string>(7);
  const [status, setStatus] = useState<(typeof BULK_STATUSES)[number]>('ready');
  const { run, pending } = useMutation();

  const action = ((): BulkAction | null => {
    if (kind === 'assignTechnician' || kind === 'removeTechnician') {
      const typed = name.trim();
      if (!typed) return null;
      const known = technicians.find((t) => t.name === typed);
      return { kind, technician: known ?? { id: null, name: typed } };
    }
    if (kind === 'moveToWave') return waveId ? { kind, waveId } : null;
    if (kind === 'shiftWindows')
      return typeof days === 'number' && Number.isInteger(days) && days !== 0 && Math.abs(days) <= BULK_MAX_SHIFT_DAYS
        ? { kind, days }
        : null;
    return { kind, status };
  })();
  const waveName = action?.kind === 'moveToWave' ? waves.find((w) => w.id === action.waveId)?.name : undefined;

  async function apply() {
    if (!action) return;
    const done = await run(
      'sites.bulkEdit',
      { deploymentId, siteIds: [...siteIds], action },
      {
        refresh: ['sites'],
        success: (r) =>
          r.unchanged > 0
            ? appText('deployment.bulk.bulkActionModal.doneUnchanged', { summary: r.summary, unchanged: r.unchanged })
            : r.summary,
      },
    );
    if (done) onClose();
  }

  return (
    <Modal opened onClose={onClose} title={TITLES[kind]} size="md">
      <Stack gap="sm">
        {(kind === 'assignTechnician' || kind === 'removeTechnician') && (
          <Autocomplete
            label={t('deployment.bulk.bulkActionModal.technician')}
            placeholder={t('deployment.bulk.bulkActionModal.nameOrPickOne')}
            data={[...new Set(technicians.map((t) => t.name))]}
            value={name}
            onChange={setName}
            maxLength={120}
            data-autofocus
            data-testid="bulk-technician"
          />
        )}
        {kind === 'moveToWave' && (
          <Select
            label={t('deployment.bulk.bulkActionModal.wave')}
            data={waves.map((w) => ({ value: w.id, label: w.name }))}
            value={waveId}
            onChange={setWaveId}
            data-testid="bulk-wave"
          />
        )}
        {kind === 'shiftWindows' && (
          <NumberInput
            label={t('deployment.bulk.bulkActionModal.days')}
            description={t('deployment.bulk.bulkActionModal.negativeMovesEarlierEach')}
            min={-BULK_MAX_SHIFT_DAYS}
            max={BULK_MAX_SHIFT_DAYS}
            allowDecimal={false}
            value={days}
            onChange={setDays}
            data-testid="bulk-days"
          />
        )}
        {kind === 'setStatus' && (
          <Select
            label={t('deployment.bulk.bulkActionModal.status')}
            description={t('deployment.bulk.bulkActionModal.onlyTheStatusesOf')}
            data={BULK_STATUSES.map((s) => ({ value: s, label: SITE_STATUS[s].label }))}
            value={status}
            onChange={(v) => v && setStatus(v as (typeof BULK_STATUSES)[number])}
            allowDeselect={false}
            data-testid="bulk-status"
          />
        )}
        <Alert variant="light" color="blue" p="xs">
          <Text size="sm" data-testid="bulk-confirm-text">
            {action
              ? t('deployment.bulk.bulkActionModal.question', { action: describeBulkAction(action, siteIds.length, waveName) })
              : t('deployment.bulk.bulkActionModal.selectedSites', { count: siteIds.length })}{' '}
            {t('deployment.bulk.bulkActionModal.allOfThemChange')}
          </Text>
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('deployment.bulk.bulkActionModal.cancel')}
          </Button>
          <Button loading={pending} disabled={!action} onClick={() => void apply()} data-testid="bulk-apply">
            {t('deployment.bulk.bulkActionModal.applyToSites', { count: siteIds.length })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
