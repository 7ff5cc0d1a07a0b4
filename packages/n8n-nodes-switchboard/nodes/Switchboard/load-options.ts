import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { request, wtsPages } from './api.ts';
import { itemsOf } from './resources/shared.ts';

const named = (rows: any[], label: (row: any) => string): INodePropertyOptions[] =>
  rows.map((row) => ({ name: label(row), value: String(row.id) })).sort((a, b) => a.name.localeCompare(b.name));

/** The pickers' lists, read from the server (WTS dialect). */
export const loadOptions = {
  async getBots(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
    return named(await wtsPages(this, '/chat/v1/chatbot', { PageSize: 100 }, 20), (bot) => bot.name);
  },
  async getChannels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
    const channels = itemsOf(await request(this, 'GET', '/chat/v1/channel'));
    return named(
      channels,
      (c: any) =>
        [c.identity?.displayName ?? c.identity?.humanId, c.identity?.platform].filter(Boolean).join(' · ') ||
        String(c.id),
    );
  },
  async getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
    return named(itemsOf(await request(this, 'GET', '/core/v1/tag')), (t: any) => t.name);
  },
  async getAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
    return named(itemsOf(await request(this, 'GET', '/core/v1/agent')), (a: any) => a.name ?? a.email ?? String(a.id));
  },
  async getDepartments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
    return named(itemsOf(await request(this, 'GET', '/core/v1/department')), (d: any) => d.name);
  },
};
