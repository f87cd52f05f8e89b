import { ActionIcon, Button, Group, Paper, Text, TextInput, Tooltip } from '@mantine/core';
import { IconBarcode, IconCamera, IconCameraOff, IconVolume, IconVolumeOff, IconX } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { InventoryItem, Reconciliation } from '../../../shared/domain/inventory';
import { errorText } from '../../api/notify';
import { useMutation } from '../../api/useMutation';
import { isEditable, overlayOpen } from '../../shell/overlay';
import { useScanLog, type ScanEntry } from '../../state/scan-log';
import { useSound } from '../../state/sound';
import { useUi } from '../../state/ui';
import { ScanFeedback } from './ScanFeedback';
import { ScanLog } from './ScanLog';
import { SurplusModal } from './SurplusModal';
import { useBeep } from './useBeep';
import classes from './ReceivePanel.module.css';
import { useDisplayZone } from '../../format/Time';
import { CameraScanner } from '../../camera/CameraScanner';
import { useCameraOpen } from '../../camera/camera-open';
import { vibrate } from '../../camera/vibrate';
import { useText } from '../../i18n/i18n';
import { ItemPhotos } from '../../photo/ItemPhotos';
import { surplusSubject } from '../../photo/ItemPhotosModal';
import { appText } from '../../i18n/app-text';

const NO_ENTRIES: ScanEntry[] = [];
const REFOCUS_DELAY_MS = 150;

interface Props {
  siteId: string;
  onReconciliation: (value: Reconciliation) => void;
  onReceived: (itemId: string) => void;
}

/**
 * Receive mode, built for a USB barcode scanner (it types the serial, then Enter). The field
 * keeps the focus so scan after scan lands here; every scan is sent at once, in order. The
 * camera (when opened) feeds what it reads into the same queue, with a vibration besides the beep.
 */
export function ReceivePanel({ siteId, onReconciliation, onReceived }: Props) {
  const t = useText();
  const zone = useDisplayZone();
  const [value, setValue] = useState('');
  const [surplusFor, setSurplusFor] = useState<ScanEntry | null>(null);
  // The surplus item just recorded from the latest scan: photographed where it stands.
  const [recorded, setRecorded] = useState<{ entryId: ScanEntry['id']; item: InventoryItem } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const entries = useScanLog((s) => s.bySite[siteId] ?? NO_ENTRIES);
  const addEntry = useScanLog((s) => s.add);
  const markSurplus = useScanLog((s) => s.markSurplus);
  const setReceiveMode = useUi((s) => s.setReceiveMode);
  const muted = useSound((s) => s.muted);
  const toggleMuted = useSound((s) => s.toggleMuted);
  const beep = useBeep();
  const [cameraOpen, setCameraOpen] = useCameraOpen('receive');
  // Scans go one after the other (the queue below), so the scan mutation never sees a second one in flight.
  const scan = useMutation();
  const surplus = useMutation();

  const scanFocusRequest = useUi((s) => s.scanFocusRequest);
  const focusInput = useCallback(() => inputRef.current?.focus(), []);
  useEffect(focusInput, [focusInput, scanFocusRequest]);

  function submit() {
    const serial = value.trim();
    setValue('');
    if (serial) receive(serial, 'keyboard');
  }

  /** The one path for a serial: typed, from a USB scanner, or read by the camera. */
  function receive(serial: string, source: 'keyboard' | 'camera') {
    queue.current = queue.current.then(async () => {
      // A refused scan is shown in the scan log, with its sound, not as a notification.
      const result = await scan.run(
        'inventory.receive',
        { siteId, serial },
        {
          refresh: (r) => (r.outcome === 'received' ? ['inventory', 'sites'] : []),
          onError: (error) => {
            addEntry(siteId, { serial, result: null, error: errorText(error) });
            beep('error');
            if (source === 'camera') vibrate('attention');
          },
        },
      );
      if (!result) return;
      addEntry(siteId, { serial, result, error: null });
      onReconciliation(result.reconciliation);
      beep(result.outcome);
      if (source === 'camera') vibrate(result.outcome === 'received' ? 'good' : 'attention');
      if (result.outcome === 'received' && result.item) onReceived(result.item.id);
    });
  }

  const onCameraScan = (serial: string) => receive(serial, 'camera');

  // Keep the focus: come back after a short delay, unless a dialog or menu took it or the
  // technician moved to another field on purpose.
  function onBlur() {
    window.setTimeout(() => {
      const input = inputRef.current;
      if (!input || !input.isConnected || document.activeElement === input) return;
      if (overlayOpen() || isEditable(document.activeElement)) return;
      input.focus();
    }, REFOCUS_DELAY_MS);
  }

  async function recordSurplus(details: { manufacturer: string; model: string; note: string }): Promise<boolean> {
    if (!surplusFor) return false;
    const entry = surplusFor;
    const item = await surplus.run(
      'inventory.recordSurplus',
      { siteId, serial: entry.serial, ...details },
      { refresh: ['inventory', 'sites'], success: appText('site.inventory.receivePanel.recordedAsSurplus', { serial: entry.serial }) },
    );
    if (!item) return false;
    markSurplus(siteId, entry.id);
    setRecorded({ entryId: entry.id, item });
    closeSurplus();
    onReceived(item.id);
    return true;
  }

  function closeSurplus() {
    setSurplusFor(null);
    window.setTimeout(focusInput, REFOCUS_DELAY_MS);
  }

  const latest = entries[0];

  return (
    <Paper withBorder p="sm" data-testid="receive-panel" style={{ borderColor: 'var(--mantine-color-teal-filled)', borderWidth: 2 }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: 12 }}>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          <Group justify="space-between" gap="xs">
            <Group gap={6}>
              <IconBarcode size={18} />
              <Text fw={700} size="sm">
                {t('site.inventory.receivePanel.receiveMode')}
              </Text>
              <Text size="xs" c="dimmed" className={classes.hint}>
                {t('site.inventory.receivePanel.enterRecordsTheSerial')}
              </Text>
            </Group>
            <Group gap={4}>
              <Tooltip
                label={cameraOpen ? t('site.inventory.receivePanel.closeTheCamera') : t('site.inventory.receivePanel.scanWithTheCamera')}
              >
                <ActionIcon
                  variant={cameraOpen ? 'filled' : 'subtle'}
                  color={cameraOpen ? 'teal' : 'gray'}
                  onClick={() => setCameraOpen(!cameraOpen)}
                  aria-label={
                    cameraOpen ? t('site.inventory.receivePanel.closeTheCamera') : t('site.inventory.receivePanel.scanWithTheCamera')
                  }
                  aria-pressed={cameraOpen}
                  data-testid="receive-camera"
                >
                  {cameraOpen ? <IconCameraOff size={16} /> : <IconCamera size={16} />}
                </ActionIcon>
              </Tooltip>
              <Tooltip label={muted ? t('site.inventory.receivePanel.soundOff') : t('site.inventory.receivePanel.soundOn')}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  onClick={toggleMuted}
                  aria-label={muted ? t('site.inventory.receivePanel.unmuteScanSounds') : t('site.inventory.receivePanel.muteScanSounds')}
                  data-testid="scan-mute"
                >
                  {muted ? <IconVolumeOff size={16} /> : <IconVolume size={16} />}
                </ActionIcon>
              </Tooltip>
              <Button
                variant="subtle"
                color="gray"
                leftSection={<IconX size={14} />}
                onClick={() => setReceiveMode(false)}
                data-testid="receive-close"
              >
                {t('common.close')}
              </Button>
            </Group>
          </Group>
          <TextInput
            ref={inputRef}
            size="xl"
            placeholder={t('site.inventory.receivePanel.scanOrTypeA')}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                submit();
              } else if (e.key === 'Escape') {
                setReceiveMode(false);
              }
            }}
            onBlur={onBlur}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            maxLength={128}
            aria-label={t('site.inventory.receivePanel.serialToReceive')}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 22, letterSpacing: '0.03em' } }}
            data-testid="scan-input"
          />
          {/* Camera and feedback side by side where there is room, else one above the other. */}
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'flex-start' }}>
            {cameraOpen && (
              <CameraScanner
                onScan={onCameraScan}
                hint="Hold a serial label up to the camera, its barcode across the red line"
                maxWidth={240}
              />
            )}
            <div style={{ flex: '1 1 240px', minWidth: 0 }}>
              <ScanFeedback key={latest?.id ?? 0} entry={latest} onRecordSurplus={setSurplusFor} />
              {recorded && latest?.id === recorded.entryId && (
                <ItemPhotos itemId={recorded.item.id} subject={surplusSubject(recorded.item)} />
              )}
            </div>
          </div>
        </div>
        <div style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
          <Group justify="space-between" mb={4}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase">
              {t('site.inventory.receivePanel.scansThisSessionTime', { length: entries.length, zone })}
            </Text>
          </Group>
          {/* Inside the panel at any window size: shorter on a low screen, so the table keeps its rows. */}
          <div
            style={{
              height: 'clamp(110px, 22vh, 196px)',
              border: '1px solid var(--mantine-color-default-border)',
              borderRadius: 4,
              overflow: 'hidden',
            }}
          >
            <ScanLog entries={entries} />
          </div>
        </div>
      </div>
      <SurplusModal serial={surplusFor?.serial ?? null} onClose={closeSurplus} onConfirm={recordSurplus} />
    </Paper>
  );
}
