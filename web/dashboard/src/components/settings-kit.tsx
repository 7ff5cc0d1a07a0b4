import { errorText } from '../lib/api.ts';
import {
  cloneElement,
  useCallback,
  useEffect,
  useId,
  useState,
  type FormEvent,
  type ReactElement,
  type ReactNode,
} from 'react';
import { t } from '../lib/i18n.ts';

/**
 * The pieces every settings page is made of: a load with its error, an action whose failure stays next to
 * its form (inputs are uncontrolled, so a refused request never clears what was typed), labelled fields,
 * a two-step delete and a secret shown once.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let alive = true;
    load().then(
      (value) => {
        if (!alive) return;
        setData(value);
        setError(null);
      },
      (caught) => alive && setError(errorText(caught)),
    );
    return () => {
      alive = false;
    };
  }, [...deps, generation]); // the caller names what the load depends on
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data, error, reload, setData };
}

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (caught) {
      setError(errorText(caught));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, setError };
}

export function ErrorNote({ error }: { error: string | null | undefined }) {
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {error}
    </p>
  );
}

export function PageHeader({ title, intro }: { title: string; intro?: string }) {
  return (
    <header className="settings-header">
      <h2>{title}</h2>
      {intro && <p className="subtle">{intro}</p>}
    </header>
  );
}

/** A label tied to its control by id (getByLabel finds it), and a hint tied by aria-describedby. */
export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  children: ReactElement<Record<string, unknown>>;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-describedby': hint ? `${id}-hint` : undefined })}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
    </div>
  );
}

export function CheckField({ label, name, defaultChecked }: { label: string; name: string; defaultChecked?: boolean }) {
  return (
    <label className="check">
      <input type="checkbox" name={name} defaultChecked={defaultChecked} />
      {label}
    </label>
  );
}

/**
 * A form named by its title, the API's error beside its buttons. `onSubmit` answers whether it worked; the
 * form is emptied only then, and only when `resetOnSuccess` (a create form; an edit form keeps its values).
 */
export function SettingsForm({
  title,
  submitLabel,
  busy,
  error,
  onSubmit,
  onCancel,
  resetOnSuccess,
  children,
}: {
  title: string;
  submitLabel: string;
  busy: boolean;
  error: string | null;
  onSubmit(form: FormData): Promise<boolean>;
  onCancel?(): void;
  resetOnSuccess?: boolean;
  children: ReactNode;
}) {
  const titleId = useId();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    if ((await onSubmit(new FormData(element))) && resetOnSuccess) element.reset();
  }
  return (
    <form className="settings-form" aria-labelledby={titleId} onSubmit={submit} aria-busy={busy}>
      <h3 id={titleId}>{title}</h3>
      {children}
      <ErrorNote error={error} />
      <div className="row-buttons">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

const VERBS = {
  delete: {
    action: 'settings.delete',
    named: 'settings.deleteNamed',
    confirm: 'settings.confirmDelete',
    yes: 'settings.yesDelete',
  },
  remove: {
    action: 'settings.remove',
    named: 'settings.removeNamed',
    confirm: 'settings.confirmRemove',
    yes: 'settings.yesRemove',
  },
} as const;

/**
 * A destructive action in two steps: the first click asks `question` (a group named by it), the second
 * does it. `label` is what the first button shows, `name` its accessible name when that must say more.
 */
export function ConfirmAction({
  label,
  name,
  question,
  yes,
  onConfirm,
  className = 'link danger',
}: {
  label: string;
  name?: string;
  question: string;
  yes: string;
  onConfirm(): void;
  className?: string;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={className} aria-label={name} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button
        type="button"
        className="danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {yes}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </span>
  );
}

/** Delete (or remove) a named item in two steps. */
export function ConfirmDelete({
  name,
  onConfirm,
  verb = 'delete',
}: {
  name: string;
  onConfirm(): void;
  verb?: keyof typeof VERBS;
}) {
  const keys = VERBS[verb];
  return (
    <ConfirmAction
      label={t(keys.action)}
      name={t(keys.named, { name })}
      question={t(keys.confirm, { name })}
      yes={t(keys.yes)}
      onConfirm={onConfirm}
    />
  );
}

/** A token or secret the server will not show again: readable, selectable, copyable. */
export function OneTimeSecret({ label, value, note }: { label: string; value: string; note: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="secret" role="status">
      <Field label={label} hint={note}>
        <input readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
      </Field>
      <button
        type="button"
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => setCopied(true));
        }}
      >
        {copied ? t('settings.copied') : t('settings.copy')}
      </button>
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="settings-empty">{children}</p>;
}

export function Loading() {
  return (
    <p className="subtle" aria-busy="true">
      {t('settings.loading')}
    </p>
  );
}

/** The text of a form field, or null when left empty (the API clears a field with null). */
export function text(form: FormData, name: string): string | null {
  const value = String(form.get(name) ?? '').trim();
  return value || null;
}

/** Ticked checkboxes named `name` whose values are numbers (member pickers). */
export function checkedIds(form: FormData, name: string): number[] {
  return form.getAll(name).map(Number);
}
