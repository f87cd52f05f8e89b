import { Group, SegmentedControl, Text } from '@mantine/core';
import { useState } from 'react';
import { useText } from '../../i18n/i18n';
import { SignOffPanel } from './SignOffPanel';

type SiteKind = 'site_complete' | 'core_components';

/** The site's sign-off: which sheet, then review, sign and past sheets. */
export function SignOffTab({ siteId, deploymentId }: { siteId: string; deploymentId: string }) {
  const t = useText();
  const [kind, setKind] = useState<SiteKind>('site_complete');
  return (
    <div style={{ padding: 'var(--mantine-spacing-md)', maxWidth: 1400 }}>
      <Group mb="sm" gap="sm">
        <Text size="sm" fw={600}>
          {t('site.signoff.signOffTab.sheet')}
        </Text>
        <SegmentedControl
          size="xs"
          value={kind}
          onChange={(v) => setKind(v === 'core_components' ? 'core_components' : 'site_complete')}
          data={[
            { value: 'site_complete', label: t('common.signOffKind.site_complete') },
            { value: 'core_components', label: t('common.signOffKind.core_components') },
          ]}
          data-testid="signoff-kind"
        />
      </Group>
      <SignOffPanel key={`${kind}-${siteId}`} subject={{ kind, siteId, deploymentId }} />
    </div>
  );
}
