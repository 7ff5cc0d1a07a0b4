import { Type } from 'typebox';
import { LabelSchema } from '../../presenters/label.ts';
import { Nullable } from '../../presenters/schema-helpers.ts';

export const LabelParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const LabelFields = {
  description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  color: Type.Optional(Type.String({ maxLength: 7, description: '#rrggbb' })),
  show_on_sidebar: Type.Optional(Type.Boolean()),
};

export const CreateLabelBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 255, description: 'Lower-cased; letters, digits, - and _ only' }),
  ...LabelFields,
});
export const UpdateLabelBody = Type.Object({
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  ...LabelFields,
});

export const LabelListResponse = Type.Object({ payload: Type.Array(LabelSchema) });
export { LabelSchema };
