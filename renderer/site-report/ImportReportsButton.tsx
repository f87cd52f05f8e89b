import { Button } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useProfile } from '../state/profile';
import { isManagerRole } from '../../shared/domain/role-access';
import { useText } from '../i18n/i18n';

const ImportReportsModal = lazy(() => import('./ImportReportsModal').then((m) => ({ default: m.ImportReportsModal })));

/** "Import site reports" for release managers and administrators (a file, or the server). */
export function ImportReportsButton() {
  const t = useText();
  const role = useProfile((s) => s.profile?.role);
  const [opened, setOpened] = useState(false);
  if (!isManagerRole(role)) return null;
  return (
    <>
      <Button
        size="xs"
        variant="light"
        fullWidth
        leftSection={<IconFileImport size={14} />}
        onClick={() => setOpened(true)}
        data-testid="open-import-reports"
      >
        {t('siteReport.importReportsButton.importSiteReports')}
      </Button>
      {opened && (
        <Suspense fallback={null}>
          <ImportReportsModal opened={opened} onClose={() => setOpened(false)} />
        </Suspense>
      )}
    </>
  );
}
