import type { ExportedFile } from '../../shared/contract/closeout-methods';

/**
 * Hands an exported file to the shell as a download, the way the sign-off PDF is delivered: the
 * browser saves it to its download folder, Electron asks where.
 */
export function saveExportedFile(file: ExportedFile): void {
  saveBase64File(file.fileName, file.base64, file.mediaType);
}

/** The same for a file the core sent as base64 without the exported-file envelope. */
export function saveBase64File(fileName: string, base64: string, mediaType: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
