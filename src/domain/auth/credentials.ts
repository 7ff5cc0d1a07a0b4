import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { ConfigError, type Config } from '../../config.ts';
import type { Db } from '../../db/pool.ts';

/**
 * Provider credentials (bot tokens, access tokens, app secrets, mail passwords) are stored sealed with
 * AES-256-GCM: `enc:v1:` + base64url(iv 12 bytes | tag 16 bytes | ciphertext). The key comes from
 * ENCRYPTION_KEY, else from DATA_DIR/encryption-key, created (mode 0600) on the first start. A value without
 * the prefix is one stored before encryption (prepareCredentials seals those at start).
 */
const PREFIX = 'enc:v1:';
const CHECK_NAME = 'credential_key_check';
const CHECK_TEXT = 'switchboard credentials';

type KeySettings = Pick<Config, 'encryptionKey' | 'dataDir'>;

/** A configuration error: the start stops with it (cli/main.ts prints it as one). */
export class CredentialKeyError extends ConfigError {}

/** Keys by where they come from (the setting's value, or the key file's path): read from disk once. */
const keys = new Map<string, Buffer>();

function keyFile(dataDir: string): string {
  const file = path.join(dataDir, 'encryption-key');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const created = crypto.randomBytes(32).toString('base64url');
    // wx: two processes starting at once on one data folder keep the first one's key.
    try {
      fs.writeFileSync(file, created + '\n', { mode: 0o600, flag: 'wx' });
      return created;
    } catch {
      return fs.readFileSync(file, 'utf8').trim();
    }
  }
}

/** The 32-byte key: HKDF-SHA256 of the setting (or the key file), so any long random string will do. */
export function credentialKey(settings: KeySettings): Buffer {
  const source = settings.encryptionKey ? `env:${settings.encryptionKey}` : `file:${path.resolve(settings.dataDir)}`;
  let key = keys.get(source);
  if (!key) {
    const secret = settings.encryptionKey ?? keyFile(settings.dataDir);
    key = Buffer.from(crypto.hkdfSync('sha256', secret, 'switchboard', 'provider credentials', 32));
    keys.set(source, key);
  }
  return key;
}

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

export function sealCredential(settings: KeySettings, clear: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', credentialKey(settings), iv);
  const sealed = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The clear value; a stored one the key cannot open throws (never a garbled credential sent to a provider). */
export function openCredential(settings: KeySettings, stored: string): string {
  if (!isSealed(stored)) return stored;
  const bytes = Buffer.from(stored.slice(PREFIX.length), 'base64url');
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', credentialKey(settings), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new CredentialKeyError(
      'a stored provider credential cannot be decrypted: ENCRYPTION_KEY is not the key it was stored with',
    );
  }
}

export const openNullable = (settings: KeySettings, stored: string | null) =>
  stored === null ? null : openCredential(settings, stored);

/** The credential columns, per channel table. */
const COLUMNS = {
  channel_telegram: ['bot_token'],
  channel_whatsapp: ['api_key', 'app_secret'],
  channel_email: ['imap_password', 'smtp_password'],
} as const;

/**
 * At start, before anything is served: the key must open the check value this database was sealed with (a
 * wrong or lost key stops the start with a clear error, instead of failing every provider call later); then
 * every credential still stored in clear (written before encryption) is sealed.
 */
export async function prepareCredentials(db: Db, settings: KeySettings): Promise<{ sealed: number }> {
  const check = await db
    .selectFrom('installation_secrets')
    .select('value')
    .where('name', '=', CHECK_NAME)
    .executeTakeFirst();
  if (check) {
    let opened: string | undefined;
    try {
      opened = openCredential(settings, check.value);
    } catch {
      opened = undefined;
    }
    if (opened !== CHECK_TEXT) {
      throw new CredentialKeyError(
        `The encryption key (${settings.encryptionKey ? 'ENCRYPTION_KEY' : `${path.join(settings.dataDir, 'encryption-key')}`}) is not the one this database's provider credentials were encrypted with: set ENCRYPTION_KEY to the original key`,
      );
    }
  } else {
    await db
      .insertInto('installation_secrets')
      .values({ name: CHECK_NAME, value: sealCredential(settings, CHECK_TEXT) })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    return prepareCredentials(db, settings);
  }
  let sealed = 0;
  for (const [table, columns] of Object.entries(COLUMNS)) {
    for (const column of columns) {
      const { rows } = await sql<{
        id: number;
        value: string;
      }>`SELECT id, ${sql.ref(column)} AS value FROM ${sql.table(table)} WHERE ${sql.ref(column)} IS NOT NULL AND ${sql.ref(column)} NOT LIKE 'enc:v1:%'`.execute(
        db,
      );
      for (const row of rows) {
        // Only while still the clear value read: a process starting alongside may have sealed it already.
        const result =
          await sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = ${sealCredential(settings, row.value)} WHERE id = ${row.id} AND ${sql.ref(column)} = ${row.value}`.execute(
            db,
          );
        sealed += Number(result.numAffectedRows ?? 0);
      }
    }
  }
  return { sealed };
}
