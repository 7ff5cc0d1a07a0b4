import { Type, type TSchema } from 'typebox';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** A free-form JSON object (custom_attributes, additional_attributes, ...). */
export const FreeObject = Type.Object({}, { additionalProperties: true });
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const Empty = Type.Null({ description: 'empty body' });
export const ErrorBody = Type.Object({ error: Type.String() }, { additionalProperties: true });
