// `switchboard platform-app`: the operator mints, lists and revokes the installation's platform apps.
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { connect } from '../db/connect.ts';
import { validation } from '../errors.ts';
import { createPlatformApp, listPlatformApps, revokePlatformApp } from '../domain/platform/apps.ts';

export const PLATFORM_APP_USAGE = `  platform-app create --name NAME [--account ID ...] [--json]
                             mint an installation platform app (Platform API credential, the
                             operator's); prints its token once. --account grants existing accounts
  platform-app list [--json] the installation's platform apps and how much each may act on
  platform-app revoke ID     delete an app and its token (what it created stays)`;

function positiveId(value: string, what: string): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id < 1) throw validation(`${what} must be a positive integer (got "${value}")`);
  return id;
}

export async function runPlatformApp(args: string[], config: Config): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      account: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
    },
  });
  if (action !== 'create' && action !== 'list' && action !== 'revoke') {
    process.stderr.write(`Usage:\n${PLATFORM_APP_USAGE}\n`);
    return 1;
  }
  if (action === 'create' && !values.name) throw validation('platform-app create needs --name NAME', ['name']);
  const revokeId = action === 'revoke' ? positiveId(positionals[0] ?? '', 'platform-app revoke ID') : 0;
  const accountIds = (values.account ?? []).map((id) => positiveId(id, '--account'));

  const connected = await connect(config, { owner: false });
  try {
    const db = connected.database.db;
    if (action === 'create') {
      const app = await createPlatformApp(db, values.name!, { accountIds });
      const shown = { platform_app_id: app.id, name: app.name, platform_token: app.token, account_ids: accountIds };
      process.stdout.write(
        values.json
          ? `${JSON.stringify(shown)}\n`
          : `platform_app_id   ${app.id}\nname              ${app.name}\nplatform_token    ${app.token}\n(shown once, keep it)\n`,
      );
    } else if (action === 'list') {
      const apps = await listPlatformApps(db);
      if (values.json) process.stdout.write(`${JSON.stringify(apps)}\n`);
      else {
        const lines = apps.map(
          (a) =>
            `${String(a.id).padEnd(6)} ${a.name}  (accounts ${a.accounts}, users ${a.users}, agent bots ${a.agent_bots}; created ${a.created_at.toISOString()})`,
        );
        process.stdout.write(lines.length ? `${lines.join('\n')}\n` : 'No platform apps.\n');
      }
    } else {
      await revokePlatformApp(db, revokeId);
      process.stdout.write(`Revoked platform app ${revokeId}.\n`);
    }
  } finally {
    await connected.close();
  }
  return 0;
}
