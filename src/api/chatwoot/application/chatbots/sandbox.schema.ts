import { Type } from 'typebox';
import { FreeObject, Nullable, OrNull } from '../../presenters/schema-helpers.ts';

const SandboxState = Type.Object({
  step: OrNull(Type.String({ maxLength: 64 })),
  variables: FreeObject,
  contact: Type.Object({
    name: Type.String({ maxLength: 200 }),
    email: OrNull(Type.String({ maxLength: 200 })),
    phone: OrNull(Type.String({ maxLength: 200 })),
    fields: FreeObject,
    tags: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 }),
  }),
  session: Type.Object({ metadata: FreeObject }),
});

/** One turn of the Test panel: the flow being edited (saved or not), where the last turn left it, the reply. */
export const SandboxBody = Type.Object({
  definition: FreeObject,
  state: Type.Optional(SandboxState),
  reply: Type.Optional(Type.String({ maxLength: 4000 })),
});

const Choice = Type.Object({
  title: Type.String(),
  value: Type.Optional(Type.String()),
  next: Type.Optional(Type.String()),
});

export const SandboxResponse = Type.Object({
  status: Type.Union([Type.Literal('waiting'), Type.Literal('finished'), Type.Literal('failed')]),
  reason: Nullable(Type.String()),
  messages: Type.Array(
    Type.Object({
      step: Type.String(),
      text: Type.Optional(Type.String()),
      mediaUrl: Type.Optional(Type.String()),
      choices: Type.Optional(Type.Array(Choice)),
      choiceStyle: Type.Optional(Type.String()),
    }),
  ),
  events: Type.Array(Type.Object({ step: Type.String(), text: Type.String() })),
  state: SandboxState,
});
