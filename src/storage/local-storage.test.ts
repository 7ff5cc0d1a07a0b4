import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalStorage } from './local-storage.ts';
import { newStorageKey } from './object-storage.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-local-storage-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const storage = new LocalStorage(path.join(root, 'attachments'));

async function read(stream: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

describe('local storage', () => {
  it('puts, gets and deletes files under its root, created as needed', async () => {
    const key = newStorageKey(new Date('2026-12-10T00:00:00Z'));
    expect(key).toMatch(/^2026\/12\/[0-9a-f]{32}$/);
    await storage.put(key, Readable.from(['hello ', 'storage']));
    expect(fs.existsSync(path.join(root, 'attachments', ...key.split('/')))).toBe(true);
    const object = await storage.get(key);
    expect(object?.length).toBe(13);
    expect(await read(object!.body)).toBe('hello storage');
    await storage.delete(key);
    expect(await storage.get(key)).toBeUndefined();
    await storage.delete(key);
  });

  it('keeps nothing of a stream that fails half way', async () => {
    const key = newStorageKey();
    let sent = false;
    const failing = new Readable({
      read() {
        if (!sent) this.push(Buffer.alloc(1000, 1));
        else this.destroy(new Error('client went away'));
        sent = true;
      },
    });
    await expect(storage.put(key, failing)).rejects.toThrow(/client went away/);
    expect(await storage.get(key)).toBeUndefined();
    expect(fs.readdirSync(path.join(root, 'attachments', '.partial'))).toEqual([]);
  });

  it('refuses any key it did not make: a key never names a path', async () => {
    for (const key of ['../../etc/passwd', '2026/12/../../x', '/etc/passwd', '2026/12/ABC', '']) {
      await expect(storage.get(key)).rejects.toThrow(/not a storage key/);
      await expect(storage.put(key, Readable.from(['x']))).rejects.toThrow(/not a storage key/);
      await expect(storage.delete(key)).rejects.toThrow(/not a storage key/);
    }
  });
});
