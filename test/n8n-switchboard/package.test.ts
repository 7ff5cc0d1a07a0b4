/**
 * The installable package: its own build (tsc) produces dist/, and dist/ is what n8n loads — the `n8n`
 * section's files exist, load with require() (CommonJS, as n8n loads community nodes), and describe the
 * nodes and the credential; icons sit where the descriptions point.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const pkgDir = path.resolve(import.meta.dirname, '../../packages/n8n-nodes-switchboard');
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));

describe('n8n-nodes-switchboard package', () => {
  it('builds dist/ with its own build script and every file the n8n section names loads with require()', () => {
    const built = spawnSync(process.execPath, [path.join(pkgDir, 'scripts/build.js')], { encoding: 'utf8' });
    expect(built.stderr + built.stdout).toBe('');
    expect(built.status).toBe(0);
    expect(pkg.keywords).toContain('n8n-community-node-package');
    expect(pkg.files).toEqual(['dist']);

    const require = createRequire(path.join(pkgDir, 'package.json'));
    const [credentialFile] = pkg.n8n.credentials;
    const { SwitchboardApi } = require(path.join(pkgDir, credentialFile));
    const credential = new SwitchboardApi();
    expect(credential.name).toBe('switchboardApi');
    expect(credential.properties.map((p: any) => p.name)).toEqual(['baseUrl', 'apiToken', 'accountId']);
    expect(credential.test.request).toMatchObject({ url: '/api/v1/profile' });

    const described = pkg.n8n.nodes.map((file: string) => {
      const mod = require(path.join(pkgDir, file));
      const NodeClass = Object.values(mod)[0] as new () => any;
      const { description } = new NodeClass();
      const icon = path.join(path.dirname(path.join(pkgDir, file)), description.icon.replace('file:', ''));
      expect(fs.existsSync(icon), icon).toBe(true);
      expect(description.credentials).toEqual([{ name: 'switchboardApi', required: true }]);
      return description;
    });
    expect(described.map((d: any) => d.name)).toEqual(['switchboard', 'switchboardTrigger']);
    const resources = described[0].properties.find((p: any) => p.name === 'resource').options.map((o: any) => o.value);
    expect(resources).toEqual([
      'session',
      'chatbot',
      'wtsContact',
      'tag',
      'department',
      'agent',
      'conversation',
      'message',
      'contact',
      'label',
      'inbox',
    ]);
  });
});
