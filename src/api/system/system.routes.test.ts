import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';

const ctx = await createTestContext();

describe('system routes', () => {
  it('GET /health answers 200 with status and version', async () => {
    const res = await ctx.client().get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', version: ctx.config.version, database: 'ok' });
  });

  it('GET /api answers without a token, as integrations test credentials with it', async () => {
    const res = await ctx.client().get('/api');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: expect.any(String), queue_services: 'ok', data_services: 'ok' });
  });

  it('serves the OpenAPI document generated from the route schemas', async () => {
    const res = await ctx.client().get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toContain('/api');
  });

  it('answers unknown routes with a Chatwoot-shaped 404', async () => {
    const res = await ctx.client().get('/nope');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'Resource could not be found' });
  });
});
