import { Alert, Anchor } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { SIGN_OFF_KIND_LABELS } from '../../../shared/domain/signoff';
import type { Topic } from '../../api/refresh';
import { useApiQuery } from '../../api/useApiQuery';
import { useNavigation } from '../../state/navigation';

const COVERED: Topic[] = ['sites', 'checklist', 'inventory', 'machines', 'issues'];

/** On the site overview: a signed sheet whose content changed since, so a new sheet is needed. */
export function SignOffNotice({ siteId }: { siteId: string }) {
  const site = useApiQuery('signoff.review', { siteId, kind: 'site_complete' }, COVERED);
  const core = useApiQuery('signoff.review', { siteId, kind: 'core_components' }, COVERED);
  const setTab = useNavigation((s) => s.setTab);
  const changed = [site.data?.changedSinceSignOff && SIGN_OFF_KIND_LABELS.site_complete, core.data?.changedSinceSignOff && SIGN_OFF_KIND_LABELS.core_components].filter(Boolean);
  if (changed.length === 0) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />} title="Changed since sign-off" data-testid="overview-changed-since-signoff">
      {changed.join(' and ')}: something the signed sheet covers changed afterwards; a new sheet is needed.{' '}
      <Anchor size="sm" component="button" onClick={() => setTab('signoff')}>
        Open sign-off
      </Anchor>
    </Alert>
  );
}
