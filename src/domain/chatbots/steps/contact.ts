import type { SetStep, TagStep } from '../definition.ts';
import { getContact } from '../../contacts/repository.ts';
import { removeCustomAttributes, setContactLabels, updateContact } from '../../contacts/commands.ts';
import { createLabel } from '../../labels/commands.ts';
import { mergeSessionMetadata } from '../../conversations/handover.ts';
import { render } from '../variables.ts';
import type { StepContext, StepHandler } from './types.ts';
import { ownValue } from '../../own.ts';

const CONTACT_COLUMNS: Record<string, 'name' | 'email' | 'phone_number'> = {
  name: 'name',
  email: 'email',
  phone: 'phone_number',
  phonenumber: 'phone_number',
};

async function setContactField(ctx: StepContext, key: string, value: string | null) {
  const { contact } = ctx.scope;
  const column = ownValue(CONTACT_COLUMNS, key.toLowerCase());
  if (column) ctx.scope.contact = await updateContact(ctx.db, contact.account_id, contact.id, { [column]: value });
  else if (value === null)
    ctx.scope.contact = await removeCustomAttributes(ctx.db, contact.account_id, contact.id, [key]);
  else
    ctx.scope.contact = await updateContact(ctx.db, contact.account_id, contact.id, {
      custom_attributes: { [key]: value },
    });
}

/** Sets a contact field, a session metadata key or a flow variable; a null value removes it. */
export const set: StepHandler<SetStep> = {
  async execute(step, ctx) {
    const value = step.value === null ? null : render(step.value, ctx.scope);
    if (step.target === 'var') {
      if (value === null) delete ctx.scope.variables[step.key];
      else ctx.scope.variables[step.key] = value;
    } else if (step.target === 'session') {
      ctx.scope.conversation = await mergeSessionMetadata(ctx.db, ctx.scope.conversation, { [step.key]: value });
    } else {
      await setContactField(ctx, step.key, value);
    }
    return { kind: 'next', next: step.next ?? null };
  },
};

/** Adds or removes a contact tag (a label; an unknown tag is created, as WTS's InsertIfNotExists does). */
export const tag: StepHandler<TagStep> = {
  async execute(step, ctx) {
    const { contact } = ctx.scope;
    const title = render(step.tag, ctx.scope).trim().toLowerCase();
    const current = (await getContact(ctx.db, contact.account_id, contact.id)).labels;
    if (step.action === 'add' && !current.includes(title)) {
      const exists = await ctx.db
        .selectFrom('labels')
        .select('id')
        .where('account_id', '=', contact.account_id)
        .where('title', '=', title)
        .executeTakeFirst();
      if (!exists) await createLabel(ctx.db, contact.account_id, { title });
      await setContactLabels(ctx.db, contact.account_id, contact.id, [...current, title]);
    } else if (step.action === 'remove' && current.includes(title)) {
      await setContactLabels(
        ctx.db,
        contact.account_id,
        contact.id,
        current.filter((t) => t !== title),
      );
    }
    ctx.scope.contact = await getContact(ctx.db, contact.account_id, contact.id);
    return { kind: 'next', next: step.next ?? null };
  },
};
