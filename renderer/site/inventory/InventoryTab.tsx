import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { useApiQuery } from '../../api/useApiQuery';
import { QueryError } from '../../shell/QueryError';
import { useUi } from '../../state/ui';
import { ImportExportActions } from './import/ImportExportActions';
import { InventoryTable } from './InventoryTable';
import { InventoryToolbar } from './InventoryToolbar';
import { LabelsButton } from './labels/LabelsButton';
import { ReceivePanel } from './ReceivePanel';
import { ReconciliationBar } from './ReconciliationBar';
import type { InventoryStateFilter } from './usePagedInventory';
import { useText } from '../../i18n/i18n';

export const SEARCH_DEBOUNCE_MS = 150;

/** Reconciliation on top, then receive mode (when on), then the searchable table. */
export function InventoryTab({ siteId }: { siteId: string }) {
  const t = useText();
  const reconciliation = useApiQuery('inventory.reconciliation', { siteId }, ['inventory']);
  const receiveMode = useUi((s) => s.receiveMode);
  // Opened from the deployment's hardware search: start searched for the same text.
  const [search, setSearch] = useState(() => useUi.getState().inventorySearchRequest ?? '');
  useEffect(() => void useUi.getState().takeInventorySearch(), []);
  const [query] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const [state, setState] = useState<InventoryStateFilter>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [highlightId, setHighlightId] = useState<string | null>(null);
  const onTotal = useCallback((n: number | null) => setTotal(n), []);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 10, height: '100%', minHeight: 0 }} data-testid="inventory-tab">
      <ReconciliationBar value={reconciliation.data} />
      {reconciliation.error && (
        <QueryError
          title={t('site.inventory.inventoryTab.reconciliationNotAvailable')}
          error={reconciliation.error}
          onRetry={reconciliation.reload}
        />
      )}
      {receiveMode && <ReceivePanel siteId={siteId} onReconciliation={reconciliation.setData} onReceived={setHighlightId} />}
      <InventoryToolbar
        search={search}
        onSearch={setSearch}
        state={state}
        onState={setState}
        total={total}
        actions={
          <>
            <LabelsButton siteId={siteId} />
            <ImportExportActions siteId={siteId} />
          </>
        }
      />
      <InventoryTable siteId={siteId} query={query} state={state} highlightId={highlightId} onTotal={onTotal} />
    </div>
  );
}
