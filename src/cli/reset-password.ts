import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { connect } from '../db/connect.ts';
import { resetPassword } from '../domain/auth/reset-password.ts';

/** `switchboard reset-password EMAIL [--password P]`: prints the new password once. */
export async function runResetPassword(args: string[], config: Config): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { password: { type: 'string' } },
    allowPositionals: true,
  });
  const [email] = positionals;
  if (!email) {
    process.stderr.write('Usage: switchboard reset-password EMAIL [--password P]\n');
    return 1;
  }
  const connected = await connect(config, { owner: false });
  try {
    const password = await resetPassword(connected.database.db, email, values.password);
    process.stdout.write(`New password for ${email}: ${password}\nEvery session of this user has been signed out.\n`);
  } finally {
    await connected.close();
  }
  return 0;
}
