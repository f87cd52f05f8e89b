import { Button } from '@mantine/core';
import { IconServer } from '@tabler/icons-react';
import { useState } from 'react';
import type { SiteSummary } from '../../../shared/domain/site';
import { useCanAuthor } from '../authoring/useCanAuthor';
import { ImportTargetsModal } from './ImportTargetsModal';
import { useText } from '../../i18n/i18n';

/** "Import targets" on the deployment overview, for release managers and administrators. */
export function ImportTargetsButton({ deploymentId, sites }: { deploymentId: string; sites: readonly SiteSummary[] }) {
  const t = useText();
  const canAuthor = useCanAuthor();
  const [open, setOpen] = useState(false);
  if (!canAuthor) return null;
  return (
    <>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconServer size={14} />}
        onClick={() => setOpen(true)}
        disabled={sites.length === 0}
        data-testid="import-targets"
      >
        {t('deployment.targetImport.importTargetsButton.importTargets')}
      </Button>
      {open && <ImportTargetsModal deploymentId={deploymentId} sites={sites} onClose={() => setOpen(false)} />}
    </>
  );
}
