/**
 * Asset tags Outpost hands out to unlabelled surplus hardware (issue #14), and the rule for who may
 * set one. Design and reasons: docs/architecture.md, "Asset labels".
 *
 * A tag reads `<site>-<issuer>-<sequence>`, e.g. `AMS-001-D7-0042`:
 * - `issuer` names the device that made it: `D<n>` with the number the central server gave that
 *   device (once, the first time it synced), or `L` on a deployment that does not sync (it exists on
 *   this device only, so no other device tags its items);
 * - `sequence` counts up on that device, across every site and deployment, and never goes back.
 * Two devices never share an issuer, and one device never repeats a sequence, so two technicians
 * offline, at different sites or at the same one, can never hand out the same tag. The site part is
 * for people reading the label; uniqueness does not rest on it.
 */

/** The issuer of a device numbered by the central server. */
export const serverIssuer = (deviceNumber: number): string => `D${deviceNumber}`;
/** The issuer on a deployment that does not sync. */
export const LOCAL_ISSUER = 'L';

const ISSUER = /^(L|D[1-9][0-9]{0,9})$/;
export const isIssuer = (value: string): boolean => ISSUER.test(value);

/** The most characters of a site code kept in a tag (the label's barcode must stay short). */
export const TAG_SITE_PART_MAX = 16;

/**
 * The site code as a tag holds it: upper case ASCII letters, digits and hyphens (Code 128 in its
 * plain character set), accents dropped ("Köln-2" → "KOLN-2"), anything else a hyphen.
 */
export function tagSitePart(siteCode: string): string {
  const ascii = siteCode
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, TAG_SITE_PART_MAX)
    .replace(/-+$/g, '');
  return ascii === '' ? 'SITE' : ascii;
}

export function formatAssetTag(siteCode: string, issuer: string, sequence: number): string {
  if (!isIssuer(issuer)) throw new Error(`Not an asset tag issuer: ${issuer}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new Error(`Not an asset tag sequence: ${sequence}`);
  return `${tagSitePart(siteCode)}-${issuer}-${String(sequence).padStart(4, '0')}`;
}

/** A tag Outpost issued: `<site part>-<issuer>-<sequence of at least 4 digits>`. */
export const ISSUED_ASSET_TAG = /^[A-Z0-9](?:[A-Z0-9-]{0,14}[A-Z0-9])?-(?:L|D[1-9][0-9]{0,9})-[0-9]{4,15}$/;

export const isIssuedAssetTag = (tag: unknown): tag is string => typeof tag === 'string' && ISSUED_ASSET_TAG.test(tag);

/** The issuer a tag names (null for a tag Outpost did not issue). */
export function issuerOfTag(tag: string): string | null {
  if (!isIssuedAssetTag(tag)) return null;
  const parts = tag.split('-');
  return parts[parts.length - 2]!;
}

/** The columns of an inventory row the rule reads, as stored (SQLite and the wire: 0/1 flags). */
export interface TaggableRow {
  is_surplus?: unknown;
  asset_tag?: unknown;
}

/**
 * Why a technician may not give this inventory row this asset tag, or null when they may: only
 * surplus hardware (expected items carry the plan's tags, which release managers write), only while
 * it has none (a label may already be stuck on it), and only a tag of Outpost's form. The desktop
 * checks it before tagging (core/labels/assign-asset-tags.ts), the server on every pushed update
 * (server/sync/access-rules.ts).
 */
export function assetTagAssignmentProblem(current: TaggableRow, tag: unknown): string | null {
  if (current.is_surplus !== 1 && current.is_surplus !== true)
    return "only surplus items get an asset tag from Outpost (expected items carry the plan's tags)";
  if (current.asset_tag !== null && current.asset_tag !== undefined && current.asset_tag !== '')
    return `the item already has asset tag ${String(current.asset_tag)}`;
  if (!isIssuedAssetTag(tag)) return `${JSON.stringify(tag)} is not an asset tag Outpost issues (<site>-<issuer>-<sequence>)`;
  return null;
}
