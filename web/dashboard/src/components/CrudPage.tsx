import { useState, type ReactNode } from 'react';
import { api } from '../lib/api.ts';
import { t } from '../lib/i18n.ts';
import {
  ConfirmDelete,
  Empty,
  ErrorNote,
  Loading,
  PageHeader,
  SettingsForm,
  useAction,
  useLoad,
} from './settings-kit.tsx';

export interface CrudFormProps<T> {
  /** The item being edited, or null for a new one. */
  item: T | null;
  /** Called after a successful save: the list is read again (and a new-item form starts empty). */
  done(): void;
}

/**
 * The shape most settings pages share: a list (each row with Edit and Delete) beside one form, which adds a
 * new item or, after Edit, changes that one. Whatever the page changes, `afterChange` hears of it
 * (the account data other screens read).
 */
export function CrudPage<T extends { id: number }>({
  title,
  intro,
  listLabel,
  empty,
  load,
  deps,
  itemName,
  row,
  remove,
  Form,
  below,
  afterChange,
  children,
}: {
  title: string;
  intro: string;
  listLabel: string;
  empty: string;
  load(): Promise<T[]>;
  deps: readonly unknown[];
  itemName(item: T): string;
  row(item: T): ReactNode;
  remove(item: T): Promise<unknown>;
  Form(props: CrudFormProps<T>): ReactNode;
  /** More about the item being edited, under the list (members, tokens, a log); `changed` reads the list again. */
  below?(item: T, changed: () => void): ReactNode;
  afterChange?(): void;
  children?: ReactNode;
}) {
  const items = useLoad(load, deps);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  // A new form after each create: typed values and any state the form keeps start over.
  const [created, setCreated] = useState(0);
  const rowAction = useAction();
  const selected = items.data?.find((item) => item.id === selectedId) ?? null;
  const changed = () => {
    items.reload();
    afterChange?.();
  };
  const onDelete = (item: T) =>
    void rowAction.run(async () => {
      await remove(item);
      if (item.id === selectedId) setSelectedId(null);
      changed();
    });

  return (
    <>
      <PageHeader title={title} intro={intro} />
      <div className="settings-split">
        <div>
          {items.error && <Empty>{items.error}</Empty>}
          {!items.data && !items.error && <Loading />}
          {items.data?.length === 0 && <Empty>{empty}</Empty>}
          <ErrorNote error={rowAction.error} />
          <ul className="settings-list" aria-label={listLabel}>
            {items.data?.map((item) => (
              <li key={item.id} className={item.id === selectedId ? 'selected' : undefined}>
                <div className="item-main">{row(item)}</div>
                <button
                  type="button"
                  className="link"
                  aria-label={t('settings.editNamed', { name: itemName(item) })}
                  onClick={() => setSelectedId(item.id)}
                >
                  {t('settings.edit')}
                </button>
                <ConfirmDelete name={itemName(item)} onConfirm={() => onDelete(item)} />
              </li>
            ))}
          </ul>
          {selected && (
            <button type="button" onClick={() => setSelectedId(null)}>
              {t('settings.backToNew')}
            </button>
          )}
          {children}
          {selected && below && <div className="editor below">{below(selected, changed)}</div>}
        </div>
        <Form
          key={selected ? selected.id : `new-${created}`}
          item={selected}
          done={() => {
            changed();
            if (!selected) setCreated((n) => n + 1);
          }}
        />
      </div>
    </>
  );
}

/**
 * The form of a CrudPage: creates with POST to `path`, changes the item being edited with PATCH to
 * `path/:id`; `body` turns the form into the request. `onCreated` sees what a create answered (a token).
 */
export function CrudForm<T extends { id: number }>({
  item,
  done,
  path,
  title,
  submitLabel,
  body,
  onCreated,
  children,
}: CrudFormProps<T> & {
  path: string;
  title: string;
  submitLabel: string;
  body(form: FormData): Record<string, unknown>;
  onCreated?(created: unknown): void;
  children: ReactNode;
}) {
  const action = useAction();
  const save = (form: FormData) =>
    action.run(async () => {
      const payload = body(form);
      if (item) await api.patch(`${path}/${item.id}`, payload);
      else {
        const created = await api.post(path, payload); // not inside onCreated?.(…): that skips its argument when absent
        onCreated?.(created);
      }
      done();
    });
  return (
    <SettingsForm title={title} submitLabel={submitLabel} busy={action.busy} error={action.error} onSubmit={save}>
      {children}
    </SettingsForm>
  );
}
