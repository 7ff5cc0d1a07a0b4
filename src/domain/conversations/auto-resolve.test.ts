import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { conversationFixture } from '../../../test/helpers/fixtures.ts';
import { inactivityText, resolveInactiveConversations } from './auto-resolve.ts';

const ctx = await createTestContext();
const db = ctx.database.db;
const quiet = await conversationFixture(ctx, 'Quiet');
const other = await conversationFixture(ctx, 'Other');

async function ageConversation(accountId: number, displayId: number, minutesAgo: number) {
  await db
    .updateTable('conversations')
    .set({ last_activity_at: new Date(Date.now() - minutesAgo * 60_000) })
    .where('account_id', '=', accountId)
    .where('display_id', '=', displayId)
    .execute();
}

describe('auto-resolve (the account setting Chatwoot calls auto_resolve_after)', () => {
  it('resolves open conversations idle longer than the setting, says why, and fires the usual events; others stay', async () => {
    expect((await quiet.api.patch(`${quiet.base}`, { auto_resolve_after: 60 })).status).toBe(200);
    const idle = await quiet.openConversation();
    const recent = await quiet.openConversation();
    const elsewhere = await other.openConversation(); // its account has no auto-resolve
    await ageConversation(quiet.account.account_id, idle.id, 61);
    await ageConversation(quiet.account.account_id, recent.id, 30);
    await ageConversation(other.account.account_id, elsewhere.id, 10_000);

    expect(await resolveInactiveConversations(db)).toBe(1);
    const shown = (id: number, f = quiet) => f.api.get(`${f.base}/conversations/${id}`).then((r) => r.body.status);
    expect(await shown(idle.id)).toBe('resolved');
    expect(await shown(recent.id)).toBe('open');
    expect(await shown(elsewhere.id, other)).toBe('open');
    const messages = (await quiet.api.get(`${quiet.base}/conversations/${idle.id}/messages`)).body.payload;
    expect(messages.at(-1)).toMatchObject({
      message_type: 2,
      content: 'Conversation was marked resolved by system due to 1 hour of inactivity',
    });
    const events = await db
      .selectFrom('events')
      .select('name')
      .where('account_id', '=', quiet.account.account_id)
      .where('name', '=', 'conversation.status_changed')
      .execute();
    expect(events.length).toBeGreaterThan(0);
    // nothing left to do: a second pass resolves nothing
    expect(await resolveInactiveConversations(db)).toBe(0);
  });

  it('names the inactivity in the largest whole unit', () => {
    expect(inactivityText(1440 * 3)).toBe('3 days');
    expect(inactivityText(120)).toBe('2 hours');
    expect(inactivityText(45)).toBe('45 minutes');
    expect(inactivityText(1)).toBe('1 minute');
  });
});
