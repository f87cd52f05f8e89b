import { ActionIcon, Menu } from '@mantine/core';
import { IconChecklist, IconDots, IconPencil, IconServer } from '@tabler/icons-react';
import { useState } from 'react';
import type { Wave } from '../../../shared/domain/deployment';
import type { SiteSummary } from '../../../shared/domain/site';
import { useMutation } from '../../api/useMutation';
import { SiteOwnerCalendarMenuItem } from '../../calendar/CalendarButtons';
import { EditSiteModal } from './EditSiteModal';
import { MachinesEditorModal } from './MachinesEditorModal';
import { useCanAuthor } from './useCanAuthor';
import { useText } from '../../i18n/i18n';

/** A site row's plan menu: edit the site, its target machines, apply the checklist template. */
export function SiteAuthoringMenu({ site, waves }: { site: SiteSummary; waves: readonly Wave[] }) {
  const t = useText();
  const canAuthor = useCanAuthor();
  const [open, setOpen] = useState<'site' | 'machines' | null>(null);
  const { run } = useMutation();
  if (!canAuthor) return null;
  return (
    <span onClick={(e) => e.stopPropagation()}>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon
            size="sm"
            variant="subtle"
            aria-label={t('deployment.authoring.siteAuthoringMenu.edit', { code: site.code })}
            data-testid="site-menu"
          >
            <IconDots size={14} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setOpen('site')} data-testid="edit-site">
            {t('deployment.authoring.siteAuthoringMenu.editSite')}
          </Menu.Item>
          <Menu.Item leftSection={<IconServer size={14} />} onClick={() => setOpen('machines')} data-testid="edit-machines">
            {t('deployment.authoring.siteAuthoringMenu.targetMachines')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconChecklist size={14} />}
            onClick={() =>
              void run(
                'checklistTemplate.applyToSite',
                { siteId: site.id },
                { refresh: ['sites', 'checklist'], success: t('deployment.authoring.siteAuthoringMenu.checklistTemplateApplied') },
              )
            }
            data-testid="apply-template"
          >
            {t('deployment.authoring.siteAuthoringMenu.addNewTemplateItems')}
          </Menu.Item>
          <SiteOwnerCalendarMenuItem siteId={site.id} />
        </Menu.Dropdown>
      </Menu>
      {open === 'site' && <EditSiteModal site={site} waves={waves} onClose={() => setOpen(null)} />}
      {open === 'machines' && <MachinesEditorModal site={site} onClose={() => setOpen(null)} />}
    </span>
  );
}
