import { Button, Tooltip } from '@mantine/core';
import { IconCloudUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { runCommand } from '../api/command';
import { useCanAuthor } from '../deployment/authoring/useCanAuthor';
import { showSuccess } from '../api/notify';
import { useSync } from './sync-store';
import { isManagerRole } from '../../shared/domain/role-access';
import { useText } from '../i18n/i18n';
import { appText } from '../i18n/app-text';

/** Release managers: queue a deployment plan for the server; disabled with the reason when not signed in. */
export function PublishButton({ deploymentId }: { deploymentId: string }) {
  const t = useText();
  const canAuthor = useCanAuthor();
  const account = useSync((s) => s.status?.account ?? null);
  const [busy, setBusy] = useState(false);
  const allowed = account !== null && isManagerRole(account.role);
  const reason = !account
    ? t('sync.publishButton.notSignedInTo')
    : allowed
      ? t('sync.publishButton.sendThisPlanTo')
      : t('sync.publishButton.onlyReleaseManagersAnd');

  async function publish() {
    setBusy(true);
    const result = await runCommand(
      'sync.publish',
      { deploymentId },
      { errorTitle: appText('sync.publishButton.notPublished'), refresh: ['deployments'] },
    );
    setBusy(false);
    if (result) {
      // The core starts a sync after publishing; the status bar shows it going.
      useSync.getState().requestPoll();
      showSuccess(appText('sync.publishButton.publishedRecordsQueuedFor', { queued: result.queued }));
    }
  }

  if (!canAuthor) return null;
  return (
    <Tooltip label={reason} multiline w={260}>
      <Button
        size="xs"
        variant="light"
        leftSection={<IconCloudUpload size={14} />}
        data-disabled={allowed ? undefined : true}
        aria-disabled={!allowed}
        loading={busy}
        onClick={(event) => {
          if (allowed) void publish();
          else event.preventDefault();
        }}
        aria-label={allowed ? t('sync.publishButton.publishThisDeploymentTo') : t('sync.publishButton.publishUnavailable', { reason })}
        data-testid="publish-deployment"
      >
        {t('sync.publishButton.publish')}
      </Button>
    </Tooltip>
  );
}
