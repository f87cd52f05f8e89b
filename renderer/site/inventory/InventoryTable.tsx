import { Button, Group, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { InventoryState } from '../../../shared/domain/enums';
import type { InventoryItem } from '../../../shared/domain/inventory';
import { runCommand } from '../../api/command';
import { INVENTORY_STATE } from '../../status/labels';
import { InventoryRow } from './InventoryRow';
import { RowStateMenu, type RowMenuAnchor } from './RowStateMenu';
import { ItemPhotosModal } from '../../photo/ItemPhotosModal';
import { usePagedInventory, type InventoryQuery } from './usePagedInventory';
import classes from './InventoryTable.module.css';
import { useText } from '../../i18n/i18n';

export const ROW_HEIGHT = 34;
const HEADER_HEIGHT = 32;
const COLUMNS = ['State', 'Expected serial', 'Found serial', 'Asset tag', 'Manufacturer', 'Model', 'Location', 'Received', ''];

interface Props extends InventoryQuery {
  /** Id of an item to highlight (e.g. the one just scanned). */
  highlightId?: string | null;
  onTotal?: (total: number | null) => void;
}

/** The site inventory, virtualized over the server-side paged list: smooth at tens of thousands of rows. */
export function InventoryTable({ siteId, query, state, highlightId = null, onTotal }: Props) {
  const t = useText();
  const list = usePagedInventory({ siteId, query, state });
  const scrollRef = useRef<HTMLDivElement>(null);
  const [menu, setMenu] = useState<RowMenuAnchor | null>(null);
  const [photosFor, setPhotosFor] = useState<InventoryItem | null>(null);

  const virtualizer = useVirtualizer({
    count: list.total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    useFlushSync: false,
  });

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensureRange, version, total } = list;

  useEffect(() => {
    ensureRange(first, last);
  }, [first, last, ensureRange, version]);

  useEffect(() => onTotal?.(total), [total, onTotal]);

  // A new filter starts at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [siteId, query, state]);

  // The shared row menu sits at a fixed place: close it once the list really scrolls away.
  const menuScrollTop = useRef(0);
  const onAction = useCallback((item: InventoryItem, anchor: HTMLElement) => {
    menuScrollTop.current = scrollRef.current?.scrollTop ?? 0;
    setMenu({ item, rect: anchor.getBoundingClientRect() });
  }, []);
  const onScroll = useCallback(() => {
    if (Math.abs((scrollRef.current?.scrollTop ?? 0) - menuScrollTop.current) > ROW_HEIGHT) setMenu(null);
  }, []);

  const onPick = useCallback(async (item: InventoryItem, next: InventoryState) => {
    setMenu(null);
    await runCommand(
      'inventory.setState',
      { itemId: item.id, state: next },
      {
        refresh: ['inventory', 'sites'],
        success: `${item.expectedSerial ?? item.foundSerial ?? item.model}: ${INVENTORY_STATE[next].label.toLowerCase()}`,
      },
    );
  }, []);

  return (
    <>
      <div
        ref={scrollRef}
        className={classes.scroller}
        role="table"
        aria-rowcount={(total ?? 0) + 1}
        aria-busy={list.loading}
        data-testid="inventory-table"
        data-total={total ?? ''}
        onScroll={menu ? onScroll : undefined}
      >
        <div className={`${classes.grid} ${classes.header}`} role="row" aria-rowindex={1}>
          {COLUMNS.map((c, i) => (
            <div key={i} role="columnheader">
              {c}
            </div>
          ))}
        </div>
        <div className={classes.body} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((v) => {
            const item = list.rowAt(v.index);
            return (
              <InventoryRow
                key={v.key}
                index={v.index}
                item={item}
                top={v.start - HEADER_HEIGHT}
                highlight={item !== undefined && item.id === highlightId}
                onAction={onAction}
              />
            );
          })}
        </div>
        {total === 0 && (
          <div className={classes.empty}>
            {query || state ? t('site.inventory.inventoryTable.noItemMatchesThis') : t('site.inventory.inventoryTable.noInventoryForThis')}
          </div>
        )}
        {list.error && (
          <Group className={classes.empty} justify="center" gap="sm">
            <Text size="sm" c="red">
              {list.error.message}
            </Text>
            <Button variant="default" onClick={list.retry}>
              {t('site.inventory.inventoryTable.retry')}
            </Button>
          </Group>
        )}
      </div>
      <RowStateMenu anchor={menu} onClose={() => setMenu(null)} onPick={(item, next) => void onPick(item, next)} onPhotos={setPhotosFor} />
      <ItemPhotosModal item={photosFor} onClose={() => setPhotosFor(null)} />
    </>
  );
}
