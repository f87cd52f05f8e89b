import { Button, Modal } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import { useState } from 'react';
import { SIGN_OFF_KIND_LABELS } from '../../../shared/domain/signoff';
import { useProfile } from '../../state/profile';
import { SignOffPanel } from './SignOffPanel';

/** The Deployment Complete Milestone, for release managers (and administrators): a button and its sign-off dialog. */
export function MilestoneSignOff({ deploymentId }: { deploymentId: string }) {
  const role = useProfile((s) => s.profile?.role);
  const [open, setOpen] = useState(false);
  if (role !== 'release_manager' && role !== 'administrator') return null;
  return (
    <>
      <Button leftSection={<IconFlag size={14} />} variant="default" onClick={() => setOpen(true)} data-testid="milestone-signoff">
        Milestone sign-off
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={SIGN_OFF_KIND_LABELS.deployment_milestone} size="90%">
        {open && <SignOffPanel subject={{ kind: 'deployment_milestone', siteId: null, deploymentId }} />}
      </Modal>
    </>
  );
}
