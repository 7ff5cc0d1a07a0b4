import { expect, it } from 'vitest';
import { redactChannelSecrets } from './channels.routes.ts';

it('keeps bot tokens in webhook paths out of logs', () => {
  expect(redactChannelSecrets('/webhooks/telegram/123:AAsecret')).toBe('/webhooks/telegram/[redacted]');
  expect(redactChannelSecrets('/webhooks/telegram/123:AAsecret?x=1')).toBe('/webhooks/telegram/[redacted]?x=1');
  expect(redactChannelSecrets('/api/v1/accounts/1/inboxes')).toBe('/api/v1/accounts/1/inboxes');
});
