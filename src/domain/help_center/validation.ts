import { validation } from '../../errors.ts';

/**
 * Rails-style model errors collected before one answer: "Name can't be blank, Slug can't be blank" with the
 * attributes named, as Chatwoot's record-invalid answer reads.
 */
export class RecordErrors {
  private readonly items: { attribute: string; message: string }[] = [];

  add(attribute: string, message: string): void {
    this.items.push({ attribute, message });
  }

  throwIfAny(): void {
    if (!this.items.length) return;
    const full = this.items.map(({ attribute, message }) => `${humanize(attribute)} ${message}`);
    throw validation(
      full.join(', '),
      this.items.map((i) => i.attribute),
      this.items.map((i) => i.message),
    );
  }
}

function humanize(attribute: string): string {
  const words = attribute.replace(/_id$/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Slugs name pages in public URLs: letters, digits, '-' and '_' only, so a URL never needs escaping. */
const SLUG = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

export function checkSlug(errors: RecordErrors, slug: string | undefined): void {
  if (slug === undefined || slug === '') errors.add('slug', "can't be blank");
  else if (!SLUG.test(slug)) errors.add('slug', 'may contain only letters, digits, "-" and "_" (at most 100)');
}

/** A slug from free text, as Rails' parameterize makes one: "Hello, World!" -> "hello-world". */
export function parameterize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/** Locale codes as Chatwoot lists them: "en", "pt_BR", "zh-TW". */
export const LOCALE = /^[a-z]{2,3}(?:[_-][A-Za-z]{2,4})?$/;

export function blank(value: string | null | undefined): boolean {
  return value === undefined || value === null || value.trim() === '';
}
