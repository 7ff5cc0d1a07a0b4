import { describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.ts';
import { wtsFixture } from '../helpers/wts-fixture.ts';

/** Attribute merges read what they write over: concurrent updates of different keys all land. */
const ctx = await createTestContext();
const f = await wtsFixture(ctx, 'Acme');
const keys = Array.from({ length: 12 }, (_, i) => `k${i}`);

describe('concurrent attribute merges', () => {
  it('keeps every key of concurrent contact custom-attribute updates (Chatwoot dialect)', async () => {
    const results = await Promise.all(
      keys.map((key, i) => f.api.put(`${f.base}/contacts/${f.contact.id}`, { custom_attributes: { [key]: i } })),
    );
    expect(results.map((r) => r.status)).toEqual(keys.map(() => 200));
    const stored = await ctx.database.db
      .selectFrom('contacts')
      .select('custom_attributes')
      .where('id', '=', f.contact.id)
      .executeTakeFirstOrThrow();
    expect(Object.keys(stored.custom_attributes).sort()).toEqual([...keys].sort());
  });

  it('keeps every key of concurrent session metadata updates (WTS dialect)', async () => {
    const session = await f.openSession();
    const results = await Promise.all(
      keys.map((key, i) =>
        f.wts.put(`/chat/v2/session/${session.id}/partial`, { fields: ['Metadata'], metadata: { [key]: String(i) } }),
      ),
    );
    expect(
      results.map((r) => r.status),
      results.map((r) => r.text).join('\n'),
    ).toEqual(keys.map(() => 200));
    const stored = await ctx.database.db
      .selectFrom('conversations')
      .select('custom_attributes')
      .where('uuid', '=', session.id)
      .executeTakeFirstOrThrow();
    expect(Object.keys(stored.custom_attributes as object).sort()).toEqual([...keys].sort());
  });
});
