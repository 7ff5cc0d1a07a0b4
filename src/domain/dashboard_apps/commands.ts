import { deleteInAccount, getInAccount, updateInAccount } from '../../db/scoped.ts';
import type { Db } from '../../db/pool.ts';
import type { DashboardApp, DashboardAppFrame } from '../../db/types.ts';
import { validation } from '../../errors.ts';

/** An app shows at most this many frames (Chatwoot shows one; a few leave room without inviting abuse). */
const MAX_FRAMES = 5;

export interface DashboardAppInput {
  title?: string;
  /** Frames as Chatwoot's dashboard sends them: `url` (older clients: `link`) and `type: "frame"`. */
  content?: { url?: string; link?: string; type?: string }[];
  show_on_sidebar?: boolean;
}

/** Only http(s) pages can be framed; anything else (javascript:, data:) is refused by name. */
function frames(content: NonNullable<DashboardAppInput['content']>): DashboardAppFrame[] {
  if (!content.length) throw validation('Content must have at least one frame', ['content']);
  if (content.length > MAX_FRAMES) throw validation(`Content can have at most ${MAX_FRAMES} frames`, ['content']);
  return content.map((item, i) => {
    const url = (item.url ?? item.link ?? '').trim();
    if ((item.type ?? 'frame') !== 'frame') throw validation(`content[${i}].type must be "frame"`, ['content']);
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol))
      throw validation(`content[${i}].url must be an http(s) URL`, ['content']);
    return { type: 'frame', url: parsed.href };
  });
}

function columns(input: DashboardAppInput) {
  const out: { title?: string; content?: string; show_on_sidebar?: boolean } = {};
  if (input.title !== undefined) {
    out.title = input.title.trim();
    if (!out.title) throw validation("Title can't be blank", ['title']);
  }
  if (input.content !== undefined) out.content = JSON.stringify(frames(input.content));
  if (input.show_on_sidebar !== undefined) out.show_on_sidebar = input.show_on_sidebar;
  return out;
}

export function listDashboardApps(db: Db, accountId: number): Promise<DashboardApp[]> {
  return db.selectFrom('dashboard_apps').selectAll().where('account_id', '=', accountId).orderBy('id').execute();
}

export function getDashboardApp(db: Db, accountId: number, id: number): Promise<DashboardApp> {
  return getInAccount(db, 'dashboard_apps', accountId, id);
}

export async function createDashboardApp(
  db: Db,
  accountId: number,
  userId: number | null,
  input: DashboardAppInput,
): Promise<DashboardApp> {
  const values = columns(input);
  if (values.title === undefined) throw validation("Title can't be blank", ['title']);
  if (values.content === undefined) throw validation('Content must have at least one frame', ['content']);
  return db
    .insertInto('dashboard_apps')
    .values({ ...values, title: values.title, content: values.content, account_id: accountId, user_id: userId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateDashboardApp(
  db: Db,
  accountId: number,
  id: number,
  input: DashboardAppInput,
): Promise<DashboardApp> {
  return updateInAccount(db, 'dashboard_apps', accountId, id, columns(input));
}

export async function deleteDashboardApp(db: Db, accountId: number, id: number): Promise<void> {
  await deleteInAccount(db, 'dashboard_apps', accountId, id);
}
