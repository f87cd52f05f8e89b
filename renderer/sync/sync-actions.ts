import { call } from '../api/client';
import { showApiError } from '../api/notify';
import { useSync } from './sync-store';
import { appText } from '../i18n/app-text';

/** "Sync now": push and pull in the background; the status bar shows how it goes. */
export async function syncNow(): Promise<void> {
  const store = useSync.getState();
  if (!store.status?.account) {
    store.openDialog('signIn');
    return;
  }
  const result = await call('sync.now', {});
  if (!result.ok) showApiError(result.error, appText('sync.syncActions.couldNotStartA'));
  store.requestPoll();
}
