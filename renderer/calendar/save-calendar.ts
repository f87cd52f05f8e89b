import type { ApiResult } from '../../shared/contract';
import type { CalendarFile } from '../../shared/contract/calendar-methods';
import { showApiError, showSuccess } from '../api/notify';
import { saveExportedFile } from '../closeout/save-file';
import { appText } from '../i18n/app-text';

/** UTF-8 bytes as base64 (btoa alone takes Latin-1 only; names and notes are any script). */
function utf8Base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function describe(file: CalendarFile): string {
  if (file.method === 'CANCEL') return appText('calendar.saveCalendar.aCancellationToSend', { fileName: file.fileName });
  const cancelled = file.cancelledCount > 0 ? appText('calendar.saveCalendar.cancelled', { cancelledCount: file.cancelledCount }) : '';
  return appText('calendar.saveCalendar.events', { fileName: file.fileName, count: file.eventCount, cancelled });
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
  showSuccess(describe(file), appText('calendar.saveCalendar.calendarFileSaved'));
}
