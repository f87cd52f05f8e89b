import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useApiQuery } from '../../api/useApiQuery';
import { QueryError } from '../../shell/QueryError';
import { describeParams } from './describe-params';
import { ExportGossButton } from './ExportGossButton';
import { groupRequirements, type RequirementGroup } from './group-requirements';
import { ImportGossModal } from './ImportGossModal';
import { useTargetRoles } from './useTargetRoles';
import { useText } from '../../i18n/i18n';

function GroupTable({ group, deploymentId }: { group: RequirementGroup; deploymentId: string }) {
  const t = useText();
  return (
    <div data-testid="requirements-group" data-role={group.role ?? ''}>
      <Group gap={6} px="sm" pt={8} pb={2}>
        <Badge size="sm" variant={group.role === null ? 'light' : 'outline'} color={group.role === null ? 'gray' : 'indigo'} tt="none">
          {group.label}
        </Badge>
        <Text size="xs" c="dimmed">
          {group.requirements.length}
        </Text>
        <ExportGossButton deploymentId={deploymentId} role={group.role} />
      </Group>
      <Table verticalSpacing={4} fz="xs" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120}>{t('deployment.requirements.requirementsPanel.kind')}</Table.Th>
            <Table.Th w="35%">{t('deployment.requirements.requirementsPanel.description')}</Table.Th>
            <Table.Th>{t('deployment.requirements.requirementsPanel.parameters')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {group.requirements.map((r) => (
            <Table.Tr key={r.id} data-testid="requirement-row" data-kind={r.kind}>
              <Table.Td>
                <Badge size="xs" variant="light" color="cyan">
                  {r.kind.replace(/_/g, ' ')}
                </Badge>
              </Table.Td>
              <Table.Td>{r.description}</Table.Td>
              <Table.Td ff="monospace" style={{ overflowWrap: 'anywhere' }} data-testid="requirement-params">
                {describeParams(r.kind, r.params)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** What the target machines of a deployment must satisfy, grouped by role; Goss files can be imported. */
export function RequirementsPanel({ deploymentId, siteIds }: { deploymentId: string; siteIds: readonly string[] }) {
  const t = useText();
  const list = useApiQuery('requirements.list', { deploymentId }, ['deployments']);
  const [importing, setImporting] = useState(false);
  const requirements = useMemo(() => list.data ?? [], [list.data]);
  const groups = useMemo(() => groupRequirements(requirements), [requirements]);
  const usedRoles = useMemo(() => groups.flatMap((g) => (g.role === null ? [] : [g.role])), [groups]);
  const roles = useTargetRoles(siteIds, usedRoles, importing);

  return (
    <Paper withBorder data-testid="requirements-panel" data-count={list.data?.length ?? ''}>
      <Group px="sm" py={8} justify="space-between">
        <Group gap={6}>
          <Text fw={600} size="sm">
            {t('deployment.requirements.requirementsPanel.requirements')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('deployment.requirements.requirementsPanel.whatTheTargetMachines')}
          </Text>
        </Group>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconFileImport size={14} />}
          onClick={() => setImporting(true)}
          data-testid="import-goss"
        >
          {t('deployment.requirements.requirementsPanel.importGossYaml')}
        </Button>
      </Group>
      {list.error && !list.data && (
        <QueryError
          m="sm"
          title={t('deployment.requirements.requirementsPanel.requirementsNotAvailable')}
          error={list.error}
          onRetry={list.reload}
        />
      )}
      {list.data && requirements.length === 0 && (
        <Text size="sm" c="dimmed" px="sm" pb="sm" data-testid="requirements-empty">
          {t('deployment.requirements.requirementsPanel.noRequirementsYetImport')}
        </Text>
      )}
      {groups.length > 0 && (
        <Stack gap={4} pb={4}>
          {groups.map((g) => (
            <GroupTable key={g.role ?? ''} group={g} deploymentId={deploymentId} />
          ))}
        </Stack>
      )}
      <ImportGossModal
        opened={importing}
        onClose={() => setImporting(false)}
        deploymentId={deploymentId}
        roles={roles}
        onImported={list.reload}
      />
    </Paper>
  );
}
