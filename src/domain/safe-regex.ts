import { RE2JS } from 're2js';

/**
 * Regular expressions written by tenants (a chatbot branch rule's `matches`) run on the event loop every
 * tenant shares, so they never run on JavaScript's backtracking engine: `^(a+)+$` against 28 `a` and a
 * `!` held it for 20 s. RE2 (here its pure-JavaScript port, no native build) matches in time linear in the
 * input, refuses what cannot be matched so (backreferences, lookaround), and bounds repetition counts.
 * Patterns are written in JavaScript syntax: named groups, `\uXXXX` and `/` are translated for RE2.
 */

/** Longest pattern a tenant may save. */
export const MAX_PATTERN_LENGTH = 1_000;
/**
 * RE2's own measure of a pattern's cost (roughly its instruction count). Linear time still multiplies the
 * input length by it when the lazy DFA gives way to the NFA: `[\s\S]{500}x` over 10,000 characters takes
 * tens of milliseconds; ten times that would take the better part of a second per rule.
 */
const MAX_PROGRAM_SIZE = 500;
/** Only this much of a value is matched: a rule about a name or a reply needs no more. */
export const MAX_MATCHED_LENGTH = 10_000;

export interface SafePattern {
  /** Whether the pattern matches anywhere in the first MAX_MATCHED_LENGTH characters of `input`. */
  test(input: string): boolean;
}

export class UnsafePatternError extends Error {}

function compile(source: string, ignoreCase: boolean): RE2JS {
  if (source.length > MAX_PATTERN_LENGTH)
    throw new UnsafePatternError(`is longer than ${MAX_PATTERN_LENGTH} characters`);
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(RE2JS.translateRegExp(source), ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    // RE2's messages name the construct: "invalid or unsupported Perl syntax: `(?=`", "invalid escape sequence: `\1`".
    const reason = (error as Error).message.replace(/^error parsing regexp: /, '');
    throw new UnsafePatternError(
      `is not a regular expression this server can run in linear time (${reason}; backreferences and lookaround are not supported)`,
    );
  }
  if (compiled.programSize() > MAX_PROGRAM_SIZE)
    throw new UnsafePatternError('is too complex: use fewer or smaller repetition counts');
  return compiled;
}

/** Compiled patterns by flags and source: rules are evaluated for every message, patterns are few. */
const cache = new Map<string, RE2JS>();
const CACHE_SIZE = 500;

/** A tenant's pattern, compiled with the linear-time engine; throws UnsafePatternError (with a readable reason). */
export function safePattern(source: string, options: { ignoreCase?: boolean } = {}): SafePattern {
  const ignoreCase = options.ignoreCase ?? false;
  const key = `${ignoreCase ? 'i' : '-'}${source}`;
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = compile(source, ignoreCase);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, compiled);
  }
  const pattern = compiled;
  return {
    test: (input) => pattern.test(input.length > MAX_MATCHED_LENGTH ? input.slice(0, MAX_MATCHED_LENGTH) : input),
  };
}

/** Why a pattern would be refused, or undefined when it is fit to save. */
export function unsafePatternReason(source: string, options: { ignoreCase?: boolean } = {}): string | undefined {
  try {
    safePattern(source, options);
    return undefined;
  } catch (error) {
    if (error instanceof UnsafePatternError) return error.message;
    throw error;
  }
}
