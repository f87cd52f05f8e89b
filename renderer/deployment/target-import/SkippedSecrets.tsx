import { Alert, List } from '@mantine/core';
import type { TargetImportPreview } from '../../../shared/contract/target-import-methods';
import { useText } from '../../i18n/i18n';

/** The secrets the file holds that are never imported: a host's own by host, a group's once with its host count. */
export function SkippedSecrets({ preview }: { preview: TargetImportPreview }) {
  const t = useText();
  if (preview.skippedSecretCount === 0) return null;
  const own = preview.skippedSecrets.filter((s) => s.from === 'host' || s.from === 'column');
  const groupWide = new Map<string, number>();
  for (const s of preview.skippedSecrets)
    if (s.from !== 'host' && s.from !== 'column')
      groupWide.set(`${s.variable} (${s.from})`, (groupWide.get(`${s.variable} (${s.from})`) ?? 0) + 1);
  const more = preview.skippedSecretCount - preview.skippedSecrets.length;
  return (
    <Alert
      color="yellow"
      title={t('deployment.targetImport.skippedSecrets.secretsNotImported', { skippedSecretCount: preview.skippedSecretCount })}
      data-testid="target-import-skipped"
    >
      {t('deployment.targetImport.skippedSecrets.passwordsAndVaultValues')}
      <List size="xs" mt={4}>
        {own.map((s, i) => (
          <List.Item key={`h-${i}`}>
            {s.host}: {s.variable} ({s.from})
          </List.Item>
        ))}
        {[...groupWide].map(([what, n]) => (
          <List.Item key={what}>
            {t('deployment.targetImport.skippedSecrets.host', { what, n })}
            {n === 1 ? '' : 's'}
          </List.Item>
        ))}
        {more > 0 && <List.Item>{t('deployment.targetImport.skippedSecrets.andMore', { more })}</List.Item>}
      </List>
    </Alert>
  );
}
