import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { wtsFixture } from '../../../test/helpers/wts-fixture.ts';
import { AppError } from '../../errors.ts';
import { channelFor, contactFor, recipientOf } from './addresses.ts';

/** One resolution of `from`/`to` for message sends and chatbot dispatches. */
describe('recipientOf', () => {
  it('reads phone numbers in any formatting, emails and usernames with or without @', () => {
    expect(recipientOf('+55 (11) 98888-0001')).toEqual({ phone_number: '+5511988880001' });
    expect(recipientOf('5511988880001')).toEqual({ phone_number: '+5511988880001' });
    expect(recipientOf('Jane@Example.com')).toMatchObject({ email: expect.stringMatching(/^jane@example\.com$/i) });
    expect(recipientOf('@maria.shop')).toEqual({ username: 'maria.shop' });
    expect(recipientOf('maria.shop')).toEqual({ username: 'maria.shop' });
  });

  it('refuses what is none of them, naming to', () => {
    expect(() => recipientOf('  ')).toThrow(/to is required/);
    expect(() => recipientOf('+0 12')).toThrow(/to \+0 12 is not a valid phone number/);
    expect(() => recipientOf('jane@nowhere')).toThrow(/not a valid email address/);
  });
});

describe('contactFor and channelFor', async () => {
  const ctx = await createTestContext();
  const f = await wtsFixture(ctx, 'Addresses');
  const db = ctx.database.db;
  const inbox = await db.selectFrom('inboxes').selectAll().where('id', '=', f.inbox.id).executeTakeFirstOrThrow();

  it('creates an unknown username once and finds it again with or without @', async () => {
    const created = await contactFor(db, f.account.account_id, inbox, '@maria.shop');
    expect(created).toMatchObject({ identifier: 'maria.shop', name: '@maria.shop' });
    expect((await contactFor(db, f.account.account_id, inbox, 'maria.shop')).id).toBe(created.id);
    expect((await contactFor(db, f.account.account_id, inbox, ' @maria.shop ')).id).toBe(created.id);
  });

  it('finds the channel by id, name or number digits, and words an unknown one as the caller asks', async () => {
    expect((await channelFor(db, f.account.account_id, f.channelId)).id).toBe(inbox.id);
    expect((await channelFor(db, f.account.account_id, inbox.name.toUpperCase())).id).toBe(inbox.id);
    expect((await channelFor(db, f.account.account_id, undefined)).id).toBe(inbox.id);
    await expect(channelFor(db, f.account.account_id, 'nope')).rejects.toMatchObject({
      kind: 'validation',
      message: 'from nope is not a channel of this company',
      attributes: ['from'],
    });
    const worded = (from: string) => new AppError('not_found', `Choose channel: ${from}`, ['from']);
    await expect(channelFor(db, f.account.account_id, ' nope ', undefined, worded)).rejects.toMatchObject({
      kind: 'not_found',
      message: 'Choose channel: nope',
    });
    await expect(channelFor(db, f.account.account_id, f.channelId, [])).rejects.toThrow(
      /from is required|not a channel/,
    );
  });
});
