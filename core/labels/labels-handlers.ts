import { createHash } from 'node:crypto';
import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import { LABELS_MAX } from '../../shared/contract/labels-methods';
import { fromRaw, INVENTORY_COLUMNS } from '../services/inventory-rows';
import type { ServiceContext } from '../services/service-context';
import { tagIssuerFor } from './asset-tag-issuer';
import { assignAssetTags, itemsAtSite, siteForLabels } from './assign-asset-tags';

type RawRow = Parameters<typeof fromRaw>[0];

/** Received items (a found serial) and surplus ones: hardware that is on site and can carry a label. */
function labelItems(ctx: ServiceContext, { siteId }: ApiParsedInput<'labels.items'>): ApiOutput<'labels.items'> {
  const site = siteForLabels(ctx, siteId);
  const rows = ctx.sqlite
    .prepare(
      `SELECT ${INVENTORY_COLUMNS} FROM inventory_items WHERE site_id = ? AND (found_serial IS NOT NULL OR is_surplus = 1)
        ORDER BY asset_tag IS NULL, asset_tag, coalesce(found_serial, expected_serial), id LIMIT ?`,
    )
    .all(site.id, LABELS_MAX + 1) as RawRow[];
  return {
    items: rows.slice(0, LABELS_MAX).map(fromRaw),
    truncated: rows.length > LABELS_MAX,
    tagIssuer: tagIssuerFor(ctx.sqlite, site.deploymentId),
  };
}

const safeName = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'site';

/** The label methods: the items that can get a label, tagging surplus items, and the PDF. */
export function createLabelsHandlers() {
  return {
    'labels.items': labelItems,
    'labels.assignTags': assignAssetTags,
    'labels.pdf': async (ctx: ServiceContext, input: ApiParsedInput<'labels.pdf'>): Promise<ApiOutput<'labels.pdf'>> => {
      // Read at once (one consistent view); pdf-lib and the barcode encoders load on first use.
      const site = siteForLabels(ctx, input.siteId);
      const labels = itemsAtSite(ctx, site.id, input.itemIds).map((item) => ({
        assetTag: item.assetTag || null,
        serial: item.foundSerial ?? item.expectedSerial ?? '',
        model: [item.manufacturer, item.model].filter(Boolean).join(' '),
        siteCode: site.code,
      }));
      const { renderLabelsPdf } = await import('./labels-pdf');
      const bytes = Buffer.from(await renderLabelsPdf(labels, input.layout, { skip: input.skip, title: `Asset labels ${site.code}` }));
      return {
        fileName: `labels-${safeName(site.code)}-${input.layout}.pdf`,
        mediaType: 'application/pdf',
        sha256: createHash('sha256').update(bytes).digest('hex'),
        base64: bytes.toString('base64'),
      };
    },
  };
}
