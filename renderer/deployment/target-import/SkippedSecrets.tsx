import { Alert, List } from '@mantine/core';
import type { TargetImportPreview } from '../../../shared/contract/target-import-methods';

/** The secrets the file holds that are never imported: a host's own by host, a group's once with its host count. */
export function SkippedSecrets({ preview }: { preview: TargetImportPreview }) {
  if (preview.skippedSecretCount === 0) return null;
  const own = preview.skippedSecrets.filter((s) => s.from === 'host' || s.from === 'column');
  const groupWide = new Map<string, number>();
  for (const s of preview.skippedSecrets) if (s.from !== 'host' && s.from !== 'column') groupWide.set(`${s.variable} (${s.from})`, (groupWide.get(`${s.variable} (${s.from})`) ?? 0) + 1);
  const more = preview.skippedSecretCount - preview.skippedSecrets.length;
  return (
    <Alert color="yellow" title={`Secrets not imported (${preview.skippedSecretCount})`} data-testid="target-import-skipped">
      Passwords and vault values stay out of Outpost; set each machine's sign-in on this device (Machines tab, Set sign-in).
      <List size="xs" mt={4}>
        {own.map((s, i) => (
          <List.Item key={`h-${i}`}>
            {s.host}: {s.variable} ({s.from})
          </List.Item>
        ))}
        {[...groupWide].map(([what, n]) => (
          <List.Item key={what}>
            {what}: {n} host{n === 1 ? '' : 's'}
          </List.Item>
        ))}
        {more > 0 && <List.Item>… and {more} more</List.Item>}
      </List>
    </Alert>
  );
}
