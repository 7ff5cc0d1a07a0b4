import { Type } from 'typebox';

export const ForgotPasswordBody = Type.Object({
  email: Type.String({ minLength: 1, maxLength: 255 }),
  /** Sent by Chatwoot's dashboard; the link in the mail always leads to this server's own page. */
  redirect_url: Type.Optional(Type.String({ maxLength: 2048 })),
});

export const ResetPasswordBody = Type.Object({
  reset_password_token: Type.String({ minLength: 1, maxLength: 200 }),
  password: Type.String({ minLength: 1, maxLength: 255 }),
  password_confirmation: Type.Optional(Type.String({ maxLength: 255 })),
});

export const ForgotPasswordAnswer = Type.Object({ message: Type.String() });
