import { Button, Menu } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../api/client';
import { useCanAuthor } from '../deployment/authoring/useCanAuthor';
import { saveCalendar } from './save-calendar';
import { useText } from '../i18n/i18n';

function useBusy() {
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

/** The deployment overview's "Calendar (.ics)": every site window, cancellations included (release managers). */
export function DeploymentCalendarButton({ deploymentId }: { deploymentId: string }) {
  const t = useText();
  const canAuthor = useCanAuthor();
  const { busy, run } = useBusy();
  if (!canAuthor) return null;
  return (
    <Button
      variant="default"
      leftSection={<IconCalendarEvent size={14} />}
      loading={busy}
      onClick={() =>
        void run(() => saveCalendar(() => call('calendar.deployment', { deploymentId }), t('calendar.calendarButtons.calendarNotSaved')))
      }
      data-testid="deployment-calendar"
    >
      {t('calendar.calendarButtons.calendarIcs')}
    </Button>
  );
}

/** "My calendar (.ics)": the current profile's site windows across deployments, for any role. */
export function MyCalendarButton() {
  const t = useText();
  const { busy, run } = useBusy();
  return (
    <Button
      size="xs"
      variant="default"
      leftSection={<IconCalendarEvent size={14} />}
      loading={busy}
      onClick={() => void run(() => saveCalendar(() => call('calendar.technician', {}), t('calendar.calendarButtons.calendarNotSaved')))}
      data-testid="my-calendar"
    >
      {t('calendar.calendarButtons.myCalendarIcs')}
    </Button>
  );
}

/** The site menu's entry for the owner's calendar file (a cancellation once the site is rolled back). */
export function SiteOwnerCalendarMenuItem({ siteId }: { siteId: string }) {
  const t = useText();
  return (
    <Menu.Item
      leftSection={<IconCalendarEvent size={14} />}
      onClick={() => void saveCalendar(() => call('calendar.siteOwner', { siteId }), t('calendar.calendarButtons.calendarNotSaved'))}
      data-testid="site-owner-calendar"
    >
      {t('calendar.calendarButtons.siteOwnersCalendarIcs')}
    </Menu.Item>
  );
}
