import { Button } from '@mantine/core';
import { IconAlertTriangle, IconBarcode, IconCircleCheckFilled, IconHelpHexagon, IconMapPinExclamation, IconX } from '@tabler/icons-react';
import type { ScanEntry } from '../../state/scan-log';
import { formatLocation } from '../../format/location';
import { Time } from '../../format/Time';
import classes from './ScanFeedback.module.css';
import { useText } from '../../i18n/i18n';
import { Trans } from 'react-i18next';

function tone(color: string): React.CSSProperties {
  return {
    '--tone-strong': `var(--mantine-color-${color}-filled)`,
    '--tone-light': `var(--mantine-color-${color}-light)`,
    '--tone-text': `var(--mantine-color-${color}-text)`,
  } as React.CSSProperties;
}

export function outcomeOf(entry: ScanEntry): string {
  return entry.result?.outcome ?? 'error';
}

interface Props {
  entry: ScanEntry | undefined;
  onRecordSurplus: (entry: ScanEntry) => void;
}

/** What the last scan did, readable from a metre away. */
export function ScanFeedback({ entry, onRecordSurplus }: Props) {
  const t = useText();
  if (!entry) {
    return (
      <div className={classes.idle} data-testid="scan-idle">
        <IconBarcode size={28} />
        {t('site.inventory.scanFeedback.idle')}
      </div>
    );
  }
  const common = { 'data-testid': 'scan-feedback', 'data-outcome': outcomeOf(entry), 'data-serial': entry.serial };
  const serial = <div className={classes.serial}>{entry.serial}</div>;
  const r = entry.result;

  if (!r) {
    return (
      <div className={classes.panel} style={tone('red')} {...common}>
        <IconX size={40} className={classes.icon} />
        <div>
          <div className={classes.title}>{t('site.inventory.scanFeedback.notRecorded')}</div>
          {serial}
          <div className={classes.detail}>{entry.error}</div>
        </div>
      </div>
    );
  }

  switch (r.outcome) {
    case 'received':
      return (
        <div className={classes.panel} style={tone('green')} {...common}>
          <IconCircleCheckFilled size={44} className={classes.icon} />
          <div>
            <div className={classes.title}>{t('site.inventory.scanFeedback.received')}</div>
            {serial}
            {r.item && (
              <div className={classes.detail}>
                {[r.item.manufacturer, r.item.model].filter(Boolean).join(' ')}
                {' · '}
                {formatLocation(r.item) || t('site.inventory.scanFeedback.noLocation')}
                {r.item.assetTag ? t('site.inventory.scanFeedback.asset', { assetTag: r.item.assetTag }) : ''}
              </div>
            )}
          </div>
        </div>
      );
    case 'already_received':
      return (
        <div className={classes.panel} style={tone('yellow')} {...common}>
          <IconAlertTriangle size={40} className={classes.icon} />
          <div>
            <div className={classes.title}>
              <Trans
                t={t}
                i18nKey="site.inventory.scanFeedback.alreadyReceivedAt"
                values={{ name: r.item?.receivedBy ?? t('site.inventory.scanFeedback.unknown') }}
                components={{ time: <Time iso={r.item?.receivedAt} /> }}
              />
            </div>
            {serial}
            {r.item && (
              <div className={classes.detail}>
                {t('site.inventory.scanFeedback.nothingChanged', { model: [r.item.manufacturer, r.item.model].filter(Boolean).join(' ') })}
              </div>
            )}
          </div>
        </div>
      );
    case 'other_site':
      return (
        <div className={classes.panel} style={tone('orange')} {...common}>
          <IconMapPinExclamation size={40} className={classes.icon} />
          <div>
            <div className={classes.title}>
              {t('site.inventory.scanFeedback.expectedAtSiteNot', {
                code: r.otherSite?.code ?? '?',
                name: r.otherSite?.name ?? t('site.inventory.scanFeedback.anotherSite'),
              })}
            </div>
            {serial}
            <div className={classes.detail}>{t('site.inventory.scanFeedback.setItAsideFor')}</div>
          </div>
        </div>
      );
    case 'unknown':
      return (
        <div className={classes.panel} style={tone('red')} {...common}>
          <IconHelpHexagon size={40} className={classes.icon} />
          <div style={{ flex: 1 }}>
            <div className={classes.title}>{t('site.inventory.scanFeedback.unknownSerial')}</div>
            {serial}
            <div className={classes.detail}>
              {entry.recordedSurplus
                ? t('site.inventory.scanFeedback.recordedAsSurplus')
                : t('site.inventory.scanFeedback.notOnTheExpected')}
            </div>
          </div>
          {!entry.recordedSurplus && (
            <Button color="red" variant="filled" size="sm" onClick={() => onRecordSurplus(entry)} data-testid="record-surplus">
              {t('site.inventory.scanFeedback.recordAsSurplus')}
            </Button>
          )}
        </div>
      );
  }
}
