import { Button } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../../api/client';
import { showApiError, showSuccess } from '../../api/notify';
import { saveBase64File } from '../../closeout/save-file';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

/**
 * Saves what a machine of `role` must satisfy (the role's requirements and those for every target)
 * as a gossfile for `goss validate`; requirements Goss cannot express are named in the message.
 */
export function ExportGossButton({ deploymentId, role }: { deploymentId: string; role: string | null }) {
  const t = useText();
  const [busy, setBusy] = useState(false);

  async function exportGoss() {
    setBusy(true);
    const result = await call('requirements.exportGoss', { deploymentId, targetRole: role });
    setBusy(false);
    if (!result.ok) {
      showApiError(result.error, appText('deployment.requirements.exportGossButton.gossfileNotExported'));
      return;
    }
    const { fileName, base64, exported, skipped } = result.value;
    saveBase64File(fileName, base64, 'application/yaml');
    const left =
      skipped.length === 0 ? '' : appText('deployment.requirements.exportGossButton.notExpressibleInGoss', { skipped: skipped.length });
    showSuccess(
      appText('deployment.requirements.exportGossButton.exported', { count: exported, fileName, left }),
      appText('deployment.requirements.exportGossButton.gossfileExported'),
    );
  }

  return (
    <Button
      size="compact-xs"
      variant="subtle"
      leftSection={<IconFileExport size={12} />}
      loading={busy}
      onClick={() => void exportGoss()}
      data-testid="export-goss"
      data-role={role ?? ''}
    >
      {t('deployment.requirements.exportGossButton.gossYaml')}
    </Button>
  );
}
