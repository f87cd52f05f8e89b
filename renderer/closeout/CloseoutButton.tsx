import { Button, Modal } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import { useState } from 'react';
import { useProfile } from '../state/profile';
import { CloseoutPanel } from './CloseoutPanel';
import { isManagerRole } from '../../shared/domain/role-access';
import { useText } from '../i18n/i18n';

/** Close-out of a deployment, for release managers and administrators: readiness, milestone, report. */
export function CloseoutButton({ deploymentId }: { deploymentId: string }) {
  const t = useText();
  const role = useProfile((s) => s.profile?.role);
  const [open, setOpen] = useState(false);
  if (!isManagerRole(role)) return null;
  return (
    <>
      <Button leftSection={<IconFlag size={14} />} variant="default" onClick={() => setOpen(true)} data-testid="closeout-open">
        {t('closeout.closeoutButton.closeOut')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('closeout.closeoutButton.closeOutAndDeployment')} size="90%">
        {open && <CloseoutPanel deploymentId={deploymentId} />}
      </Modal>
    </>
  );
}
