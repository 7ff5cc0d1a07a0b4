import type { Db } from '../../db/pool.ts';
import { notFound, validation } from '../../errors.ts';
import { inTransaction } from '../../db/transaction.ts';

/** A portfolio's owner: an agent (user) or a department (team), at most one. */
export interface PortfolioInput {
  name?: string;
  userId?: number | null;
  teamId?: number | null;
}

function checkOwner(input: PortfolioInput): void {
  if (input.userId && input.teamId)
    throw validation('A portfolio has one owner: a userId or a departmentId, not both', ['userId', 'departmentId']);
}

function cleanName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  if (!name.trim()) throw validation("name can't be blank", ['name']);
  return name.trim();
}

export async function createPortfolio(
  db: Db,
  accountId: number,
  input: PortfolioInput & { name: string },
): Promise<string> {
  checkOwner(input);
  const row = await db
    .insertInto('portfolios')
    .values({
      account_id: accountId,
      name: cleanName(input.name)!,
      user_id: input.userId ?? null,
      team_id: input.teamId ?? null,
    })
    .returning('uuid')
    .executeTakeFirstOrThrow();
  return row.uuid;
}

/** Changes the fields given; giving an owner of one kind clears the other (one owner at a time). */
export async function updatePortfolio(db: Db, accountId: number, id: number, input: PortfolioInput): Promise<void> {
  checkOwner(input);
  const owner = input.userId
    ? { user_id: input.userId, team_id: null }
    : input.teamId
      ? { team_id: input.teamId, user_id: null }
      : {};
  const cleared = input.userId === null ? { user_id: null } : {};
  const clearedTeam = input.teamId === null ? { team_id: null } : {};
  const name = cleanName(input.name);
  await db
    .updateTable('portfolios')
    .set({ ...(name === undefined ? {} : { name }), ...cleared, ...clearedTeam, ...owner, updated_at: new Date() })
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

export async function deletePortfolio(db: Db, accountId: number, id: number): Promise<void> {
  const { numDeletedRows } = await db
    .deleteFrom('portfolios')
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!numDeletedRows) throw notFound('Portfolio');
}

/** Puts contacts in the portfolio, moving any that were in another one (a contact has one owner). */
export async function addPortfolioContacts(
  db: Db,
  accountId: number,
  portfolioId: number,
  contactIds: number[],
): Promise<void> {
  if (!contactIds.length) return;
  await inTransaction(db, (trx) =>
    trx
      .insertInto('portfolio_contacts')
      .values(
        contactIds.map((contactId) => ({ account_id: accountId, portfolio_id: portfolioId, contact_id: contactId })),
      )
      .onConflict((oc) =>
        oc.columns(['account_id', 'contact_id']).doUpdateSet({ portfolio_id: portfolioId, updated_at: new Date() }),
      )
      .execute(),
  );
}

/** Takes contacts out of the portfolio; answers how many were in it. */
export async function removePortfolioContacts(
  db: Db,
  accountId: number,
  portfolioId: number,
  contactIds: number[],
): Promise<number> {
  if (!contactIds.length) return 0;
  const { numDeletedRows } = await db
    .deleteFrom('portfolio_contacts')
    .where('account_id', '=', accountId)
    .where('portfolio_id', '=', portfolioId)
    .where('contact_id', 'in', contactIds)
    .executeTakeFirst();
  return Number(numDeletedRows);
}

/**
 * The portfolio a contact write names, by public id or by name (`null`: none, taking the contact out of its
 * portfolio). A contact belongs to one portfolio at a time, so naming two is refused, as is any name or id
 * that is not one of the account's portfolios. `field` is the name the caller's clients know the list by.
 */
export async function portfolioNamed(
  db: Db,
  accountId: number,
  ref: { ids?: string[]; names?: string[] },
  field: { ids: string; names: string },
): Promise<number | null> {
  const ids = [...new Set((ref.ids ?? []).map((id) => id.trim().toLowerCase()).filter(Boolean))];
  const names = [...new Set((ref.names ?? []).map((name) => name.trim()).filter(Boolean))];
  if (!ids.length && !names.length) return null;
  const rows = await db
    .selectFrom('portfolios')
    .select(['id', 'uuid', 'name'])
    .where('account_id', '=', accountId)
    .where((eb) =>
      eb.or([
        ...(ids.length ? [eb(eb.cast('uuid', 'text'), 'in', ids)] : []),
        ...(names.length
          ? [
              eb(
                eb.fn('lower', ['name']),
                'in',
                names.map((n) => n.toLowerCase()),
              ),
            ]
          : []),
      ]),
    )
    .execute();
  const missingId = ids.find((id) => !rows.some((r) => r.uuid === id));
  if (missingId) throw validation(`${field.ids} ${missingId} is not a portfolio of this company`, [field.ids]);
  const missingName = names.find((name) => !rows.some((r) => r.name.toLowerCase() === name.toLowerCase()));
  if (missingName) throw validation(`${field.names} ${missingName} is not a portfolio of this company`, [field.names]);
  const distinct = [...new Set(rows.map((r) => r.id))];
  if (distinct.length > 1)
    throw validation(`A contact belongs to one portfolio: ${field.ids} and ${field.names} name ${distinct.length}`, [
      ids.length ? field.ids : field.names,
    ]);
  return distinct[0];
}

/** Puts the contact in the portfolio (moving it from any other), or, with `null`, takes it out of its portfolio. */
export async function setContactPortfolio(
  db: Db,
  accountId: number,
  contactId: number,
  portfolioId: number | null,
): Promise<void> {
  if (portfolioId === null) {
    await db
      .deleteFrom('portfolio_contacts')
      .where('account_id', '=', accountId)
      .where('contact_id', '=', contactId)
      .execute();
    return;
  }
  await addPortfolioContacts(db, accountId, portfolioId, [contactId]);
}
