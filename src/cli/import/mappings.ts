// import_mappings: which source record became which record here, per target account, so re-runs skip it.
import type { Db } from '../../db/pool.ts';

export type Kind =
  | 'inbox'
  | 'agent'
  | 'team'
  | 'label'
  | 'custom_attribute'
  | 'canned_response'
  | 'contact'
  | 'contact_inbox'
  | 'conversation'
  | 'message';

export class Mappings {
  readonly #db: Db;
  readonly #accountId: number;
  readonly #source: string;
  readonly #cache = new Map<string, number>();

  constructor(db: Db, accountId: number, source: string) {
    this.#db = db;
    this.#accountId = accountId;
    this.#source = source;
  }

  /** Loads every mapping of a kind once (a phase reads it before copying). */
  async load(kind: Kind): Promise<void> {
    const rows = await this.#db
      .selectFrom('import_mappings')
      .select(['source_id', 'target_id'])
      .where('account_id', '=', this.#accountId)
      .where('source', '=', this.#source)
      .where('kind', '=', kind)
      .execute();
    for (const row of rows) this.#cache.set(`${kind}:${row.source_id}`, Number(row.target_id));
  }

  get(kind: Kind, sourceId: string | number | null | undefined): number | undefined {
    if (sourceId === null || sourceId === undefined) return undefined;
    return this.#cache.get(`${kind}:${sourceId}`);
  }

  /** In the transaction that created the record: the record and its mapping commit together or not at all. */
  async put(trx: Db, kind: Kind, sourceId: string | number, targetId: number): Promise<void> {
    await trx
      .insertInto('import_mappings')
      .values({
        account_id: this.#accountId,
        source: this.#source,
        kind,
        source_id: String(sourceId),
        target_id: targetId,
      })
      .onConflict((oc) =>
        oc.columns(['account_id', 'source', 'kind', 'source_id']).doUpdateSet({ target_id: targetId }),
      )
      .execute();
    this.#cache.set(`${kind}:${sourceId}`, targetId);
  }

  /** Many of one kind, a thousand per statement (PostgreSQL takes at most 65,535 parameters in one). */
  async putBatch(trx: Db, kind: Kind, pairs: [string | number, number][]): Promise<void> {
    for (let i = 0; i < pairs.length; i += 1000) await this.#insertBatch(trx, kind, pairs.slice(i, i + 1000));
  }

  async #insertBatch(trx: Db, kind: Kind, pairs: [string | number, number][]): Promise<void> {
    if (!pairs.length) return;
    await trx
      .insertInto('import_mappings')
      .values(
        pairs.map(([sourceId, targetId]) => ({
          account_id: this.#accountId,
          source: this.#source,
          kind,
          source_id: String(sourceId),
          target_id: targetId,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['account_id', 'source', 'kind', 'source_id'])
          .doUpdateSet((eb) => ({ target_id: eb.ref('excluded.target_id') })),
      )
      .execute();
    for (const [sourceId, targetId] of pairs) this.#cache.set(`${kind}:${sourceId}`, targetId);
  }
}

/** The account an earlier run of this source imported into, if any. */
export async function importedAccount(db: Db, source: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('import_mappings')
    .select('account_id')
    .where('source', '=', source)
    .where('kind', '=', 'account')
    .executeTakeFirst();
  return row ? Number(row.account_id) : undefined;
}

export async function rememberAccount(db: Db, accountId: number, source: string): Promise<void> {
  await db
    .insertInto('import_mappings')
    .values({ account_id: accountId, source, kind: 'account', source_id: source, target_id: accountId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
