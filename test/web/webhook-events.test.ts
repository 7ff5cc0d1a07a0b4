import { expect, it } from 'vitest';
import { WEBHOOK_EVENTS } from '../../src/domain/webhooks/repository.ts';
import { WEBHOOK_EVENTS as DASHBOARD_EVENTS } from '../../web/dashboard/src/pages/settings/settings-types.ts';

// The dashboard is built apart from the server and cannot import its modules: its copy of the list must agree.
it('the dashboard offers exactly the webhook events the server accepts, in its order', () => {
  expect([...DASHBOARD_EVENTS]).toEqual([...WEBHOOK_EVENTS]);
});
