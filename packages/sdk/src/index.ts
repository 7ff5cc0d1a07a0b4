export { SwitchboardClient, createClient } from './client.ts';
export type { CallOptions, ClientOptions, Method, Operation, PagedPath, PathsFor, ResponseOf } from './client.ts';
export { SwitchboardError } from './errors.ts';
export { readPage, type ItemOf } from './pages.ts';
export { retryAfterMs, type RetryOptions } from './retry.ts';
export { verifyWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER, DELIVERY_HEADER } from './webhooks.ts';
export type { HeaderSource, VerifyInput, VerifyResult } from './webhooks.ts';
export { PAGED_PATHS } from './paths.ts';
export type { Paths } from './paths.ts';
