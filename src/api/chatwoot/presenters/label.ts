import { Type, type Static } from 'typebox';
import type { Label } from '../../../db/types.ts';
import { Nullable } from './schema-helpers.ts';

export const LabelSchema = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  description: Nullable(Type.String()),
  color: Type.String(),
  show_on_sidebar: Type.Boolean(),
});

export function presentLabel(label: Label): Static<typeof LabelSchema> {
  return {
    id: label.id,
    title: label.title,
    description: label.description,
    color: label.color,
    show_on_sidebar: label.show_on_sidebar,
  };
}
