import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCommand } from '../../launcher/commands/verify-command';
import type { SiteSummary } from '../../shared/domain/site';
import { siteLanguage } from '../../shared/i18n/languages';
import { ownerText } from '../../shared/i18n/translator';
import { readWithIcalJs } from '../support/ical-read';
import { signaturePng, signSite } from '../support/signoff-fixtures';
import { syntheticSheet } from '../support/synthetic-sheet';
import { openSampleCore, tempDataDir, type TestCore } from '../support/temp-core';

// #14 part 4 on a real SQLite file: the site owner's language from the site (or its country), a
// sheet signed in German whose statement `outpost verify` and the PDF (pdftotext) show as signed,
// a language switched at signing, an older sheet without a language, and the owner's calendar.

let core: TestCore;
let sites: SiteSummary[];
const dir = tempDataDir('outpost-site-language');
const byCode = (code: string) => sites.find((s) => s.code === code)!;
/** Text with every run of white space as one space (pdftotext breaks lines where the PDF wraps them). */
const flat = (text: string) => text.replace(/\s+/g, ' ');

async function exportPdf(sheetId: string): Promise<string> {
  for (let i = 0; i < 400; i++) {
    const result = core.call('signoff.exportPdf', { sheetId });
    if (result.status === 'ready') {
      const file = path.join(dir, result.fileName);
      fs.writeFileSync(file, Buffer.from(result.base64, 'base64'));
      return file;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the PDF was not rendered');
}

async function verify(file: string) {
  const lines: string[] = [];
  const code = await verifyCommand.run([file, '--data-dir', dir, '--allow-unregistered'], {
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
  });
  return { code, output: lines.join('\n') };
}

beforeAll(() => {
  const opened = openSampleCore();
  core = opened.core;
  sites = opened.sites;
  // Site edits and the owner's calendar are a release manager's.
  core.call('profile.set', { name: 'Rita Release', role: 'release_manager' });
});
afterAll(() => core.close());

describe("the site owner's language", () => {
  it('comes from the site, else its country: Köln German, Lille French, Amsterdam Dutch, Brussels French (set on the site)', () => {
    expect(Object.fromEntries(sites.map((s) => [s.code, siteLanguage(s)]))).toEqual({
      'AMS-001': 'nl',
      'UTR-002': 'nl',
      'BRU-003': 'fr',
      'CGN-004': 'de',
      'DUS-005': 'de',
      'LIL-006': 'fr',
    });
    // Only Brussels says so itself: Belgium's default would be Dutch.
    expect(sites.filter((s) => s.language !== null).map((s) => [s.code, s.language])).toEqual([['BRU-003', 'fr']]);
  });

  it('is set and cleared with the site, and refused when not a language of Outpost (by the contract and by SQLite)', () => {
    const site = byCode('DUS-005');
    expect(core.call('sites.update', { siteId: site.id, language: 'en' }).language).toBe('en');
    expect(core.call('sites.update', { siteId: site.id, language: null }).language).toBeNull();
    const refused = core.dispatch('sites.update', { siteId: site.id, language: 'es' as 'en' });
    expect(refused.ok).toBe(false);
    const db = new Database(path.join(core.dataDir, 'outpost.db'));
    try {
      expect(() => db.prepare('UPDATE sites SET language = ? WHERE id = ?').run('es', site.id)).toThrow(/CHECK constraint failed/);
    } finally {
      db.close();
    }
  });

  it('a Köln sheet signed in German: the sheet records German and its statement, verify prints both and VALID, the PDF shows them', async () => {
    const site = byCode('CGN-004');
    const review = core.call('signoff.review', { siteId: site.id, kind: 'site_complete' });
    expect(review.language).toBe('de');
    const german = ownerText('de')('signoff.statement.site_complete', { where: `${site.name} (${site.code})` });
    expect(review.statement).toBe(german);
    expect(review.statement).toContain('Als für den Standort verantwortliche Person bestätige ich');

    const signed = signSite(core, site.id, {
      decision: 'accepted_with_exceptions',
      language: 'de',
      signerName: 'Jonas Weber',
      signerRole: 'Filialleiter',
    });
    const sheet = core.call('signoff.get', { sheetId: signed.sheet.id });
    expect(sheet.content.language).toBe('de');
    expect(sheet.content.statement).toBe(german);
    expect(core.call('signoff.list', { siteId: site.id })[0]).toMatchObject({ language: 'de', statement: german, valid: true });

    const pdf = await exportPdf(signed.sheet.id);
    const { code, output } = await verify(pdf);
    expect(code).toBe(0);
    expect(output).toContain(`statement:  ${german}`);
    expect(output).toContain('language:   Deutsch (de)');
    expect(output.split('\n').at(-1)).toMatch(/^VALID/);

    const text = flat(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
    expect(text).toContain(flat(`Erklärung: ${german}`));
    for (const words of [
      'Abnahme: Installation am Standort abgeschlossen',
      'Entscheidung und Unterschrift',
      'Mit Vorbehalten abgenommen',
      'Sprache',
      'Deutsch',
      'Integrität',
      'Seite 1 von 6',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).not.toContain('Decision and signature');
  });

  it('switched at signing: the same Köln site signed in French records the French statement shown', () => {
    const site = byCode('CGN-004');
    const review = core.call('signoff.review', { siteId: site.id, kind: 'core_components', language: 'fr' });
    expect(review.language).toBe('fr');
    expect(review.statement).toMatch(
      /^Je confirme avoir examiné les composants principaux déployés sur le site Köln Schildergasse \(CGN-004\)/,
    );
    const signed = signSite(core, site.id, { kind: 'core_components', decision: 'accepted_with_exceptions', language: 'fr' });
    const content = core.call('signoff.get', { sheetId: signed.sheet.id }).content;
    expect(content).toMatchObject({ language: 'fr', statement: review.statement });
  });

  it('refuses to sign a statement other than the one it would sign (the French text shown, German asked for)', () => {
    const site = byCode('LIL-006');
    const french = core.call('signoff.review', { siteId: site.id, kind: 'core_components' });
    expect(french.language).toBe('fr');
    const before = core.call('signoff.list', { siteId: site.id }).length;
    const result = core.dispatch('signoff.sign', {
      kind: 'core_components',
      siteId: site.id,
      reviewHash: french.reviewHash,
      language: 'de',
      statement: french.statement,
      decision: 'rejected',
      reason: 'Noch nicht geliefert',
      signerName: 'Hugo Martin',
      signerRole: 'Gérant',
      signerTimeZone: 'Europe/Paris',
      signaturePngBase64: signaturePng(),
      statementConfirmed: true,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('statement shown') } });
    expect(core.call('signoff.list', { siteId: site.id })).toHaveLength(before);
  });

  it('a sheet from before languages (no language field) still verifies, and verify says it was English', async () => {
    const sheet = syntheticSheet({ items: 3, issues: 2, targets: 1 });
    expect(sheet.content.language).toBeUndefined();
    const file = path.join(dir, 'legacy-sheet.json');
    fs.writeFileSync(file, JSON.stringify(sheet));
    const { code, output } = await verify(file);
    expect(code).toBe(0);
    expect(output).toContain('language:   English (not recorded: signed before languages)');
    expect(output).toContain(`statement:  ${sheet.content.statement}`);
    // Adding a language afterwards is tampering: the hash no longer matches.
    fs.writeFileSync(file, JSON.stringify({ ...sheet, content: { ...sheet.content, language: 'de' } }));
    expect((await verify(file)).output).toContain('INVALID: content hash mismatch');
  });

  it("the site owner's calendar is written in the owner's language (Lille French), the team's stays English", () => {
    const site = byCode('LIL-006');
    const owner = readWithIcalJs(core.call('calendar.siteOwner', { siteId: site.id }).text).events[0]!;
    expect(owner.description).toContain('sur le site LIL-006 Lille Rue de Béthune.');
    expect(owner.description).toContain('Ce qui sera installé ou mis à jour\u00a0:');
    expect(owner.description).toMatch(/Techniciens\u00a0: /);
    expect(owner.description).not.toContain('Technicians:');
    const team = readWithIcalJs(core.call('calendar.deployment', { deploymentId: site.deploymentId }).text).events.find((e) =>
      e.summary.includes('LIL-006'),
    )!;
    expect(team.description).toContain('Technicians: ');
  });
});
