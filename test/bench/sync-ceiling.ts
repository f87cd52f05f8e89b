import pg from 'pg';

/**
 * The ceiling for the sync figures: the same rows written by plain multi-row INSERTs (1,000 rows per
 * statement, each statement its own transaction) into a table shaped like the server's `docs`
 * (same columns, primary key, partition index and foreign key), in the same database.
 */
export async function ceilingRowsPerS(
  databaseUrl: string,
  where: { entity: string; partition: string },
  rowsPerStatement = 1000,
): Promise<{ rows: number; rowsPerS: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ entity: string; row_id: string; partition: string; version: number; data: string }>(
      'SELECT entity, row_id, partition, version, data::text AS data FROM docs WHERE entity = $1 AND partition = $2 ORDER BY row_id',
      [where.entity, where.partition],
    );
    await client.query('DROP TABLE IF EXISTS bench_ceiling_docs');
    await client.query('CREATE TABLE bench_ceiling_docs (LIKE docs INCLUDING ALL)');
    await client.query('ALTER TABLE bench_ceiling_docs ADD FOREIGN KEY (partition) REFERENCES partitions(key)');
    const started = performance.now();
    for (let at = 0; at < rows.length; at += rowsPerStatement) {
      const batch = rows.slice(at, at + rowsPerStatement);
      const params: unknown[] = [];
      const values = batch.map((row) => {
        const n = params.push(row.entity, row.row_id, row.partition, row.version, row.data);
        return `($${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n}::jsonb)`;
      });
      await client.query(`INSERT INTO bench_ceiling_docs (entity, row_id, partition, version, data) VALUES ${values.join(', ')}`, params);
    }
    const seconds = (performance.now() - started) / 1000;
    await client.query('DROP TABLE bench_ceiling_docs');
    return { rows: rows.length, rowsPerS: rows.length / seconds };
  } finally {
    await client.end();
  }
}
