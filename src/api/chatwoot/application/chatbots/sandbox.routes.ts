import type { App } from '../../../types.ts';
import { runSandbox } from '../../../../domain/chatbots/sandbox.ts';
import { validateFlow } from '../../../../domain/chatbots/validate.ts';
import { SandboxBody, SandboxResponse } from './sandbox.schema.ts';

/**
 * Switchboard addition: one turn of the flow builder's Test panel. The flow sent (saved or not) runs on the
 * engine's step handlers against a pretend contact and session; nothing is stored, no message is sent.
 * Managers only: an HTTP step makes its request for real.
 */
export default async function chatbotSandboxRoutes(app: App): Promise<void> {
  const { config } = app.deps;
  app.post(
    '/chatbots/sandbox',
    {
      config: { policy: 'agent_bots.manage' },
      schema: {
        tags: ['Agent Bots'],
        summary: 'Run a chatbot flow in the sandbox, one reply at a time',
        body: SandboxBody,
        response: { 200: SandboxResponse },
      },
    },
    async (request) => {
      const definition = validateFlow(request.body.definition);
      return runSandbox(definition, request.body, { allowPrivateNetworks: config.webhooks.allowPrivateNetworks });
    },
  );
}
