import type { Page } from 'playwright-core';

/** A step's node on the flow builder's canvas. */
export const flowNode = (page: Page, id: string) => page.getByTestId(`step-${id}`);

/** Drags from a step's outlet (the field naming the next step) onto another step's input, as a person would. */
export async function connectSteps(page: Page, from: string, field: string, to: string): Promise<void> {
  await flowNode(page, from)
    .locator(`.react-flow__handle.source[data-handleid="${field}"]`)
    .dragTo(flowNode(page, to).locator('.react-flow__handle.target'));
}

/** From the signed-in dashboard to Settings → Chatbots. */
export async function openChatbotSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Chatbots', exact: true }).click();
}

/** Opens the builder's Test tab and runs the flow in the sandbox; answers the transcript. */
export async function runInTestPanel(page: Page) {
  await page.getByRole('tab', { name: 'Test' }).click();
  await page.getByRole('button', { name: 'Run' }).click();
  return page.getByRole('list', { name: 'Test conversation' });
}

/** Publishes a saved version from the builder's Versions tab. */
export async function publishVersion(page: Page, version: number): Promise<void> {
  await page.getByRole('tab', { name: 'Versions' }).click();
  await page.getByRole('button', { name: `Publish version ${version}` }).click();
}
