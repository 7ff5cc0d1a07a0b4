import { Type } from 'typebox';
import { ProfileSchema } from '../user/profile/schema.ts';

export const SignInBody = Type.Object({
  email: Type.String({ minLength: 1, maxLength: 255 }),
  password: Type.String({ minLength: 1, maxLength: 255 }),
});

/** devise-token-auth's envelope around the signed-in user (Chatwoot's fields, and the rest of the profile). */
export const SignedInSchema = Type.Object({ data: ProfileSchema });
export const ValidatedSchema = Type.Object({ success: Type.Boolean(), data: ProfileSchema });
export const SignedOutSchema = Type.Object({ success: Type.Boolean() });
