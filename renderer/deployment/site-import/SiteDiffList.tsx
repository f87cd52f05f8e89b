import { Badge, Group, List, ScrollArea, Stack, Text } from '@mantine/core';
import type { SiteImportPreview } from '../../../shared/contract/site-import-methods';
import { SITE_IMPORT_FIELD_LABEL } from '../../../shared/site-import/fields';
import { useText } from '../../i18n/i18n';

/** What the import would do per site: new ones, and changed ones field by field (old → new, windows in site time). */
export function SiteDiffList({ preview }: { preview: SiteImportPreview }) {
  const t = useText();
  if (preview.sites.length === 0) return null;
  return (
    <ScrollArea.Autosize mah={260} type="auto">
      <Stack gap={4} data-testid="site-import-diff">
        {preview.sites.map((s) => (
          <div key={s.row} data-testid="site-import-diff-row" data-code={s.code} data-status={s.status}>
            <Group gap="xs" wrap="nowrap">
              <Badge size="sm" variant="light" color={s.status === 'new' ? 'teal' : 'blue'}>
                {s.status === 'new' ? t('deployment.siteImport.siteDiffList.new') : t('deployment.siteImport.siteDiffList.changed')}
              </Badge>
              <Text size="sm" fw={600}>
                {s.code}
              </Text>
              <Text size="sm">{s.name}</Text>
            </Group>
            {s.changes.length > 0 && (
              <List size="xs" ml="lg">
                {s.changes.map((c) => (
                  <List.Item key={c.field}>
                    {SITE_IMPORT_FIELD_LABEL[c.field]}: <s>{c.from || t('deployment.siteImport.siteDiffList.empty')}</s> →{' '}
                    <strong>{c.to || t('deployment.siteImport.siteDiffList.empty')}</strong>
                  </List.Item>
                ))}
              </List>
            )}
          </div>
        ))}
        {preview.sitesTruncated && (
          <Text size="xs" c="dimmed">
            {t('deployment.siteImport.siteDiffList.showingTheFirstOf', {
              shown: preview.sites.length,
              total: preview.counts.new + preview.counts.changed,
            })}
          </Text>
        )}
      </Stack>
    </ScrollArea.Autosize>
  );
}
