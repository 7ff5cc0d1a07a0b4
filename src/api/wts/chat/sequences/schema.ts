import { Type } from 'typebox';
import { PageOf, PageQuery } from '../../page.ts';
import { DateQuery, Literals, Nullable, Uuid } from '../../schema.ts';
import { MAX_BATCH } from '../../../../domain/sequences/enrolment.ts';
import { MAX_STEP_DELAY_SECONDS } from '../../../../domain/sequences/repository.ts';

const Ranges = {
  'CreatedAt.Before': Type.Optional(DateQuery),
  'CreatedAt.After': Type.Optional(DateQuery),
  'UpdatedAt.Before': Type.Optional(DateQuery),
  'UpdatedAt.After': Type.Optional(DateQuery),
};

export const SEQUENCE_DETAILS = ['ContactExecutingCount', 'ExecutionStats'] as const;

export const ListQuery = Type.Object({
  ...PageQuery,
  ...Ranges,
  IncludeDetails: Type.Optional(Type.Array(Literals(SEQUENCE_DETAILS), { maxItems: 10 })),
  Name: Type.Optional(Type.String({ maxLength: 255 })),
  ContactId: Type.Optional(Uuid),
});

export const ContactListQuery = Type.Object({
  ...PageQuery,
  ...Ranges,
  IncludeDetails: Type.Optional(Type.Array(Literals(['ContactDetails'] as const), { maxItems: 10 })),
  Name: Type.Optional(Type.String({ maxLength: 255 })),
  ContactId: Type.Optional(Uuid),
  PhoneNumber: Type.Optional(Type.String({ maxLength: 64 })),
});

/** `PublicRequestSequenceContactDTO`: one contact, by id or by phone number. */
export const ContactBody = Type.Object({
  contactId: Type.Optional(Nullable(Uuid)),
  phoneNumber: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
});

/** `PublicRequestSequenceBatchContactDTO`: contacts by ids and phone numbers (unknown numbers are created on enrolment). */
export const BatchBody = Type.Object({
  // Arrays, not nullable arrays: the WTS input canonicalizer merges list fields by their schema type (null = not given).
  contactIds: Type.Optional(Type.Array(Uuid, { maxItems: MAX_BATCH })),
  phoneNumbers: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: MAX_BATCH })),
});

const Step = Type.Object({
  delaySeconds: Type.Integer({
    minimum: 0,
    maximum: MAX_STEP_DELAY_SECONDS,
    description: 'Wait before this step, from the step before it (the first: from enrolment).',
  }),
  text: Type.String({ minLength: 1, maxLength: 65_536 }),
});

/** Switchboard's own (WTS manages sequences in its dashboard only): what an administrator writes. */
const SequenceFields = {
  name: Type.String({ minLength: 1, maxLength: 255 }),
  channelId: Uuid,
  enabled: Type.Boolean(),
  stopOnReply: Type.Boolean({ description: 'End the enrolment when the contact writes (checked before each step).' }),
  steps: Type.Array(Step, { minItems: 1, maxItems: 100 }),
};

export const CreateBody = Type.Object({
  name: SequenceFields.name,
  channelId: SequenceFields.channelId,
  enabled: Type.Optional(SequenceFields.enabled),
  stopOnReply: Type.Optional(SequenceFields.stopOnReply),
  steps: SequenceFields.steps,
});
export const UpdateBody = Type.Partial(Type.Object(SequenceFields), { minProperties: 1 });

const ExecutionStats = Type.Object({
  executing: Type.Integer(),
  completed: Type.Integer(),
  stopped: Type.Integer(),
  removed: Type.Integer(),
});

/** `PublicSequenceDTO`, plus what an administrator wrote (channelId, stopOnReply, steps). */
export const SequenceSchema = Type.Object({
  id: Type.String(),
  active: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  companyId: Type.String(),
  name: Type.String(),
  enabled: Type.Boolean(),
  contactExecutingCount: Type.Integer(),
  channelId: Type.String(),
  stopOnReply: Type.Boolean(),
  createdByUserId: Nullable(Type.String()),
  steps: Type.Array(Step),
  executionStats: Type.Optional(ExecutionStats),
});

const ContactDetails = Type.Object({
  id: Type.String(),
  name: Nullable(Type.String()),
  phonenumber: Nullable(Type.String()),
  phonenumberFormatted: Nullable(Type.String()),
  instagram: Nullable(Type.String()),
  email: Nullable(Type.String()),
  pictureUrl: Nullable(Type.String()),
});

/** `PublicSequenceContactDTO`, plus the enrolment's progress (`status`, `nextStep`, `nextStepAt`, `stopReason`). */
export const SequenceContactSchema = Type.Object({
  id: Type.String(),
  active: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  companyId: Type.String(),
  sequenceId: Type.String(),
  contactId: Type.String(),
  contactName: Nullable(Type.String()),
  origin: Type.String(),
  addedByUserId: Nullable(Type.String()),
  addedByChatbotId: Nullable(Type.String()),
  lastAddedAt: Type.String(),
  status: Type.String(),
  nextStep: Type.Integer(),
  nextStepAt: Nullable(Type.String()),
  stopReason: Nullable(Type.String()),
  contactDetails: Type.Optional(ContactDetails),
});

export const SequencePage = PageOf(SequenceSchema);
export const SequenceContactPage = PageOf(SequenceContactSchema);
