import { useState } from 'react';
import { t } from '../../lib/i18n.ts';

/** A destructive action in two steps: the first click asks `question`, the second does it. */
export function ConfirmButton({ label, question, onConfirm }: { label: string; question: string; onConfirm(): void }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm-inline" role="group" aria-label={question}>
      <span>{question}</span>
      <span className="row-buttons">
        <button
          type="button"
          className="danger"
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {t('contacts.yesDelete')}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {t('common.cancel')}
        </button>
      </span>
    </span>
  );
}
