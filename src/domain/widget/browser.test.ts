import { describe, expect, it } from 'vitest';
import { browserInfo, MAX_USER_AGENT_LENGTH } from './browser.ts';

describe('browser facts from the User-Agent', () => {
  it('read a real User-Agent', () => {
    const ua =
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.71 Safari/537.36';
    expect(browserInfo(ua)).toEqual({
      browser_name: 'Chrome',
      browser_version: '120.0.6099.71',
      device_name: 'Unknown',
      platform_name: 'macOS',
      platform_version: '10.15.7',
    });
  });

  it('look only at the first 512 characters of an anonymous client’s header', () => {
    const padded = `Mozilla/5.0 (${'x'.repeat(MAX_USER_AGENT_LENGTH)}) Firefox/120.0`;
    expect(browserInfo(padded).browser_name).toBe('Unknown Browser');
    expect(browserInfo(`Version/${'1'.repeat(16_000)}`).browser_name).toBe('Unknown Browser');
  });
});
