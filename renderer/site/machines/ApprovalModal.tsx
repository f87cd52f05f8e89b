import { Alert, Badge, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { IconTerminal2 } from '@tabler/icons-react';
import { useState } from 'react';
import type { PendingApproval } from '../../../shared/checks/plan-approval';
import { useText } from '../../i18n/i18n';
import { Trans } from 'react-i18next';

export interface ApprovalRequest {
  pending: PendingApproval[];
  /** Starts the check once the dialog is done (approved or not). */
  start: () => Promise<void>;
}

function MachineItems({ p }: { p: PendingApproval }) {
  const t = useText();
  const commands = p.items.filter((i) => i.kind === 'command');
  const files = p.items.filter((i) => i.kind === 'file');
  const as = (
    <>
      <Trans t={t} i18nKey="site.machines.approvalModal.asUser" values={{ user: p.user }} components={{ b: <b /> }} />
      {p.sudo && (
        <Badge size="xs" color="orange" ml={4} data-testid="approval-sudo">
          {t('site.machines.approvalModal.sudo')}
        </Badge>
      )}
    </>
  );
  return (
    <Stack gap={4} data-testid="approval-machine" data-label={p.label}>
      {commands.length > 0 && (
        <>
          <Text size="sm">
            <Trans t={t} i18nKey="site.machines.approvalModal.runCommandsOn" values={{ label: p.label }} components={{ b: <b />, as }} />
          </Text>
          <Code block data-testid="approval-commands">
            {commands.map((c) => `$ ${c.text}`).join('\n')}
          </Code>
        </>
      )}
      {files.length > 0 && (
        <>
          <Text size="sm">
            <Trans t={t} i18nKey="site.machines.approvalModal.readFilesOn" values={{ label: p.label }} components={{ b: <b />, as }} />
          </Text>
          <Code block data-testid="approval-files">
            {files.map((f) => f.text).join('\n')}
          </Code>
        </>
      )}
    </Stack>
  );
}

/**
 * A plan's commands and file reads are shown before their first run on each machine: approve them
 * (recorded with who and when), check without them (they are skipped as "needs approval"), or cancel.
 */
export function ApprovalModal({
  siteId,
  request,
  onClose,
  approve,
}: {
  siteId: string;
  request: ApprovalRequest | null;
  onClose: () => void;
  approve: (siteId: string, pending: PendingApproval[]) => Promise<boolean>;
}) {
  const t = useText();
  const [busy, setBusy] = useState(false);
  const run = async (approved: boolean) => {
    if (!request) return;
    setBusy(true);
    const ok = approved ? await approve(siteId, request.pending) : true;
    setBusy(false);
    if (!ok) return;
    onClose();
    await request.start();
  };
  return (
    <Modal opened={request !== null} onClose={onClose} title={t('site.machines.approvalModal.approveThePlansCommands')} size="xl">
      {request && (
        <Stack gap="sm" data-testid="approve-commands">
          <Alert color="yellow" icon={<IconTerminal2 size={18} />}>
            {t('site.machines.approvalModal.theDeploymentPlanAsks')}
          </Alert>
          {request.pending.map((p) => (
            <MachineItems key={`${p.targetId ?? 'this-machine'}:${p.hash}`} p={p} />
          ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy} data-testid="approval-cancel">
              {t('common.cancel')}
            </Button>
            <Button variant="default" onClick={() => void run(false)} disabled={busy} data-testid="approval-skip">
              {t('site.machines.approvalModal.checkWithoutThem')}
            </Button>
            <Button loading={busy} onClick={() => void run(true)} data-testid="approval-confirm">
              {t('site.machines.approvalModal.approveAndCheck')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
