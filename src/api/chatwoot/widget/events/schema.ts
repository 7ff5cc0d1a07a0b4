import { Type } from 'typebox';
import { FreeObject } from '../../presenters/schema-helpers.ts';

export const WidgetEventQuery = Type.Object({
  website_token: Type.String({ minLength: 1, maxLength: 255 }),
  /** The widget's language (`widget_language` in event_info). */
  locale: Type.Optional(Type.String({ maxLength: 20 })),
});

export const WidgetEventBody = Type.Object({
  name: Type.Literal('webwidget.triggered'),
  event_info: Type.Optional(FreeObject),
});
