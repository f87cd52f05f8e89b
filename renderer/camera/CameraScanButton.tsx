import { ActionIcon, Modal, Tooltip } from '@mantine/core';
import { IconCamera } from '@tabler/icons-react';
import { useCameraOpen, type CameraPlace } from './camera-open';
import { CameraScanner } from './CameraScanner';

interface Props {
  place: CameraPlace;
  /** Button name and dialog title, e.g. "Search with the camera". */
  label: string;
  hint: string;
  /** The value read (or picked); the dialog closes after it. */
  onScan: (value: string) => void;
  testId?: string;
  /** 'inline' sits inside a text field's right section. */
  variant?: 'button' | 'inline';
}

/** A camera button that reads one code in a dialog and hands it over (e.g. into a search field). */
export function CameraScanButton({ place, label, hint, onScan, testId = 'camera-scan', variant = 'button' }: Props) {
  const [open, setOpen] = useCameraOpen(place);
  return (
    <>
      <Tooltip label={label}>
        <ActionIcon
          variant={variant === 'inline' ? 'subtle' : 'light'}
          color={variant === 'inline' ? 'gray' : undefined}
          size={variant === 'inline' ? 'sm' : 'lg'}
          onClick={() => setOpen(true)}
          aria-label={label}
          data-testid={testId}
        >
          <IconCamera size={variant === 'inline' ? 16 : 18} />
        </ActionIcon>
      </Tooltip>
      <Modal opened={open} onClose={() => setOpen(false)} title={label} size="md">
        {open && (
          <CameraScanner
            hint={hint}
            onScan={(value) => {
              setOpen(false);
              onScan(value);
            }}
          />
        )}
      </Modal>
    </>
  );
}
