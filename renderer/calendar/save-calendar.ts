import type { ApiResult } from '../../shared/contract';
import type { CalendarFile } from '../../shared/contract/calendar-methods';
import { showApiError, showSuccess } from '../api/notify';
import { saveExportedFile } from '../closeout/save-file';

/** UTF-8 bytes as base64 (btoa alone takes Latin-1 only; names and notes are any script). */
function utf8Base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function describe(file: CalendarFile): string {
  if (file.method === 'CANCEL') return `${file.fileName}: a cancellation to send to the site owner`;
  const cancelled = file.cancelledCount > 0 ? `, ${file.cancelledCount} cancelled` : '';
  return `${file.fileName}: ${file.eventCount} event${file.eventCount === 1 ? '' : 's'}${cancelled}`;
}

/** Asks the core for a calendar file and saves it; the core records what was sent before it answers. */
export async function saveCalendar(request: () => Promise<ApiResult<CalendarFile>>, failure: string): Promise<void> {
  const result = await request();
  if (!result.ok) {
    showApiError(result.error, failure);
    return;
  }
  const file = result.value;
  saveExportedFile({ fileName: file.fileName, mediaType: 'text/calendar;charset=utf-8', sha256: '', base64: utf8Base64(file.text) });
  showSuccess(describe(file), 'Calendar file saved');
}
