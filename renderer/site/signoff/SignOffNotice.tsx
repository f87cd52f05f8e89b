import { Alert, Anchor } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { Topic } from '../../api/refresh';
import { useApiQuery } from '../../api/useApiQuery';
import { useText } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';

const COVERED: Topic[] = ['sites', 'checklist', 'inventory', 'machines', 'issues', 'training'];

/** On the site overview: a signed sheet whose content changed since, so a new sheet is needed. */
export function SignOffNotice({ siteId }: { siteId: string }) {
  const t = useText();
  const result = useApiQuery('signoff.changed', { siteId }, COVERED);
  const setTab = useNavigation((s) => s.setTab);
  const changed = (result.data?.changed ?? []).map((kind) => t(`common.signOffKind.${kind}`));
  if (changed.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={16} />}
      title={t('site.signoff.signOffNotice.title')}
      data-testid="overview-changed-since-signoff"
    >
      {t('site.signoff.signOffNotice.changed', { sheets: changed.join(t('site.signoff.signOffNotice.and')) })}{' '}
      <Anchor size="sm" component="button" onClick={() => setTab('signoff')}>
        {t('site.signoff.signOffNotice.open')}
      </Anchor>
    </Alert>
  );
}
