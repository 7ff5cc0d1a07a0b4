import type {
  ICredentialDataDecryptedObject,
  ICredentialTestRequest,
  ICredentialType,
  IHttpRequestOptions,
  INodeProperties,
} from 'n8n-workflow';

/**
 * A Switchboard user's access token. Switchboard speaks two dialects with the same token: the WTS
 * dialect reads `Authorization: Bearer <token>`, the Chatwoot dialect `api_access_token: <token>`; every
 * request carries both headers.
 */
export class SwitchboardApi implements ICredentialType {
  name = 'switchboardApi';
  displayName = 'Switchboard API';
  documentationUrl = 'https://github.com/switchboard/switchboard#n8n';
  icon = 'file:../nodes/Switchboard/switchboard.svg' as const;
  properties: INodeProperties[] = [
    {
      displayName: 'Base URL',
      name: 'baseUrl',
      type: 'string',
      default: 'http://localhost:3000',
      placeholder: 'https://switchboard.example.com',
      description: 'Where your Switchboard answers, without a trailing path',
      required: true,
    },
    {
      displayName: 'API Token',
      name: 'apiToken',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      description: 'An access token from Profile Settings (the same token serves both dialects)',
      required: true,
    },
    {
      displayName: 'Account ID',
      name: 'accountId',
      type: 'number',
      default: 0,
      description: "The account the Chatwoot-dialect operations act in; 0 takes the token's own account",
    },
  ];

  async authenticate(
    credentials: ICredentialDataDecryptedObject,
    requestOptions: IHttpRequestOptions,
  ): Promise<IHttpRequestOptions> {
    const token = String(credentials.apiToken ?? '');
    return {
      ...requestOptions,
      headers: { ...requestOptions.headers, Authorization: `Bearer ${token}`, api_access_token: token },
    };
  }

  /** The signed-in user's profile: answers 200 only for a valid token. */
  test: ICredentialTestRequest = {
    request: { baseURL: '={{$credentials.baseUrl}}', url: '/api/v1/profile', method: 'GET' },
  };
}
