import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestContext } from '../helpers/context.ts';
import { conversationFixture } from '../helpers/fixtures.ts';
import { chromiumUnavailable, screenshot, signedInBrowser, until } from '../helpers/browser.ts';
import { connectSteps, flowNode, openChatbotSettings, publishVersion, runInTestPanel } from '../helpers/flow-canvas.ts';

const unavailable = chromiumUnavailable();
if (unavailable) console.warn(`browser tests skipped: ${unavailable}`);

const ctx = await createTestContext();
const { api, base, account } = await conversationFixture(ctx, 'Acme');
const origin = await ctx.app.listen({ port: 0, host: '127.0.0.1' });

const IMPORTED = {
  start: 'menu',
  steps: [
    {
      id: 'menu',
      kind: 'ask',
      text: 'Hi {{contact.name}}! Sales or support?',
      saveAs: 'topic',
      choices: [{ title: 'Sales' }, { title: 'Support', next: 'humans' }],
      next: 'route',
    },
    {
      id: 'route',
      kind: 'branch',
      rules: [{ source: 'var', key: 'topic', op: 'equals', value: 'Sales', next: 'lead' }],
      default: 'humans',
    },
    { id: 'lead', kind: 'tag', action: 'add', tag: 'lead', next: 'bye' },
    { id: 'humans', kind: 'handoff', departmentId: '00000000-0000-4000-8000-00000000abcd', text: 'A person will help' },
    { id: 'bye', kind: 'complete', text: 'Thanks!' },
  ],
};

describe.skipIf(Boolean(unavailable))('the flow builder in Chromium', { timeout: 120_000 }, () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ browser, page, errors } = await signedInBrowser(origin, account.email, account.password));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('builds a two-step flow with a choice on the canvas, shows the server’s error on the bad step, saves, publishes, runs it in the Test panel, exports and imports it as JSON', async () => {
    await openChatbotSettings(page);
    await page.getByText(/No chatbots yet/).waitFor();
    const create = page.getByRole('form', { name: 'New chatbot' });
    await create.getByLabel('Chatbot name').fill('Order helper');
    await create.getByRole('button', { name: 'Create and open' }).click();
    await page.getByRole('heading', { level: 2, name: 'Order helper' }).waitFor();
    await flowNode(page, 'hello').waitFor();

    // a second step: a question with a choice, made the start
    await page.getByLabel('Kind of step to add').selectOption('ask');
    await page.getByRole('button', { name: 'Add step' }).click();
    const form = page.getByRole('form', { name: 'Step ask_1' });
    await form.getByLabel('Text').fill('Sales or support?');
    await form.getByRole('button', { name: 'Make it the start' }).click();
    await form.getByRole('button', { name: 'Add choice' }).click();
    await form.getByLabel('Choice 1 title').fill('Sales');

    // saved before its reply has somewhere to go: the server names the step, the canvas marks it
    await page.getByRole('button', { name: 'Save draft' }).click();
    await flowNode(page, 'ask_1')
      .getByRole('alert')
      .getByText('step "ask_1": next is required: the step after the reply')
      .waitFor();
    await page.getByText('The flow was not saved: the marked steps need attention.').waitFor();
    expect((await api.get(`${base}/chatbots`)).body.payload[0].version).toBe(1);
    await screenshot(page, 'flow-builder-error');

    await connectSteps(page, 'ask_1', 'choices[0].next', 'hello');
    await connectSteps(page, 'ask_1', 'next', 'hello');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Version 2, not live (live: 1)').waitFor();
    await expect(flowNode(page, 'ask_1').getByRole('alert').count()).resolves.toBe(0);
    const id = (await api.get(`${base}/chatbots`)).body.payload[0].id;
    const saved = (await api.get(`${base}/chatbots/${id}`)).body;
    expect(saved.definition).toEqual({
      start: 'ask_1',
      steps: [
        { id: 'hello', kind: 'complete', text: 'Hello! How can we help?' },
        {
          id: 'ask_1',
          kind: 'ask',
          text: 'Sales or support?',
          saveAs: 'answer',
          choices: [{ title: 'Sales', next: 'hello' }],
          next: 'hello',
        },
      ],
    });

    await publishVersion(page, 2);
    await until(
      () => api.get(`${base}/chatbots/${id}`),
      (res) => res.body.version === 2,
      'version 2 live',
    );
    await page.getByRole('button', { name: 'Roll back to version 1' }).waitFor();

    const transcript = await runInTestPanel(page);
    await transcript.getByText('Sales or support?').waitFor();
    await transcript.getByRole('button', { name: 'Sales' }).click();
    await transcript.getByText('Hello! How can we help?').waitFor();
    await transcript.getByText('would complete the session').waitFor();
    await page.getByRole('region', { name: 'Variables' }).getByText('"answer": "Sales"').waitFor();
    await page.getByRole('button', { name: 'Arrange' }).click();
    await flowNode(page, 'hello').waitFor();
    await screenshot(page, 'flow-builder');

    // export and import as JSON: the file is the definition; an imported flow replaces the canvas, unsaved
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Order-helper.flow.json');
    expect(JSON.parse(fs.readFileSync((await download.path())!, 'utf8'))).toEqual(saved.definition);
    await page
      .getByLabel('Flow JSON file to import')
      .setInputFiles({ name: 'f.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(IMPORTED)) });
    await flowNode(page, 'route').waitFor();
    await expect(flowNode(page, 'hello').count()).resolves.toBe(0);
    await page.getByText('Unsaved changes').waitFor();
    await page.getByRole('tab', { name: 'Step' }).click();
    await page.getByRole('form', { name: 'Step menu' }).waitFor();
    await screenshot(page, 'flow-builder-imported');
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    await screenshot(page, 'flow-builder-dark');
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();

    // the sandbox stored nothing: the account's only conversation is the fixture's
    expect((await api.get(`${base}/conversations`, { status: 'all' })).body.data.meta.all_count).toBe(0);
    expect(errors).toEqual([]);
  });
});
