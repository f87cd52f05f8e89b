/**
 * How a typed search text finds inventory items: the part of the expected or found serial, the
 * asset tag or the model, anywhere, ignoring case. Three characters or more are looked up in the
 * trigram index `inventory_search` (migration 28); shorter texts have no trigram and are matched by
 * scanning with LIKE. One place for both, used by the site inventory list and the deployment-wide
 * search.
 */

/** The trigram tokenizer needs three characters (code points, not UTF-16 units) to find anything. */
export const INDEXED_QUERY_MIN_CHARS = 3;

export function usesSearchIndex(query: string): boolean {
  return [...query].length >= INDEXED_QUERY_MIN_CHARS;
}

/**
 * The text as one FTS5 string (a phrase): inside double quotes, with quotes doubled, nothing the
 * user types is query syntax (`*`, `-`, `:`, `NEAR`, `AND`, parentheses are plain characters), and
 * the trigram tokenizer matches it as a substring of a column.
 */
export function ftsPhrase(query: string): string {
  return `"${query.replaceAll('"', '""')}"`;
}

/** `%text%` with LIKE's wildcards escaped (ESCAPE '\'), so a typed % or _ is matched literally. */
export function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface ItemSearch {
  /** `WITH …` clause to put before the statement, or '' (LIKE). */
  with: string;
  /** What the statement selects items from: `inventory_items` aliased as `alias`, driven by the index when it is used. */
  from: string;
  /** A condition on `alias`'s columns, or '' (index: the join already restricts). */
  where: string;
  /** The named parameter's value (`@search`). */
  param: string;
}

/**
 * The FROM and WHERE parts that restrict `inventory_items` (as `alias`) to the items matching
 * `query` (trimmed, not empty). Through the index, the matching rowids are taken first (a
 * materialized CTE, so the planner cannot scan the site's rows instead) and joined to their rows.
 */
export function itemSearch(query: string, alias: string): ItemSearch {
  if (usesSearchIndex(query)) {
    return {
      with: 'WITH search_hits AS MATERIALIZED (SELECT rowid AS hit FROM inventory_search WHERE inventory_search MATCH @search)',
      from: `search_hits CROSS JOIN inventory_items ${alias} ON ${alias}.rowid = search_hits.hit`,
      where: '',
      param: ftsPhrase(query),
    };
  }
  const like = (column: string) => `${alias}.${column} LIKE @search ESCAPE '\\'`;
  return {
    with: '',
    from: `inventory_items ${alias}`,
    where: `(${['expected_serial', 'found_serial', 'asset_tag', 'model'].map(like).join(' OR ')})`,
    param: likePattern(query),
  };
}
