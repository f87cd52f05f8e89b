import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/architecture.md, data access: a core file reads and writes through drizzle or through raw
 * SQL, never both, so a reader finds one way per concern. This walks core/ (tests aside) and lists
 * the files that import drizzle-orm and also prepare or execute SQL by hand.
 */

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const usesDrizzle = (text: string) =>
  /from 'drizzle-orm(\/[a-z-]+)*'/.test(text) && /\bctx\.db\b|\bdb\s*\.\s*(select|insert|update|delete)\b/.test(text);
const usesRawSql = (text: string) => /\.prepare\(|\bcachedStatement(For)?\(|\.exec\(`/.test(text);

describe('data access rule', () => {
  it('no core file uses both drizzle and hand-written statements', () => {
    const files = sourceFiles(path.resolve('core'));
    expect(files.length).toBeGreaterThan(100);
    const mixed = files.filter((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return usesDrizzle(text) && usesRawSql(text);
    });
    expect(mixed.map((f) => path.relative(process.cwd(), f))).toEqual([]);
  });

  it('tells the two apart', () => {
    const drizzle = "import { eq } from 'drizzle-orm';\nctx.db.select().from(t).get();";
    const raw = "ctx.sqlite.prepare('SELECT 1').get();";
    expect([usesDrizzle(drizzle), usesRawSql(drizzle)]).toEqual([true, false]);
    expect([usesDrizzle(raw), usesRawSql(raw)]).toEqual([false, true]);
  });
});
