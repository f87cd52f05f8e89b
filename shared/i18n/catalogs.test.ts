import { describe, expect, it } from 'vitest';
import { catalogProblems, catalogShape, messageVariables } from './catalog-rules';
import { CATALOGS, NAMESPACES } from './catalogs';
import { SITE_LANGUAGES } from './languages';
import { ownerText } from './translator';

describe('message catalogs', () => {
  it('owner: every language holds exactly the English keys, with the same {{variables}}', () => {
    for (const language of SITE_LANGUAGES) expect(catalogProblems(CATALOGS.en.owner, CATALOGS[language].owner, language)).toEqual([]);
  });

  it('app: a language that has an app catalog holds exactly the English keys', () => {
    for (const language of SITE_LANGUAGES) {
      const app = CATALOGS[language].app;
      if (app) expect(catalogProblems(CATALOGS.en.app, app, language)).toEqual([]);
    }
    expect(CATALOGS.en.app).toBeDefined();
  });

  it('the check finds a missing key, an extra key, another variable and a missing plural form', () => {
    const en = { a: { b: 'Hello {{name}}', c: 'x' }, n_one: '{{count}} item', n_other: '{{count}} items' };
    const de = { a: { b: 'Hallo {{nom}}' }, extra: 'y', n_one: '{{count}} Gerät' };
    expect(catalogProblems(en, de, 'de').sort()).toEqual(
      [
        'de: a.b uses {{nom}} where English uses {{name}}',
        'de: missing key a.c',
        'de: key extra is not in the English catalog',
        'de: plural n lacks the form "other"',
      ].sort(),
    );
    // French needs "many" besides "one" and "other".
    expect(catalogProblems(en, en, 'fr')).toEqual(['fr: plural n lacks the form "many"']);
  });

  it('reads variables with spaces and formats, and folds plural forms into one key', () => {
    expect(messageVariables('{{ where }} and {{n, number}} and {{where}}')).toEqual(['n', 'where']);
    expect([...catalogShape({ h_one: '{{count}} a', h_other: '{{count}} b' }).keys()]).toEqual(['h']);
  });

  it('names both namespaces', () => {
    expect([...NAMESPACES].sort()).toEqual(['app', 'owner']);
  });

  it('translates with the variables filled in, in each language', () => {
    const where = 'Köln Schildergasse (CGN-004)';
    const statements = SITE_LANGUAGES.map((l) => ownerText(l)('signoff.statement.site_complete', { where }));
    for (const s of statements) expect(s).toContain(where);
    expect(new Set(statements).size).toBe(SITE_LANGUAGES.length);
    expect(ownerText('de')('signoff.decision.accepted')).toBe('Abgenommen');
    expect(ownerText('fr')('training.heading', { count: 2 })).toBe('Formation et présence (2 sessions)');
    expect(ownerText('nl')('training.heading', { count: 1 })).toBe('Training en aanwezigheid (1 sessie)');
  });
});
