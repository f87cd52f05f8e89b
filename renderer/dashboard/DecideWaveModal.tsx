import { Alert, Button, Group, List, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { decisionFiguresBefore, type Dashboard, type WaveDecisionKind, type WaveFigures } from '../../shared/contract/dashboard-methods';
import { runCommand } from '../api/command';

interface Props {
  dashboard: Dashboard;
  wave: WaveFigures | null;
  onClose: () => void;
  onDecided: () => void;
}

/** Go / no-go on a wave, with the figures of the earlier waves shown before confirming. */
export function DecideWaveModal({ dashboard, wave, onClose, onDecided }: Props) {
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
      { success: `${wave.name}: ${decision === 'go' ? 'go' : 'no-go'} recorded`, errorTitle: 'Decision not recorded' },
    );
    setBusy(false);
    if (done) {
      setNote('');
      onDecided();
    }
  };

  return (
    <Modal opened onClose={onClose} title={`Decide on ${wave.name}`} size="lg" data-testid="decide-wave-modal">
      <Stack gap="sm">
        {f.basedOn.length === 0 ? (
          <Text size="sm">This is the first wave: there are no earlier results to weigh.</Text>
        ) : (
          <div data-testid="decision-figures">
            <Text size="sm" fw={600}>
              Results of {f.basedOn.join(', ')}
            </Text>
            <List size="sm" spacing={2}>
              <List.Item>
                {f.signedOff} of {f.sites} sites signed off
              </List.Item>
              <List.Item>{f.rolledBack} rolled back</List.Item>
              <List.Item>
                {f.openIssues} open issues, {f.openBlockingIssues} blocking sign-off
              </List.Item>
              <List.Item>Check pass rate {f.checkPassRate === null ? '— (nothing checked)' : `${f.checkPassRate}%`}</List.Item>
              <List.Item>{f.discrepancies} inventory discrepancies</List.Item>
            </List>
          </div>
        )}
        {f.openBlockingIssues > 0 && (
          <Alert color="red" p="xs">
            {f.openBlockingIssues} blocking {f.openBlockingIssues === 1 ? 'issue is' : 'issues are'} still open in earlier waves.
          </Alert>
        )}
        <SegmentedControl
          value={decision}
          onChange={(v) => setDecision(v as WaveDecisionKind)}
          data={[
            { value: 'go', label: 'Go' },
            { value: 'no_go', label: 'No-go' },
          ]}
          data-testid="decision-choice"
        />
        <Textarea
          label="Note"
          description={decision === 'no_go' ? 'Required: why the wave does not go ahead' : 'Optional'}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={noteMissing && note.length > 0 ? 'A no-go needs a note' : undefined}
          data-testid="decision-note"
        />
        <Text size="xs" c="dimmed">
          The figures above are kept with the decision.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color={decision === 'go' ? 'green' : 'red'} disabled={noteMissing} loading={busy} onClick={() => void submit()} data-testid="decision-confirm">
            Record {decision === 'go' ? 'go' : 'no-go'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
