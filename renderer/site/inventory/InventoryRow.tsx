import { memo } from 'react';
import type { InventoryItem } from '../../../shared/domain/inventory';
import { normalizeSerial } from '../../../shared/logic/serial';
import { formatLocation } from '../../format/location';
import { viewerTimeHint } from '../../../shared/time/format-time';
import { formatWhen, viewerZone } from '../../format/time';
import { useDisplayZone } from '../../format/Time';
import { StateBadge } from './StateBadge';
import classes from './InventoryTable.module.css';
import { useText } from '../../i18n/i18n';

interface RowProps {
  item: InventoryItem | undefined;
  index: number;
  top: number;
  highlight: boolean;
  onAction: (item: InventoryItem, anchor: HTMLElement) => void;
}

/** One inventory row: plain elements only (see InventoryTable.module.css). */
export const InventoryRow = memo(function InventoryRow({ item, index, top, highlight, onAction }: RowProps) {
  const t = useText();
  const style = { transform: `translateY(${top}px)` };
  const zone = useDisplayZone();
  if (!item) {
    return (
      <div
        className={`${classes.grid} ${classes.row}`}
        style={style}
        role="row"
        aria-rowindex={index + 2}
        data-testid="inventory-row"
        data-loading
      >
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className={classes.cell}>
            <span className={classes.placeholder} style={{ width: `${40 + ((index * 7 + i * 13) % 50)}%` }} />
          </div>
        ))}
      </div>
    );
  }
  const mismatch =
    item.foundSerial !== null && item.expectedSerial !== null && normalizeSerial(item.foundSerial) !== normalizeSerial(item.expectedSerial);
  const received = item.receivedAt ? `${formatWhen(item.receivedAt, zone)} · ${item.receivedBy ?? '?'}` : '—';
  return (
    <div
      className={`${classes.grid} ${classes.row}`}
      style={style}
      role="row"
      aria-rowindex={index + 2}
      data-testid="inventory-row"
      data-item-id={item.id}
      data-state={item.state}
      data-highlight={highlight || undefined}
    >
      <div className={classes.stateCell} role="cell" data-stacked={item.isSurplus || undefined} data-testid="inventory-state-cell">
        <StateBadge state={item.state} />
        {item.isSurplus && <StateBadge state="surplus" />}
      </div>
      <div className={`${classes.cell} ${classes.mono}`} role="cell" title={item.expectedSerial ?? undefined}>
        {item.expectedSerial ?? <span className={classes.dim}>—</span>}
      </div>
      <div
        className={`${classes.cell} ${classes.mono} ${mismatch ? classes.mismatch : ''}`}
        role="cell"
        title={mismatch ? t('site.inventory.inventoryRow.differsFromTheExpected') : undefined}
      >
        {item.foundSerial ?? <span className={classes.dim}>—</span>}
      </div>
      <div className={`${classes.cell} ${classes.mono}`} role="cell">
        {item.assetTag ?? <span className={classes.dim}>—</span>}
      </div>
      <div className={classes.cell} role="cell">
        {item.manufacturer || <span className={classes.dim}>—</span>}
      </div>
      <div className={classes.cell} role="cell" title={item.note || item.model}>
        {item.model || <span className={classes.dim}>—</span>}
      </div>
      <div className={classes.cell} role="cell">
        {formatLocation(item) || '—'}
      </div>
      <div
        className={`${classes.cell} ${item.receivedAt ? '' : classes.dim}`}
        role="cell"
        title={item.receivedAt ? (viewerTimeHint(item.receivedAt, zone, viewerZone()) ?? undefined) : undefined}
      >
        {received}
      </div>
      <div className={classes.cell} role="cell" style={{ padding: 0 }}>
        <button
          type="button"
          className={classes.action}
          aria-label={t('site.inventory.inventoryRow.changeStateOf', { serial: item.expectedSerial ?? item.foundSerial ?? 'item' })}
          data-testid="inventory-row-action"
          onClick={(e) => onAction(item, e.currentTarget)}
        >
          ⋯
        </button>
      </div>
    </div>
  );
});
