import type { CheckOutcome, HostPhase } from '../../../shared/domain/check-run';

export const OUTCOME: Record<CheckOutcome, { label: string; color: string }> = {
  completed: { label: 'Checked', color: 'teal' },
  host_key_unknown: { label: 'New host key', color: 'yellow' },
  host_key_changed: { label: 'Host key changed', color: 'red' },
  unreachable: { label: 'Unreachable', color: 'red' },
  timeout: { label: 'Timed out', color: 'red' },
  auth_failed: { label: 'Sign-in failed', color: 'orange' },
  windows: { label: 'Windows', color: 'gray' },
  cancelled: { label: 'Cancelled', color: 'gray' },
  error: { label: 'Error', color: 'red' },
};

/** How far a host is, as a share of its check. */
export const PHASE_PERCENT: Record<HostPhase, number> = { queued: 0, connecting: 30, probing: 65, done: 100, interrupted: 100 };
export const PHASE_LABEL: Record<HostPhase, string> = { queued: 'Queued', connecting: 'Connecting', probing: 'Probing', done: 'Done', interrupted: 'Interrupted' };

export const WINDOWS_NOTE = 'Windows targets are not supported yet';
