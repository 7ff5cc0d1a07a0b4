import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, isPrivateAddress } from './ssrf.ts';

describe('the SSRF guard', () => {
  const privateSpellings = [
    '127.0.0.1',
    '10.1.2.3',
    '169.254.169.254',
    '::',
    '::1',
    'fe80::1%eth0',
    'fc00::1',
    'fec0::1',
    // IPv4 embedded in IPv6: compatible, mapped (hex and dotted), translated, NAT64, 6to4
    '::7f00:1',
    '::127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:127.0.0.1',
    '::ffff:0:7f00:1',
    '::ffff:0:10.0.0.1',
    '64:ff9b::7f00:1',
    '64:ff9b::a9fe:a9fe',
    '2002:7f00:1::',
    '2002:a9fe:a9fe:1::5',
    '0:0:0:0:0:ffff:c0a8:101',
    // forms whose IPv4 address cannot be judged from the address: local-use NAT64, Teredo
    '64:ff9b:1::7f00:1',
    '64:ff9b:1:abcd::',
    '2001:0:4136:e378:8000:63bf:3fff:fdd2',
  ];

  it.each(privateSpellings)('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '203.0.113.9',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::',
    '2a00:1450:4001::200e',
  ])('lets public %s through', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  it.each([
    'http://[::7f00:1]/',
    'http://[::ffff:0:7f00:1]/',
    'http://[64:ff9b::7f00:1]:8080/x',
    'http://[2002:7f00:1::]/',
    'http://[::ffff:127.0.0.1]/',
    'http://2130706433/',
    'http://0x7f.1/',
  ])('refuses the URL %s before anything is sent', async (url) => {
    await expect(checkWebhookUrl(url, false)).rejects.toMatchObject({
      kind: 'validation',
      message: 'Url points to a private or loopback network',
      attributes: ['url'],
    });
  });

  it('names the field it checked in its message', async () => {
    await expect(checkWebhookUrl('http://[::1]/', false, 'channel.webhook_url')).rejects.toMatchObject({
      message: 'Webhook url points to a private or loopback network',
      attributes: ['channel.webhook_url'],
    });
    await expect(checkWebhookUrl('http://[::1]/', true, 'outgoing_url')).resolves.toBeInstanceOf(URL);
  });
});
