import { Button, Tooltip } from '@mantine/core';
import { IconCloudUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { runCommand } from '../api/command';
import { useCanAuthor } from '../deployment/authoring/useCanAuthor';
import { showSuccess } from '../api/notify';
import { useSync } from './sync-store';
import { isManagerRole } from '../../shared/domain/role-access';

/** Release managers: queue a deployment plan for the server; disabled with the reason when not signed in. */
export function PublishButton({ deploymentId }: { deploymentId: string }) {
  const canAuthor = useCanAuthor();
  const account = useSync((s) => s.status?.account ?? null);
  const [busy, setBusy] = useState(false);
  const allowed = account !== null && isManagerRole(account.role);
  const reason = !account
    ? 'Not signed in to a server: sign in first, then publish'
    : allowed
      ? 'Send this plan to the server; later edits follow on each sync'
      : 'Only release managers and administrators publish plans';

  async function publish() {
    setBusy(true);
    const result = await runCommand('sync.publish', { deploymentId }, { errorTitle: 'Not published', refresh: ['deployments'] });
    setBusy(false);
    if (result) {
      // The core starts a sync after publishing; the status bar shows it going.
      useSync.getState().requestPoll();
      showSuccess(`Published: ${result.queued} records queued for the server`);
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
        aria-label={allowed ? 'Publish this deployment to the server' : `Publish, unavailable. ${reason}`}
        data-testid="publish-deployment"
      >
        Publish
      </Button>
    </Tooltip>
  );
}
