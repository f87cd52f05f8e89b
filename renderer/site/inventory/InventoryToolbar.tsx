import { Button, CloseButton, Group, Kbd, Select, Text, TextInput } from '@mantine/core';
import { IconBarcode, IconSearch } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { inventoryStateSchema } from '../../../shared/domain/enums';
import { CameraScanButton } from '../../camera/CameraScanButton';
import { INVENTORY_STATE } from '../../status/labels';
import { useUi } from '../../state/ui';
import type { InventoryStateFilter } from './usePagedInventory';

const STATE_OPTIONS = [
  { value: 'all', label: 'All states' },
  // "Missing" lists what the Missing figure counts: every expected item not received yet (shared/logic/inventory-rules).
  ...inventoryStateSchema.options.map((s) => ({ value: s, label: s === 'missing' ? 'Missing (not received)' : INVENTORY_STATE[s].label })),
  { value: 'surplus', label: 'Surplus (not expected)' },
];

interface Props {
  search: string;
  onSearch: (value: string) => void;
  state: InventoryStateFilter;
  onState: (value: InventoryStateFilter) => void;
  total: number | null;
}

export function InventoryToolbar({ search, onSearch, state, onState, total }: Props) {
  const receiveMode = useUi((s) => s.receiveMode);
  const setReceiveMode = useUi((s) => s.setReceiveMode);
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
    <Group gap="sm" wrap="wrap" style={{ rowGap: 6 }}>
      <TextInput
        ref={searchRef}
        placeholder="Serial, asset tag or model"
        leftSection={<IconSearch size={14} />}
        rightSectionWidth={56}
        rightSectionPointerEvents="auto"
        rightSection={
          <Group gap={2} wrap="nowrap">
            <CameraScanButton place="search" variant="inline" label="Search with the camera" hint="Hold a serial or asset label up to the camera, its barcode across the red line" onScan={onSearch} testId="inventory-search-camera" />
            {search ? <CloseButton size="sm" onClick={() => onSearch('')} aria-label="Clear search" /> : <Kbd size="xs">/</Kbd>}
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
        // Grows to 320 px, shrinks no narrower than its placeholder needs.
        style={{ flex: '1 1 250px', minWidth: 250, maxWidth: 320 }}
        size="sm"
        maxLength={128}
        aria-label="Search inventory"
        data-testid="inventory-search"
      />
      <Select
        data={STATE_OPTIONS}
        value={state ?? 'all'}
        onChange={(v) => onState(!v || v === 'all' ? null : (v as InventoryStateFilter))}
        allowDeselect={false}
        w={150}
        size="sm"
        aria-label="Filter by state"
        data-testid="inventory-state-filter"
      />
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="inventory-count">
        {total === null ? 'Loading…' : `${total.toLocaleString()} item${total === 1 ? '' : 's'}`}
      </Text>
      <Button
        ml="auto"
        size="sm"
        variant={receiveMode ? 'filled' : 'light'}
        color={receiveMode ? 'teal' : undefined}
        leftSection={<IconBarcode size={16} />}
        rightSection={<Kbd size="xs">R</Kbd>}
        style={{ flexShrink: 0 }}
        onClick={() => setReceiveMode(!receiveMode)}
        aria-pressed={receiveMode}
        data-testid="receive-mode"
      >
        {receiveMode ? 'Receiving…' : 'Receive mode'}
      </Button>
    </Group>
  );
}
