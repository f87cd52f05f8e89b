import { Button, Group, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Component } from '../../../shared/domain/deployment';
import type { Issue, ServiceImpact } from '../../../shared/domain/issue';
import { impactTimesHold, IMPACT_TIMES_MESSAGE } from '../../../shared/logic/downtime';
import { isoToWallTime, wallTimeToIso } from '../../../shared/time/wall-time';
import { useMutation } from '../../api/useMutation';
import { SiteTimeInput } from '../../format/SiteTimeInput';

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
export function ServiceImpactModal({ issue, zone, components, opened, onClose }: { issue: Issue; zone: string; components: readonly Component[]; opened: boolean; onClose: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(issue, zone));
  const mutation = useMutation({ fields: FIELDS });
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const none = draft.impact === 'none';
  const startedAt = wallTimeToIso(draft.start, zone);
  const endedAt = wallTimeToIso(draft.end, zone);
  const timesOk = none || (startedAt !== null && impactTimesHold(draft.impact, startedAt, endedAt));
  const endError = !none && startedAt !== null && endedAt !== null && !impactTimesHold(draft.impact, startedAt, endedAt) ? IMPACT_TIMES_MESSAGE : undefined;

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
        : { issueId: issue.id, impact: draft.impact, componentId: draft.componentId, startedAt, endedAt, usersAffected: draft.users === '' ? null : draft.users },
      { refresh: ['issues'], success: `Issue #${issue.number}: service impact saved`, errorTitle: 'Service impact not saved' },
    );
    if (saved) close();
  }

  return (
    <Modal opened={opened} onClose={close} title={`Service impact of issue #${issue.number}`} size="lg">
      <Stack gap="sm" data-testid="impact-form">
        <SegmentedControl
          value={draft.impact}
          onChange={(v) => set({ impact: v as ServiceImpact })}
          data={[
            { value: 'outage', label: 'Outage' },
            { value: 'degraded', label: 'Degraded' },
            { value: 'none', label: 'No impact' },
          ]}
          aria-label="Impact"
          data-testid="impact-kind"
        />
        {!none && (
          <>
            <Select
              label="Affected service"
              placeholder="Pick a component"
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
                label="Start"
                zone={zone}
                required
                value={draft.start}
                error={mutation.fieldErrors.startedAt}
                onChange={(e) => set({ start: e.currentTarget.value })}
                data-testid="impact-start"
              />
              <SiteTimeInput
                label="End"
                zone={zone}
                description="Leave empty while it goes on"
                value={draft.end}
                error={endError ?? mutation.fieldErrors.endedAt}
                onChange={(e) => set({ end: e.currentTarget.value })}
                data-testid="impact-end"
              />
            </SimpleGrid>
            <NumberInput
              label="Users or tills affected"
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
            Records that the service was not affected; any service and times recorded before are cleared.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button disabled={!timesOk} loading={mutation.pending} onClick={() => void submit()} data-testid="impact-submit">
            Save service impact
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
