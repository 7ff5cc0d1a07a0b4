import type pg from 'pg';

/** Undoes a failed seed: the account (its rows cascade) and the users who belonged to it alone. */
export async function removeSeededAccount(pool: pg.Pool, accountId: number): Promise<void> {
  await pool.query(
    `DELETE FROM users u WHERE EXISTS (SELECT 1 FROM account_users au WHERE au.user_id = u.id AND au.account_id = $1)
       AND NOT EXISTS (SELECT 1 FROM account_users au WHERE au.user_id = u.id AND au.account_id <> $1)`,
    [accountId],
  );
  await pool.query('DELETE FROM accounts WHERE id = $1', [accountId]);
}
