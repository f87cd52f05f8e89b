import type { CheckOutcome, HostPhase } from '../../../shared/domain/check-run';
import { appText } from '../../i18n/app-text';

export const OUTCOME: Record<CheckOutcome, { label: string; color: string }> = {
  completed: {
    get label() {
      return appText('site.machines.outcome.checked');
    },
    color: 'teal',
  },
  host_key_unknown: {
    get label() {
      return appText('site.machines.outcome.newHostKey');
    },
    color: 'yellow',
  },
  host_key_changed: {
    get label() {
      return appText('site.machines.outcome.hostKeyChanged');
    },
    color: 'red',
  },
  unreachable: {
    get label() {
      return appText('site.machines.outcome.unreachable');
    },
    color: 'red',
  },
  timeout: {
    get label() {
      return appText('site.machines.outcome.timedOut');
    },
    color: 'red',
  },
  auth_failed: {
    get label() {
      return appText('site.machines.outcome.signInFailed');
    },
    color: 'orange',
  },
  windows: {
    get label() {
      return appText('site.machines.outcome.windows');
    },
    color: 'gray',
  },
  cancelled: {
    get label() {
      return appText('site.machines.outcome.cancelled');
    },
    color: 'gray',
  },
  error: {
    get label() {
      return appText('site.machines.outcome.error');
    },
    color: 'red',
  },
};

/** How far a host is, as a share of its check. */
export const PHASE_PERCENT: Record<HostPhase, number> = { queued: 0, connecting: 30, probing: 65, done: 100, interrupted: 100 };
export const PHASE_LABEL: Record<HostPhase, string> = {
  get queued() {
    return appText('site.machines.hostPhase.queued');
  },
  get connecting() {
    return appText('site.machines.hostPhase.connecting');
  },
  get probing() {
    return appText('site.machines.hostPhase.probing');
  },
  get done() {
    return appText('site.machines.hostPhase.done');
  },
  get interrupted() {
    return appText('site.machines.hostPhase.interrupted');
  },
};

/** Read when shown (the interface's language of that moment). */
export const windowsNote = () => appText('site.machines.windowsNote');
