import { Button } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { useMutation } from '../../api/useMutation';
import { saveExportedFile } from '../../closeout/save-file';
import { useCanAuthor } from '../authoring/useCanAuthor';
import { useText } from '../../i18n/i18n';

/** UTF-8 text as base64, in slices (a spread of 200,000 bytes would overflow the call stack). */
function textToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Saves the deployment's plan as a plan template file (JSON), for "New deployment from…" elsewhere. */
export function ExportTemplateButton({ deploymentId }: { deploymentId: string }) {
  const t = useText();
  const canAuthor = useCanAuthor();
  const { run, pending } = useMutation();
  if (!canAuthor) return null;
  async function exportTemplate() {
    const file = await run('planTemplates.export', { deploymentId });
    if (!file) return;
    saveExportedFile({ fileName: file.fileName, mediaType: 'application/json', sha256: '', base64: textToBase64(file.json) });
  }
  return (
    <Button
      variant="default"
      leftSection={<IconFileExport size={14} />}
      loading={pending}
      onClick={() => void exportTemplate()}
      data-testid="export-template"
    >
      {t('deployment.template.exportTemplateButton.exportPlanTemplate')}
    </Button>
  );
}
