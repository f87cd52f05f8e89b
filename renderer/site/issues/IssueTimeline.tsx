import { Text, Timeline } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowUpRight,
  IconCheck,
  IconExclamationMark,
  IconLock,
  IconMessage,
  IconPlugConnectedX,
  IconPlus,
  IconSwitchHorizontal,
  IconUser,
} from '@tabler/icons-react';
import type { IssueAttachmentRef } from '../../../shared/contract/issues-methods';
import type { IssueEvent } from '../../../shared/domain/issue';
import { Time } from '../../format/Time';
import { EVENT_LABEL, ISSUE_STATUS } from './issue-labels';
import { PhotoThumb } from './PhotoThumb';

const ICON: Record<IssueEvent['kind'], React.ReactNode> = {
  created: <IconPlus size={12} />,
  commented: <IconMessage size={12} />,
  assigned: <IconUser size={12} />,
  status_changed: <IconSwitchHorizontal size={12} />,
  escalated: <IconArrowUpRight size={12} />,
  resolved: <IconCheck size={12} />,
  closed: <IconLock size={12} />,
  accepted_exception: <IconExclamationMark size={12} />,
  reopened: <IconArrowBackUp size={12} />,
  impact_changed: <IconPlugConnectedX size={12} />,
};

function headline(event: IssueEvent): string {
  switch (event.kind) {
    case 'assigned':
      return event.assignee ? `Assigned to ${event.assignee}` : 'Unassigned';
    case 'escalated':
      return `Escalated to level ${event.escalationLevel ?? '?'}`;
    case 'status_changed':
      return `${event.fromStatus ? ISSUE_STATUS[event.fromStatus].label : '?'} → ${event.toStatus ? ISSUE_STATUS[event.toStatus].label : '?'}`;
    default:
      return EVENT_LABEL[event.kind];
  }
}

/** The issue's history, oldest first: every change is an event, none is ever rewritten. */
export function IssueTimeline({ events, attachments }: { events: IssueEvent[]; attachments: IssueAttachmentRef[] }) {
  return (
    <Timeline bulletSize={22} lineWidth={2} active={events.length - 1} data-testid="issue-history">
      {events.map((event) => (
        <Timeline.Item key={event.id} bullet={ICON[event.kind]} title={headline(event)} data-testid="issue-event" data-kind={event.kind}>
          {event.text && event.kind !== 'created' && event.kind !== 'assigned' && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {event.text}
            </Text>
          )}
          {attachments
            .filter((a) => a.eventId === event.id)
            .map((a) => (
              <PhotoThumb key={a.sha256} sha256={a.sha256} />
            ))}
          <Text size="xs" c="dimmed" mt={2}>
            {event.by} · <Time iso={event.at} />
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
