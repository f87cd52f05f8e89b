import { Group, Loader, Progress, ScrollArea, Stack, Text } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import type { ChecklistItem } from '../../../shared/domain/checklist';
import type { ChecklistItemState, ChecklistPhase } from '../../../shared/domain/enums';
import { runCommand } from '../../api/command';
import { useApiQuery } from '../../api/useApiQuery';
import { QueryError } from '../../shell/QueryError';
import { percent } from '../../format/time';
import { PHASE_LABELS } from '../../status/labels';
import { dependentsToReopen } from '../../../shared/logic/checklist-rules';
import { NoteModal, type NoteRequest } from './NoteModal';
import { ReopenDependentsModal, type ReopenRequest } from './ReopenDependentsModal';
import { PhaseSection } from './PhaseSection';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

/** The site checklist by phase. Every change refreshes the checklist and the site figures. */
export function ChecklistTab({ siteId }: { siteId: string }) {
  const t = useText();
  const checklist = useApiQuery('checklist.get', { siteId }, ['checklist']);
  const site = useApiQuery('sites.get', { siteId }, ['sites']);
  const rolledBack = site.data?.status === 'rolled_back';
  const [noteRequest, setNoteRequest] = useState<NoteRequest | null>(null);
  const [reopenRequest, setReopenRequest] = useState<ReopenRequest | null>(null);
  const [busyItemId, setBusyItemId] = useState<string | null>(null);
  const [completing, setCompleting] = useState<ChecklistPhase | null>(null);

  const itemsById = useMemo(
    () => new Map((checklist.data?.phases ?? []).flatMap((p) => p.items).map((i) => [i.id, i] as const)),
    [checklist.data],
  );

  const apply = useCallback(async (item: ChecklistItem, state: ChecklistItemState, note = '') => {
    setBusyItemId(item.id);
    const saved = await runCommand('checklist.setItemState', { itemId: item.id, state, note }, { refresh: ['checklist', 'sites'] });
    setBusyItemId(null);
    return saved !== null;
  }, []);

  const onSet = useCallback(
    (item: ChecklistItem, state: ChecklistItemState) => {
      if (state === 'not_applicable' || state === 'failed' || (state === 'done' && item.evidence === 'note'))
        setNoteRequest({ item, state });
      else if (state === 'todo') {
        const dependents = dependentsToReopen([...itemsById.values()], item.id, state);
        if (dependents.length > 0) setReopenRequest({ item, dependents });
        else void apply(item, state);
      } else void apply(item, state);
    },
    [apply, itemsById],
  );

  async function complete(phase: ChecklistPhase) {
    setCompleting(phase);
    await runCommand(
      'checklist.completePhase',
      { siteId, phase },
      {
        refresh: ['checklist', 'sites'],
        success: appText('site.checklist.checklistTab.phaseCompleted', { phase: PHASE_LABELS[phase] }),
        errorTitle: appText('site.checklist.checklistTab.phaseNotCompleted'),
      },
    );
    setCompleting(null);
  }

  if (checklist.error && !checklist.data) {
    return <QueryError title={t('site.checklist.checklistTab.checklistNotAvailable')} error={checklist.error} onRetry={checklist.reload} />;
  }
  if (!checklist.data) return <Loader size="sm" />;

  const { progress } = checklist.data;
  // After a rollback its phase is the one to work through: it comes first.
  // A plan without a hand-over section shows none.
  const listed = checklist.data.phases.filter((p) => p.phase !== 'handover' || p.items.length > 0);
  const phases = rolledBack ? [...listed].sort((a, b) => Number(b.phase === 'rollback') - Number(a.phase === 'rollback')) : listed;
  return (
    <ScrollArea h="100%" type="auto" data-testid="checklist-tab">
      <Stack gap="sm" pb="md" pr={4}>
        <Group gap="sm">
          <Text size="sm" fw={600}>
            {t('site.checklist.checklistTab.ofItemsSettled', { done: progress.done, total: progress.total })}
          </Text>
          <Progress
            value={percent(progress.done, progress.total)}
            size="md"
            aria-label={t('site.checklist.checklistTab.checklistProgress')}
            style={{ flex: 1, maxWidth: 400 }}
            color="indigo"
          />
          <Text size="sm" c="dimmed">
            {percent(progress.done, progress.total)}%
          </Text>
        </Group>
        {phases.map((phase) => (
          <PhaseSection
            key={phase.phase}
            phase={phase}
            itemsById={itemsById}
            busyItemId={busyItemId}
            completing={completing === phase.phase}
            onSet={onSet}
            onComplete={() => void complete(phase.phase)}
            rolledBack={rolledBack}
          />
        ))}
      </Stack>
      <ReopenDependentsModal
        request={reopenRequest}
        onClose={() => setReopenRequest(null)}
        onConfirm={(request) => {
          setReopenRequest(null);
          void apply(request.item, 'todo');
        }}
      />
      <NoteModal
        request={noteRequest}
        onClose={() => setNoteRequest(null)}
        onConfirm={async (request, note) => {
          const ok = await apply(request.item, request.state, note);
          if (ok) setNoteRequest(null);
          return ok;
        }}
      />
    </ScrollArea>
  );
}
