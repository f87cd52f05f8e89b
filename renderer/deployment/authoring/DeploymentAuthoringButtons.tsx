import { Button, Group } from '@mantine/core';
import { IconChecklist, IconPencil, IconStack2 } from '@tabler/icons-react';
import { useState } from 'react';
import type { Component, Deployment, Wave } from '../../../shared/domain/deployment';
import type { SiteSummary } from '../../../shared/domain/site';
import { ChecklistTemplateModal } from './ChecklistTemplateModal';
import { ComponentsEditorModal } from './ComponentsEditorModal';
import { EditDeploymentModal } from './EditDeploymentModal';
import { RequirementEditorModal } from './RequirementEditorModal';
import { SiteImportButtons } from '../site-import/SiteImportButtons';
import { useCanAuthor } from './useCanAuthor';
import { WavesEditorModal } from './WavesEditorModal';
import { useText } from '../../i18n/i18n';

type Open = 'deployment' | 'waves' | 'template' | 'components' | 'requirements' | null;

interface Props {
  deployment: Deployment;
  waves: readonly Wave[];
  sites: readonly SiteSummary[];
  components: readonly Component[];
}

/** The plan editors of a deployment, shown only to release managers and administrators. */
export function DeploymentAuthoringButtons({ deployment, waves, sites, components }: Props) {
  const t = useText();
  const canAuthor = useCanAuthor();
  const [open, setOpen] = useState<Open>(null);
  if (!canAuthor) return null;
  const close = () => setOpen(null);
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="xs"
        variant="default"
        leftSection={<IconPencil size={14} />}
        onClick={() => setOpen('deployment')}
        data-testid="edit-deployment"
      >
        {t('deployment.authoring.deploymentAuthoringButtons.edit')}
      </Button>
      <Button size="xs" variant="default" leftSection={<IconStack2 size={14} />} onClick={() => setOpen('waves')} data-testid="edit-waves">
        {t('deployment.authoring.deploymentAuthoringButtons.waves')}
      </Button>
      <Button size="xs" variant="default" onClick={() => setOpen('components')} data-testid="edit-components">
        {t('deployment.authoring.deploymentAuthoringButtons.components')}
      </Button>
      <Button size="xs" variant="default" onClick={() => setOpen('requirements')} data-testid="edit-requirements">
        {t('deployment.authoring.deploymentAuthoringButtons.requirements')}
      </Button>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconChecklist size={14} />}
        onClick={() => setOpen('template')}
        data-testid="edit-checklist-template"
      >
        {t('deployment.authoring.deploymentAuthoringButtons.checklistTemplate')}
      </Button>
      <SiteImportButtons deploymentId={deployment.id} />
      <EditDeploymentModal deployment={deployment} opened={open === 'deployment'} onClose={close} />
      <WavesEditorModal deploymentId={deployment.id} waves={waves} sites={sites} opened={open === 'waves'} onClose={close} />
      <ComponentsEditorModal deploymentId={deployment.id} components={components} opened={open === 'components'} onClose={close} />
      {open === 'requirements' && <RequirementEditorModal deploymentId={deployment.id} opened onClose={close} />}
      {open === 'template' && <ChecklistTemplateModal deploymentId={deployment.id} opened onClose={close} />}
    </Group>
  );
}
