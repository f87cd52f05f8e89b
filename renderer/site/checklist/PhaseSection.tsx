import { ActionIcon, Badge, Button, Group, Paper, Progress, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import type { ChecklistItem, ChecklistPhaseView } from '../../../shared/domain/checklist';
import type { ChecklistItemState } from '../../../shared/domain/enums';
import { checkPhaseCompletion } from '../../../shared/logic/checklist-rules';
import { percent } from '../../format/time';
import { Time } from '../../format/Time';
import { PHASE_LABELS } from '../../status/labels';
import { ChecklistItemRow } from './ChecklistItemRow';
import { useText } from '../../i18n/i18n';
import { Trans } from 'react-i18next';

interface Props {
  phase: ChecklistPhaseView;
  itemsById: ReadonlyMap<string, ChecklistItem>;
  busyItemId: string | null;
  completing: boolean;
  onSet: (item: ChecklistItem, state: ChecklistItemState) => void;
  onComplete: () => void;
  /** The site is rolled back: the rollback phase is the active one (otherwise it starts collapsed). */
  rolledBack?: boolean;
}

export function PhaseSection({ phase, itemsById, busyItemId, completing, onSet, onComplete, rolledBack = false }: Props) {
  const t = useText();
  const isRollback = phase.phase === 'rollback';
  const [collapsed, setCollapsed] = useState(isRollback && !rolledBack);
  const [seenRolledBack, setSeenRolledBack] = useState(rolledBack);
  if (seenRolledBack !== rolledBack) {
    setSeenRolledBack(rolledBack);
    if (isRollback) setCollapsed(!rolledBack);
  }
  const completed = phase.completedAt !== null;
  const verdict = checkPhaseCompletion(phase.items);
  const pct = percent(phase.progress.done, phase.progress.total);

  const completeButton = (
    <Button
      size="xs"
      variant={verdict.allowed ? 'filled' : 'default'}
      disabled={!verdict.allowed || phase.items.length === 0}
      loading={completing}
      onClick={onComplete}
      data-testid={`complete-phase-${phase.phase}`}
    >
      {t('site.checklist.phaseSection.completePhase')}
    </Button>
  );

  return (
    <Paper
      withBorder
      data-testid={`phase-${phase.phase}`}
      data-completed={completed}
      data-collapsed={collapsed}
      style={isRollback && rolledBack ? { borderColor: 'var(--mantine-color-orange-filled)' } : undefined}
    >
      <Group px="sm" py={8} gap="sm" wrap="nowrap" style={{ background: 'var(--mantine-color-default)' }}>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          onClick={() => setCollapsed(!collapsed)}
          aria-label={collapsed ? t('site.checklist.phaseSection.expandPhase') : t('site.checklist.phaseSection.collapsePhase')}
        >
          {collapsed ? <IconChevronRight size={16} /> : <IconChevronDown size={16} />}
        </ActionIcon>
        <Text fw={700} size="sm" style={{ flex: 'none' }}>
          {PHASE_LABELS[phase.phase]}
        </Text>
        <Text size="xs" c="dimmed" style={{ flex: 'none' }} data-testid={`phase-progress-${phase.phase}`}>
          {phase.progress.done}/{phase.progress.total}
        </Text>
        <Progress
          value={pct}
          size="sm"
          aria-label={t('site.checklist.phaseSection.progress', { phase: PHASE_LABELS[phase.phase] })}
          color={completed ? 'green' : 'indigo'}
          style={{ flex: 1, minWidth: 60, maxWidth: 240 }}
        />
        {isRollback && (
          <Badge
            size="xs"
            variant={rolledBack ? 'filled' : 'outline'}
            color={rolledBack ? 'orange' : 'gray'}
            data-testid="rollback-phase-state"
          >
            {rolledBack ? t('site.checklist.phaseSection.activeSiteRolledBack') : t('site.checklist.phaseSection.onlyIfRolledBack')}
          </Badge>
        )}
        {phase.openRequired > 0 && !completed && (
          <Badge size="xs" variant="light" color="orange">
            {t('site.checklist.phaseSection.requiredOpen', { openRequired: phase.openRequired })}
          </Badge>
        )}
        <div style={{ marginLeft: 'auto' }}>
          {completed ? (
            <Group gap={6} wrap="nowrap" data-testid={`phase-completed-${phase.phase}`}>
              <IconLock size={14} color="var(--mantine-color-green-filled)" />
              <Text size="xs" c="dimmed">
                <Trans
                  t={t}
                  i18nKey="site.checklist.phaseSection.completedBy"
                  values={{ name: phase.completedBy ?? '?' }}
                  components={{ b: <b /> }}
                />{' '}
                · <Time iso={phase.completedAt} />
              </Text>
            </Group>
          ) : verdict.allowed ? (
            completeButton
          ) : (
            <Tooltip label={verdict.reason} multiline maw={320}>
              <span>{completeButton}</span>
            </Tooltip>
          )}
        </div>
      </Group>
      {!collapsed &&
        phase.items.map((item) => (
          <ChecklistItemRow
            key={item.id}
            item={item}
            dependency={item.dependsOn ? (itemsById.get(item.dependsOn) ?? null) : null}
            phaseCompleted={completed}
            busy={busyItemId === item.id}
            onSet={onSet}
          />
        ))}
      {!collapsed && phase.items.length === 0 && (
        <Text size="sm" c="dimmed" px="sm" py="xs">
          {t('site.checklist.phaseSection.noItemsInThis')}
        </Text>
      )}
    </Paper>
  );
}
