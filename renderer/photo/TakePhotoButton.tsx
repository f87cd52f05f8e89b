import { Button, type ButtonProps } from '@mantine/core';
import { IconCamera } from '@tabler/icons-react';
import { useState } from 'react';
import type { PreparedPhoto } from './photo-types';
import { TakePhotoModal } from './TakePhotoModal';

interface Props {
  subject: string;
  onUse: (photo: PreparedPhoto) => Promise<boolean>;
  size?: ButtonProps['size'];
  testId?: string;
}

/** "Take photo", shown beside "Attach file": opens the camera dialog. */
export function TakePhotoButton({ subject, onUse, size = 'xs', testId = 'take-photo-open' }: Props) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size={size} variant="default" leftSection={<IconCamera size={size === 'compact-xs' ? 12 : 14} />} onClick={() => setOpened(true)} data-testid={testId}>
        Take photo
      </Button>
      <TakePhotoModal opened={opened} onClose={() => setOpened(false)} onUse={onUse} subject={subject} />
    </>
  );
}
