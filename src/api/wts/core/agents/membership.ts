import type { MembershipAction } from '../../../../domain/teams/membership-sync.ts';
import type { MEMBERSHIP_ACTIONS } from './schema.ts';

/** WTS's `action` in the domain's words. */
export function membershipAction(action: (typeof MEMBERSHIP_ACTIONS)[number]): MembershipAction {
  return action === 'ReplaceAll' ? 'replace' : action === 'Upsert' ? 'add' : 'remove';
}
