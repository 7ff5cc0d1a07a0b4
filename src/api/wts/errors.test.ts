import { describe, expect, it } from 'vitest';
import { AppError, validation } from '../../errors.ts';
import { wtsErrorResponse, wtsErrorText, wtsFieldName } from './errors.ts';
import { createTestContext } from '../../../test/helpers/context.ts';
import { wtsFixture } from '../../../test/helpers/wts-fixture.ts';

describe('WTS phrasing of catalogue errors', () => {
  it('names fields in camelCase, leaving the account’s own keys and WTS names as they are', () => {
    expect(wtsFieldName('contact_id')).toBe('contactId');
    expect(wtsFieldName('items[2].phone_number')).toBe('items[2].phoneNumber');
    expect(wtsFieldName('customFields.data_da_visita')).toBe('customFields.data_da_visita');
    expect(wtsFieldName('metadata.order_ref')).toBe('metadata.order_ref');
    expect(wtsFieldName('department.id')).toBe('department.id');
    expect(wtsFieldName('CreatedAt.After')).toBe('CreatedAt.After');
  });

  it('turns Rails full messages into plain ones about the field', () => {
    expect(wtsErrorText("Name can't be blank", ['name'])).toBe('name is required');
    expect(wtsErrorText("Phone number can't be blank", ['phone_number'])).toBe('phoneNumber is required');
    expect(wtsErrorText('Email has already been taken', ['email'])).toBe('email is already in use');
    expect(wtsErrorText('contact_id is not a contact of this company', ['contact_id'])).toBe(
      'contactId is not a contact of this company',
    );
    expect(wtsErrorText('tagNames nope is not a tag of this company', ['tagNames'])).toBe(
      'tagNames nope is not a tag of this company',
    );
  });

  it('phrases the envelope’s text and every field of its errors list', () => {
    const { status, body } = wtsErrorResponse(
      validation(
        "Phone number can't be blank",
        ['phone_number', 'contact_id'],
        ["Phone number can't be blank", 'contact_id is invalid'],
      ),
    );
    expect(status).toBe(400);
    expect(body).toMatchObject({
      error: true,
      key: 'ERROR_VALIDATION',
      text: 'phoneNumber is required',
      errors: [
        { field: 'phoneNumber', text: 'phoneNumber is required' },
        { field: 'contactId', text: 'contactId is invalid' },
      ],
    });
    expect(wtsErrorResponse(new AppError('not_found', 'Session could not be found')).body.text).toBe(
      'Session could not be found',
    );
  });
});

const ctx = await createTestContext();
const f = await wtsFixture(ctx, 'Acme');

describe('over HTTP', () => {
  it('a blank department name reads as WTS words it; Chatwoot clients keep Rails’ wording for the same rule', async () => {
    const wts = await f.wts.post('/core/v1/department', { name: '   ' });
    expect(wts.status).toBe(400);
    expect(wts.body).toMatchObject({
      error: true,
      text: 'name is required',
      errors: [{ field: 'name', text: 'name is required' }],
    });
    const chatwoot = await f.api.post(`${f.base}/teams`, { name: '   ' });
    expect(chatwoot.status).toBe(422);
    expect(JSON.stringify(chatwoot.body)).toContain("can't be blank");
  });
});
