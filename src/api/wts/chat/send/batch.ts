import { AppError } from '../../../../errors.ts';

/** How many recipients one batch of the Send API takes (WTS's reference: "até 100 mensagens por requisição"). */
export const BATCH_LIMIT = 100;

/**
 * Runs `work` for each item of a batch, in order. An item refused (bad address, unknown template) refuses the
 * whole batch with the item named — `messages[3].to` — and, as the caller runs this in one transaction, leaves
 * nothing sent: the client fixes the item and sends the batch again.
 */
export async function eachItem<T, R>(items: readonly T[], work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const [index, item] of items.entries()) {
    try {
      results.push(await work(item, index));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const at = `messages[${index}]`;
      throw new AppError(
        error.kind,
        `${at}: ${error.message}`,
        error.attributes.length ? error.attributes.map((field) => `${at}.${field}`) : [at],
        { retryAfterSeconds: error.retryAfterSeconds, attributeMessages: error.attributeMessages },
      );
    }
  }
  return results;
}
