import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase } from '../../test/helpers/database.ts';
import { openDatabase } from './pool.ts';
import { StatementNames } from './prepared.ts';
import { translateError } from '../errors.ts';

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
    for (const text of ['begin', 'commit', 'SET statement_timeout = 0', 'LISTEN x'])
      for (let i = 0; i < 5; i++) expect(names.nameFor(text)).toBeUndefined();
    const named = Array.from({ length: 250 }, (_, n) => [0, 1, 2].map(() => names.nameFor(`select ${n}`)).at(-1));
    expect(named.filter(Boolean)).toHaveLength(200);
  });
});

describe('a database handle', () => {
  const preparedOn = async (prepared: boolean) => {
    const database = openDatabase(testDb.url, { max: 1, prepared });
    try {
      for (let i = 0; i < 4; i++) await sql`select ${i}::int + 1 as n, 'prepared-probe' as probe`.execute(database.db);
      const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(
        database.db,
      );
      return rows.some((r) => r.statement.includes('prepared-probe'));
    } finally {
      await database.close();
    }
  };

  it('prepares a frequent statement on its connection, unless told not to', async () => {
    expect(await preparedOn(true)).toBe(true);
    expect(await preparedOn(false)).toBe(false);
  });

  it('runs a prepared statement again after its table changed shape (a migration from a newer process)', async () => {
    const database = openDatabase(testDb.url, { max: 1 });
    try {
      await sql`create table shape_probe (id int)`.execute(database.db);
      await sql`insert into shape_probe values (1)`.execute(database.db);
      const read = (db = database.db) =>
        db
          .selectFrom('shape_probe' as never)
          .selectAll()
          .execute() as Promise<Record<string, unknown>[]>;
      for (let i = 0; i < 4; i++) await read();
      await sql`alter table shape_probe add column note text default 'new'`.execute(database.db);
      expect(await read()).toEqual([{ id: 1, note: 'new' }]);
      // Inside a transaction the refusal stands (as a 503 to the caller); the next use is prepared afresh.
      await sql`alter table shape_probe add column extra int default 2`.execute(database.db);
      const refused = await database.db
        .transaction()
        .execute((trx) => read(trx))
        .catch((error: unknown) => error);
      expect(String(refused)).toMatch(/cached plan must not change result type/);
      expect(translateError(refused)).toMatchObject({ kind: 'unavailable' });
      expect(await read()).toEqual([{ id: 1, note: 'new', extra: 2 }]);
    } finally {
      await database.close();
    }
  });
});
