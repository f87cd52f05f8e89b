// The desktop's row rules enforced by the server (issue #10, part 1): a scripted client holding a
// real technician token (not desktop code) tries the hostile moves of the issue, and a derived test
// breaks every declared constraint of every entity once; each is refused with a clear reason and
// nothing of it is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeTombstones } from '../../server/sync/retention';
import { SYNC_ENTITIES, syncEntity, type SyncEntityName } from '../../shared/sync/entity-registry';
import { allDeclaredRules, entityRules } from '../../shared/sync/row-rules';
import type { Operation, OperationResult, WireRow } from '../../shared/sync/wire';
import { SERVER_BACKENDS, startTestServer, type TestServer } from '../support/central-server';
import { breakingRows } from '../support/valid-rows';
import { expectAllApplied, op, PASSWORD, planOperations, sampleRow, signIn, type Device } from './sync-server-fixture';

const SIGNED_SHEET_COLUMNS = ['public_key', 'key_fingerprint', 'device_signature', 'content_hash', 'sheet_json'];
const rejected = (result: OperationResult | undefined) =>
  result?.status === 'rejected' ? `${result.code}: ${result.reason}` : result?.status;

describe.each(SERVER_BACKENDS)('sync row rules (%s)', (backend) => {
  let server: TestServer;
  let rita: Device;
  let tom: Device;
  let tina: Device;
  let tomsPhoto: string;
  let ritasPhoto: string;
  let counter = 0;
  const materialBlobs: string[] = [];
  // Surplus photos, one each in turn: the (item, photo) pair is UNIQUE, and every row names s1-surplus.
  const itemPhotoBlobs: string[] = [];
  let itemPhotoNext = 0;
  const fresh = (prefix: string) => `${prefix}-${++counter}`;

  beforeAll(async () => {
    server = await startTestServer({ backend });
    await server.createUser({ username: 'rita', role: 'release_manager', password: PASSWORD });
    await server.createUser({ username: 'tom', role: 'technician', password: PASSWORD });
    await server.createUser({ username: 'tina', role: 'technician', password: PASSWORD });
    rita = await signIn(server, 'rita');
    tom = await signIn(server, 'tom');
    tina = await signIn(server, 'tina');
    expectAllApplied(
      await rita.push(
        planOperations('d1', [
          { id: 's1', technicians: ['tom'] },
          { id: 's2', technicians: ['tina'] },
        ]),
      ),
    );
    tomsPhoto = await tom.putBlob(Buffer.from("tom's signature"));
    ritasPhoto = await rita.putBlob(Buffer.from("rita's signature"));
    expectAllApplied(await tom.push([op('issues', 'insert', sampleRow('issues', { id: 'base-issue', site_id: 's1', number: 1 }))]));
    expectAllApplied(
      await tom.push([op('training_sessions', 'insert', sampleRow('training_sessions', { id: 'base-training', site_id: 's1' }))]),
    );
    // A surplus item found at s1: photos are taken of surplus items only (shared/sync/row-rules.ts, parent rule).
    expectAllApplied(
      await tom.push([
        op(
          'inventory_items',
          'insert',
          sampleRow('inventory_items', { id: 's1-surplus', site_id: 's1', is_surplus: 1, state: 'received' }),
        ),
      ]),
    );
    for (let i = 0; i < 8; i++) materialBlobs.push(await rita.putBlob(Buffer.from(`training handout ${i}`)));
    for (let i = 0; i < 16; i++) itemPhotoBlobs.push(await rita.putBlob(Buffer.from(`surplus photo ${i}`)));
  }, 120_000);
  afterAll(async () => server?.stop());

  async function storedDoc(entity: string, rowId: string) {
    const rows = await server.db.query<{ partition: string; deleted: boolean; version: number }>(
      'SELECT partition, deleted, version FROM docs WHERE entity = $1 AND row_id = $2',
      [entity, rowId],
    );
    return rows[0];
  }

  describe('the hostile moves of the issue, from a technician token', () => {
    it('refuses a photo of an item on the expected list (photos are of surplus items), storing nothing', async () => {
      const sha = await tom.putBlob(Buffer.from('a photo of an expected switch'));
      const [result] = await tom.push([
        op(
          'inventory_item_photos',
          'insert',
          sampleRow('inventory_item_photos', { id: 'photo-of-expected', item_id: 's1-inv', sha256: sha }),
          { partition: 'site:s1' },
        ),
      ]);
      expect(rejected(result)).toBe(
        'constraint: inventory_item_photos photo-of-expected: Photos are taken of surplus items only: this item is on the expected list',
      );
      expect(await storedDoc('inventory_item_photos', 'photo-of-expected')).toBeUndefined();
      // The same photo of the surplus item is taken.
      expectAllApplied(
        await tom.push([
          op(
            'inventory_item_photos',
            'insert',
            sampleRow('inventory_item_photos', { id: 'photo-of-surplus', item_id: 's1-surplus', sha256: sha }),
            { partition: 'site:s1' },
          ),
        ]),
      );
    });

    it('refuses updating, rewriting or deleting a signed sign-off sheet', async () => {
      const sheet = sampleRow('sign_off_sheets', {
        id: 'sheet-t',
        deployment_id: 'd1',
        site_id: 's1',
        kind: 'site_complete',
        signature_image_sha256: tomsPhoto,
      });
      expectAllApplied(await tom.push([op('sign_off_sheets', 'insert', sheet)]));
      const results = await tom.push([
        op('sign_off_sheets', 'update', { id: 'sheet-t', decision: 'rejected' }, { partition: 'site:s1', baseVersion: 1 }),
        op('sign_off_sheets', 'update', { id: 'sheet-t', signer_name: 'Someone Else' }, { partition: 'site:s1', baseVersion: 1 }),
        op('sign_off_sheets', 'delete', { id: 'sheet-t' }, { partition: 'site:s1', baseVersion: 1 }),
      ]);
      expect(results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual(['immutable', 'immutable', 'immutable']);
      expect(rejected(results[2])).toMatch(/sign_off_sheets rows are immutable: they cannot be deleted/);
      expect(await storedDoc('sign_off_sheets', 'sheet-t')).toMatchObject({ deleted: false, version: 1 });
    });

    it('refuses deleting or changing a finished check run and an issue event', async () => {
      const run = sampleRow('check_runs', { id: 'run-t', site_id: 's1', finished_at: '2026-11-24T09:00:00Z' });
      const event = sampleRow('issue_events', { id: 'event-t', issue_id: 'base-issue', seq: 1 });
      expectAllApplied(await tom.push([op('check_runs', 'insert', run), op('issue_events', 'insert', event, { partition: 'site:s1' })]));
      const results = await tom.push([
        op('check_runs', 'delete', { id: 'run-t' }, { partition: 'site:s1', baseVersion: 1 }),
        op('check_runs', 'update', { id: 'run-t', outcome: 'error' }, { partition: 'site:s1', baseVersion: 1 }),
        op('issue_events', 'delete', { id: 'event-t' }, { partition: 'site:s1', baseVersion: 1 }),
      ]);
      expect(results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual(['immutable', 'append_only', 'immutable']);
      expect(rejected(results[0])).toMatch(/check_runs rows cannot be deleted once finished_at is set/);
      expect(await storedDoc('check_runs', 'run-t')).toMatchObject({ deleted: false, version: 1 });
      expect(await storedDoc('issue_events', 'event-t')).toMatchObject({ deleted: false, version: 1 });
    });

    it("refuses an issue with category 'other' or status 'bogus', and a sheet of kind 'site', naming column and rule", async () => {
      const results = await tom.push([
        op('issues', 'insert', sampleRow('issues', { id: 'i-other', site_id: 's1', number: 50, category: 'other' })),
        op('issues', 'insert', sampleRow('issues', { id: 'i-bogus', site_id: 's1', number: 51, status: 'bogus' })),
        op('issues', 'update', { id: 'base-issue', status: 'bogus' }, { partition: 'site:s1', baseVersion: 1 }),
        op(
          'sign_off_sheets',
          'insert',
          sampleRow('sign_off_sheets', {
            id: 'sheet-site',
            deployment_id: 'd1',
            site_id: 's1',
            kind: 'site',
            signature_image_sha256: tomsPhoto,
          }),
        ),
      ]);
      expect(results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
        'constraint',
        'constraint',
        'constraint',
        'constraint',
      ]);
      expect(rejected(results[0])).toMatch(/issues\.category must be one of hardware, .* \(got 'other'\)/);
      expect(rejected(results[1])).toMatch(/issues\.status must be one of open, .* \(got 'bogus'\)/);
      expect(rejected(results[2])).toMatch(/issues\.status must be one of/);
      expect(rejected(results[3])).toMatch(
        /sign_off_sheets\.kind must be one of core_components, site_complete, deployment_milestone \(got 'site'\)/,
      );
      for (const id of ['i-other', 'i-bogus']) expect(await storedDoc('issues', id)).toBeUndefined();
      expect(await storedDoc('sign_off_sheets', 'sheet-site')).toBeUndefined();
    });

    it('never lets a tombstoned id be inserted at another site, before and after tombstone retention', async () => {
      expectAllApplied(await tom.push([op('issues', 'insert', sampleRow('issues', { id: 'i-gone', site_id: 's1', number: 60 }))]));
      expectAllApplied(await tom.push([op('issues', 'delete', { id: 'i-gone' }, { partition: 'site:s1', baseVersion: 1 })]));
      const [again] = await tina.push([op('issues', 'insert', sampleRow('issues', { id: 'i-gone', site_id: 's2', number: 60 }))]);
      expect(again).toMatchObject({ status: 'rejected', code: 'id_taken', reason: expect.stringMatching(/was deleted in site:s1/) });
      // The tombstone stays in the first site's change log.
      const log = await tom.pullAll('site:s1');
      expect(log.changes.filter((c) => c.rowId === 'i-gone').at(-1)).toMatchObject({ deleted: true });
      expect(await storedDoc('issues', 'i-gone')).toMatchObject({ partition: 'site:s1', deleted: true });

      await purgeTombstones(server.db, { olderThanDays: 0 });
      expect(await storedDoc('issues', 'i-gone')).toBeUndefined();
      const [afterPurge] = await tina.push([op('issues', 'insert', sampleRow('issues', { id: 'i-gone', site_id: 's2', number: 60 }))]);
      expect(afterPurge).toMatchObject({ status: 'rejected', code: 'id_taken' });
      // At its own site the id may come back (an undo of the delete).
      expectAllApplied(await tom.push([op('issues', 'insert', sampleRow('issues', { id: 'i-gone', site_id: 's1', number: 60 }))]));
    });

    it('refuses a second evidence link with the same item, kind and target (UNIQUE), and an issue number taken at the site', async () => {
      const link = (id: string) =>
        op(
          'checklist_item_evidence',
          'insert',
          sampleRow('checklist_item_evidence', { id, item_id: 's1-chk', kind: 'check_run', ref_id: 'run-t' }),
          { partition: 'site:s1' },
        );
      const results = await tom.push([link('ev-1'), link('ev-2')]);
      expect(results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual(['applied', 'constraint']);
      const [later] = await tom.push([link('ev-3')]);
      expect(later).toMatchObject({
        status: 'rejected',
        code: 'constraint',
        reason: expect.stringMatching(/another row \(ev-1\) already has these item_id, kind, ref_id values/),
      });
      expectAllApplied(await tom.push([op('issues', 'insert', sampleRow('issues', { id: 'i-70', site_id: 's1', number: 70 }))]));
      const [renumber] = await tom.push([op('issues', 'update', { id: 'i-70', number: 1 }, { partition: 'site:s1', baseVersion: 1 })]);
      expect(renumber).toMatchObject({ status: 'rejected', code: 'constraint', reason: expect.stringMatching(/site_id, number/) });
    });
  });

  /** Where a row of each entity goes at site s1 / deployment d1, with its parents on the server. */
  function context(entity: SyncEntityName): WireRow {
    const id = fresh(entity);
    switch (entity) {
      case 'deployments':
        return { id };
      case 'sites':
        return { id, deployment_id: 'd1', code: id.toUpperCase(), technicians: '[]' };
      case 'checklist_template_items':
        return { id, template_id: 'd1-tpl' };
      case 'checklist_phases':
        return { site_id: 's1' };
      case 'checklist_item_evidence':
        return { id, item_id: 's1-chk', ref_id: id };
      case 'issues':
        return { id, site_id: 's1', number: 1000 + counter };
      case 'issue_events':
        return { id, issue_id: 'base-issue', seq: 1000 + counter };
      case 'issue_links':
        return { issue_id: 'base-issue', target_id: id };
      case 'issue_attachments':
        return { event_id: id, issue_id: 'base-issue', sha256: ritasPhoto };
      case 'sign_off_sheets':
        return { id, deployment_id: 'd1', site_id: 's1', kind: 'site_complete', signature_image_sha256: ritasPhoto };
      case 'sign_off_pdfs':
        return { sheet_id: 'sheet-t', sha256: ritasPhoto };
      case 'inventory_item_photos':
        return { id, item_id: 's1-surplus', sha256: itemPhotoBlobs[itemPhotoNext++ % itemPhotoBlobs.length]! };
      case 'training_attendees':
        return { id, session_id: 'base-training', position: counter };
      case 'training_materials':
        // The key is (session, attachment): each row names another uploaded handout.
        return { session_id: 'base-training', sha256: materialBlobs[counter % materialBlobs.length]!, name: id };
      default: {
        const columns = syncEntity(entity)!.columns;
        return { ...(columns.id ? { id } : {}), ...('site_id' in columns ? { site_id: 's1' } : { deployment_id: 'd1' }) };
      }
    }
  }

  function insertOf(entity: SyncEntityName, row: WireRow): Operation {
    const rule = syncEntity(entity)!.partition;
    return op(
      entity,
      'insert',
      row,
      rule.kind === 'parent' ? { partition: rule.parent === 'checklist_templates' ? 'deployment:d1' : 'site:s1' } : {},
    );
  }

  describe('every declared constraint of every entity, derived', () => {
    it('accepts a valid row of every entity from a release manager (the base the broken rows start from)', async () => {
      const results = await rita.push(SYNC_ENTITIES.map((e) => insertOf(e.name, sampleRow(e.name, context(e.name)))));
      // sign_off_pdfs names an existing sheet once; every other row is new.
      expect(results.map((r, i) => `${SYNC_ENTITIES[i]!.name}: ${r.status}`)).toEqual(SYNC_ENTITIES.map((e) => `${e.name}: applied`));
    });

    it('refuses a row breaking each CHECK of each entity, from the manager (constraint) and from a technician', async () => {
      const cases = allDeclaredRules().flatMap(({ entity, rule }) =>
        breakingRows(entity, rule, sampleRow(entity, context(entity))).map((broken) => ({
          entity,
          what: `${entity}: ${broken.what}`,
          row: broken.row,
        })),
      );
      expect(new Set(cases.map((c) => c.entity)).size).toBeGreaterThanOrEqual(12);
      const byManager = await rita.push(cases.map((c) => insertOf(c.entity, c.row)));
      expect(byManager.map((r, i) => `${cases[i]!.what}: ${r.status === 'rejected' ? r.code : r.status}`)).toEqual(
        cases.map((c) => `${c.what}: constraint`),
      );
      for (const [i, result] of byManager.entries()) {
        const column = (allDeclaredRules().find((d) => d.entity === cases[i]!.entity)?.rule as { column?: string }).column;
        expect(rejected(result), cases[i]!.what).toContain(cases[i]!.entity);
        if (column && cases[i]!.what.startsWith(`${cases[i]!.entity}: ${column}`)) expect(rejected(result)).toContain(column);
      }
      const byTechnician = await tom.push(cases.map((c) => insertOf(c.entity, c.row)));
      expect(byTechnician.filter((r) => r.status !== 'rejected')).toEqual([]);
      // The same rules on an update of a stored row: the merged row is checked.
      for (const c of cases.filter((u) => ['issues', 'inventory_items', 'target_machines', 'sites'].includes(u.entity))) {
        const changed = Object.fromEntries(
          Object.entries(c.row).filter(([column]) =>
            [
              'status',
              'category',
              'severity',
              'blocks_sign_off',
              'escalation_level',
              'state',
              'port',
              'impact',
              'impact_started_at',
              'impact_ended_at',
              'impact_users_affected',
              'notes',
              'language',
            ].includes(column),
          ),
        );
        const target =
          c.entity === 'issues' ? 'base-issue' : c.entity === 'sites' ? 's1' : c.entity === 'inventory_items' ? 's1-inv' : 's1-tm';
        const [result] = await rita.push([op(c.entity, 'update', { id: target, ...changed }, { partition: 'site:s1', baseVersion: 1 })]);
        expect(result, c.what).toMatchObject({ status: 'rejected', code: 'constraint' });
      }
    });

    it('refuses a null in each NOT NULL column of each entity', async () => {
      const cases = SYNC_ENTITIES.flatMap((e) =>
        Object.entries(e.columns)
          // The fixture signs sample sheets, filling their key columns (refused unsigned by the signing-key check).
          .filter(([column, type]) => !type.endsWith('?') && !(e.name === 'sign_off_sheets' && SIGNED_SHEET_COLUMNS.includes(column)))
          .map(([column]) => ({ entity: e.name, column, row: { ...sampleRow(e.name, context(e.name)), [column]: null } })),
      );
      const results = await rita.push(cases.map((c) => insertOf(c.entity, c.row)));
      for (const [i, result] of results.entries()) {
        expect(result, `${cases[i]!.entity}.${cases[i]!.column}`).toMatchObject({
          status: 'rejected',
          reason: expect.stringContaining(cases[i]!.column),
        });
      }
    });

    it('refuses an update and a delete of every row the desktop keeps immutable or append-only, and a second row of every UNIQUE group', async () => {
      const frozen = SYNC_ENTITIES.filter((e) => entityRules(e.name)!.noUpdate || entityRules(e.name)!.noDelete || e.appendOnly);
      expect(frozen.length).toBeGreaterThanOrEqual(9);
      for (const entity of frozen) {
        const rules = entityRules(entity.name)!;
        const freeze = rules.noUpdate ?? rules.noDelete;
        // A check run not yet finished: still append-only for the server (desktops never remove a pulled append-only row).
        const row = sampleRow(entity.name, {
          ...context(entity.name),
          ...(freeze?.when === 'when_set' ? { [freeze.column]: entity.name === 'check_runs' ? null : 'x' } : {}),
        });
        if (entity.name === 'sign_off_pdfs') Object.assign(row, { sheet_id: fresh('sheet') });
        const setup =
          entity.name === 'sign_off_pdfs'
            ? [insertOf('sign_off_sheets', sampleRow('sign_off_sheets', { ...context('sign_off_sheets'), id: row.sheet_id ?? null }))]
            : [];
        expectAllApplied(await rita.push([...setup, insertOf(entity.name, row)]));
        const inserted = insertOf(entity.name, row);
        const column = Object.keys(entity.columns).find((c) => !entity.key.includes(c))!;
        const attempts = [
          ...(rules.noUpdate || entity.appendOnly
            ? [
                op(
                  entity.name,
                  'update',
                  { ...Object.fromEntries(entity.key.map((k) => [k, row[k] ?? null])), [column]: 'changed' },
                  { partition: inserted.partition, baseVersion: 1 },
                ),
              ]
            : []),
          ...(rules.noDelete || entity.appendOnly
            ? [
                op(entity.name, 'delete', Object.fromEntries(entity.key.map((k) => [k, row[k] ?? null])), {
                  partition: inserted.partition,
                  baseVersion: 1,
                }),
              ]
            : []),
        ];
        const results = await rita.push(attempts);
        for (const [i, result] of results.entries()) {
          expect(result, `${entity.name} ${attempts[i]!.kind}`).toMatchObject({
            status: 'rejected',
            code: expect.stringMatching(/^(immutable|append_only|invalid)$/),
          });
        }
        expect(await storedDoc(entity.name, inserted.rowId)).toMatchObject({ deleted: false, version: 1 });
      }
      for (const entity of SYNC_ENTITIES.filter((e) => entityRules(e.name)!.unique)) {
        for (const columns of entityRules(entity.name)!.unique!) {
          const first = sampleRow(entity.name, context(entity.name));
          const second = {
            ...sampleRow(entity.name, context(entity.name)),
            ...Object.fromEntries(columns.map((c) => [c, first[c] ?? null])),
          };
          const results = await rita.push([insertOf(entity.name, first), insertOf(entity.name, second)]);
          expect(results[0], entity.name).toMatchObject({ status: 'applied' });
          // Numbered groups (issue number, event seq) give the second row the next free number instead.
          const renumbered = results[1]?.status === 'applied' && results[1].overwrote?.some((o) => columns.includes(o.column));
          if (!renumbered)
            expect(results[1], `${entity.name} ${columns.join(',')}`).toMatchObject({ status: 'rejected', code: 'constraint' });
        }
      }
    });
  });
});
