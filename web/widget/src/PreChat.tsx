import { useState, type FormEvent } from 'react';
import type { WidgetConfig } from './api.ts';

type Options = WidgetConfig['website_channel_config']['pre_chat_form_options'];
interface Field {
  key: 'name' | 'email' | 'phone_number';
  label: string;
  type: string;
  required: boolean;
}

const STANDARD: Record<string, Field['key']> = { fullName: 'name', emailAddress: 'email', phoneNumber: 'phone_number' };

/** The inbox's enabled standard fields (Chatwoot's pre_chat_fields), or name and email when none are set. */
function fieldsOf(options: Options): Field[] {
  const configured = (options.pre_chat_fields ?? []).filter((f) => f.enabled && STANDARD[f.name]);
  if (configured.length)
    return configured.map((f) => ({
      key: STANDARD[f.name],
      label: f.label ?? f.name,
      type: f.type === 'email' ? 'email' : f.type === 'phone' ? 'tel' : 'text',
      required: Boolean(f.required),
    }));
  return [
    { key: 'name', label: 'Full name', type: 'text', required: false },
    { key: 'email', label: 'Email address', type: 'email', required: options.require_email ?? true },
  ];
}

export function PreChatForm({
  options,
  onStart,
}: {
  options: Options;
  onStart: (contact: Record<string, string>, message: string) => Promise<void>;
}) {
  const fields = fieldsOf(options);
  const [values, setValues] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await onStart(values, message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="prechat" onSubmit={submit} aria-label="Start a conversation">
      <p>{options.pre_chat_message || 'Share your queries or comments here.'}</p>
      {fields.map((f) => (
        <label key={f.key}>
          {f.label}
          <input
            type={f.type}
            name={f.key}
            required={f.required}
            value={values[f.key] ?? ''}
            onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
          />
        </label>
      ))}
      <label>
        Message
        <textarea name="message" required rows={3} value={message} onChange={(e) => setMessage(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        Start conversation
      </button>
    </form>
  );
}
