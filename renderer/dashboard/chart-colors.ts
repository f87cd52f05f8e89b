import type { SiteStatus } from '../../shared/domain/enums';
import type { IssueSeverity } from '../../shared/domain/issue';
import { appText } from '../i18n/app-text';

/** Mantine palette shades (index 6) as hex, since the chart canvas needs real colours. */
export const SITE_STATUS_COLOR: Record<SiteStatus, string> = {
  planned: '#adb5bd',
  ready: '#228be6',
  in_progress: '#4c6ef5',
  blocked: '#fa5252',
  deployed: '#12b886',
  signed_off: '#40c057',
  rolled_back: '#fd7e14',
};

export const SEVERITY_COLOR: Record<IssueSeverity, string> = {
  critical: '#c92a2a',
  high: '#f76707',
  medium: '#fab005',
  low: '#74c0fc',
};

export const ADHERENCE_COLOR = {
  early: '#15aabf',
  onTime: '#40c057',
  late: '#fab005',
  overdue: '#fa5252',
  inWindow: '#4c6ef5',
  upcoming: '#ced4da',
  noWindow: '#e9ecef',
} as const;

export const CHECK_COLOR = {
  pass: '#40c057',
  fail: '#fa5252',
  get error() {
    return appText('dashboard.chartColors.fd7e14');
  },
  notChecked: '#ced4da',
} as const;
