import { Button, Modal } from '@mantine/core';
import { IconCalendarUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigation } from '../state/navigation';
import { MySchedule } from './MySchedule';
import { useText } from '../i18n/i18n';

/** "My schedule" in the header, for everyone: opening a site closes it and goes to the site. */
export function MyScheduleButton() {
  const t = useText();
  const [open, setOpen] = useState(false);
  const selectSite = useNavigation((s) => s.selectSite);
  return (
    <>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconCalendarUser size={14} />}
        onClick={() => setOpen(true)}
        data-testid="my-schedule-open"
      >
        {t('schedule.myScheduleButton.mySchedule')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('schedule.myScheduleButton.mySchedule')} size="xl">
        {open && (
          <MySchedule
            onOpenSite={(deploymentId, siteId) => {
              setOpen(false);
              selectSite(deploymentId, siteId, 'overview');
            }}
          />
        )}
      </Modal>
    </>
  );
}
