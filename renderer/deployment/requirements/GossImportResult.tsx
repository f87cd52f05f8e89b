import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileAlert } from '@tabler/icons-react';
import { errorText, errorTitle } from '../../api/notify';
import { allTargetsLabel } from './group-requirements';
import type { ImportOutcome } from './import-outcome';
import { useText } from '../../i18n/i18n';

/** The outcome of an import: what was imported and skipped, or why the file was refused. */
export function GossImportResult({ outcome }: { outcome: ImportOutcome }) {
  const t = useText();
  if (outcome.kind === 'failed') {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} title={errorTitle(outcome.error)} data-testid="goss-failed">
        {errorText(outcome.error)}
      </Alert>
    );
  }
  if (outcome.kind === 'refused') {
    return (
      <Alert
        color="orange"
        icon={<IconFileAlert size={18} />}
        title={t('deployment.requirements.gossImportResult.theFileWasNot')}
        data-testid="goss-refused"
      >
        <List size="sm" spacing={2}>
          {outcome.issues.map((issue, i) => (
            <List.Item key={`${issue.path}-${i}`} data-testid="goss-refused-reason">
              {!issue.path || issue.message.toLowerCase().startsWith(issue.path.toLowerCase())
                ? issue.message
                : `${issue.path}: ${issue.message}`}
            </List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  const { imported, skipped } = outcome.result;
  return (
    <Alert
      color="teal"
      icon={<IconCircleCheck size={18} />}
      title={t('deployment.requirements.gossImportResult.imported', { count: imported.length })}
      data-testid="goss-imported"
    >
      <Text size="sm" data-testid="goss-imported-count" data-count={imported.length}>
        {t('deployment.requirements.gossImportResult.addedFor', {
          count: imported.length,
          target: outcome.targetRole ?? allTargetsLabel().toLowerCase(),
        })}
        {skipped.length === 0
          ? t('deployment.requirements.gossImportResult.nothingWasSkipped')
          : t('deployment.requirements.gossImportResult.skipped', { count: skipped.length })}
      </Text>
      {skipped.length > 0 && (
        <List size="sm" spacing={2} mt={6} data-testid="goss-skipped">
          {skipped.map((s, i) => (
            <List.Item key={`${s.path}-${i}`} data-testid="goss-skipped-item">
              <Text span ff="monospace" size="xs" fw={600}>
                {s.path}
              </Text>{' '}
              — {s.reason}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
