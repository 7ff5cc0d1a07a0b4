import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../bench/startup.ts';

const DOVECOT = process.env.DOVECOT_PATH ?? '/usr/sbin/dovecot';

/**
 * Debian's Dovecot (dovecot-imapd), installed on first use when missing (as root, with apt). Returns why it
 * cannot run when it cannot, so the IMAP tests are skipped with that reason instead of failing obscurely.
 */
export function dovecotUnavailable(): string | undefined {
  if (!fs.existsSync(DOVECOT) && process.getuid?.() === 0) {
    try {
      execFileSync(
        'sh',
        ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dovecot-imapd'],
        { stdio: 'ignore', timeout: 600_000 },
      );
    } catch {
      /* reported below */
    }
  }
  if (!fs.existsSync(DOVECOT))
    return `Dovecot is not at ${DOVECOT} and could not be installed (apt-get install dovecot-imapd, or set DOVECOT_PATH)`;
  if (!mailUser())
    return 'no unprivileged user (dovenull or nobody) for Dovecot to run its login and mail processes as';
  return undefined;
}

/** The unprivileged user Dovecot's processes run as (its imap-login refuses root). */
function mailUser(): { name: string; uid: number; gid: number } | undefined {
  const passwd = fs.readFileSync('/etc/passwd', 'utf8').split('\n');
  for (const name of ['dovenull', 'nobody']) {
    const line = passwd.find((l) => l.startsWith(`${name}:`));
    if (line) {
      const [, , uid, gid] = line.split(':');
      return { name, uid: Number(uid), gid: Number(gid) };
    }
  }
  return undefined;
}

/** One user's mailbox: its login, and its INBOX read and written as maildir files. */
export interface Mailbox {
  user: string;
  password: string;
  /** Puts a raw mail into the INBOX (a new maildir file, unseen); answers the file's name. */
  deliver(raw: string | Buffer): string;
  /** Every mail of the INBOX with whether it is flagged \Seen (maildir's S flag). */
  mails(): { file: string; seen: boolean }[];
  /** Clears a mail's \Seen flag, as a person marking it unread would. */
  markUnseen(file: string): void;
}

export interface Dovecot {
  port: number;
  /** A mailbox of its own for each caller (up to USERS), so tests polling at once never read each other's mail. */
  mailbox(): Mailbox;
  logs(): string;
  stop(): Promise<void>;
}

const USERS = 8;

function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`Dovecot did not listen on ${port}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/**
 * A real IMAP server for the test: Dovecot with its own configuration in a temporary folder (never the
 * system's), on a free loopback port, one user with a plain password, mail in a maildir there, no TLS.
 */
export async function startDovecot(): Promise<Dovecot> {
  const owner = mailUser()!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-dovecot-'));
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const users = Array.from({ length: USERS }, (_, i) => ({ user: `support${i + 1}`, password: `imap-pass-${i + 1}` }));
  const mailRoot = path.join(dir, 'mail');
  for (const { user } of users)
    for (const sub of ['cur', 'new', 'tmp']) fs.mkdirSync(path.join(mailRoot, user, sub), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'passwd'),
    users.map(({ user, password }) => `${user}:{PLAIN}${password}::::::\n`).join(''),
  );
  fs.writeFileSync(
    path.join(dir, 'dovecot.conf'),
    [
      `base_dir = ${dir}/run`,
      `state_dir = ${dir}/state`,
      `instance_name = sb-dovecot-${port}`,
      `log_path = ${dir}/dovecot.log`,
      `info_log_path = ${dir}/dovecot.log`,
      'protocols = imap',
      `listen = 127.0.0.1`,
      'ssl = no',
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      `default_login_user = ${owner.name}`,
      `default_internal_user = ${owner.name}`,
      `default_internal_group = ${
        fs
          .readFileSync('/etc/group', 'utf8')
          .split('\n')
          .find((l) => l.split(':')[2] === String(owner.gid))
          ?.split(':')[0] ?? 'nogroup'
      }`,
      `mail_location = maildir:${mailRoot}/%u:INBOX=${mailRoot}/%u`,
      `first_valid_uid = ${owner.uid}`,
      'first_valid_gid = 0',
      `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN ${dir}/passwd\n}`,
      `userdb {\n  driver = static\n  args = uid=${owner.uid} gid=${owner.gid} home=${dir}/home\n}`,
      `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
      'service stats {\n  unix_listener stats-reader {\n    mode = 0666\n  }\n  unix_listener stats-writer {\n    mode = 0666\n  }\n}',
      '',
    ].join('\n'),
  );
  fs.mkdirSync(path.join(dir, 'home'));
  execFileSync('chown', ['-R', `${owner.uid}:${owner.gid}`, mailRoot, path.join(dir, 'home')]);
  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', path.join(dir, 'dovecot.conf')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const logs = () => {
    const file = path.join(dir, 'dovecot.log');
    return output + (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
  };
  try {
    await Promise.race([
      waitForPort(port, 15_000),
      new Promise((_, reject) =>
        child.once('exit', (code) => reject(new Error(`Dovecot exited (${code}): ${logs()}`))),
      ),
    ]);
  } catch (error) {
    child.kill();
    throw error;
  }
  let delivered = 0;
  let handedOut = 0;
  return {
    port,
    logs,
    mailbox() {
      if (handedOut === USERS) throw new Error(`only ${USERS} Dovecot mailboxes`);
      const { user, password } = users[handedOut++];
      const maildir = path.join(mailRoot, user);
      return {
        user,
        password,
        deliver(raw) {
          const name = `${Date.now()}.sb${++delivered}.${os.hostname()}`;
          const temporary = path.join(maildir, 'tmp', name);
          fs.writeFileSync(temporary, typeof raw === 'string' ? raw.replace(/\r?\n/g, '\n') : raw);
          fs.chownSync(temporary, owner.uid, owner.gid);
          fs.renameSync(temporary, path.join(maildir, 'new', name));
          return name;
        },
        mails() {
          return ['new', 'cur'].flatMap((sub) =>
            fs
              .readdirSync(path.join(maildir, sub))
              .map((file) => ({ file, seen: sub === 'cur' && /:2,[A-Z]*S/.test(file) })),
          );
        },
        markUnseen(file) {
          const from = ['new', 'cur'].map((sub) => path.join(maildir, sub, file)).find((p) => fs.existsSync(p));
          if (from && /:2,[A-Z]*S/.test(file))
            fs.renameSync(from, path.join(maildir, 'cur', file.replace(/(:2,[A-Z]*)S([A-Z]*)$/, '$1$2')));
        },
      };
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
