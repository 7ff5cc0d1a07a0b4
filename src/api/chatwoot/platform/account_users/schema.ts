import { Type } from 'typebox';
import { AccountUserSchema } from '../../presenters/platform.ts';

export const AccountUsersParams = Type.Object({ account_id: Type.Integer({ minimum: 1 }) });
const Role = Type.Union([Type.Literal('agent'), Type.Literal('administrator')]);

export const UpsertBody = Type.Object({ user_id: Type.Integer({ minimum: 1 }), role: Type.Optional(Role) });
export const RemoveBody = Type.Object({ user_id: Type.Integer({ minimum: 1 }) });
export const AccountUserList = Type.Array(AccountUserSchema);
export { AccountUserSchema };
