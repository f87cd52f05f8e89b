import { ActionIcon, Alert, Button, Group, Select, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconBulb, IconBulbOff, IconRefresh } from '@tabler/icons-react';
import type { CameraStream } from './useCameraStream';
import { useText } from '../i18n/i18n';

/** Which camera, the torch where the camera has one. */
export function CameraControls({ camera }: { camera: CameraStream }) {
  const t = useText();
  return (
    <Group gap="xs" wrap="nowrap">
      {camera.cameras.length > 1 && (
        <Select
          size="xs"
          data={camera.cameras.map((c) => ({ value: c.deviceId, label: c.label }))}
          value={camera.deviceId}
          onChange={(id) => id && camera.selectCamera(id)}
          allowDeselect={false}
          aria-label={t('camera.cameraControls.camera')}
          data-testid="camera-select"
          style={{ minWidth: 0, flex: 1 }}
        />
      )}
      {camera.torch.supported && (
        <Tooltip label={camera.torch.on ? t('camera.cameraControls.torchOff') : t('camera.cameraControls.torchOn')}>
          <ActionIcon
            variant={camera.torch.on ? 'filled' : 'light'}
            onClick={camera.torch.toggle}
            aria-label={camera.torch.on ? t('camera.cameraControls.turnTheTorchOff') : t('camera.cameraControls.turnTheTorchOn')}
            aria-pressed={camera.torch.on}
            data-testid="camera-torch"
          >
            {camera.torch.on ? <IconBulb size={16} /> : <IconBulbOff size={16} />}
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}

/** Why the camera is not showing anything, with a way to try again. */
export function CameraFailureNotice({ camera }: { camera: CameraStream }) {
  const t = useText();
  if (camera.status !== 'failed' || !camera.failure) return null;
  return (
    <Alert
      color="orange"
      icon={<IconAlertTriangle size={16} />}
      title={t('camera.cameraControls.cameraNotAvailable')}
      data-testid="camera-failure"
      data-kind={camera.failure.kind}
    >
      {camera.failure.message}
      <div>
        <Button size="xs" variant="light" mt={6} leftSection={<IconRefresh size={14} />} onClick={camera.retry} data-testid="camera-retry">
          {t('camera.cameraControls.tryAgain')}
        </Button>
      </div>
    </Alert>
  );
}
