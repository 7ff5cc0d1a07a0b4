import { validation } from '../../errors.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{1,14}$/;

export interface ContactFields {
  name?: string | null;
  email?: string | null;
  phone_number?: string | null;
  identifier?: string | null;
}

/** Blank strings mean "no value"; emails are lower-cased; phone numbers must be E.164. */
export function cleanContactFields<T extends ContactFields>(input: T): T {
  const out = { ...input };
  for (const key of ['email', 'phone_number', 'identifier'] as const) {
    if (typeof out[key] === 'string' && out[key]!.trim() === '') out[key] = null;
  }
  if (out.email) {
    out.email = out.email.trim().toLowerCase();
    if (!EMAIL.test(out.email)) throw validation('Email is invalid', ['email']);
  }
  if (out.phone_number) {
    out.phone_number = out.phone_number.replace(/[\s()-]/g, '');
    if (!E164.test(out.phone_number)) throw validation('Phone number should be in e164 format', ['phone_number']);
  }
  return out;
}
