import { Alert, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useApiQuery } from '../../api/useApiQuery';
import { Time } from '../../format/Time';
import { useText } from '../../i18n/i18n';

/** Shown on a rolled-back site's overview: why, by whom, and which issues caused it. */
export function RollbackNotice({ siteId }: { siteId: string }) {
  const t = useText();
  const rollbacks = useApiQuery('sites.rollbacks', { siteId }, ['sites', 'issues']);
  const issues = useApiQuery('issues.list', { siteId }, ['issues']);
  const latest = rollbacks.data?.[0];
  if (!latest) return null;
  const numbers = new Map((issues.data?.issues ?? []).map((i) => [i.id, i.number]));
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconArrowBackUp size={18} />}
      title={t('site.issues.rollbackNotice.siteRolledBackWork')}
      data-testid="rollback-notice"
    >
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="rollback-reason">
        {latest.reason}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {latest.createdBy} · <Time iso={latest.createdAt} />
        {latest.issueIds.length > 0 &&
          t('site.issues.rollbackNotice.issues', { issues: latest.issueIds.map((id) => `#${numbers.get(id) ?? '?'}`).join(', ') })}
      </Text>
    </Alert>
  );
}
