import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase } from '../../test/helpers/database.ts';
import { openDatabase } from './pool.ts';
import { StatementNames } from './prepared.ts';

const testDb = await createTestDatabase();
afterAll(() => testDb.drop());

describe('statement names', () => {
  it('names a statement from its third use on, the same name every time', () => {
    const names = new StatementNames();
    const text = 'select * from accounts where id = $1';
    expect([names.nameFor(text), names.nameFor(text)]).toEqual([undefined, undefined]);
    const name = names.nameFor(text);
    expect(name).toMatch(/^sb_[0-9a-f]{20}$/);
    expect(names.nameFor(text)).toBe(name);
  });

  it('leaves transaction control and settings unnamed, and stops naming at its cap', () => {
    const names = new StatementNames();
    for (const text of ['begin', 'commit', 'SET statement_timeout = 0', 'LISTEN x']) for (let i = 0; i < 5; i++) expect(names.nameFor(text)).toBeUndefined();
    const named = Array.from({ length: 250 }, (_, n) => [0, 1, 2].map(() => names.nameFor(`select ${n}`)).at(-1));
    expect(named.filter(Boolean)).toHaveLength(200);
  });
});

describe('a database handle', () => {
  const preparedOn = async (prepared: boolean) => {
    const database = openDatabase(testDb.url, { max: 1, prepared });
    try {
      for (let i = 0; i < 4; i++) await sql`select ${i}::int + 1 as n, 'prepared-probe' as probe`.execute(database.db);
      const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(database.db);
      return rows.some((r) => r.statement.includes('prepared-probe'));
    } finally {
      await database.close();
    }
  };

  it('prepares a frequent statement on its connection, unless told not to', async () => {
    expect(await preparedOn(true)).toBe(true);
    expect(await preparedOn(false)).toBe(false);
  });
});
