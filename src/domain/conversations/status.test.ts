import { describe, expect, it } from 'vitest';
import { coreStatusesForChatwoot, fromWtsStatus, toChatwootStatus, toWtsStatus } from './status.ts';

describe('conversation status mapping', () => {
  it('maps every core state to both dialects', () => {
    expect(toChatwootStatus('pending')).toBe('pending');
    expect(toChatwootStatus('open')).toBe('open');
    expect(toChatwootStatus('snoozed')).toBe('snoozed');
    expect(toChatwootStatus('resolved')).toBe('resolved');
    expect(toChatwootStatus('hidden')).toBe('resolved');
    expect(toWtsStatus('pending', false)).toBe('STARTED');
    expect(toWtsStatus('open', false)).toBe('PENDING');
    expect(toWtsStatus('open', true)).toBe('IN_PROGRESS');
    expect(toWtsStatus('snoozed', true)).toBe('PENDING');
    expect(toWtsStatus('resolved', true)).toBe('COMPLETED');
    expect(toWtsStatus('hidden', false)).toBe('HIDDEN');
  });

  it('round-trips WTS statuses through the core state', () => {
    for (const wts of ['STARTED', 'COMPLETED', 'HIDDEN'] as const)
      expect(toWtsStatus(fromWtsStatus(wts), false)).toBe(wts);
    expect(toWtsStatus(fromWtsStatus('IN_PROGRESS'), true)).toBe('IN_PROGRESS');
    expect(toWtsStatus(fromWtsStatus('PENDING'), false)).toBe('PENDING');
  });

  it('lets a Chatwoot resolved filter see hidden conversations', () => {
    expect(coreStatusesForChatwoot('resolved')).toEqual(['resolved', 'hidden']);
    expect(coreStatusesForChatwoot('open')).toEqual(['open']);
  });
});
