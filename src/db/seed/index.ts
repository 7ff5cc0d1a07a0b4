// Bulk-loads a realistic dataset into one account: plan in memory, COPY the contacts, contact inboxes,
// conversations and messages, then compute every aggregate in SQL and analyze.
import os from 'node:os';
import pg from 'pg';
import { checkReferences, computeAggregates } from './aggregates.ts';
import { copyRows } from './copy.ts';
import { buildPlan, type SeedSize } from './plan.ts';
import { silentProgress, type Progress } from './progress.ts';
import {
  CONTACT_COLUMNS,
  CONTACT_INBOX_COLUMNS,
  CONVERSATION_COLUMNS,
  MESSAGE_COLUMNS,
  contactInboxRows,
  contactRows,
  conversationRows,
  messageRows,
  type Ids,
} from './rows.ts';
import { insertSetupRows, reserveIds } from './setup.ts';
import { RARE_TOKENS } from './vocabulary.ts';

export { RARE_TOKENS } from './vocabulary.ts';
export { LONG_CONVERSATION_MESSAGES } from './plan.ts';

export interface SeedOptions extends SeedSize {
  /** The account to fill; it should have no conversations of its own yet (display ids follow its last_display_id). */
  accountId: number;
  /** Parallel COPY streams for messages. Default: the number of cores, at most 4. */
  jobs?: number;
  /**
   * 'auto' (default): skip foreign-key triggers during COPY when the role may (superuser), then check every
   * reference in bulk; true: keep them; false: require skipping them.
   */
  foreignKeyChecks?: boolean | 'auto';
  progress?: Progress;
}

export interface SeedResult {
  accountId: number;
  rows: { agents: number; contacts: number; contactInboxes: number; conversations: number; messages: number };
  totalRows: number;
  ms: number;
  rowsPerSecond: number;
  phases: { name: string; ms: number }[];
  foreignKeyChecks: boolean;
  jobs: number;
  /** Display ids of the longest conversations, longest first. */
  longestConversations: { displayId: number; messages: number }[];
  rareTokens: { token: string; messages: number }[];
}

async function skipForeignKeyChecks(client: pg.ClientBase): Promise<boolean> {
  try {
    await client.query('SET session_replication_role = replica');
    return true;
  } catch {
    return false;
  }
}

export async function seedAccount(url: string, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const progress = options.progress ?? silentProgress;
  const jobs = Math.max(1, options.jobs ?? Math.min(4, os.availableParallelism()));
  const phases: SeedResult['phases'] = [];
  const timed = async <T>(name: string, total: number, work: (add: (n: number) => void) => Promise<T>): Promise<T> => {
    const t = performance.now();
    const phase = progress.start(name, total);
    try {
      return await work((n) => phase.add(n));
    } finally {
      phase.end();
      phases.push({ name, ms: performance.now() - t });
    }
  };

  const plan = await timed('plan', options.messages, async (add) => {
    const result = buildPlan(options);
    add(options.messages);
    return result;
  });
  const pool = new pg.Pool({ connectionString: url, max: jobs + 1 });
  pool.on('error', () => {});
  try {
    const main = await pool.connect();
    let checksOff = false;
    let ids: Ids;
    try {
      await main.query('SET synchronous_commit = off');
      const account = await main.query<{ last_display_id: string }>(
        'SELECT last_display_id FROM accounts WHERE id = $1',
        [options.accountId],
      );
      if (!account.rowCount) throw new Error(`account ${options.accountId} does not exist`);
      ids = await timed('setup', 4, async (add) => {
        const setup = await insertSetupRows(main, options.accountId, plan.agents, plan.seed);
        add(1);
        const contacts = await reserveIds(main, 'contacts', plan.contacts.count);
        add(1);
        const contactInboxes = await reserveIds(main, 'contact_inboxes', plan.contactInboxes.count);
        add(1);
        const conversations = await reserveIds(main, 'conversations', plan.conversations.count);
        add(1);
        return {
          accountId: options.accountId,
          ...setup,
          contacts,
          contactInboxes,
          conversations,
          firstDisplayId: Number(account.rows[0].last_display_id) + 1,
        };
      });
      if (options.foreignKeyChecks !== true) checksOff = await skipForeignKeyChecks(main);
      if (options.foreignKeyChecks === false && !checksOff)
        throw new Error('this database role may not skip foreign-key checks');
    } finally {
      main.release();
    }

    // Contacts, contact inboxes and conversations reference each other: one after another while the
    // foreign keys are checked, side by side when they are not.
    const parents = plan.contacts.count + plan.contactInboxes.count + plan.conversations.count;
    await timed('contacts+convs', parents, async (add) => {
      const loads: [string, readonly string[], () => Iterable<string>][] = [
        ['contacts', CONTACT_COLUMNS, () => contactRows(plan, ids)],
        ['contact_inboxes', CONTACT_INBOX_COLUMNS, () => contactInboxRows(plan, ids)],
        ['conversations', CONVERSATION_COLUMNS, () => conversationRows(plan, ids)],
      ];
      const load = async ([table, columns, rows]: (typeof loads)[number]) => {
        const client = await pool.connect();
        try {
          if (checksOff) await skipForeignKeyChecks(client);
          await copyRows(client, table, columns, rows(), add);
        } finally {
          client.release();
        }
      };
      if (checksOff) await Promise.all(loads.map(load));
      else for (const each of loads) await load(each);
    });

    await timed('messages', plan.messages.count, (add) =>
      Promise.all(
        Array.from({ length: jobs }, async (_, job) => {
          const client = await pool.connect();
          try {
            await client.query('SET synchronous_commit = off');
            if (checksOff) await skipForeignKeyChecks(client);
            await copyRows(client, 'messages', MESSAGE_COLUMNS, messageRows(plan, ids, job, jobs), add);
          } finally {
            client.release();
          }
        }),
      ),
    );

    await timed('aggregates', 1, async (add) => {
      const client = await pool.connect();
      try {
        // Fresh statistics first: planned on empty-table estimates, the aggregate joins run as nested loops for hours.
        await client.query('ANALYZE contacts, contact_inboxes, conversations, messages');
        await client.query('BEGIN');
        await computeAggregates(client, options.accountId);
        await client.query('COMMIT');
        add(1);
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    });
    if (checksOff)
      await timed('check references', 1, async (add) => {
        const client = await pool.connect();
        try {
          await checkReferences(client, options.accountId);
          add(1);
        } finally {
          client.release();
        }
      });
    await timed('vacuum analyze', 1, async (add) => {
      await pool.query('VACUUM (ANALYZE) contacts, contact_inboxes, conversations, messages');
      add(1);
    });

    const lengths = plan.conversations.messageCount;
    const longest = Array.from(lengths.keys())
      .sort((a, b) => lengths[b] - lengths[a])
      .slice(0, 5);
    const rareCounts = new Array<number>(RARE_TOKENS.length).fill(0);
    for (let m = 0; m < plan.messages.count; m++) if (plan.messages.rare[m]) rareCounts[plan.messages.rare[m] - 1]++;
    const rows = {
      agents: plan.agents,
      contacts: plan.contacts.count,
      contactInboxes: plan.contactInboxes.count,
      conversations: plan.conversations.count,
      messages: plan.messages.count,
    };
    const totalRows = rows.contacts + rows.contactInboxes + rows.conversations + rows.messages;
    const ms = performance.now() - started;
    return {
      accountId: options.accountId,
      rows,
      totalRows,
      ms,
      rowsPerSecond: totalRows / (ms / 1000),
      phases,
      foreignKeyChecks: !checksOff,
      jobs,
      longestConversations: longest.map((i) => ({ displayId: ids.firstDisplayId + i, messages: lengths[i] })),
      rareTokens: RARE_TOKENS.map(({ token }, t) => ({ token, messages: rareCounts[t] })),
    };
  } finally {
    await pool.end();
  }
}
