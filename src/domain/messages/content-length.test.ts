import { describe, expect, it } from 'vitest';
import { MAX_CONTENT_LENGTH, validateMessage } from './commands.ts';

describe('message content length', () => {
  const message = (content: string) => ({ content }) as Parameters<typeof validateMessage>[0];

  it('counts characters as Chatwoot does (code points): 150,000 emoji are 150,000 characters', () => {
    expect(() => validateMessage(message('😀'.repeat(MAX_CONTENT_LENGTH)))).not.toThrow();
  });

  it('refuses one character more, naming the field', () => {
    expect(() => validateMessage(message('a'.repeat(MAX_CONTENT_LENGTH + 1)))).toThrow(
      /Content is too long \(maximum is 150000 characters\)/,
    );
    expect(() => validateMessage(message('😀'.repeat(MAX_CONTENT_LENGTH + 1)))).toThrow(/too long/);
  });
});
