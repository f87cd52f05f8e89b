import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import type { ApiError } from '../../shared/contract';
import { errorText } from './error-text';

/** Keyed by string so codes added to the contract later still compile; unknown ones get the generic title. */
const TITLES: Record<string, string> = {
  validation: 'Check the input',
  unknown_method: 'Not supported by this version',
  not_found: 'Not found',
  rule: 'Not allowed',
  conflict: 'Changed elsewhere',
  no_profile: 'Choose a profile first',
  unauthorized: 'This window is not authorized',
  forbidden: 'Not permitted',
  payload_too_large: 'Too much data',
  offline: 'Server unreachable',
  client_too_old: 'Update Outpost',
  rate_limited: 'Too many attempts',
  server_error: 'The server failed',
  internal: 'Something went wrong',
};

export function errorTitle(error: ApiError): string {
  return TITLES[error.code] ?? 'Something went wrong';
}

export { errorText };

export function showApiError(error: ApiError, title?: string): void {
  notifications.show({
    color: error.code === 'rule' || error.code === 'validation' ? 'orange' : 'red',
    title: title ?? errorTitle(error),
    message: errorText(error),
    icon: <IconAlertTriangle size={18} />,
    autoClose: error.code === 'internal' ? false : 6000,
  });
}

export function showSuccess(message: string, title?: string): void {
  notifications.show({ color: 'teal', title, message, icon: <IconCheck size={18} />, autoClose: 2500 });
}
