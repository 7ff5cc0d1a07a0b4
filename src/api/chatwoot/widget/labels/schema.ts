import { Type } from 'typebox';

export const AddLabelBody = Type.Object({
  website_token: Type.Optional(Type.String({ maxLength: 255 })),
  label: Type.String({ minLength: 1, maxLength: 255 }),
});
export const LabelParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 255 }) });
