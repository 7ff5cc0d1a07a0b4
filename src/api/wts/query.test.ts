import { describe, expect, it } from 'vitest';
import { canonicalInput } from './query.ts';

const schema = {
  type: 'object',
  properties: {
    Status: { type: 'array', items: { anyOf: [{ const: 'PENDING' }, { const: 'IN_PROGRESS' }] } },
    UserId: { type: 'string' },
    'ActiveAt.After': { type: 'string' },
    PageSize: { type: 'integer' },
  },
};

describe('canonicalInput', () => {
  it('binds keys case-insensitively, without [] or dots, merging repeats', () => {
    const input = {
      Status: ['PENDING', 'IN_PROGRESS'],
      'status[]': ['in_progress'],
      activeAtAfter: '2024-01-01',
      pagesize: '50',
      userId: 'u1',
    };
    expect(canonicalInput(input, schema)).toEqual({
      Status: ['PENDING', 'IN_PROGRESS'],
      'ActiveAt.After': '2024-01-01',
      PageSize: '50',
      UserId: 'u1',
    });
  });

  it('treats "", "null" and "undefined" as not given and drops unknown keys', () => {
    expect(
      canonicalInput({ UserId: '', userid: 'null', autoPagination: 'false', Status: ['', 'PENDING'] }, schema),
    ).toEqual({ Status: ['PENDING'] });
  });

  it('keeps the first value of a repeated single-valued key', () => {
    expect(canonicalInput({ UserId: ['a', 'b'] }, schema)).toEqual({ UserId: 'a' });
  });

  it('leaves input without an object schema alone', () => {
    expect(canonicalInput(undefined, schema)).toBeUndefined();
    expect(canonicalInput({ a: 1 }, undefined)).toEqual({ a: 1 });
  });
});
