import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { decodeFormBody } from './form.ts';
import { MAX_FORM_FIELDS } from './nest.ts';

/** Rack's normalize_params cases (Rails' params), through the urlencoded decoder. */
describe('form bodies decode with Rails bracket nesting', () => {
  it.each([
    ['name=Jane', { name: 'Jane' }],
    ['contact[name]=Jane&contact[email]=j%40x.io', { contact: { name: 'Jane', email: 'j@x.io' } }],
    ['labels[]=a&labels[]=b', { labels: ['a', 'b'] }],
    ['message[content]=hi+there', { message: { content: 'hi there' } }],
    ['a[b][c]=1', { a: { b: { c: '1' } } }],
    ['items[][x]=1&items[][y]=2&items[][x]=3', { items: [{ x: '1', y: '2' }, { x: '3' }] }],
    ['items[][a][b]=1&items[][a][c]=2', { items: [{ a: { b: '1', c: '2' } }] }],
    ['a[][]=1', { a: [['1']] }],
    ['labels[]=', { labels: [''] }],
    ['empty=&flag', { empty: '', flag: '' }],
    ['[x]=1', { '[x]': '1' }],
    ['a[=1', { 'a[': '1' }],
    ['a=1&a=2', { a: ['1', '2'] }],
    ['caf%C3%A9=%E2%9C%93', { café: '✓' }],
  ])('%s', (text, expected) => {
    expect(decodeFormBody(text)).toEqual(expected);
  });

  it('drops __proto__, constructor and prototype wherever they appear', () => {
    const body = decodeFormBody('__proto__[admin]=1&a[__proto__][x]=1&constructor[prototype][y]=1&b[prototype]=2&c=3');
    expect(body).toEqual({ a: {}, b: {}, c: '3' });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
  });

  it('keeps other names of Object.prototype members as ordinary own keys', () => {
    const body = decodeFormBody('toString=1&hasOwnProperty[x]=2');
    expect(Object.hasOwn(body, 'toString')).toBe(true);
    expect(body).toEqual({ toString: '1', hasOwnProperty: { x: '2' } });
  });

  it('refuses nesting past 32 levels and more fields than allowed, as bad requests', () => {
    expect(decodeFormBody(`a${'[b]'.repeat(31)}=1`)).toBeTruthy();
    expect(() => decodeFormBody(`a${'[b]'.repeat(32)}=1`)).toThrow(/nested at most 32 levels/);
    const many = Array.from({ length: MAX_FORM_FIELDS + 1 }, (_, i) => `k${i}=1`).join('&');
    expect(() => decodeFormBody(many)).toThrow(AppError);
    expect(() => decodeFormBody('&'.repeat(1_000_000))).toThrow(/at most 1000 fields/);
    expect(
      Object.keys(decodeFormBody(Array.from({ length: MAX_FORM_FIELDS }, (_, i) => `k${i}=1`).join('&'))),
    ).toHaveLength(MAX_FORM_FIELDS);
  });

  it('refuses a name used both as an object and as a list or a value (Rack answers 400 too)', () => {
    for (const text of ['a[b]=1&a[]=2', 'a[]=1&a[b]=2', 'a[b]=1&a=2', 'a=1&a[b]=2']) {
      const error = (() => {
        try {
          decodeFormBody(text);
        } catch (e) {
          return e;
        }
      })();
      expect(error, text).toBeInstanceOf(AppError);
      expect((error as AppError).status, text).toBe(400);
    }
  });
});
