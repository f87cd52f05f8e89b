import { Button, Group, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Component } from '../../../shared/domain/deployment';
import type { Issue, ServiceImpact } from '../../../shared/domain/issue';
import { impactTimesHold, IMPACT_TIMES_MESSAGE } from '../../../shared/logic/downtime';
import { isoToWallTime, wallTimeToIso } from '../../../shared/time/wall-time';
import { useMutation } from '../../api/useMutation';
import { SiteTimeInput } from '../../format/SiteTimeInput';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

const FIELDS = ['impact', 'componentId', 'startedAt', 'endedAt', 'usersAffected'] as const;

interface Draft {
  impact: ServiceImpact;
  componentId: string | null;
  /** datetime-local values in the site's zone; an empty end: still going on. */
  start: string;
  end: string;
  users: number | '';
}

function draftOf(issue: Issue, zone: string): Draft {
  return {
    impact: issue.impact ?? 'outage',
    componentId: issue.impactComponentId,
    start: isoToWallTime(issue.impactStartedAt, zone),
    end: isoToWallTime(issue.impactEndedAt, zone),
    users: issue.impactUsersAffected ?? '',
  };
}

/** Records or edits an issue's service impact: affected service (a component of the deployment), impact, start and end in site time, users or tills. */
export function ServiceImpactModal({
  issue,
  zone,
  components,
  opened,
  onClose,
}: {
  issue: Issue;
  zone: string;
  components: readonly Component[];
  opened: boolean;
  onClose: () => void;
}) {
  const t = useText();
  const [draft, setDraft] = useState<Draft>(() => draftOf(issue, zone));
  const mutation = useMutation({ fields: FIELDS });
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const none = draft.impact === 'none';
  const startedAt = wallTimeToIso(draft.start, zone);
  const endedAt = wallTimeToIso(draft.end, zone);
  const timesOk = none || (startedAt !== null && impactTimesHold(draft.impact, startedAt, endedAt));
  const endError =
    !none && startedAt !== null && endedAt !== null && !impactTimesHold(draft.impact, startedAt, endedAt)
      ? IMPACT_TIMES_MESSAGE
      : undefined;

  const close = () => {
    mutation.clearFieldErrors();
    onClose();
  };

  async function submit() {
    if (!timesOk) return;
    const saved = await mutation.run(
      'issues.setImpact',
      none
        ? { issueId: issue.id, impact: 'none' }
        : {
            issueId: issue.id,
            impact: draft.impact,
            componentId: draft.componentId,
            startedAt,
            endedAt,
            usersAffected: draft.users === '' ? null : draft.users,
          },
      {
        refresh: ['issues'],
        success: appText('site.issues.serviceImpactModal.saved', { number: issue.number }),
        errorTitle: appText('site.issues.serviceImpactModal.notSaved'),
      },
    );
    if (saved) close();
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('site.issues.serviceImpactModal.serviceImpactOfIssue', { number: issue.number })}
      size="lg"
    >
      <Stack gap="sm" data-testid="impact-form">
        <SegmentedControl
          value={draft.impact}
          onChange={(v) => set({ impact: v as ServiceImpact })}
          data={[
            { value: 'outage', label: t('site.issues.serviceImpactModal.outage') },
            { value: 'degraded', label: t('site.issues.serviceImpactModal.degraded') },
            { value: 'none', label: t('site.issues.serviceImpactModal.noImpact') },
          ]}
          aria-label={t('site.issues.serviceImpactModal.impact')}
          data-testid="impact-kind"
        />
        {!none && (
          <>
            <Select
              label={t('site.issues.serviceImpactModal.affectedService')}
              placeholder={t('site.issues.serviceImpactModal.pickAComponent')}
              data={components.map((c) => ({ value: c.id, label: c.name }))}
              value={draft.componentId}
              onChange={(v) => set({ componentId: v })}
              clearable
              searchable
              error={mutation.fieldErrors.componentId}
              data-testid="impact-component"
            />
            <SimpleGrid cols={2} spacing="sm">
              <SiteTimeInput
                label={t('site.issues.serviceImpactModal.start')}
                zone={zone}
                required
                value={draft.start}
                error={mutation.fieldErrors.startedAt}
                onChange={(e) => set({ start: e.currentTarget.value })}
                data-testid="impact-start"
              />
              <SiteTimeInput
                label={t('site.issues.serviceImpactModal.end')}
                zone={zone}
                description={t('site.issues.serviceImpactModal.leaveEmptyWhileIt')}
                value={draft.end}
                error={endError ?? mutation.fieldErrors.endedAt}
                onChange={(e) => set({ end: e.currentTarget.value })}
                data-testid="impact-end"
              />
            </SimpleGrid>
            <NumberInput
              label={t('site.issues.serviceImpactModal.usersOrTillsAffected')}
              min={0}
              max={1_000_000}
              allowDecimal={false}
              value={draft.users}
              error={mutation.fieldErrors.usersAffected}
              onChange={(v) => set({ users: typeof v === 'number' ? v : '' })}
              w={220}
              data-testid="impact-users"
            />
          </>
        )}
        {none && (
          <Text size="sm" c="dimmed">
            {t('site.issues.serviceImpactModal.recordsThatTheService')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!timesOk} loading={mutation.pending} onClick={() => void submit()} data-testid="impact-submit">
            {t('site.issues.serviceImpactModal.saveServiceImpact')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
