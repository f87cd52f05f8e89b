import { ConflictsModal } from './ConflictsModal';
import { PrepareSitesModal } from './PrepareSitesModal';
import { SignInModal } from './SignInModal';
import { SignOutModal } from './SignOutModal';
import { useSyncPoller } from './useSyncPoller';

/** The sync dialogs and the status poller; mounted once in the app layout. */
export function SyncDialogs() {
  useSyncPoller();
  return (
    <>
      <SignInModal />
      <PrepareSitesModal />
      <ConflictsModal />
      <SignOutModal />
    </>
  );
}
