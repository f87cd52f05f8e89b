import { Button, CloseButton, Group, Kbd, Select, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconBarcode, IconSearch } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { inventoryStateSchema } from '../../../shared/domain/enums';
import { CameraScanButton } from '../../camera/CameraScanButton';
import { INVENTORY_STATE } from '../../status/labels';
import { useUi } from '../../state/ui';
import type { InventoryStateFilter } from './usePagedInventory';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

const STATE_OPTIONS = [
  {
    value: 'all',
    get label() {
      return appText('site.inventory.inventoryToolbar.allStates');
    },
  },
  // "Missing" lists what the Missing figure counts: every expected item not received yet (shared/logic/inventory-rules).
  ...inventoryStateSchema.options.map((s) => ({
    value: s,
    get label() {
      return s === 'missing' ? appText('site.inventory.inventoryToolbar.missingNotReceived') : INVENTORY_STATE[s].label;
    },
  })),
  {
    value: 'surplus',
    get label() {
      return appText('site.inventory.inventoryToolbar.surplusNotExpected');
    },
  },
];

interface Props {
  search: string;
  onSearch: (value: string) => void;
  state: InventoryStateFilter;
  onState: (value: InventoryStateFilter) => void;
  total: number | null;
  /** Labels, import and export: in the same row, before Receive mode, so the row wraps as one. */
  actions?: React.ReactNode;
}

export function InventoryToolbar({ search, onSearch, state, onState, total, actions }: Props) {
  const t = useText();
  const receiveMode = useUi((s) => s.receiveMode);
  const setReceiveMode = useUi((s) => s.setReceiveMode);
  const compact = useMediaQuery('(max-width: 1199px)') ?? false;
  const focusPending = useUi((s) => s.searchFocusPending);
  const consumeSearchFocus = useUi((s) => s.consumeSearchFocus);
  const searchRef = useRef<HTMLInputElement>(null);

  // The `/` shortcut (also when it switched to this tab and mounted us).
  useEffect(() => {
    if (!focusPending || !consumeSearchFocus()) return;
    searchRef.current?.focus();
    searchRef.current?.select();
  }, [focusPending, consumeSearchFocus]);

  return (
    <Group gap="xs" wrap="wrap" style={{ rowGap: 6 }}>
      <TextInput
        ref={searchRef}
        placeholder={t('site.inventory.inventoryToolbar.serialAssetTagOr')}
        leftSection={<IconSearch size={14} />}
        rightSectionWidth={56}
        rightSectionPointerEvents="auto"
        rightSection={
          <Group gap={2} wrap="nowrap">
            <CameraScanButton
              place="search"
              variant="inline"
              label={t('site.inventory.inventoryToolbar.searchWithTheCamera')}
              hint="Hold a serial or asset label up to the camera, its barcode across the red line"
              onScan={onSearch}
              testId="inventory-search-camera"
            />
            {search ? (
              <CloseButton size="sm" onClick={() => onSearch('')} aria-label={t('site.inventory.inventoryToolbar.clearSearch')} />
            ) : (
              <Kbd size="xs">/</Kbd>
            )}
          </Group>
        }
        value={search}
        onChange={(e) => onSearch(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            if (search) onSearch('');
            else e.currentTarget.blur();
          }
        }}
        // Grows to 320 px, no narrower than its placeholder needs.
        style={{ flex: '1 1 250px', minWidth: 250, maxWidth: 320 }}
        size="sm"
        maxLength={128}
        aria-label={t('site.inventory.inventoryToolbar.searchInventory')}
        data-testid="inventory-search"
      />
      <Select
        data={STATE_OPTIONS}
        value={state ?? 'all'}
        onChange={(v) => onState(!v || v === 'all' ? null : (v as InventoryStateFilter))}
        allowDeselect={false}
        w={124}
        size="sm"
        aria-label={t('site.inventory.inventoryToolbar.filterByState')}
        data-testid="inventory-state-filter"
      />
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="inventory-count">
        {total === null
          ? t('site.inventory.inventoryToolbar.loading')
          : t('site.inventory.inventoryToolbar.items', { count: total, formatted: total.toLocaleString() })}
      </Text>
      <Group gap={4} wrap="nowrap" ml="auto" style={{ flexShrink: 0 }}>
        {actions}
      </Group>
      <Button
        size="sm"
        variant={receiveMode ? 'filled' : 'light'}
        color={receiveMode ? 'teal' : undefined}
        leftSection={<IconBarcode size={16} />}
        // Below 1200 px the shortcut hint moves into the button's title, so the row fits a laptop screen.
        rightSection={compact ? undefined : <Kbd size="xs">R</Kbd>}
        title={compact ? t('site.inventory.inventoryToolbar.receiveModeShortcut') : undefined}
        style={{ flexShrink: 0 }}
        onClick={() => setReceiveMode(!receiveMode)}
        aria-pressed={receiveMode}
        data-testid="receive-mode"
      >
        {receiveMode ? t('site.inventory.inventoryToolbar.receiving') : t('site.inventory.inventoryToolbar.receiveMode')}
      </Button>
    </Group>
  );
}
