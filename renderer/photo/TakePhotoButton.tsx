import { Button, type ButtonProps } from '@mantine/core';
import { IconCamera } from '@tabler/icons-react';
import { useState } from 'react';
import type { PreparedPhoto } from './photo-types';
import { TakePhotoModal } from './TakePhotoModal';
import { useText } from '../i18n/i18n';

interface Props {
  subject: string;
  onUse: (photo: PreparedPhoto) => Promise<boolean>;
  size?: ButtonProps['size'];
  testId?: string;
}

/** "Take photo", shown beside "Attach file": opens the camera dialog. */
export function TakePhotoButton({ subject, onUse, size = 'xs', testId = 'take-photo-open' }: Props) {
  const t = useText();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        size={size}
        variant="default"
        leftSection={<IconCamera size={size === 'compact-xs' ? 12 : 14} />}
        onClick={() => setOpened(true)}
        data-testid={testId}
      >
        {t('photo.takePhotoButton.takePhoto')}
      </Button>
      <TakePhotoModal opened={opened} onClose={() => setOpened(false)} onUse={onUse} subject={subject} />
    </>
  );
}
