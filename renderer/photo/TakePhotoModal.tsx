import { Button, Group, Image, Modal, Stack, Text } from '@mantine/core';
import { IconCamera, IconCheck, IconRefresh } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { PHOTO_MAX_EDGE } from '../../shared/photo/photo-rules';
import { showApiError } from '../api/notify';
import { CameraControls, CameraFailureNotice } from '../camera/CameraControls';
import { CameraPreview } from '../camera/CameraPreview';
import { useCameraStream } from '../camera/useCameraStream';
import { captureStill } from './capture-still';
import type { PreparedPhoto } from './photo-types';
import { useText } from '../i18n/i18n';
import { appText } from '../i18n/app-text';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Stores (and links) the photo; true once it is committed, which closes the dialog. */
  onUse: (photo: PreparedPhoto) => Promise<boolean>;
  /** What is being photographed, e.g. the checklist item. */
  subject: string;
}

/**
 * Take a photo with the camera: live preview, Capture, then the still to check with Retake or Use
 * photo. The camera stays open behind the still so Retake is instant, and stops when the dialog
 * closes (useCameraStream).
 */
export function TakePhotoModal({ opened, onClose, onUse, subject }: Props) {
  const t = useText();
  const camera = useCameraStream({ active: opened, idealWidth: PHOTO_MAX_EDGE, idealHeight: (PHOTO_MAX_EDGE * 3) / 4 });
  const videoRef = useRef<HTMLVideoElement>(null);
  const [still, setStill] = useState<PreparedPhoto | null>(null);
  const [busy, setBusy] = useState(false);

  function close() {
    setStill(null);
    onClose();
  }

  async function capture() {
    const video = videoRef.current;
    if (!video) return;
    setBusy(true);
    const read = await captureStill(video);
    setBusy(false);
    if (read.ok) setStill(read);
    else showApiError({ code: 'validation', message: read.message }, appText('photo.takePhotoModal.photoNotTaken'));
  }

  async function use() {
    if (!still) return;
    setBusy(true);
    const stored = await onUse(still);
    setBusy(false);
    if (stored) close();
  }

  return (
    <Modal opened={opened} onClose={close} title={t('photo.takePhotoModal.takePhoto', { subject })} size="lg" returnFocus>
      <Stack gap="sm" data-testid="take-photo" data-camera={camera.status} data-step={still ? 'preview' : 'camera'}>
        <CameraFailureNotice camera={camera} />
        <div style={{ display: still ? 'none' : 'block' }}>
          {camera.status !== 'failed' && (
            <CameraPreview stream={camera.stream} videoRef={videoRef} label={t('photo.takePhotoModal.cameraPreview')} maxWidth={720} />
          )}
        </div>
        {still && (
          <>
            <Image
              src={`data:${still.mediaType};base64,${still.dataBase64}`}
              alt={t('photo.takePhotoModal.photoOf', { subject })}
              fit="contain"
              mah={420}
              radius="sm"
              data-testid="photo-still"
            />
            <Text size="xs" c="dimmed" data-testid="photo-still-size">
              {t('photo.takePhotoModal.pxKibJpegWithout', { width: still.width, height: still.height, kib: Math.ceil(still.size / 1024) })}
            </Text>
          </>
        )}
        <Group justify="space-between">
          {camera.status === 'live' && !still ? <CameraControls camera={camera} /> : <span />}
          <Group gap="xs">
            <Button variant="default" onClick={close}>
              {t('photo.takePhotoModal.cancel')}
            </Button>
            {still ? (
              <>
                <Button
                  variant="default"
                  leftSection={<IconRefresh size={14} />}
                  onClick={() => setStill(null)}
                  disabled={busy}
                  data-testid="photo-retake"
                >
                  {t('photo.takePhotoModal.retake')}
                </Button>
                <Button leftSection={<IconCheck size={14} />} onClick={() => void use()} loading={busy} data-testid="photo-use">
                  {t('photo.takePhotoModal.usePhoto')}
                </Button>
              </>
            ) : (
              <Button
                leftSection={<IconCamera size={14} />}
                onClick={() => void capture()}
                loading={busy}
                disabled={camera.status !== 'live'}
                data-testid="photo-capture"
              >
                {t('photo.takePhotoModal.capture')}
              </Button>
            )}
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
