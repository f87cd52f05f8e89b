import { Button } from '@mantine/core';
import { IconAlertTriangle, IconBarcode, IconCircleCheckFilled, IconHelpHexagon, IconMapPinExclamation, IconX } from '@tabler/icons-react';
import type { ScanEntry } from '../../state/scan-log';
import { formatLocation } from '../../format/location';
import { Time } from '../../format/Time';
import classes from './ScanFeedback.module.css';

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
  if (!entry) {
    return (
      <div className={classes.idle} data-testid="scan-idle">
        <IconBarcode size={28} />
        Scan a serial with the barcode scanner, or type it and press Enter. Each scan is saved at once.
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
          <div className={classes.title}>Not recorded</div>
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
            <div className={classes.title}>Received</div>
            {serial}
            {r.item && (
              <div className={classes.detail}>
                {[r.item.manufacturer, r.item.model].filter(Boolean).join(' ')}
                {' · '}
                {formatLocation(r.item) || 'no location'}
                {r.item.assetTag ? ` · asset ${r.item.assetTag}` : ''}
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
              Already received at <Time iso={r.item?.receivedAt} /> by {r.item?.receivedBy ?? 'unknown'}
            </div>
            {serial}
            {r.item && <div className={classes.detail}>{[r.item.manufacturer, r.item.model].filter(Boolean).join(' ')} — nothing changed.</div>}
          </div>
        </div>
      );
    case 'other_site':
      return (
        <div className={classes.panel} style={tone('orange')} {...common}>
          <IconMapPinExclamation size={40} className={classes.icon} />
          <div>
            <div className={classes.title}>
              Expected at site {r.otherSite?.code ?? '?'} — {r.otherSite?.name ?? 'another site'}, not here
            </div>
            {serial}
            <div className={classes.detail}>Set it aside for that site; nothing was recorded here.</div>
          </div>
        </div>
      );
    case 'unknown':
      return (
        <div className={classes.panel} style={tone('red')} {...common}>
          <IconHelpHexagon size={40} className={classes.icon} />
          <div style={{ flex: 1 }}>
            <div className={classes.title}>Unknown serial</div>
            {serial}
            <div className={classes.detail}>
              {entry.recordedSurplus ? 'Recorded as surplus.' : 'Not on the expected list of any site.'}
            </div>
          </div>
          {!entry.recordedSurplus && (
            <Button color="red" variant="filled" size="sm" onClick={() => onRecordSurplus(entry)} data-testid="record-surplus">
              Record as surplus
            </Button>
          )}
        </div>
      );
  }
}
