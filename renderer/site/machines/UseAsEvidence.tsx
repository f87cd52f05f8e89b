import { Button, Checkbox, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { CheckRunDetail } from '../../../shared/domain/check-run';
import type { ChecklistItem } from '../../../shared/domain/checklist';
import { runCommand } from '../../api/command';
import { useApiQuery } from '../../api/useApiQuery';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

const SHORT_PHASE = { before: 'Before', during: 'During', after: 'After', handover: 'Hand-over', rollback: 'Rollback' } as const;

/**
 * "Use as evidence": link this finished run to a checklist item of its site. Lists the items that
 * ask for a check run; "Show all items" offers every item of a phase not yet completed.
 */
export function UseAsEvidence({ run }: { run: CheckRunDetail }) {
  const t = useText();
  const checklist = useApiQuery('checklist.get', { siteId: run.siteId }, ['checklist']);
  const [showAll, setShowAll] = useState(false);
  const [chosen, setChosen] = useState('');
  const [linking, setLinking] = useState(false);

  const { linked, candidates } = useMemo(() => {
    const open = (checklist.data?.phases ?? []).filter((p) => p.completedAt === null).flatMap((p) => p.items);
    const all = (checklist.data?.phases ?? []).flatMap((p) => p.items);
    const isLinked = (i: ChecklistItem) => i.evidenceRuns.some((e) => e.runId === run.id);
    return {
      linked: all.filter(isLinked),
      candidates: open.filter((i) => !isLinked(i) && (showAll || i.evidence === 'check_run')),
    };
  }, [checklist.data, run.id, showAll]);

  if (run.finishedAt === null || !checklist.data) return null;
  const selected = candidates.some((i) => i.id === chosen) ? chosen : (candidates[0]?.id ?? '');

  const link = () => {
    if (!selected) return;
    setLinking(true);
    void runCommand(
      'checklist.linkCheckRun',
      { itemId: selected, runId: run.id },
      {
        refresh: ['checklist', 'sites'],
        success: appText('site.machines.useAsEvidence.linked'),
        errorTitle: appText('site.machines.useAsEvidence.notLinked'),
      },
    ).finally(() => setLinking(false));
  };

  return (
    <Stack gap={6} data-testid="link-evidence">
      <Title order={6}>{t('site.machines.useAsEvidence.useAsEvidence')}</Title>
      {linked.length > 0 && (
        <Text size="sm" data-testid="linked-items">
          {t('site.machines.useAsEvidence.evidenceFor', { items: linked.map((i) => `“${i.title}”`).join(', ') })}
        </Text>
      )}
      {candidates.length === 0 ? (
        <Text size="sm" c="dimmed">
          {showAll ? t('site.machines.useAsEvidence.noOpenChecklistItem') : t('site.machines.useAsEvidence.noOpenChecklistItem2')}
        </Text>
      ) : (
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <NativeSelect
            style={{ flex: 1 }}
            size="xs"
            aria-label={t('site.machines.useAsEvidence.checklistItem')}
            data-testid="link-evidence-item"
            value={selected}
            onChange={(e) => setChosen(e.currentTarget.value)}
            data={candidates.map((i) => ({ value: i.id, label: `${SHORT_PHASE[i.phase]}: ${i.title}` }))}
          />
          <Button
            size="xs"
            variant="light"
            leftSection={<IconLink size={14} />}
            loading={linking}
            onClick={link}
            data-testid="link-evidence-submit"
          >
            {t('site.machines.useAsEvidence.useAsEvidence')}
          </Button>
        </Group>
      )}
      <Checkbox
        size="xs"
        label={t('site.machines.useAsEvidence.showAllOpenChecklist')}
        checked={showAll}
        onChange={(e) => setShowAll(e.currentTarget.checked)}
        data-testid="link-evidence-all"
      />
    </Stack>
  );
}
