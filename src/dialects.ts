import { registerDeliveryPlanner } from './events/planners.ts';
import { planChatwootDeliveries } from './api/chatwoot/webhooks/fanout.ts';
import { planWtsDeliveries } from './api/wts/webhooks/fanout.ts';
import { registerFrameRenderer } from './realtime/renderer.ts';
import { realtimeFrames, resyncFrame } from './api/chatwoot/realtime/payloads.ts';
import { loadEventContext } from './api/chatwoot/events/context.ts';
import { registerEventPayloadRenderer } from './domain/automation_rules/webhook-payload.ts';
import { chatwootEventPayload } from './api/chatwoot/webhooks/event-payload.ts';

/**
 * The composition of the dialects: what each adds to the layers below it (events know only the planner
 * interface). Imported for its effect by the app builder and by startWorkers, so any process that serves the
 * API or fans out events has both dialects' planners.
 */
registerDeliveryPlanner(planChatwootDeliveries);
registerDeliveryPlanner(planWtsDeliveries);
// The realtime socket speaks Chatwoot's ActionCable protocol (the only socket dialect).
registerFrameRenderer({
  async render(db, events, publicUrl) {
    const ctx = await loadEventContext(db, events);
    return events.map((event) => realtimeFrames(event, ctx, publicUrl));
  },
  resync: resyncFrame,
});
// Automation rules are Chatwoot's: send_webhook_event posts Chatwoot's webhook body.
registerEventPayloadRenderer(chatwootEventPayload);
