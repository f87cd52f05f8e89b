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
}

/** A camera button that reads one code in a dialog and hands it over (e.g. into a search field). */
export function CameraScanButton({ place, label, hint, onScan, testId = 'camera-scan' }: Props) {
  const [open, setOpen] = useCameraOpen(place);
  return (
    <>
      <Tooltip label={label}>
        <ActionIcon variant="light" size="lg" onClick={() => setOpen(true)} aria-label={label} data-testid={testId}>
          <IconCamera size={18} />
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
