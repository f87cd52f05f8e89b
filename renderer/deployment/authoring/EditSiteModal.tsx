import { Button, Group, Modal, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Wave } from '../../../shared/domain/deployment';
import type { Site } from '../../../shared/domain/site';
import { useMutation } from '../../api/useMutation';
import { wallTimeToIso } from '../../format/zoned';
import { SITE_FORM_FIELDS, SiteFormFields, windowInOrder, type SiteDraft } from '../SiteFormFields';
import { isoToWallTime } from './wall-time';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

function draftOf(site: Site): SiteDraft {
  return {
    code: site.code,
    name: site.name,
    address: site.address,
    ownerName: site.ownerName,
    ownerEmail: site.ownerEmail,
    ownerPhone: site.ownerPhone,
    windowStart: isoToWallTime(site.windowStart, site.timeZone),
    windowEnd: isoToWallTime(site.windowEnd, site.timeZone),
    waveId: site.waveId,
    timeZone: site.timeZone,
    technicians: site.technicians,
    notes: site.notes,
    language: site.language,
  };
}

/** Every plan field of one site; the window is entered in the site's time zone. */
export function EditSiteModal({ site, waves, onClose }: { site: Site | null; waves: readonly Wave[]; onClose: () => void }) {
  const t = useText();
  const [draft, setDraft] = useState(() => (site ? draftOf(site) : null));
  const { run, pending, fieldErrors } = useMutation({ fields: SITE_FORM_FIELDS });
  useEffect(() => {
    if (site) setDraft(draftOf(site));
  }, [site]);
  if (!site || !draft) return null;
  const windowStart = wallTimeToIso(draft.windowStart, draft.timeZone);
  const windowEnd = wallTimeToIso(draft.windowEnd, draft.timeZone);
  const badWindow = !windowInOrder(draft);

  async function save() {
    if (!site || !draft) return;
    const done = await run(
      'sites.update',
      { siteId: site.id, ...draft, windowStart, windowEnd },
      { refresh: ['sites', 'deployments'], success: appText('deployment.authoring.editSiteModal.siteSaved') },
    );
    if (done) onClose();
  }

  return (
    <Modal opened onClose={onClose} title={t('deployment.authoring.editSiteModal.editSite', { code: site.code })} size="lg">
      <Stack gap="sm" data-testid="edit-site-form">
        <SiteFormFields
          draft={draft}
          onChange={setDraft}
          waves={waves}
          wavePlaceholder={t('deployment.authoring.editSiteModal.noWave')}
          errors={fieldErrors}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('deployment.authoring.editSiteModal.cancel')}
          </Button>
          <Button
            loading={pending}
            disabled={!draft.code.trim() || !draft.name.trim() || badWindow}
            onClick={() => void save()}
            data-testid="save-site"
          >
            {t('deployment.authoring.editSiteModal.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
