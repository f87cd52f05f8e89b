import { ScrollArea, Text } from '@mantine/core';
import type { ScanEntry } from '../../state/scan-log';
import { formatInstantBare } from '../../../shared/time/format-time';
import { useDisplayZone } from '../../format/Time';
import { outcomeOf } from './ScanFeedback';
import classes from './ScanLog.module.css';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

const OUTCOME: Record<string, { label: string; color: string }> = {
  received: {
    get label() {
      return appText('site.inventory.scanLog.received');
    },
    color: 'green',
  },
  already_received: {
    get label() {
      return appText('site.inventory.scanLog.already');
    },
    color: 'yellow',
  },
  other_site: {
    get label() {
      return appText('site.inventory.scanLog.otherSite');
    },
    color: 'orange',
  },
  unknown: {
    get label() {
      return appText('site.inventory.scanLog.unknown');
    },
    color: 'red',
  },
  error: {
    get label() {
      return appText('site.inventory.scanLog.error');
    },
    color: 'red',
  },
};

function detail(entry: ScanEntry): string {
  const r = entry.result;
  if (!r) return entry.error ?? '';
  switch (r.outcome) {
    case 'received':
      return [r.item?.manufacturer, r.item?.model].filter(Boolean).join(' ');
    case 'already_received':
      return `by ${r.item?.receivedBy ?? '?'}`;
    case 'other_site':
      return `expected at ${r.otherSite?.code ?? '?'}`;
    case 'unknown':
      return entry.recordedSurplus ? 'recorded as surplus' : 'not expected';
  }
}

/** This session's scans at this site, newest first. */
export function ScanLog({ entries }: { entries: readonly ScanEntry[] }) {
  const t = useText();
  // Times of day in the site's zone; the panel's heading names it.
  const zone = useDisplayZone();
  return (
    <ScrollArea h="100%" type="auto" data-testid="scan-log">
      {entries.length === 0 ? (
        <Text size="xs" c="dimmed" p="xs">
          {t('site.inventory.scanLog.scansOfThisSession')}
        </Text>
      ) : (
        entries.map((e) => {
          const o = OUTCOME[outcomeOf(e)] ?? { label: '?', color: 'gray' };
          return (
            <div key={e.id} className={classes.entry} data-testid="scan-log-entry" data-outcome={outcomeOf(e)}>
              <span className={classes.time} title={t('site.inventory.scanLog.utc', { at: e.at })}>
                {formatInstantBare(e.at, zone, 'time')}
              </span>
              <span
                className={classes.outcome}
                style={{ background: `var(--mantine-color-${o.color}-light)`, color: `var(--mantine-color-${o.color}-light-color)` }}
              >
                {o.label}
              </span>
              <span className={classes.serial}>{e.serial}</span>
              <span className={classes.detail}>{detail(e)}</span>
            </div>
          );
        })
      )}
    </ScrollArea>
  );
}
