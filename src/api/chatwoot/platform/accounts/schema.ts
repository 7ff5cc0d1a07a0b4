import { Type } from 'typebox';
import { FreeObject, Nullable } from '../../presenters/schema-helpers.ts';

export const AccountParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const Fields = {
  name: Type.String({ minLength: 1, maxLength: 255 }),
  locale: Type.String({ maxLength: 10 }),
  domain: Nullable(Type.String({ maxLength: 255 })),
  support_email: Nullable(Type.String({ maxLength: 255 })),
  status: Type.Union([Type.Literal('active'), Type.Literal('suspended')]),
  features: Type.Record(
    Type.String({ maxLength: 100 }),
    Type.Union([Type.Boolean(), Type.String(), Type.Number(), Type.Null()]),
    {
      description: '{flag: true} enables, {flag: false} disables',
    },
  ),
  limits: FreeObject,
  custom_attributes: FreeObject,
};

export const CreateAccountBody = Type.Object({ ...Type.Partial(Type.Object(Fields)).properties, name: Fields.name });
export const UpdateAccountBody = Type.Partial(Type.Object(Fields));
