import { Type } from 'typebox';

/** PublicReqCreateTagDTO: `color` is a palette name (GET /core/v1/tag/color); without it the tag is GRAY_600. */
export const CreateTagBody = Type.Object({
  name: Type.String({ maxLength: 100 }),
  color: Type.Optional(Type.String({ maxLength: 32 })),
});

/** PublicReqUpdateTagDTO: the name is required, as in WTS; without a colour the current one is kept. */
export const UpdateTagBody = CreateTagBody;

/**
 * PublicReqDeleteTagDTO: a tag on contacts is deleted only with `removeFromContacts`. WTS sends it in the
 * body of the DELETE; clients that cannot send a DELETE body may put it in the query string.
 */
export const DeleteTagBody = Type.Optional(Type.Object({ removeFromContacts: Type.Optional(Type.Boolean()) }));
export const DeleteTagQuery = Type.Object({ removeFromContacts: Type.Optional(Type.Boolean()) });

/** PublicTagColorDTO. */
export const TagColorSchema = Type.Object({ color: Type.String(), bgColor: Type.String(), textColor: Type.String() });
