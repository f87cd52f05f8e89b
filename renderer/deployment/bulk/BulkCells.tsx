import { Checkbox, Table } from '@mantine/core';
import type { SiteSummary } from '../../../shared/domain/site';
import type { BulkSelection } from './useBulkSelection';
import { useText } from '../../i18n/i18n';

/** The header cell: all shown sites selected, some, or none. */
export function BulkHeaderCell({ bulk }: { bulk: BulkSelection }) {
  const t = useText();
  if (!bulk.enabled) return null;
  const shownSelected = bulk.shown.filter((s) => bulk.isSelected(s.id)).length;
  const all = shownSelected > 0 && shownSelected === bulk.shown.length;
  return (
    <Table.Th w={32}>
      <Checkbox
        size="xs"
        aria-label={t('deployment.bulk.bulkCells.selectAllShownSites')}
        checked={all}
        indeterminate={shownSelected > 0 && !all}
        onChange={() => (all ? bulk.clear() : bulk.selectAllShown())}
        data-testid="bulk-select-all"
      />
    </Table.Th>
  );
}

/** A row's checkbox; shift-click selects the range from the last clicked row. Never opens the site. */
export function BulkRowCell({ bulk, site }: { bulk: BulkSelection; site: SiteSummary }) {
  const t = useText();
  if (!bulk.enabled) return null;
  return (
    <Table.Td w={32} onClick={(e) => e.stopPropagation()}>
      <Checkbox
        size="xs"
        aria-label={t('deployment.bulk.bulkCells.select', { code: site.code })}
        checked={bulk.isSelected(site.id)}
        onChange={() => undefined}
        onClick={(e) => bulk.click(site.id, e.shiftKey)}
        data-testid={`bulk-select-${site.code}`}
      />
    </Table.Td>
  );
}
