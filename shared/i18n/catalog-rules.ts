/**
 * What a catalog must hold to be complete, as pure functions (catalogs.test.ts applies them to
 * every catalog): the leaf keys, plural forms folded to their base key, and the {{variables}} of
 * each message.
 */

/** i18next's plural suffixes (JSON v4: key_one, key_other…). */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every leaf key of a nested catalog as a dot path, with its message. */
export function flattenCatalog(catalog: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof catalog !== 'object' || catalog === null) return out;
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (typeof value === 'object' && value !== null) for (const [k, v] of flattenCatalog(value, path)) out.set(k, v);
    else out.set(path, String(value)); // not a message: reported by the shape check
  }
  return out;
}

/** The key without its plural suffix ("training.heading_one" → "training.heading"). */
export function baseKey(key: string): string {
  return key.replace(PLURAL_SUFFIX, '');
}

/** The plural form of a key, or null ("training.heading_one" → "one"). */
export function pluralForm(key: string): string | null {
  return PLURAL_SUFFIX.exec(key)?.[1] ?? null;
}

/** The interpolation variables of a message, sorted ("{{where}}", "{{ count }}" → ["count", "where"]). */
export function messageVariables(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!))].sort();
}

/** Base keys with the variables their messages use (the union over a key's plural forms). */
export function catalogShape(catalog: unknown): Map<string, string[]> {
  const shape = new Map<string, Set<string>>();
  for (const [key, message] of flattenCatalog(catalog)) {
    const base = baseKey(key);
    const vars = shape.get(base) ?? new Set<string>();
    for (const v of messageVariables(message)) vars.add(v);
    shape.set(base, vars);
  }
  return new Map([...shape].map(([k, v]) => [k, [...v].sort()]));
}

/** Problems of one language's catalog against English: missing and extra keys, other variables, empty messages. */
export function catalogProblems(english: unknown, other: unknown, language: string): string[] {
  const problems: string[] = [];
  const en = catalogShape(english);
  const them = catalogShape(other);
  for (const [key, vars] of en) {
    const theirs = them.get(key);
    if (!theirs) problems.push(`${language}: missing key ${key}`);
    else if (theirs.join(',') !== vars.join(','))
      problems.push(`${language}: ${key} uses {{${theirs.join('}}, {{')}}} where English uses {{${vars.join('}}, {{')}}}`);
  }
  for (const key of them.keys()) if (!en.has(key)) problems.push(`${language}: key ${key} is not in the English catalog`);
  for (const [key, message] of flattenCatalog(other))
    if (typeof message !== 'string' || message.trim() === '') problems.push(`${language}: ${key} is empty`);
  // Each plural key needs every form the language's plural rules name (French has "many").
  const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const keys = [...flattenCatalog(other).keys()];
  for (const base of new Set(keys.filter((k) => pluralForm(k) !== null).map(baseKey))) {
    for (const form of forms) if (!keys.includes(`${base}_${form}`)) problems.push(`${language}: plural ${base} lacks the form "${form}"`);
  }
  return problems;
}
