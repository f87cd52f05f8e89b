import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import type { Wave } from '../../shared/domain/deployment';
import { useMutation } from '../api/useMutation';
import { localTimeZone, wallTimeToIso } from '../format/zoned';
import { useNavigation } from '../state/navigation';
import { SITE_FORM_FIELDS, SiteFormFields, windowInOrder, type SiteDraft } from './SiteFormFields';
import { useText } from '../i18n/i18n';
import { appText } from '../i18n/app-text';

interface Props {
  opened: boolean;
  onClose: () => void;
  deploymentId: string;
  waves: readonly Wave[];
}

const emptyDraft = (): SiteDraft => ({
  code: '',
  name: '',
  address: '',
  ownerName: '',
  ownerEmail: '',
  ownerPhone: '',
  windowStart: '',
  windowEnd: '',
  waveId: null,
  timeZone: localTimeZone(),
  technicians: [],
  notes: '',
  language: null,
});

/** Add a site to the plan; the core instantiates its checklist from the deployment template. */
export function AddSiteModal({ opened, onClose, deploymentId, waves }: Props) {
  const t = useText();
  const selectSite = useNavigation((s) => s.selectSite);
  const [draft, setDraft] = useState(emptyDraft);
  const { run, pending, fieldErrors } = useMutation({ fields: SITE_FORM_FIELDS });

  async function save() {
    const { windowStart, windowEnd, ...fields } = draft;
    const site = await run(
      'sites.create',
      {
        deploymentId,
        ...fields,
        windowStart: wallTimeToIso(windowStart, draft.timeZone),
        windowEnd: wallTimeToIso(windowEnd, draft.timeZone),
      },
      { refresh: ['sites', 'deployments'], success: appText('deployment.addSiteModal.siteAdded') },
    );
    if (!site) return;
    setDraft((d) => ({ ...emptyDraft(), waveId: d.waveId, timeZone: d.timeZone }));
    onClose();
    selectSite(deploymentId, site.id, 'overview');
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('deployment.addSiteModal.addSite')} size="lg">
      <Stack gap="sm">
        <SiteFormFields
          draft={draft}
          onChange={setDraft}
          waves={waves}
          wavePlaceholder={waves.length ? t('deployment.addSiteModal.noWave') : t('deployment.addSiteModal.thisDeploymentHasNo')}
          autoFocusCode
          codePlaceholder="e.g. BER-01"
          errors={fieldErrors}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('deployment.addSiteModal.cancel')}
          </Button>
          <Button
            loading={pending}
            disabled={!draft.code.trim() || !draft.name.trim() || !windowInOrder(draft)}
            onClick={() => void save()}
            data-testid="add-site-submit"
          >
            {t('deployment.addSiteModal.addSite')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
