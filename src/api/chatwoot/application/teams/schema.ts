import { Type } from 'typebox';
import { OrNull } from '../../presenters/schema-helpers.ts';
import { TeamSchema } from '../../presenters/team.ts';

export const TeamParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const TeamFields = {
  description: Type.Optional(OrNull(Type.String({ maxLength: 1000 }))),
  allow_auto_assign: Type.Optional(Type.Boolean()),
};

export const CreateTeamBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 255 }), ...TeamFields });
export const UpdateTeamBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  ...TeamFields,
});

export const TeamList = Type.Array(TeamSchema);
export { TeamSchema };
