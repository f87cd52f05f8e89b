import { ActionIcon, Button, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconTags } from '@tabler/icons-react';
import { useState } from 'react';
import { LabelsModal } from './LabelsModal';
import { useText } from '../../../i18n/i18n';

/** "Labels…" beside Import and Export: opens the asset label dialog. */
export function LabelsButton({ siteId }: { siteId: string }) {
  const t = useText();
  const [open, setOpen] = useState(false);
  // An icon below 1200 px, as Import and Export are, so the toolbar keeps one line on a laptop.
  const compact = useMediaQuery('(max-width: 1199px)') ?? false;
  return (
    <>
      {compact ? (
        <Tooltip label={t('site.inventory.labels.labelsButton.labels')}>
          <ActionIcon
            size="lg"
            variant="subtle"
            aria-label={t('site.inventory.labels.labelsButton.labels')}
            onClick={() => setOpen(true)}
            data-testid="labels-open"
          >
            <IconTags size={18} />
          </ActionIcon>
        </Tooltip>
      ) : (
        <Button
          size="sm"
          variant="subtle"
          px={8}
          leftSection={<IconTags size={16} />}
          onClick={() => setOpen(true)}
          data-testid="labels-open"
        >
          {t('site.inventory.labels.labelsButton.labels')}
        </Button>
      )}
      <LabelsModal siteId={siteId} opened={open} onClose={() => setOpen(false)} />
    </>
  );
}
