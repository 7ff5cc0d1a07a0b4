import { registerDeliveryPlanner } from './events/planners.ts';
import { planChatwootDeliveries } from './api/chatwoot/webhooks/fanout.ts';
import { planWtsDeliveries } from './api/wts/webhooks/fanout.ts';

/**
 * The composition of the dialects: what each adds to the layers below it (events know only the planner
 * interface). Imported for its effect by the app builder and by startWorkers, so any process that serves the
 * API or fans out events has both dialects' planners.
 */
registerDeliveryPlanner(planChatwootDeliveries);
registerDeliveryPlanner(planWtsDeliveries);
