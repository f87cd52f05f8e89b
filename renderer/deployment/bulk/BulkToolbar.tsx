import { Button, Group, Menu, Select, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconChevronDown, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { BulkActionKind } from '../../../shared/bulk-edit/bulk-action';
import type { Wave } from '../../../shared/domain/deployment';
import { siteStatusSchema } from '../../../shared/domain/enums';
import type { SiteSummary } from '../../../shared/domain/site';
import { uniqueTechnicians } from '../../../shared/domain/site-technician';
import { useApiQuery } from '../../api/useApiQuery';
import { useMutation } from '../../api/useMutation';
import { SITE_STATUS } from '../../status/labels';
import { BulkActionModal } from './BulkActionModal';
import { isFiltered, NO_FILTER, NO_WAVE } from './site-selection';
import type { BulkSelection } from './useBulkSelection';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

const ACTIONS: { kind: BulkActionKind; label: string }[] = [
  {
    kind: 'assignTechnician',
    get label() {
      return appText('deployment.bulk.bulkToolbar.assignTechnician');
    },
  },
  {
    kind: 'removeTechnician',
    get label() {
      return appText('deployment.bulk.bulkToolbar.removeTechnician');
    },
  },
  {
    kind: 'moveToWave',
    get label() {
      return appText('deployment.bulk.bulkToolbar.moveToWave');
    },
  },
  {
    kind: 'shiftWindows',
    get label() {
      return appText('deployment.bulk.bulkToolbar.shiftWindowsByN');
    },
  },
  {
    kind: 'setStatus',
    get label() {
      return appText('deployment.bulk.bulkToolbar.setStatus');
    },
  },
];

interface Props {
  bulk: BulkSelection;
  deploymentId: string;
  sites: readonly SiteSummary[];
  waves: readonly Wave[];
}

/** Above the site table, for release managers: filter, "select all shown", the bulk actions and undo. */
export function BulkToolbar({ bulk, deploymentId, sites, waves }: Props) {
  const t = useText();
  const [kind, setKind] = useState<BulkActionKind | null>(null);
  const technicians = useMemo(() => uniqueTechnicians(sites.flatMap((s) => s.technicians)), [sites]);
  if (!bulk.enabled) return null;
  const { filter, setFilter } = bulk;
  const count = bulk.selectedIds.length;
  return (
    <>
      <Group px="sm" pb={8} gap="xs" wrap="wrap" data-testid="bulk-toolbar">
        <TextInput
          size="xs"
          leftSection={<IconSearch size={12} />}
          placeholder={t('deployment.bulk.bulkToolbar.codeNameOrAddress')}
          aria-label={t('deployment.bulk.bulkToolbar.filterSitesByText')}
          value={filter.text}
          onChange={(e) => setFilter({ ...filter, text: e.currentTarget.value })}
          w={180}
          data-testid="bulk-filter-text"
        />
        <Select
          size="xs"
          placeholder={t('deployment.bulk.bulkToolbar.anyWave')}
          aria-label={t('deployment.bulk.bulkToolbar.filterSitesByWave')}
          data={[...waves.map((w) => ({ value: w.id, label: w.name })), { value: NO_WAVE, label: t('deployment.bulk.bulkToolbar.noWave') }]}
          value={filter.waveId || null}
          onChange={(v) => setFilter({ ...filter, waveId: v ?? '' })}
          clearable
          w={140}
        />
        <Select
          size="xs"
          placeholder={t('deployment.bulk.bulkToolbar.anyStatus')}
          aria-label={t('deployment.bulk.bulkToolbar.filterSitesByStatus')}
          data={siteStatusSchema.options.map((s) => ({ value: s, label: SITE_STATUS[s].label }))}
          value={filter.status || null}
          onChange={(v) => setFilter({ ...filter, status: (v ?? '') as typeof filter.status })}
          clearable
          w={130}
        />
        <TextInput
          size="xs"
          placeholder={t('deployment.bulk.bulkToolbar.technician')}
          aria-label={t('deployment.bulk.bulkToolbar.filterSitesByTechnician')}
          value={filter.technician}
          onChange={(e) => setFilter({ ...filter, technician: e.currentTarget.value })}
          w={130}
        />
        {isFiltered(filter) && (
          <Button size="compact-xs" variant="subtle" onClick={() => setFilter(NO_FILTER)}>
            {t('deployment.bulk.bulkToolbar.clearFilter')}
          </Button>
        )}
        <Button
          size="compact-xs"
          variant="default"
          onClick={bulk.selectAllShown}
          disabled={bulk.shown.length === 0}
          data-testid="bulk-select-shown"
        >
          {t('deployment.bulk.bulkToolbar.selectAllShown', { shown: bulk.shown.length })}
        </Button>
        <Group gap="xs" ml="auto">
          <UndoLastBulkEdit deploymentId={deploymentId} />
          {count > 0 && (
            <>
              <Text size="xs" fw={600} data-testid="bulk-count">
                {t('deployment.bulk.bulkToolbar.selected', { selected: count })}
              </Text>
              <Button size="compact-xs" variant="subtle" onClick={bulk.clear}>
                {t('deployment.bulk.bulkToolbar.clear')}
              </Button>
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button size="compact-xs" rightSection={<IconChevronDown size={12} />} data-testid="bulk-actions">
                    {t('deployment.bulk.bulkToolbar.bulkEdit')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {ACTIONS.map((a) => (
                    <Menu.Item key={a.kind} onClick={() => setKind(a.kind)} data-testid={`bulk-action-${a.kind}`}>
                      {a.label}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            </>
          )}
        </Group>
      </Group>
      {kind && (
        <BulkActionModal
          kind={kind}
          deploymentId={deploymentId}
          siteIds={bulk.selectedIds}
          waves={waves}
          technicians={technicians}
          onClose={() => setKind(null)}
        />
      )}
    </>
  );
}

/** "Undo last bulk edit" with the edit's summary; disabled, saying why, once a site changed since. */
function UndoLastBulkEdit({ deploymentId }: { deploymentId: string }) {
  const t = useText();
  const last = useApiQuery('sites.lastBulkEdit', { deploymentId }, ['sites']);
  const { run, pending } = useMutation();
  const edit = last.data;
  if (!edit || edit.undoneAt) return null;
  const button = (
    <Button
      size="compact-xs"
      variant="default"
      leftSection={<IconArrowBackUp size={12} />}
      loading={pending}
      disabled={edit.undoRefusal !== null}
      onClick={() =>
        void run(
          'sites.undoBulkEdit',
          { deploymentId },
          { refresh: ['sites'], success: (r) => t('deployment.bulk.bulkToolbar.undone', { summary: r.summary }) },
        )
      }
      data-testid="bulk-undo"
    >
      {t('deployment.bulk.bulkToolbar.undoLastBulkEdit', { summary: edit.summary })}
    </Button>
  );
  return edit.undoRefusal ? (
    <Tooltip label={edit.undoRefusal} multiline w={320}>
      <span>{button}</span>
    </Tooltip>
  ) : (
    button
  );
}
