import { Type } from 'typebox';

/** Every widget API call names its inbox; the contact is the X-Auth-Token header. */
export const WebsiteTokenQuery = Type.Object({
  website_token: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  locale: Type.Optional(Type.String({ maxLength: 20 })),
});
