import { EventEmitter } from 'node:events';
import {
  PostgresDialect,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

const NOTIFY_STATEMENT = /^select pg_notify\(\$1, \$2\)$/i;

/**
 * Tells this process about every `pg_notify(channel, payload)` it committed, once the commit is done
 * (at once outside a transaction; dropped on rollback). Realtime transports other than LISTEN/NOTIFY
 * publish from here, so they never announce an event that a reader could not yet see.
 */
export class CommittedNotifications extends EventEmitter<{ notify: [channel: string, payload: string] }> {}

/**
 * What a statement notified: `SELECT pg_notify($1, $2)` by its parameters; a larger statement that calls
 * pg_notify (itself or through a function) reports what it sent as `notify_channel` and `notify_payload` columns.
 */
function notifications(query: CompiledQuery, rows: unknown[]): [string, string][] {
  if (NOTIFY_STATEMENT.test(query.sql)) return [query.parameters as [string, string]];
  return (rows as { notify_channel?: string; notify_payload?: string }[])
    .filter((row) => row.notify_channel && row.notify_payload)
    .map((row) => [row.notify_channel!, row.notify_payload!]);
}

class TappedConnection implements DatabaseConnection {
  readonly inner: DatabaseConnection;
  private readonly onNotify: (channel: string, payload: string) => void;
  inTransaction = false;
  pending: [string, string][] = [];

  constructor(inner: DatabaseConnection, onNotify: (channel: string, payload: string) => void) {
    this.inner = inner;
    this.onNotify = onNotify;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.inner.executeQuery<R>(query);
    if (!query.sql.includes('pg_notify(') && !query.sql.includes('notify_channel')) return result;
    for (const [channel, payload] of notifications(query, result.rows)) {
      if (this.inTransaction) this.pending.push([channel, payload]);
      else this.onNotify(channel, payload);
    }
    return result;
  }

  streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class TappedDriver implements Driver {
  private readonly inner: Driver;
  private readonly notifications: CommittedNotifications;

  constructor(inner: Driver, notifications: CommittedNotifications) {
    this.inner = inner;
    this.notifications = notifications;
  }

  init() {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    return new TappedConnection(await this.inner.acquireConnection(), (channel, payload) =>
      this.notifications.emit('notify', channel, payload),
    );
  }
  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    const tapped = connection as TappedConnection;
    await this.inner.beginTransaction(tapped.inner, settings);
    tapped.inTransaction = true;
    tapped.pending = [];
  }
  async commitTransaction(connection: DatabaseConnection) {
    const tapped = connection as TappedConnection;
    await this.inner.commitTransaction(tapped.inner);
    const committed = tapped.pending;
    tapped.inTransaction = false;
    tapped.pending = [];
    for (const [channel, payload] of committed) this.notifications.emit('notify', channel, payload);
  }
  async rollbackTransaction(connection: DatabaseConnection) {
    const tapped = connection as TappedConnection;
    tapped.inTransaction = false;
    tapped.pending = [];
    await this.inner.rollbackTransaction(tapped.inner);
  }
  savepoint(connection: DatabaseConnection, name: string, compile: Parameters<NonNullable<Driver['savepoint']>>[2]) {
    return this.inner.savepoint!((connection as TappedConnection).inner, name, compile);
  }
  rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['savepoint']>>[2],
  ) {
    return this.inner.rollbackToSavepoint!((connection as TappedConnection).inner, name, compile);
  }
  releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['savepoint']>>[2],
  ) {
    return this.inner.releaseSavepoint!((connection as TappedConnection).inner, name, compile);
  }
  releaseConnection(connection: DatabaseConnection) {
    return this.inner.releaseConnection((connection as TappedConnection).inner);
  }
  destroy() {
    return this.inner.destroy();
  }
}

/** A PostgreSQL dialect whose committed NOTIFYs are reported to `notifications`. */
export class TappedPostgresDialect extends PostgresDialect {
  private readonly notifications: CommittedNotifications;

  constructor(config: ConstructorParameters<typeof PostgresDialect>[0], notifications: CommittedNotifications) {
    super(config);
    this.notifications = notifications;
  }

  override createDriver(): Driver {
    return new TappedDriver(super.createDriver(), this.notifications);
  }
}
