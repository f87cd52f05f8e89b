import { Alert, Button, Group, List, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { decisionFiguresBefore, type Dashboard, type WaveDecisionKind, type WaveFigures } from '../../shared/contract/dashboard-methods';
import { runCommand } from '../api/command';
import { useText } from '../i18n/i18n';
import { appText } from '../i18n/app-text';

interface Props {
  dashboard: Dashboard;
  wave: WaveFigures | null;
  onClose: () => void;
  onDecided: () => void;
}

/** Go / no-go on a wave, with the figures of the earlier waves shown before confirming. */
export function DecideWaveModal({ dashboard, wave, onClose, onDecided }: Props) {
  const t = useText();
  const [decision, setDecision] = useState<WaveDecisionKind>('go');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  if (!wave || !wave.waveId) return null;
  const f = decisionFiguresBefore(dashboard.waves, wave.sequence);
  const noteMissing = decision === 'no_go' && note.trim().length === 0;

  const submit = async () => {
    setBusy(true);
    const done = await runCommand(
      'waves.decide',
      { waveId: wave.waveId!, decision, note },
      {
        success: appText(`dashboard.decideWaveModal.recorded.${decision}`, { wave: wave.name }),
        errorTitle: appText('dashboard.decideWaveModal.decisionNotRecorded'),
      },
    );
    setBusy(false);
    if (done) {
      setNote('');
      onDecided();
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('dashboard.decideWaveModal.decideOn', { name: wave.name })}
      size="lg"
      data-testid="decide-wave-modal"
    >
      <Stack gap="sm">
        {f.basedOn.length === 0 ? (
          <Text size="sm">{t('dashboard.decideWaveModal.thisIsTheFirst')}</Text>
        ) : (
          <div data-testid="decision-figures">
            <Text size="sm" fw={600}>
              {t('dashboard.decideWaveModal.resultsOf', { waves: f.basedOn.join(', ') })}
            </Text>
            <List size="sm" spacing={2}>
              <List.Item>{t('dashboard.decideWaveModal.ofSitesSignedOff', { signedOff: f.signedOff, sites: f.sites })}</List.Item>
              <List.Item>{t('dashboard.decideWaveModal.rolledBack', { rolledBack: f.rolledBack })}</List.Item>
              <List.Item>
                {t('dashboard.decideWaveModal.openIssuesBlockingSign', {
                  openIssues: f.openIssues,
                  openBlockingIssues: f.openBlockingIssues,
                })}
              </List.Item>
              <List.Item>
                {t('dashboard.decideWaveModal.checkPassRate')}{' '}
                {f.checkPassRate === null ? t('dashboard.decideWaveModal.nothingChecked') : `${f.checkPassRate}%`}
              </List.Item>
              <List.Item>{t('dashboard.decideWaveModal.inventoryDiscrepancies', { discrepancies: f.discrepancies })}</List.Item>
            </List>
          </div>
        )}
        {f.openBlockingIssues > 0 && (
          <Alert color="red" p="xs">
            {t('dashboard.decideWaveModal.blockingOpen', { count: f.openBlockingIssues })}
          </Alert>
        )}
        <SegmentedControl
          value={decision}
          onChange={(v) => setDecision(v as WaveDecisionKind)}
          data={[
            { value: 'go', label: t('dashboard.decideWaveModal.go') },
            { value: 'no_go', label: t('dashboard.decideWaveModal.noGo') },
          ]}
          data-testid="decision-choice"
        />
        <Textarea
          label={t('dashboard.decideWaveModal.note')}
          description={decision === 'no_go' ? t('dashboard.decideWaveModal.requiredWhyTheWave') : t('dashboard.decideWaveModal.optional')}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={noteMissing && note.length > 0 ? t('dashboard.decideWaveModal.aNoGoNeeds') : undefined}
          data-testid="decision-note"
        />
        <Text size="xs" c="dimmed">
          {t('dashboard.decideWaveModal.theFiguresAboveAre')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('dashboard.decideWaveModal.cancel')}
          </Button>
          <Button
            color={decision === 'go' ? 'green' : 'red'}
            disabled={noteMissing}
            loading={busy}
            onClick={() => void submit()}
            data-testid="decision-confirm"
          >
            {t(`dashboard.decideWaveModal.recordDecision.${decision}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
