// Generated from Switchboard's /openapi.json by packages/sdk/scripts/openapi-to-ts.ts. Do not edit:
// regenerate with `npm run generate -w packages/sdk` (see the package README). A test fails when this drifts.

/* eslint-disable */
export interface Paths {
  "/api": {
    get: {
      response: {
        version: string;
        timestamp: string;
        queue_services: string;
        data_services: string;
      };
    };
  };
  "/api/v1/accounts/{account_id}": {
    get: {
      path: { account_id: string | number; };
      response: {
        settings: Record<string, unknown>;
        created_at: string;
        custom_attributes?: Record<string, unknown>;
        domain: string | null;
        features: Record<string, unknown>;
        id: number;
        locale: string;
        name: string;
        support_email: string | null;
        status: string;
        cache_keys: Record<string, unknown>;
        latest_chatwoot_version: string;
      };
    };
    put: {
      path: { account_id: string | number; };
      body: {
        name?: string;
        locale?: string;
        domain?: string | null;
        support_email?: string | null;
        auto_resolve_after?: number | null;
        industry?: string;
        company_size?: string;
        timezone?: string;
      };
      response: {
        settings: Record<string, unknown>;
        created_at: string;
        custom_attributes?: Record<string, unknown>;
        domain: string | null;
        features: Record<string, unknown>;
        id: number;
        locale: string;
        name: string;
        support_email: string | null;
        status: string;
        cache_keys: Record<string, unknown>;
        latest_chatwoot_version: string;
      };
    };
    patch: {
      path: { account_id: string | number; };
      body: {
        name?: string;
        locale?: string;
        domain?: string | null;
        support_email?: string | null;
        auto_resolve_after?: number | null;
        industry?: string;
        company_size?: string;
        timezone?: string;
      };
      response: {
        settings: Record<string, unknown>;
        created_at: string;
        custom_attributes?: Record<string, unknown>;
        domain: string | null;
        features: Record<string, unknown>;
        id: number;
        locale: string;
        name: string;
        support_email: string | null;
        status: string;
        cache_keys: Record<string, unknown>;
        latest_chatwoot_version: string;
      };
    };
  };
  "/api/v1/accounts/{account_id}/actions/contact_merge": {
    post: {
      path: { account_id: string | number; };
      body: {
        base_contact_id: number;
        mergee_contact_id: number;
      };
      response: {
        additional_attributes: Record<string, unknown>;
        availability_status: string;
        email: string | null;
        id: number;
        name: string | null;
        phone_number: string | null;
        blocked: boolean;
        identifier: string | null;
        thumbnail: string;
        custom_attributes: Record<string, unknown>;
        last_activity_at?: number;
        created_at: number;
        contact_inboxes?: Array<{
          source_id: string;
          inbox: {
            id: number;
            avatar_url: string;
            channel_id: number;
            name: string;
            channel_type: string;
            provider: string | null;
          };
        }>;
        labels?: Array<string>;
      };
    };
  };
  "/api/v1/accounts/{account_id}/agent_bots": {
    get: {
      path: { account_id: string | number; };
      response: Array<{
        id: number;
        name: string;
        description: string | null;
        thumbnail: string;
        outgoing_url?: string | null;
        bot_type: string;
        bot_config: Record<string, unknown>;
        account_id: number | null;
        access_token?: string;
        system_bot: boolean;
      }>;
    };
    post: {
      path: { account_id: string | number; };
      body: {
        name: string;
        description?: string | null;
        outgoing_url?: string | null;
        bot_type?: "webhook" | 0;
        bot_config?: Record<string, unknown>;
        avatar_url?: string | null;
      };
      response: {
        id: number;
        name: string;
        description: string | null;
        thumbnail: string;
        outgoing_url?: string | null;
        bot_type: string;
        bot_config: Record<string, unknown>;
        account_id: number | null;
        access_token?: string;
        system_bot: boolean;
      };
    };
  };
  "/api/v1/accounts/{account_id}/agent_bots/{id}": {
    get: {
      path: { account_id: string | number; id: string | number; };
      response: {
        id: number;
        name: string;
        description: string | null;
        thumbnail: string;
        outgoing_url?: string | null;
        bot_type: string;
        bot_config: Record<string, unknown>;
        account_id: number | null;
        access_token?: string;
        system_bot: boolean;
      };
    };
    put: {
      path: { account_id: string | number; id: string | number; };
      body: {
        name?: string;
        description?: string | null;
        outgoing_url?: string | null;
        bot_type?: "webhook" | 0;
        bot_config?: Record<string, unknown>;
        avatar_url?: string | null;
      };
      response: {
        id: number;
        name: string;
        description: string | null;
        thumbnail: string;
        outgoing_url?: string | null;
        bot_type: string;
        bot_config: Record<string, unknown>;
        account_id: number | null;
        access_token?: string;
        system_bot: boolean;
      };
    };
    patch: {
      path: { account_id: string | number; id: string | number; };
      body: {
        name?: string;
        description?: string | null;
        outgoing_url?: string | null;
        bot_type?: "webhook" | 0;
        bot_config?: Record<string, unknown>;
        avatar_url?: string | null;
      };
      response: {
        id: number;
        name: string;
        description: string | null;
        thumbnail: string;
        outgoing_url?: string | null;
        bot_type: string;
        bot_config: Record<string, unknown>;
        account_id: number | null;
        access_token?: string;
        system_bot: boolean;
      };
    };
    delete: {
      path: { account_id: string | number; id: string | number; };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/agent_bots/{id}/avatar": {
    delete: {
      path: { account_id: string | number; id: string | number; };
      response: {
        id: number;
        name: string;
        description: string | null;
        thumbnail: string;
        outgoing_url?: string | null;
        bot_type: string;
        bot_config: Record<string, unknown>;
        account_id: number | null;
        access_token?: string;
        system_bot: boolean;
      };
    };
  };
  "/api/v1/accounts/{account_id}/agent_bots/{id}/reset_access_token": {
    post: {
      path: { account_id: string | number; id: string | number; };
      response: {
        id: number;
        name: string;
        description: string | null;
        thumbnail: string;
        outgoing_url?: string | null;
        bot_type: string;
        bot_config: Record<string, unknown>;
        account_id: number | null;
        access_token?: string;
        system_bot: boolean;
      };
    };
  };
  "/api/v1/accounts/{account_id}/agents": {
    get: {
      path: { account_id: string | number; };
      response: Array<{
        id: number;
        account_id: number;
        availability_status: string;
        auto_offline: boolean;
        confirmed: boolean;
        email: string;
        provider: string;
        available_name: string;
        custom_attributes?: Record<string, unknown>;
        name: string;
        role: string;
        thumbnail: string;
      }>;
    };
    post: {
      path: { account_id: string | number; };
      body: {
        email: string;
        name?: string;
        role?: "agent" | "administrator";
        availability?: "online" | "busy" | "offline" | "available";
        availability_status?: "online" | "busy" | "offline" | "available";
        auto_offline?: boolean;
      };
      response: {
        id: number;
        account_id: number;
        availability_status: string;
        auto_offline: boolean;
        confirmed: boolean;
        email: string;
        provider: string;
        available_name: string;
        custom_attributes?: Record<string, unknown>;
        name: string;
        role: string;
        thumbnail: string;
      };
    };
  };
  "/api/v1/accounts/{account_id}/agents/bulk_create": {
    post: {
      path: { account_id: string | number; };
      body: {
        emails: Array<string>;
      };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/agents/{id}": {
    put: {
      path: { account_id: string | number; id: string | number; };
      body: {
        name?: string;
        role?: "agent" | "administrator";
        availability?: "online" | "busy" | "offline" | "available";
        auto_offline?: boolean;
      };
      response: {
        id: number;
        account_id: number;
        availability_status: string;
        auto_offline: boolean;
        confirmed: boolean;
        email: string;
        provider: string;
        available_name: string;
        custom_attributes?: Record<string, unknown>;
        name: string;
        role: string;
        thumbnail: string;
      };
    };
    patch: {
      path: { account_id: string | number; id: string | number; };
      body: {
        name?: string;
        role?: "agent" | "administrator";
        availability?: "online" | "busy" | "offline" | "available";
        auto_offline?: boolean;
      };
      response: {
        id: number;
        account_id: number;
        availability_status: string;
        auto_offline: boolean;
        confirmed: boolean;
        email: string;
        provider: string;
        available_name: string;
        custom_attributes?: Record<string, unknown>;
        name: string;
        role: string;
        thumbnail: string;
      };
    };
    delete: {
      path: { account_id: string | number; id: string | number; };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/agents/{id}/invitation": {
    post: {
      path: { account_id: string | number; id: string | number; };
      response: {
        invitation_url: string;
        mailed: boolean;
      };
    };
  };
  "/api/v1/accounts/{account_id}/assignable_agents": {
    get: {
      path: { account_id: string | number; };
      query: {
        inbox_ids: Array<number>;
      };
      response: {
        payload: Array<{
          id: number;
          account_id: number;
          availability_status: string;
          auto_offline: boolean;
          confirmed: boolean;
          email: string;
          provider: string;
          available_name: string;
          custom_attributes?: Record<string, unknown>;
          name: string;
          role: string;
          thumbnail: string;
        }>;
      };
    };
  };
  "/api/v1/accounts/{account_id}/automation_rules": {
    get: {
      path: { account_id: string | number; };
      query: {
        page?: number;
      };
      response: {
        payload: Array<{
          id: number;
          account_id: number;
          name: string;
          description: string | null;
          event_name: string;
          conditions: Array<Record<string, unknown>>;
          actions: Array<Record<string, unknown>>;
          created_on: number;
          active: boolean;
          files?: Array<{
            id: number;
            automation_rule_id?: number;
            macro_id?: number;
            file_type: string;
            account_id: number;
            file_url: string;
            blob_id: number;
            filename: string;
          }>;
        }>;
      };
    };
    post: {
      path: { account_id: string | number; };
      body: {
        name: string;
        description?: string | null;
        event_name: string;
        active?: boolean;
        conditions?: Array<{
          attribute_key: string;
          filter_operator: string;
          values?: Array<unknown>;
          query_operator?: string | null;
          custom_attribute_type?: string | null;
          [key: string]: unknown;
        }>;
        actions: Array<{
          action_name: string;
          action_params?: Array<unknown>;
          [key: string]: unknown;
        }>;
      };
      response: {
        id: number;
        account_id: number;
        name: string;
        description: string | null;
        event_name: string;
        conditions: Array<Record<string, unknown>>;
        actions: Array<Record<string, unknown>>;
        created_on: number;
        active: boolean;
        files?: Array<{
          id: number;
          automation_rule_id?: number;
          macro_id?: number;
          file_type: string;
          account_id: number;
          file_url: string;
          blob_id: number;
          filename: string;
        }>;
      };
    };
  };
  "/api/v1/accounts/{account_id}/automation_rules/attach_file": {
    post: {
      path: { account_id: string | number; };
      body: {
        attachment?: unknown;
      };
      response: {
        blob_key: string;
        blob_id: number;
      };
    };
  };
  "/api/v1/accounts/{account_id}/automation_rules/{id}": {
    get: {
      path: { account_id: string | number; id: string | number; };
      response: {
        payload: {
          id: number;
          account_id: number;
          name: string;
          description: string | null;
          event_name: string;
          conditions: Array<Record<string, unknown>>;
          actions: Array<Record<string, unknown>>;
          created_on: number;
          active: boolean;
          files?: Array<{
            id: number;
            automation_rule_id?: number;
            macro_id?: number;
            file_type: string;
            account_id: number;
            file_url: string;
            blob_id: number;
            filename: string;
          }>;
        };
      };
    };
    put: {
      path: { account_id: string | number; id: string | number; };
      body: {
        name?: string;
        description?: string | null;
        event_name?: string;
        active?: boolean;
        conditions?: Array<{
          attribute_key: string;
          filter_operator: string;
          values?: Array<unknown>;
          query_operator?: string | null;
          custom_attribute_type?: string | null;
          [key: string]: unknown;
        }>;
        actions?: Array<{
          action_name: string;
          action_params?: Array<unknown>;
          [key: string]: unknown;
        }>;
      };
      response: {
        payload: {
          id: number;
          account_id: number;
          name: string;
          description: string | null;
          event_name: string;
          conditions: Array<Record<string, unknown>>;
          actions: Array<Record<string, unknown>>;
          created_on: number;
          active: boolean;
          files?: Array<{
            id: number;
            automation_rule_id?: number;
            macro_id?: number;
            file_type: string;
            account_id: number;
            file_url: string;
            blob_id: number;
            filename: string;
          }>;
        };
      };
    };
    patch: {
      path: { account_id: string | number; id: string | number; };
      body: {
        name?: string;
        description?: string | null;
        event_name?: string;
        active?: boolean;
        conditions?: Array<{
          attribute_key: string;
          filter_operator: string;
          values?: Array<unknown>;
          query_operator?: string | null;
          custom_attribute_type?: string | null;
          [key: string]: unknown;
        }>;
        actions?: Array<{
          action_name: string;
          action_params?: Array<unknown>;
          [key: string]: unknown;
        }>;
      };
      response: {
        payload: {
          id: number;
          account_id: number;
          name: string;
          description: string | null;
          event_name: string;
          conditions: Array<Record<string, unknown>>;
          actions: Array<Record<string, unknown>>;
          created_on: number;
          active: boolean;
          files?: Array<{
            id: number;
            automation_rule_id?: number;
            macro_id?: number;
            file_type: string;
            account_id: number;
            file_url: string;
            blob_id: number;
            filename: string;
          }>;
        };
      };
    };
    delete: {
      path: { account_id: string | number; id: string | number; };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/automation_rules/{id}/clone": {
    post: {
      path: { account_id: string | number; id: string | number; };
      response: {
        payload: {
          id: number;
          account_id: number;
          name: string;
          description: string | null;
          event_name: string;
          conditions: Array<Record<string, unknown>>;
          actions: Array<Record<string, unknown>>;
          created_on: number;
          active: boolean;
          files?: Array<{
            id: number;
            automation_rule_id?: number;
            macro_id?: number;
            file_type: string;
            account_id: number;
            file_url: string;
            blob_id: number;
            filename: string;
          }>;
        };
      };
    };
  };
  "/api/v1/accounts/{account_id}/automation_rules/{id}/runs": {
    get: {
      path: { account_id: string | number; id: string | number; };
      query: {
        page?: number;
      };
      response: {
        payload: Array<{
          id: number;
          event_name: string;
          status: string;
          depth: number;
          conversation_id: number | null;
          message_id: number | null;
          actions: Array<Record<string, unknown>>;
          error: string | null;
          created_at: string;
          finished_at: string | null;
          calls: Array<{
            id: number;
            action_name: string;
            status: string;
            attempts: number;
            next_attempt_at: string | null;
            last_status_code: number | null;
            last_error: string | null;
            attempt_log: Array<Record<string, unknown>>;
          }>;
        }>;
        meta: {
          current_page: number;
        };
      };
    };
  };
  "/api/v1/accounts/{account_id}/canned_responses": {
    get: {
      path: { account_id: string | number; };
      query: {
        search?: string;
      };
      response: Array<{
        id: number;
        account_id: number;
        short_code: string;
        content: string;
        created_at: string;
        updated_at: string;
      }>;
    };
    post: {
      path: { account_id: string | number; };
      body: {
        short_code: string;
        content: string;
      };
      response: {
        id: number;
        account_id: number;
        short_code: string;
        content: string;
        created_at: string;
        updated_at: string;
      };
    };
  };
  "/api/v1/accounts/{account_id}/canned_responses/{id}": {
    put: {
      path: { account_id: string | number; id: string | number; };
      body: {
        short_code?: string;
        content?: string;
      };
      response: {
        id: number;
        account_id: number;
        short_code: string;
        content: string;
        created_at: string;
        updated_at: string;
      };
    };
    patch: {
      path: { account_id: string | number; id: string | number; };
      body: {
        short_code?: string;
        content?: string;
      };
      response: {
        id: number;
        account_id: number;
        short_code: string;
        content: string;
        created_at: string;
        updated_at: string;
      };
    };
    delete: {
      path: { account_id: string | number; id: string | number; };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/chatbots": {
    get: {
      path: { account_id: string | number; };
      query: {
        page?: number;
      };
      response: {
        payload: Array<{
          id: string;
          key: string;
          name: string;
          description: string | null;
          version: number;
          created_at: string;
          updated_at: string;
        }>;
        meta: {
          count: number;
          current_page: number;
        };
      };
    };
    post: {
      path: { account_id: string | number; };
      body: {
        name: string;
        description?: string | null;
        definition: Record<string, unknown>;
      };
      response: {
        id: string;
        key: string;
        name: string;
        description: string | null;
        version: number;
        created_at: string;
        updated_at: string;
        definition: Record<string, unknown>;
        definition_version: number;
        versions: Array<{
          version: number;
          created_at: string;
          live: boolean;
        }>;
      };
    };
  };
  "/api/v1/accounts/{account_id}/chatbots/sandbox": {
    post: {
      path: { account_id: string | number; };
      body: {
        definition: Record<string, unknown>;
        state?: {
          step: string | null;
          variables: Record<string, unknown>;
          contact: {
            name: string;
            email: string | null;
            phone: string | null;
            fields: Record<string, unknown>;
            tags: Array<string>;
          };
          session: {
            metadata: Record<string, unknown>;
          };
        };
        reply?: string;
      };
      response: {
        status: "waiting" | "finished" | "failed";
        reason: string | null;
        messages: Array<{
          step: string;
          text?: string;
          mediaUrl?: string;
          choices?: Array<{
            title: string;
            value?: string;
            next?: string;
          }>;
          choiceStyle?: string;
        }>;
        events: Array<{
          step: string;
          text: string;
        }>;
        state: {
          step: string | null;
          variables: Record<string, unknown>;
          contact: {
            name: string;
            email: string | null;
            phone: string | null;
            fields: Record<string, unknown>;
            tags: Array<string>;
          };
          session: {
            metadata: Record<string, unknown>;
          };
        };
      };
    };
  };
  "/api/v1/accounts/{account_id}/chatbots/{id}": {
    get: {
      path: { account_id: string | number; id: string | number; };
      query: {
        version?: number;
      };
      response: {
        id: string;
        key: string;
        name: string;
        description: string | null;
        version: number;
        created_at: string;
        updated_at: string;
        definition: Record<string, unknown>;
        definition_version: number;
        versions: Array<{
          version: number;
          created_at: string;
          live: boolean;
        }>;
      };
    };
    put: {
      path: { account_id: string | number; id: string | number; };
      body: {
        name?: string;
        description?: string | null;
        definition?: Record<string, unknown>;
        publish?: boolean;
      };
      response: {
        id: string;
        key: string;
        name: string;
        description: string | null;
        version: number;
        created_at: string;
        updated_at: string;
        definition: Record<string, unknown>;
        definition_version: number;
        versions: Array<{
          version: number;
          created_at: string;
          live: boolean;
        }>;
      };
    };
    patch: {
      path: { account_id: string | number; id: string | number; };
      body: {
        name?: string;
        description?: string | null;
        definition?: Record<string, unknown>;
        publish?: boolean;
      };
      response: {
        id: string;
        key: string;
        name: string;
        description: string | null;
        version: number;
        created_at: string;
        updated_at: string;
        definition: Record<string, unknown>;
        definition_version: number;
        versions: Array<{
          version: number;
          created_at: string;
          live: boolean;
        }>;
      };
    };
    delete: {
      path: { account_id: string | number; id: string | number; };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/chatbots/{id}/publish": {
    post: {
      path: { account_id: string | number; id: string | number; };
      body: {
        version: number;
      };
      response: {
        id: string;
        key: string;
        name: string;
        description: string | null;
        version: number;
        created_at: string;
        updated_at: string;
        definition: Record<string, unknown>;
        definition_version: number;
        versions: Array<{
          version: number;
          created_at: string;
          live: boolean;
        }>;
      };
    };
  };
  "/api/v1/accounts/{account_id}/contact_inboxes/filter": {
    post: {
      path: { account_id: string | number; };
      body: {
        inbox_id: number;
        source_id: string;
      };
      response: {
        additional_attributes: Record<string, unknown>;
        availability_status: string;
        email: string | null;
        id: number;
        name: string | null;
        phone_number: string | null;
        blocked: boolean;
        identifier: string | null;
        thumbnail: string;
        custom_attributes: Record<string, unknown>;
        last_activity_at?: number;
        created_at: number;
        contact_inboxes?: Array<{
          source_id: string;
          inbox: {
            id: number;
            avatar_url: string;
            channel_id: number;
            name: string;
            channel_type: string;
            provider: string | null;
          };
        }>;
        labels?: Array<string>;
      };
    };
  };
  "/api/v1/accounts/{account_id}/contacts": {
    get: {
      path: { account_id: string | number; };
      query: {
        page?: number;
        sort?: string;
        labels?: Array<string>;
        include_contact_inboxes?: boolean;
        include_labels?: boolean;
      };
      response: {
        meta: {
          count: number | null;
          current_page: number | string;
        };
        payload: Array<{
          additional_attributes: Record<string, unknown>;
          availability_status: string;
          email: string | null;
          id: number;
          name: string | null;
          phone_number: string | null;
          blocked: boolean;
          identifier: string | null;
          thumbnail: string;
          custom_attributes: Record<string, unknown>;
          last_activity_at?: number;
          created_at: number;
          contact_inboxes?: Array<{
            source_id: string;
            inbox: {
              id: number;
              avatar_url: string;
              channel_id: number;
              name: string;
              channel_type: string;
              provider: string | null;
            };
          }>;
          labels?: Array<string>;
        }>;
      };
    };
    post: {
      path: { account_id: string | number; };
      body: {
        name?: string | null;
        email?: string | null;
        phone_number?: string | null;
        identifier?: string | null;
        blocked?: boolean;
        avatar_url?: string | null;
        additional_attributes?: Record<string, unknown>;
        custom_attributes?: Record<string, unknown>;
        inbox_id?: number;
        source_id?: string | null;
      };
      response: {
        payload: {
          contact: {
            additional_attributes: Record<string, unknown>;
            availability_status: string;
            email: string | null;
            id: number;
            name: string | null;
            phone_number: string | null;
            blocked: boolean;
            identifier: string | null;
            thumbnail: string;
            custom_attributes: Record<string, unknown>;
            last_activity_at?: number;
            created_at: number;
            contact_inboxes?: Array<{
              source_id: string;
              inbox: {
                id: number;
                avatar_url: string;
                channel_id: number;
                name: string;
                channel_type: string;
                provider: string | null;
              };
            }>;
            labels?: Array<string>;
          };
          contact_inbox: {
            inbox: Record<string, unknown> | null;
            source_id: string | null;
          };
        };
      };
    };
  };
  "/api/v1/accounts/{account_id}/contacts/active": {
    get: {
      path: { account_id: string | number; };
      query: {
        page?: number;
      };
      response: {
        meta: {
          count: number | null;
          current_page: number | string;
        };
        payload: Array<{
          additional_attributes: Record<string, unknown>;
          availability_status: string;
          email: string | null;
          id: number;
          name: string | null;
          phone_number: string | null;
          blocked: boolean;
          identifier: string | null;
          thumbnail: string;
          custom_attributes: Record<string, unknown>;
          last_activity_at?: number;
          created_at: number;
          contact_inboxes?: Array<{
            source_id: string;
            inbox: {
              id: number;
              avatar_url: string;
              channel_id: number;
              name: string;
              channel_type: string;
              provider: string | null;
            };
          }>;
          labels?: Array<string>;
        }>;
      };
    };
  };
  "/api/v1/accounts/{account_id}/contacts/export": {
    get: {
      path: { account_id: string | number; };
      query: {
        label?: string;
        column_names?: Array<string>;
      };
      response: unknown;
    };
    post: {
      path: { account_id: string | number; };
      body: {
        label?: string;
        column_names?: Array<string>;
        payload?: Array<{
          attribute_key: string;
          filter_operator: string;
          values?: unknown;
          query_operator?: string | null;
          attribute_model?: string;
          custom_attribute_type?: string;
          [key: string]: unknown;
        }>;
      };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/contacts/filter": {
    post: {
      path: { account_id: string | number; };
      query: {
        page?: number;
        sort?: string;
        q?: string;
        include_labels?: boolean;
        custom_filter_id?: number | string;
      };
      body: {
        payload?: Array<{
          attribute_key: string;
          filter_operator: string;
          values?: unknown;
          query_operator?: string | null;
          attribute_model?: string;
          custom_attribute_type?: string;
          [key: string]: unknown;
        }>;
        page?: number;
        custom_filter_id?: number | string;
      };
      response: {
        meta: {
          count: number | null;
          current_page: number | string;
        };
        payload: Array<{
          additional_attributes: Record<string, unknown>;
          availability_status: string;
          email: string | null;
          id: number;
          name: string | null;
          phone_number: string | null;
          blocked: boolean;
          identifier: string | null;
          thumbnail: string;
          custom_attributes: Record<string, unknown>;
          last_activity_at?: number;
          created_at: number;
          contact_inboxes?: Array<{
            source_id: string;
            inbox: {
              id: number;
              avatar_url: string;
              channel_id: number;
              name: string;
              channel_type: string;
              provider: string | null;
            };
          }>;
          labels?: Array<string>;
        }>;
      };
    };
  };
  "/api/v1/accounts/{account_id}/contacts/import": {
    post: {
      path: { account_id: string | number; };
      body: {
        import_file?: unknown;
      };
      response: {
        created: number;
        updated: number;
        unchanged: number;
        skipped: Array<{
          row: number;
          error: string;
        }>;
      };
    };
  };
  "/api/v1/accounts/{account_id}/contacts/search": {
    get: {
      path: { account_id: string | number; };
      query: {
        q?: string;
        page?: number;
        sort?: string;
        include_contact_inboxes?: boolean;
        include_labels?: boolean;
      };
      response: {
        meta: {
          count: number | null;
          current_page: number | string;
        };
        payload: Array<{
          additional_attributes: Record<string, unknown>;
          availability_status: string;
          email: string | null;
          id: number;
          name: string | null;
          phone_number: string | null;
          blocked: boolean;
          identifier: string | null;
          thumbnail: string;
          custom_attributes: Record<string, unknown>;
          last_activity_at?: number;
          created_at: number;
          contact_inboxes?: Array<{
            source_id: string;
            inbox: {
              id: number;
              avatar_url: string;
              channel_id: number;
              name: string;
              channel_type: string;
              provider: string | null;
            };
          }>;
          labels?: Array<string>;
        }>;
      };
    };
  };
  "/api/v1/accounts/{account_id}/contacts/{id}": {
    get: {
      path: { account_id: string | number; id: string | number; };
      response: {
        payload: {
          additional_attributes: Record<string, unknown>;
          availability_status: string;
          email: string | null;
          id: number;
          name: string | null;
          phone_number: string | null;
          blocked: boolean;
          identifier: string | null;
          thumbnail: string;
          custom_attributes: Record<string, unknown>;
          last_activity_at?: number;
          created_at: number;
          contact_inboxes?: Array<{
            source_id: string;
            inbox: {
              id: number;
              avatar_url: string;
              channel_id: number;
              name: string;
              channel_type: string;
              provider: string | null;
            };
          }>;
          labels?: Array<string>;
        };
      };
    };
    put: {
      path: { account_id: string | number; id: string | number; };
      body: {
        name?: string | null;
        email?: string | null;
        phone_number?: string | null;
        identifier?: string | null;
        blocked?: boolean;
        avatar_url?: string | null;
        additional_attributes?: Record<string, unknown>;
        custom_attributes?: Record<string, unknown>;
      };
      response: {
        payload: {
          additional_attributes: Record<string, unknown>;
          availability_status: string;
          email: string | null;
          id: number;
          name: string | null;
          phone_number: string | null;
          blocked: boolean;
          identifier: string | null;
          thumbnail: string;
          custom_attributes: Record<string, unknown>;
          last_activity_at?: number;
          created_at: number;
          contact_inboxes?: Array<{
            source_id: string;
            inbox: {
              id: number;
              avatar_url: string;
              channel_id: number;
              name: string;
              channel_type: string;
              provider: string | null;
            };
          }>;
          labels?: Array<string>;
        };
      };
    };
    patch: {
      path: { account_id: string | number; id: string | number; };
      body: {
        name?: string | null;
        email?: string | null;
        phone_number?: string | null;
        identifier?: string | null;
        blocked?: boolean;
        avatar_url?: string | null;
        additional_attributes?: Record<string, unknown>;
        custom_attributes?: Record<string, unknown>;
      };
      response: {
        payload: {
          additional_attributes: Record<string, unknown>;
          availability_status: string;
          email: string | null;
          id: number;
          name: string | null;
          phone_number: string | null;
          blocked: boolean;
          identifier: string | null;
          thumbnail: string;
          custom_attributes: Record<string, unknown>;
          last_activity_at?: number;
          created_at: number;
          contact_inboxes?: Array<{
            source_id: string;
            inbox: {
              id: number;
              avatar_url: string;
              channel_id: number;
              name: string;
              channel_type: string;
              provider: string | null;
            };
          }>;
          labels?: Array<string>;
        };
      };
    };
    delete: {
      path: { account_id: string | number; id: string | number; };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/contacts/{id}/avatar": {
    delete: {
      path: { account_id: string | number; id: string | number; };
      response: {
        payload: {
          additional_attributes: Record<string, unknown>;
          availability_status: string;
          email: string | null;
          id: number;
          name: string | null;
          phone_number: string | null;
          blocked: boolean;
          identifier: string | null;
          thumbnail: string;
          custom_attributes: Record<string, unknown>;
          last_activity_at?: number;
          created_at: number;
          contact_inboxes?: Array<{
            source_id: string;
            inbox: {
              id: number;
              avatar_url: string;
              channel_id: number;
              name: string;
              channel_type: string;
              provider: string | null;
            };
          }>;
          labels?: Array<string>;
        };
      };
    };
  };
  "/api/v1/accounts/{account_id}/contacts/{id}/contact_inboxes": {
    post: {
      path: { account_id: string | number; id: string | number; };
      body: {
        inbox_id: number;
        source_id?: string | null;
        hmac_verified?: boolean;
      };
      response: {
        source_id: string;
        inbox: {
          id: number;
          avatar_url: string;
          channel_id: number;
          name: string;
          channel_type: string;
          provider: string | null;
        };
      };
    };
  };
  "/api/v1/accounts/{account_id}/contacts/{id}/contactable_inboxes": {
    get: {
      path: { account_id: string | number; id: string | number; };
      response: {
        payload: Array<{
          source_id: string | null;
          inbox: Record<string, unknown>;
        }>;
      };
    };
  };
  "/api/v1/accounts/{account_id}/contacts/{id}/conversations": {
    get: {
      path: { account_id: string | number; id: string | number; };
      response: {
        payload: Array<{
          meta: {
            sender: {
              additional_attributes: Record<string, unknown>;
              availability_status: string;
              email: string | null;
              id: number;
              name: string | null;
              phone_number: string | null;
              blocked: boolean;
              identifier: string | null;
              thumbnail: string;
              custom_attributes: Record<string, unknown>;
              last_activity_at?: number;
              created_at: number;
              contact_inboxes?: Array<{
                source_id: string;
                inbox: {
                  id: number;
                  avatar_url: string;
                  channel_id: number;
                  name: string;
                  channel_type: string;
                  provider: string | null;
                };
              }>;
              labels?: Array<string>;
            };
            channel: string;
            assignee?: {
              id: number;
              account_id: number;
              availability_status: string;
              auto_offline: boolean;
              confirmed: boolean;
              email: string;
              provider: string;
              available_name: string;
              custom_attributes?: Record<string, unknown>;
              name: string;
              role: string;
              thumbnail: string;
            } | {
              id: number;
              name: string;
              description: string | null;
              thumbnail: string;
              outgoing_url: string | null;
              bot_type: string;
            };
            assignee_type?: string;
            team?: {
              id: number;
              name: string;
              description: string | null;
              allow_auto_assign: boolean;
              account_id: number;
              is_member: boolean;
            };
            hmac_verified: boolean | null;
          };
          id: number;
          messages: Array<{
            id: number;
            content: string | null;
            account_id: number;
            inbox_id: number;
            conversation_id: number;
            message_type: number;
            created_at: number;
            updated_at: string;
            private: boolean;
            status: string;
            source_id: string | null;
            content_type: string;
            content_attributes: Record<string, unknown>;
            sender_type: string | null;
            sender_id: number | null;
            external_source_ids: Record<string, unknown>;
            additional_attributes: Record<string, unknown>;
            processed_message_content: string | null;
            sentiment: Record<string, unknown>;
            conversation: Record<string, unknown>;
            sender?: Record<string, unknown>;
            attachments?: Array<{
              id: number;
              message_id: number;
              file_type: string;
              account_id: number;
              extension: string | null;
              data_url: string;
              thumb_url: string;
              file_size: number;
              width: number | null;
              height: number | null;
            }>;
            echo_id?: string;
            [key: string]: unknown;
          }>;
          account_id: number;
          uuid: string;
          additional_attributes: Record<string, unknown>;
          agent_last_seen_at: number;
          assignee_last_seen_at: number;
          can_reply: boolean;
          contact_last_seen_at: number;
          custom_attributes: Record<string, unknown>;
          inbox_id: number;
          labels: Array<string>;
          muted: boolean;
          snoozed_until: string | null;
          status: string;
          created_at: number;
          updated_at: number;
          timestamp: number;
          first_reply_created_at: number;
          unread_count: number;
          last_non_activity_message: {
            id: number;
            content: string | null;
            account_id: number;
            inbox_id: number;
            conversation_id: number;
            message_type: number;
            created_at: number;
            updated_at: string;
            private: boolean;
            status: string;
            source_id: string | null;
            content_type: string;
            content_attributes: Record<string, unknown>;
            sender_type: string | null;
            sender_id: number | null;
            external_source_ids: Record<string, unknown>;
            additional_attributes: Record<string, unknown>;
            processed_message_content: string | null;
            sentiment: Record<string, unknown>;
            conversation: Record<string, unknown>;
            sender?: Record<string, unknown>;
            attachments?: Array<{
              id: number;
              message_id: number;
              file_type: string;
              account_id: number;
              extension: string | null;
              data_url: string;
              thumb_url: string;
              file_size: number;
              width: number | null;
              height: number | null;
            }>;
            echo_id?: string;
            [key: string]: unknown;
          } | null;
          last_activity_at: number;
          priority: string | null;
          waiting_since: number;
          sla_policy_id: number | null;
        }>;
      };
    };
  };
  "/api/v1/accounts/{account_id}/contacts/{id}/destroy_custom_attributes": {
    post: {
      path: { account_id: string | number; id: string | number; };
      body: {
        custom_attributes: Array<string>;
      };
      response: {
        payload: {
          additional_attributes: Record<string, unknown>;
          availability_status: string;
          email: string | null;
          id: number;
          name: string | null;
          phone_number: string | null;
          blocked: boolean;
          identifier: string | null;
          thumbnail: string;
          custom_attributes: Record<string, unknown>;
          last_activity_at?: number;
          created_at: number;
          contact_inboxes?: Array<{
            source_id: string;
            inbox: {
              id: number;
              avatar_url: string;
              channel_id: number;
              name: string;
              channel_type: string;
              provider: string | null;
            };
          }>;
          labels?: Array<string>;
        };
      };
    };
  };
  "/api/v1/accounts/{account_id}/contacts/{id}/labels": {
    get: {
      path: { account_id: string | number; id: string | number; };
      response: {
        payload: Array<string>;
      };
    };
    post: {
      path: { account_id: string | number; id: string | number; };
      body: {
        labels?: Array<string>;
      };
      response: {
        payload: Array<string>;
      };
    };
  };
  "/api/v1/accounts/{account_id}/contacts/{id}/notes": {
    get: {
      path: { account_id: string | number; id: string | number; };
      response: Array<{
        id: number;
        content: string;
        account_id: number | null;
        contact_id: number | null;
        user: Record<string, unknown> | null;
        created_at: number;
        updated_at: number;
      }>;
    };
    post: {
      path: { account_id: string | number; id: string | number; };
      body: {
        content: string;
      };
      response: {
        id: number;
        content: string;
        account_id: number | null;
        contact_id: number | null;
        user: Record<string, unknown> | null;
        created_at: number;
        updated_at: number;
      };
    };
  };
  "/api/v1/accounts/{account_id}/contacts/{id}/notes/{note_id}": {
    get: {
      path: { account_id: string | number; id: string | number; note_id: string | number; };
      response: {
        id: number;
        content: string;
        account_id: number | null;
        contact_id: number | null;
        user: Record<string, unknown> | null;
        created_at: number;
        updated_at: number;
      };
    };
    put: {
      path: { account_id: string | number; id: string | number; note_id: string | number; };
      body: {
        content: string;
      };
      response: {
        id: number;
        content: string;
        account_id: number | null;
        contact_id: number | null;
        user: Record<string, unknown> | null;
        created_at: number;
        updated_at: number;
      };
    };
    patch: {
      path: { account_id: string | number; id: string | number; note_id: string | number; };
      body: {
        content: string;
      };
      response: {
        id: number;
        content: string;
        account_id: number | null;
        contact_id: number | null;
        user: Record<string, unknown> | null;
        created_at: number;
        updated_at: number;
      };
    };
    delete: {
      path: { account_id: string | number; id: string | number; note_id: string | number; };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/conversations": {
    get: {
      path: { account_id: string | number; };
      query: {
        status?: ("open" | "resolved" | "pending" | "snoozed") | "all";
        assignee_type?: "me" | "unassigned" | "assigned" | "all";
        inbox_id?: number;
        team_id?: number;
        labels?: Array<string>;
        q?: string;
        page?: number;
        sort_by?: "last_activity_at_desc" | "last_activity_at_asc" | "latest" | "created_at_desc" | "created_at_asc" | "sort_on_created_at" | "priority_desc" | "priority_asc" | "sort_on_priority" | "waiting_since_asc" | "waiting_since_desc" | "sort_on_waiting_since";
        conversation_type?: "mention" | "participating" | "unattended";
        source_id?: string;
        updated_within?: number;
        after?: string;
        per_page?: number;
        priority?: "low" | "medium" | "high" | "urgent" | "none";
        search?: string;
      };
      response: {
        data: {
          meta: {
            mine_count: number;
            assigned_count: number;
            unassigned_count: number;
            all_count: number;
            next_cursor?: string | null;
          };
          payload: Array<{
            meta: {
              sender: {
                additional_attributes: Record<string, unknown>;
                availability_status: string;
                email: string | null;
                id: number;
                name: string | null;
                phone_number: string | null;
                blocked: boolean;
                identifier: string | null;
                thumbnail: string;
                custom_attributes: Record<string, unknown>;
                last_activity_at?: number;
                created_at: number;
                contact_inboxes?: Array<{
                  source_id: string;
                  inbox: {
                    id: number;
                    avatar_url: string;
                    channel_id: number;
                    name: string;
                    channel_type: string;
                    provider: string | null;
                  };
                }>;
                labels?: Array<string>;
              };
              channel: string;
              assignee?: {
                id: number;
                account_id: number;
                availability_status: string;
                auto_offline: boolean;
                confirmed: boolean;
                email: string;
                provider: string;
                available_name: string;
                custom_attributes?: Record<string, unknown>;
                name: string;
                role: string;
                thumbnail: string;
              } | {
                id: number;
                name: string;
                description: string | null;
                thumbnail: string;
                outgoing_url: string | null;
                bot_type: string;
              };
              assignee_type?: string;
              team?: {
                id: number;
                name: string;
                description: string | null;
                allow_auto_assign: boolean;
                account_id: number;
                is_member: boolean;
              };
              hmac_verified: boolean | null;
            };
            id: number;
            messages: Array<{
              id: number;
              content: string | null;
              account_id: number;
              inbox_id: number;
              conversation_id: number;
              message_type: number;
              created_at: number;
              updated_at: string;
              private: boolean;
              status: string;
              source_id: string | null;
              content_type: string;
              content_attributes: Record<string, unknown>;
              sender_type: string | null;
              sender_id: number | null;
              external_source_ids: Record<string, unknown>;
              additional_attributes: Record<string, unknown>;
              processed_message_content: string | null;
              sentiment: Record<string, unknown>;
              conversation: Record<string, unknown>;
              sender?: Record<string, unknown>;
              attachments?: Array<{
                id: number;
                message_id: number;
                file_type: string;
                account_id: number;
                extension: string | null;
                data_url: string;
                thumb_url: string;
                file_size: number;
                width: number | null;
                height: number | null;
              }>;
              echo_id?: string;
              [key: string]: unknown;
            }>;
            account_id: number;
            uuid: string;
            additional_attributes: Record<string, unknown>;
            agent_last_seen_at: number;
            assignee_last_seen_at: number;
            can_reply: boolean;
            contact_last_seen_at: number;
            custom_attributes: Record<string, unknown>;
            inbox_id: number;
            labels: Array<string>;
            muted: boolean;
            snoozed_until: string | null;
            status: string;
            created_at: number;
            updated_at: number;
            timestamp: number;
            first_reply_created_at: number;
            unread_count: number;
            last_non_activity_message: {
              id: number;
              content: string | null;
              account_id: number;
              inbox_id: number;
              conversation_id: number;
              message_type: number;
              created_at: number;
              updated_at: string;
              private: boolean;
              status: string;
              source_id: string | null;
              content_type: string;
              content_attributes: Record<string, unknown>;
              sender_type: string | null;
              sender_id: number | null;
              external_source_ids: Record<string, unknown>;
              additional_attributes: Record<string, unknown>;
              processed_message_content: string | null;
              sentiment: Record<string, unknown>;
              conversation: Record<string, unknown>;
              sender?: Record<string, unknown>;
              attachments?: Array<{
                id: number;
                message_id: number;
                file_type: string;
                account_id: number;
                extension: string | null;
                data_url: string;
                thumb_url: string;
                file_size: number;
                width: number | null;
                height: number | null;
              }>;
              echo_id?: string;
              [key: string]: unknown;
            } | null;
            last_activity_at: number;
            priority: string | null;
            waiting_since: number;
            sla_policy_id: number | null;
          }>;
        };
      };
    };
    post: {
      path: { account_id: string | number; };
      body: {
        source_id?: string;
        inbox_id?: number;
        contact_id?: number;
        additional_attributes?: Record<string, unknown>;
        custom_attributes?: Record<string, unknown>;
        status?: "open" | "resolved" | "pending" | "snoozed";
        assignee_id?: number;
        team_id?: number;
        snoozed_until?: (number | string) | (null | null);
        message?: {
          content?: string | null;
          message_type?: "incoming" | "outgoing" | "template";
          private?: boolean;
          content_type?: string;
          content_attributes?: Record<string, unknown>;
          template_params?: Record<string, unknown>;
          [key: string]: unknown;
        };
      };
      response: {
        meta: {
          sender: {
            additional_attributes: Record<string, unknown>;
            availability_status: string;
            email: string | null;
            id: number;
            name: string | null;
            phone_number: string | null;
            blocked: boolean;
            identifier: string | null;
            thumbnail: string;
            custom_attributes: Record<string, unknown>;
            last_activity_at?: number;
            created_at: number;
            contact_inboxes?: Array<{
              source_id: string;
              inbox: {
                id: number;
                avatar_url: string;
                channel_id: number;
                name: string;
                channel_type: string;
                provider: string | null;
              };
            }>;
            labels?: Array<string>;
          };
          channel: string;
          assignee?: {
            id: number;
            account_id: number;
            availability_status: string;
            auto_offline: boolean;
            confirmed: boolean;
            email: string;
            provider: string;
            available_name: string;
            custom_attributes?: Record<string, unknown>;
            name: string;
            role: string;
            thumbnail: string;
          } | {
            id: number;
            name: string;
            description: string | null;
            thumbnail: string;
            outgoing_url: string | null;
            bot_type: string;
          };
          assignee_type?: string;
          team?: {
            id: number;
            name: string;
            description: string | null;
            allow_auto_assign: boolean;
            account_id: number;
            is_member: boolean;
          };
          hmac_verified: boolean | null;
        };
        id: number;
        messages: Array<{
          id: number;
          content: string | null;
          account_id: number;
          inbox_id: number;
          conversation_id: number;
          message_type: number;
          created_at: number;
          updated_at: string;
          private: boolean;
          status: string;
          source_id: string | null;
          content_type: string;
          content_attributes: Record<string, unknown>;
          sender_type: string | null;
          sender_id: number | null;
          external_source_ids: Record<string, unknown>;
          additional_attributes: Record<string, unknown>;
          processed_message_content: string | null;
          sentiment: Record<string, unknown>;
          conversation: Record<string, unknown>;
          sender?: Record<string, unknown>;
          attachments?: Array<{
            id: number;
            message_id: number;
            file_type: string;
            account_id: number;
            extension: string | null;
            data_url: string;
            thumb_url: string;
            file_size: number;
            width: number | null;
            height: number | null;
          }>;
          echo_id?: string;
          [key: string]: unknown;
        }>;
        account_id: number;
        uuid: string;
        additional_attributes: Record<string, unknown>;
        agent_last_seen_at: number;
        assignee_last_seen_at: number;
        can_reply: boolean;
        contact_last_seen_at: number;
        custom_attributes: Record<string, unknown>;
        inbox_id: number;
        labels: Array<string>;
        muted: boolean;
        snoozed_until: string | null;
        status: string;
        created_at: number;
        updated_at: number;
        timestamp: number;
        first_reply_created_at: number;
        unread_count: number;
        last_non_activity_message: {
          id: number;
          content: string | null;
          account_id: number;
          inbox_id: number;
          conversation_id: number;
          message_type: number;
          created_at: number;
          updated_at: string;
          private: boolean;
          status: string;
          source_id: string | null;
          content_type: string;
          content_attributes: Record<string, unknown>;
          sender_type: string | null;
          sender_id: number | null;
          external_source_ids: Record<string, unknown>;
          additional_attributes: Record<string, unknown>;
          processed_message_content: string | null;
          sentiment: Record<string, unknown>;
          conversation: Record<string, unknown>;
          sender?: Record<string, unknown>;
          attachments?: Array<{
            id: number;
            message_id: number;
            file_type: string;
            account_id: number;
            extension: string | null;
            data_url: string;
            thumb_url: string;
            file_size: number;
            width: number | null;
            height: number | null;
          }>;
          echo_id?: string;
          [key: string]: unknown;
        } | null;
        last_activity_at: number;
        priority: string | null;
        waiting_since: number;
        sla_policy_id: number | null;
      };
    };
  };
  "/api/v1/accounts/{account_id}/conversations/filter": {
    post: {
      path: { account_id: string | number; };
      query: {
        page?: number;
        custom_filter_id?: number | string;
      };
      body: {
        payload?: Array<{
          attribute_key: string;
          filter_operator: string;
          values?: unknown;
          query_operator?: string | null;
          attribute_model?: string;
          custom_attribute_type?: string;
          [key: string]: unknown;
        }>;
        page?: number;
        custom_filter_id?: number | string;
      };
      response: {
        meta: {
          mine_count: number;
          unassigned_count: number;
          all_count: number;
        };
        payload: Array<{
          meta: {
            sender: {
              additional_attributes: Record<string, unknown>;
              availability_status: string;
              email: string | null;
              id: number;
              name: string | null;
              phone_number: string | null;
              blocked: boolean;
              identifier: string | null;
              thumbnail: string;
              custom_attributes: Record<string, unknown>;
              last_activity_at?: number;
              created_at: number;
              contact_inboxes?: Array<{
                source_id: string;
                inbox: {
                  id: number;
                  avatar_url: string;
                  channel_id: number;
                  name: string;
                  channel_type: string;
                  provider: string | null;
                };
              }>;
              labels?: Array<string>;
            };
            channel: string;
            assignee?: {
              id: number;
              account_id: number;
              availability_status: string;
              auto_offline: boolean;
              confirmed: boolean;
              email: string;
              provider: string;
              available_name: string;
              custom_attributes?: Record<string, unknown>;
              name: string;
              role: string;
              thumbnail: string;
            } | {
              id: number;
              name: string;
              description: string | null;
              thumbnail: string;
              outgoing_url: string | null;
              bot_type: string;
            };
            assignee_type?: string;
            team?: {
              id: number;
              name: string;
              description: string | null;
              allow_auto_assign: boolean;
              account_id: number;
              is_member: boolean;
            };
            hmac_verified: boolean | null;
          };
          id: number;
          messages: Array<{
            id: number;
            content: string | null;
            account_id: number;
            inbox_id: number;
            conversation_id: number;
            message_type: number;
            created_at: number;
            updated_at: string;
            private: boolean;
            status: string;
            source_id: string | null;
            content_type: string;
            content_attributes: Record<string, unknown>;
            sender_type: string | null;
            sender_id: number | null;
            external_source_ids: Record<string, unknown>;
            additional_attributes: Record<string, unknown>;
            processed_message_content: string | null;
            sentiment: Record<string, unknown>;
            conversation: Record<string, unknown>;
            sender?: Record<string, unknown>;
            attachments?: Array<{
              id: number;
              message_id: number;
              file_type: string;
              account_id: number;
              extension: string | null;
              data_url: string;
              thumb_url: string;
              file_size: number;
              width: number | null;
              height: number | null;
            }>;
            echo_id?: string;
            [key: string]: unknown;
          }>;
          account_id: number;
          uuid: string;
          additional_attributes: Record<string, unknown>;
          agent_last_seen_at: number;
          assignee_last_seen_at: number;
          can_reply: boolean;
          contact_last_seen_at: number;
          custom_attributes: Record<string, unknown>;
          inbox_id: number;
          labels: Array<string>;
          muted: boolean;
          snoozed_until: string | null;
          status: string;
          created_at: number;
          updated_at: number;
          timestamp: number;
          first_reply_created_at: number;
          unread_count: number;
          last_non_activity_message: {
            id: number;
            content: string | null;
            account_id: number;
            inbox_id: number;
            conversation_id: number;
            message_type: number;
            created_at: number;
            updated_at: string;
            private: boolean;
            status: string;
            source_id: string | null;
            content_type: string;
            content_attributes: Record<string, unknown>;
            sender_type: string | null;
            sender_id: number | null;
            external_source_ids: Record<string, unknown>;
            additional_attributes: Record<string, unknown>;
            processed_message_content: string | null;
            sentiment: Record<string, unknown>;
            conversation: Record<string, unknown>;
            sender?: Record<string, unknown>;
            attachments?: Array<{
              id: number;
              message_id: number;
              file_type: string;
              account_id: number;
              extension: string | null;
              data_url: string;
              thumb_url: string;
              file_size: number;
              width: number | null;
              height: number | null;
            }>;
            echo_id?: string;
            [key: string]: unknown;
          } | null;
          last_activity_at: number;
          priority: string | null;
          waiting_since: number;
          sla_policy_id: number | null;
        }>;
      };
    };
  };
  "/api/v1/accounts/{account_id}/conversations/meta": {
    get: {
      path: { account_id: string | number; };
      query: {
        status?: ("open" | "resolved" | "pending" | "snoozed") | "all";
        assignee_type?: "me" | "unassigned" | "assigned" | "all";
        inbox_id?: number;
        team_id?: number;
        labels?: Array<string>;
        q?: string;
        page?: number;
        sort_by?: "last_activity_at_desc" | "last_activity_at_asc" | "latest" | "created_at_desc" | "created_at_asc" | "sort_on_created_at" | "priority_desc" | "priority_asc" | "sort_on_priority" | "waiting_since_asc" | "waiting_since_desc" | "sort_on_waiting_since";
        conversation_type?: "mention" | "participating" | "unattended";
        source_id?: string;
        updated_within?: number;
        after?: string;
        per_page?: number;
        priority?: "low" | "medium" | "high" | "urgent" | "none";
        search?: string;
      };
      response: {
        meta: {
          mine_count: number;
          assigned_count: number;
          unassigned_count: number;
          all_count: number;
        };
      };
    };
  };
  "/api/v1/accounts/{account_id}/conversations/search": {
    get: {
      path: { account_id: string | number; };
      query: {
        status?: ("open" | "resolved" | "pending" | "snoozed") | "all";
        assignee_type?: "me" | "unassigned" | "assigned" | "all";
        inbox_id?: number;
        team_id?: number;
        labels?: Array<string>;
        q?: string;
        page?: number;
        sort_by?: "last_activity_at_desc" | "last_activity_at_asc" | "latest" | "created_at_desc" | "created_at_asc" | "sort_on_created_at" | "priority_desc" | "priority_asc" | "sort_on_priority" | "waiting_since_asc" | "waiting_since_desc" | "sort_on_waiting_since";
        conversation_type?: "mention" | "participating" | "unattended";
        source_id?: string;
        updated_within?: number;
        after?: string;
        per_page?: number;
        priority?: "low" | "medium" | "high" | "urgent" | "none";
        search?: string;
      };
      response: {
        meta: {
          mine_count: number;
          unassigned_count: number;
          all_count: number;
        };
        payload: Array<{
          id: number;
          uuid: string;
          created_at: number;
          contact: {
            id: number;
            name: string | null;
          };
          inbox: {
            id: number;
            name: string;
            channel_type: string;
          };
          messages: Array<{
            content: string | null;
            id: number;
            sender_name: string | null;
            message_type: number;
            created_at: number;
          }>;
          account_id: number;
        }>;
      };
    };
  };
  "/api/v1/accounts/{account_id}/conversations/{conversation_id}": {
    get: {
      path: { account_id: string | number; conversation_id: string | number; };
      response: {
        meta: {
          sender: {
            additional_attributes: Record<string, unknown>;
            availability_status: string;
            email: string | null;
            id: number;
            name: string | null;
            phone_number: string | null;
            blocked: boolean;
            identifier: string | null;
            thumbnail: string;
            custom_attributes: Record<string, unknown>;
            last_activity_at?: number;
            created_at: number;
            contact_inboxes?: Array<{
              source_id: string;
              inbox: {
                id: number;
                avatar_url: string;
                channel_id: number;
                name: string;
                channel_type: string;
                provider: string | null;
              };
            }>;
            labels?: Array<string>;
          };
          channel: string;
          assignee?: {
            id: number;
            account_id: number;
            availability_status: string;
            auto_offline: boolean;
            confirmed: boolean;
            email: string;
            provider: string;
            available_name: string;
            custom_attributes?: Record<string, unknown>;
            name: string;
            role: string;
            thumbnail: string;
          } | {
            id: number;
            name: string;
            description: string | null;
            thumbnail: string;
            outgoing_url: string | null;
            bot_type: string;
          };
          assignee_type?: string;
          team?: {
            id: number;
            name: string;
            description: string | null;
            allow_auto_assign: boolean;
            account_id: number;
            is_member: boolean;
          };
          hmac_verified: boolean | null;
        };
        id: number;
        messages: Array<{
          id: number;
          content: string | null;
          account_id: number;
          inbox_id: number;
          conversation_id: number;
          message_type: number;
          created_at: number;
          updated_at: string;
          private: boolean;
          status: string;
          source_id: string | null;
          content_type: string;
          content_attributes: Record<string, unknown>;
          sender_type: string | null;
          sender_id: number | null;
          external_source_ids: Record<string, unknown>;
          additional_attributes: Record<string, unknown>;
          processed_message_content: string | null;
          sentiment: Record<string, unknown>;
          conversation: Record<string, unknown>;
          sender?: Record<string, unknown>;
          attachments?: Array<{
            id: number;
            message_id: number;
            file_type: string;
            account_id: number;
            extension: string | null;
            data_url: string;
            thumb_url: string;
            file_size: number;
            width: number | null;
            height: number | null;
          }>;
          echo_id?: string;
          [key: string]: unknown;
        }>;
        account_id: number;
        uuid: string;
        additional_attributes: Record<string, unknown>;
        agent_last_seen_at: number;
        assignee_last_seen_at: number;
        can_reply: boolean;
        contact_last_seen_at: number;
        custom_attributes: Record<string, unknown>;
        inbox_id: number;
        labels: Array<string>;
        muted: boolean;
        snoozed_until: string | null;
        status: string;
        created_at: number;
        updated_at: number;
        timestamp: number;
        first_reply_created_at: number;
        unread_count: number;
        last_non_activity_message: {
          id: number;
          content: string | null;
          account_id: number;
          inbox_id: number;
          conversation_id: number;
          message_type: number;
          created_at: number;
          updated_at: string;
          private: boolean;
          status: string;
          source_id: string | null;
          content_type: string;
          content_attributes: Record<string, unknown>;
          sender_type: string | null;
          sender_id: number | null;
          external_source_ids: Record<string, unknown>;
          additional_attributes: Record<string, unknown>;
          processed_message_content: string | null;
          sentiment: Record<string, unknown>;
          conversation: Record<string, unknown>;
          sender?: Record<string, unknown>;
          attachments?: Array<{
            id: number;
            message_id: number;
            file_type: string;
            account_id: number;
            extension: string | null;
            data_url: string;
            thumb_url: string;
            file_size: number;
            width: number | null;
            height: number | null;
          }>;
          echo_id?: string;
          [key: string]: unknown;
        } | null;
        last_activity_at: number;
        priority: string | null;
        waiting_since: number;
        sla_policy_id: number | null;
      };
    };
    put: {
      path: { account_id: string | number; conversation_id: string | number; };
      body: {
        priority?: ("low" | "medium" | "high" | "urgent" | "") | (null | null);
      };
      response: {
        meta: {
          sender: {
            additional_attributes: Record<string, unknown>;
            availability_status: string;
            email: string | null;
            id: number;
            name: string | null;
            phone_number: string | null;
            blocked: boolean;
            identifier: string | null;
            thumbnail: string;
            custom_attributes: Record<string, unknown>;
            last_activity_at?: number;
            created_at: number;
            contact_inboxes?: Array<{
              source_id: string;
              inbox: {
                id: number;
                avatar_url: string;
                channel_id: number;
                name: string;
                channel_type: string;
                provider: string | null;
              };
            }>;
            labels?: Array<string>;
          };
          channel: string;
          assignee?: {
            id: number;
            account_id: number;
            availability_status: string;
            auto_offline: boolean;
            confirmed: boolean;
            email: string;
            provider: string;
            available_name: string;
            custom_attributes?: Record<string, unknown>;
            name: string;
            role: string;
            thumbnail: string;
          } | {
            id: number;
            name: string;
            description: string | null;
            thumbnail: string;
            outgoing_url: string | null;
            bot_type: string;
          };
          assignee_type?: string;
          team?: {
            id: number;
            name: string;
            description: string | null;
            allow_auto_assign: boolean;
            account_id: number;
            is_member: boolean;
          };
          hmac_verified: boolean | null;
        };
        id: number;
        messages: Array<{
          id: number;
          content: string | null;
          account_id: number;
          inbox_id: number;
          conversation_id: number;
          message_type: number;
          created_at: number;
          updated_at: string;
          private: boolean;
          status: string;
          source_id: string | null;
          content_type: string;
          content_attributes: Record<string, unknown>;
          sender_type: string | null;
          sender_id: number | null;
          external_source_ids: Record<string, unknown>;
          additional_attributes: Record<string, unknown>;
          processed_message_content: string | null;
          sentiment: Record<string, unknown>;
          conversation: Record<string, unknown>;
          sender?: Record<string, unknown>;
          attachments?: Array<{
            id: number;
            message_id: number;
            file_type: string;
            account_id: number;
            extension: string | null;
            data_url: string;
            thumb_url: string;
            file_size: number;
            width: number | null;
            height: number | null;
          }>;
          echo_id?: string;
          [key: string]: unknown;
        }>;
        account_id: number;
        uuid: string;
        additional_attributes: Record<string, unknown>;
        agent_last_seen_at: number;
        assignee_last_seen_at: number;
        can_reply: boolean;
        contact_last_seen_at: number;
        custom_attributes: Record<string, unknown>;
        inbox_id: number;
        labels: Array<string>;
        muted: boolean;
        snoozed_until: string | null;
        status: string;
        created_at: number;
        updated_at: number;
        timestamp: number;
        first_reply_created_at: number;
        unread_count: number;
        last_non_activity_message: {
          id: number;
          content: string | null;
          account_id: number;
          inbox_id: number;
          conversation_id: number;
          message_type: number;
          created_at: number;
          updated_at: string;
          private: boolean;
          status: string;
          source_id: string | null;
          content_type: string;
          content_attributes: Record<string, unknown>;
          sender_type: string | null;
          sender_id: number | null;
          external_source_ids: Record<string, unknown>;
          additional_attributes: Record<string, unknown>;
          processed_message_content: string | null;
          sentiment: Record<string, unknown>;
          conversation: Record<string, unknown>;
          sender?: Record<string, unknown>;
          attachments?: Array<{
            id: number;
            message_id: number;
            file_type: string;
            account_id: number;
            extension: string | null;
            data_url: string;
            thumb_url: string;
            file_size: number;
            width: number | null;
            height: number | null;
          }>;
          echo_id?: string;
          [key: string]: unknown;
        } | null;
        last_activity_at: number;
        priority: string | null;
        waiting_since: number;
        sla_policy_id: number | null;
      };
    };
    patch: {
      path: { account_id: string | number; conversation_id: string | number; };
      body: {
        priority?: ("low" | "medium" | "high" | "urgent" | "") | (null | null);
      };
      response: {
        meta: {
          sender: {
            additional_attributes: Record<string, unknown>;
            availability_status: string;
            email: string | null;
            id: number;
            name: string | null;
            phone_number: string | null;
            blocked: boolean;
            identifier: string | null;
            thumbnail: string;
            custom_attributes: Record<string, unknown>;
            last_activity_at?: number;
            created_at: number;
            contact_inboxes?: Array<{
              source_id: string;
              inbox: {
                id: number;
                avatar_url: string;
                channel_id: number;
                name: string;
                channel_type: string;
                provider: string | null;
              };
            }>;
            labels?: Array<string>;
          };
          channel: string;
          assignee?: {
            id: number;
            account_id: number;
            availability_status: string;
            auto_offline: boolean;
            confirmed: boolean;
            email: string;
            provider: string;
            available_name: string;
            custom_attributes?: Record<string, unknown>;
            name: string;
            role: string;
            thumbnail: string;
          } | {
            id: number;
            name: string;
            description: string | null;
            thumbnail: string;
            outgoing_url: string | null;
            bot_type: string;
          };
          assignee_type?: string;
          team?: {
            id: number;
            name: string;
            description: string | null;
            allow_auto_assign: boolean;
            account_id: number;
            is_member: boolean;
          };
          hmac_verified: boolean | null;
        };
        id: number;
        messages: Array<{
          id: number;
          content: string | null;
          account_id: number;
          inbox_id: number;
          conversation_id: number;
          message_type: number;
          created_at: number;
          updated_at: string;
          private: boolean;
          status: string;
          source_id: string | null;
          content_type: string;
          content_attributes: Record<string, unknown>;
          sender_type: string | null;
          sender_id: number | null;
          external_source_ids: Record<string, unknown>;
          additional_attributes: Record<string, unknown>;
          processed_message_content: string | null;
          sentiment: Record<string, unknown>;
          conversation: Record<string, unknown>;
          sender?: Record<string, unknown>;
          attachments?: Array<{
            id: number;
            message_id: number;
            file_type: string;
            account_id: number;
            extension: string | null;
            data_url: string;
            thumb_url: string;
            file_size: number;
            width: number | null;
            height: number | null;
          }>;
          echo_id?: string;
          [key: string]: unknown;
        }>;
        account_id: number;
        uuid: string;
        additional_attributes: Record<string, unknown>;
        agent_last_seen_at: number;
        assignee_last_seen_at: number;
        can_reply: boolean;
        contact_last_seen_at: number;
        custom_attributes: Record<string, unknown>;
        inbox_id: number;
        labels: Array<string>;
        muted: boolean;
        snoozed_until: string | null;
        status: string;
        created_at: number;
        updated_at: number;
        timestamp: number;
        first_reply_created_at: number;
        unread_count: number;
        last_non_activity_message: {
          id: number;
          content: string | null;
          account_id: number;
          inbox_id: number;
          conversation_id: number;
          message_type: number;
          created_at: number;
          updated_at: string;
          private: boolean;
          status: string;
          source_id: string | null;
          content_type: string;
          content_attributes: Record<string, unknown>;
          sender_type: string | null;
          sender_id: number | null;
          external_source_ids: Record<string, unknown>;
          additional_attributes: Record<string, unknown>;
          processed_message_content: string | null;
          sentiment: Record<string, unknown>;
          conversation: Record<string, unknown>;
          sender?: Record<string, unknown>;
          attachments?: Array<{
            id: number;
            message_id: number;
            file_type: string;
            account_id: number;
            extension: string | null;
            data_url: string;
            thumb_url: string;
            file_size: number;
            width: number | null;
            height: number | null;
          }>;
          echo_id?: string;
          [key: string]: unknown;
        } | null;
        last_activity_at: number;
        priority: string | null;
        waiting_since: number;
        sla_policy_id: number | null;
      };
    };
    delete: {
      path: { account_id: string | number; conversation_id: string | number; };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/conversations/{conversation_id}/assignments": {
    post: {
      path: { account_id: string | number; conversation_id: string | number; };
      body: {
        assignee_id?: number | null;
        assignee_type?: string;
        team_id?: number | null;
      };
      response: {
        id: number;
        account_id: number;
        availability_status: string;
        auto_offline: boolean;
        confirmed: boolean;
        email: string;
        provider: string;
        available_name: string;
        custom_attributes?: Record<string, unknown>;
        name: string;
        role: string;
        thumbnail: string;
      } | {
        id: number;
        name: string;
        description: string | null;
        thumbnail: string;
        outgoing_url: string | null;
        bot_type: string;
      } | {
        id: number;
        name: string;
        description: string | null;
        allow_auto_assign: boolean;
        account_id: number;
        created_at: string;
        updated_at: string;
      } | (null | null);
    };
  };
  "/api/v1/accounts/{account_id}/conversations/{conversation_id}/attachments": {
    get: {
      path: { account_id: string | number; conversation_id: string | number; };
      query: {
        page?: number;
      };
      response: {
        meta: {
          total_count: number;
        };
        payload: Array<{
          message_id: number;
          thumb_url: string;
          data_url: string;
          file_size: number;
          file_type: string;
          extension: string | null;
          width: number | null;
          height: number | null;
          created_at: number;
          sender: Record<string, unknown> | null;
        }>;
      };
    };
  };
  "/api/v1/accounts/{account_id}/conversations/{conversation_id}/custom_attributes": {
    post: {
      path: { account_id: string | number; conversation_id: string | number; };
      body: {
        custom_attributes: Record<string, unknown>;
      };
      response: {
        custom_attributes: Record<string, unknown>;
      };
    };
  };
  "/api/v1/accounts/{account_id}/conversations/{conversation_id}/labels": {
    get: {
      path: { account_id: string | number; conversation_id: string | number; };
      response: {
        payload: Array<string>;
      };
    };
    post: {
      path: { account_id: string | number; conversation_id: string | number; };
      body: {
        labels?: Array<string>;
      };
      response: {
        payload: Array<string>;
      };
    };
  };
  "/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages": {
    get: {
      path: { account_id: string | number; conversation_id: string | number; };
      query: {
        before?: number;
        after?: number;
        filter_internal_messages?: boolean;
      };
      response: {
        meta: {
          labels: Array<string>;
          additional_attributes: Record<string, unknown>;
          contact: {
            additional_attributes: Record<string, unknown>;
            custom_attributes: Record<string, unknown>;
            email: string | null;
            id: number;
            identifier: string | null;
            name: string | null;
            phone_number: string | null;
            thumbnail: string;
            blocked: boolean;
            type: "contact";
          };
          assignee?: {
            id: number;
            account_id: number;
            availability_status: string;
            auto_offline: boolean;
            confirmed: boolean;
            email: string;
            provider: string;
            available_name: string;
            custom_attributes?: Record<string, unknown>;
            name: string;
            role: string;
            thumbnail: string;
          };
          agent_last_seen_at: string | null;
          assignee_last_seen_at: string | null;
        };
        payload: Array<{
          id: number;
          content: string | null;
          inbox_id: number;
          echo_id?: string;
          conversation_id: number;
          message_type: number;
          content_type: string;
          status: string;
          content_attributes: Record<string, unknown>;
          created_at: number;
          private: boolean;
          source_id: string | null;
          sender?: Record<string, unknown>;
          attachments?: Array<{
            id: number;
            message_id: number;
            file_type: string;
            account_id: number;
            extension: string | null;
            data_url: string;
            thumb_url: string;
            file_size: number;
            width: number | null;
            height: number | null;
          }>;
        }>;
      };
    };
    post: {
      path: { account_id: string | number; conversation_id: string | number; };
      body: {
        content?: string | null;
        message_type?: "outgoing" | "incoming" | "template";
        private?: boolean;
        content_type?: "text" | "input_text" | "input_textarea" | "input_email" | "input_select" | "cards" | "form" | "article" | "incoming_email" | "input_csat" | "integrations" | "sticker";
        content_attributes?: Record<string, unknown>;
        template_params?: Record<string, unknown>;
        echo_id?: string;
        source_id?: string;
        campaign_id?: number;
        external_created_at?: number | string;
        sender_type?: string;
        sender_id?: number;
        cc_emails?: string;
        bcc_emails?: string;
        to_emails?: string;
        attachments?: Array<unknown>;
        [key: string]: unknown;
      };
      response: {
        id: number;
        content: string | null;
        inbox_id: number;
        echo_id?: string;
        conversation_id: number;
        message_type: number;
        content_type: string;
        status: string;
        content_attributes: Record<string, unknown>;
        created_at: number;
        private: boolean;
        source_id: string | null;
        sender?: Record<string, unknown>;
        attachments?: Array<{
          id: number;
          message_id: number;
          file_type: string;
          account_id: number;
          extension: string | null;
          data_url: string;
          thumb_url: string;
          file_size: number;
          width: number | null;
          height: number | null;
        }>;
      };
    };
  };
  "/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages/{message_id}": {
    put: {
      path: { account_id: string | number; conversation_id: string | number; message_id: string | number; };
      body: {
        status: "sent" | "delivered" | "read" | "failed";
        external_error?: string;
      };
      response: {
        id: number;
        content: string | null;
        inbox_id: number;
        echo_id?: string;
        conversation_id: number;
        message_type: number;
        content_type: string;
        status: string;
        content_attributes: Record<string, unknown>;
        created_at: number;
        private: boolean;
        source_id: string | null;
        sender?: Record<string, unknown>;
        attachments?: Array<{
          id: number;
          message_id: number;
          file_type: string;
          account_id: number;
          extension: string | null;
          data_url: string;
          thumb_url: string;
          file_size: number;
          width: number | null;
          height: number | null;
        }>;
      };
    };
    patch: {
      path: { account_id: string | number; conversation_id: string | number; message_id: string | number; };
      body: {
        status: "sent" | "delivered" | "read" | "failed";
        external_error?: string;
      };
      response: {
        id: number;
        content: string | null;
        inbox_id: number;
        echo_id?: string;
        conversation_id: number;
        message_type: number;
        content_type: string;
        status: string;
        content_attributes: Record<string, unknown>;
        created_at: number;
        private: boolean;
        source_id: string | null;
        sender?: Record<string, unknown>;
        attachments?: Array<{
          id: number;
          message_id: number;
          file_type: string;
          account_id: number;
          extension: string | null;
          data_url: string;
          thumb_url: string;
          file_size: number;
          width: number | null;
          height: number | null;
        }>;
      };
    };
    delete: {
      path: { account_id: string | number; conversation_id: string | number; message_id: string | number; };
      response: {
        id: number;
        content: string | null;
        inbox_id: number;
        echo_id?: string;
        conversation_id: number;
        message_type: number;
        content_type: string;
        status: string;
        content_attributes: Record<string, unknown>;
        created_at: number;
        private: boolean;
        source_id: string | null;
        sender?: Record<string, unknown>;
        attachments?: Array<{
          id: number;
          message_id: number;
          file_type: string;
          account_id: number;
          extension: string | null;
          data_url: string;
          thumb_url: string;
          file_size: number;
          width: number | null;
          height: number | null;
        }>;
      };
    };
  };
  "/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages/{message_id}/retry": {
    post: {
      path: { account_id: string | number; conversation_id: string | number; message_id: string | number; };
      response: {
        id: number;
        content: string | null;
        inbox_id: number;
        echo_id?: string;
        conversation_id: number;
        message_type: number;
        content_type: string;
        status: string;
        content_attributes: Record<string, unknown>;
        created_at: number;
        private: boolean;
        source_id: string | null;
        sender?: Record<string, unknown>;
        attachments?: Array<{
          id: number;
          message_id: number;
          file_type: string;
          account_id: number;
          extension: string | null;
          data_url: string;
          thumb_url: string;
          file_size: number;
          width: number | null;
          height: number | null;
        }>;
      };
    };
  };
  "/api/v1/accounts/{account_id}/conversations/{conversation_id}/mute": {
    post: {
      path: { account_id: string | number; conversation_id: string | number; };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_priority": {
    post: {
      path: { account_id: string | number; conversation_id: string | number; };
      body: {
        priority?: ("low" | "medium" | "high" | "urgent" | "") | (null | null);
      };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_status": {
    post: {
      path: { account_id: string | number; conversation_id: string | number; };
      body: {
        status?: "open" | "resolved" | "pending" | "snoozed";
        snoozed_until?: (number | string) | (null | null);
      };
      response: {
        payload: {
          success: boolean | null;
          conversation_id: number;
          current_status: string;
          snoozed_until: string | null;
        };
      };
    };
  };
  "/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_typing_status": {
    post: {
      path: { account_id: string | number; conversation_id: string | number; };
      body: {
        typing_status: "on" | "off";
        is_private?: boolean;
      };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/conversations/{conversation_id}/transcript": {
    post: {
      path: { account_id: string | number; conversation_id: string | number; };
      body: {
        email?: string;
      };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/conversations/{conversation_id}/unmute": {
    post: {
      path: { account_id: string | number; conversation_id: string | number; };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/conversations/{conversation_id}/unread": {
    post: {
      path: { account_id: string | number; conversation_id: string | number; };
      response: {
        meta: {
          sender: {
            additional_attributes: Record<string, unknown>;
            availability_status: string;
            email: string | null;
            id: number;
            name: string | null;
            phone_number: string | null;
            blocked: boolean;
            identifier: string | null;
            thumbnail: string;
            custom_attributes: Record<string, unknown>;
            last_activity_at?: number;
            created_at: number;
            contact_inboxes?: Array<{
              source_id: string;
              inbox: {
                id: number;
                avatar_url: string;
                channel_id: number;
                name: string;
                channel_type: string;
                provider: string | null;
              };
            }>;
            labels?: Array<string>;
          };
          channel: string;
          assignee?: {
            id: number;
            account_id: number;
            availability_status: string;
            auto_offline: boolean;
            confirmed: boolean;
            email: string;
            provider: string;
            available_name: string;
            custom_attributes?: Record<string, unknown>;
            name: string;
            role: string;
            thumbnail: string;
          } | {
            id: number;
            name: string;
            description: string | null;
            thumbnail: string;
            outgoing_url: string | null;
            bot_type: string;
          };
          assignee_type?: string;
          team?: {
            id: number;
            name: string;
            description: string | null;
            allow_auto_assign: boolean;
            account_id: number;
            is_member: boolean;
          };
          hmac_verified: boolean | null;
        };
        id: number;
        messages: Array<{
          id: number;
          content: string | null;
          account_id: number;
          inbox_id: number;
          conversation_id: number;
          message_type: number;
          created_at: number;
          updated_at: string;
          private: boolean;
          status: string;
          source_id: string | null;
          content_type: string;
          content_attributes: Record<string, unknown>;
          sender_type: string | null;
          sender_id: number | null;
          external_source_ids: Record<string, unknown>;
          additional_attributes: Record<string, unknown>;
          processed_message_content: string | null;
          sentiment: Record<string, unknown>;
          conversation: Record<string, unknown>;
          sender?: Record<string, unknown>;
          attachments?: Array<{
            id: number;
            message_id: number;
            file_type: string;
            account_id: number;
            extension: string | null;
            data_url: string;
            thumb_url: string;
            file_size: number;
            width: number | null;
            height: number | null;
          }>;
          echo_id?: string;
          [key: string]: unknown;
        }>;
        account_id: number;
        uuid: string;
        additional_attributes: Record<string, unknown>;
        agent_last_seen_at: number;
        assignee_last_seen_at: number;
        can_reply: boolean;
        contact_last_seen_at: number;
        custom_attributes: Record<string, unknown>;
        inbox_id: number;
        labels: Array<string>;
        muted: boolean;
        snoozed_until: string | null;
        status: string;
        created_at: number;
        updated_at: number;
        timestamp: number;
        first_reply_created_at: number;
        unread_count: number;
        last_non_activity_message: {
          id: number;
          content: string | null;
          account_id: number;
          inbox_id: number;
          conversation_id: number;
          message_type: number;
          created_at: number;
          updated_at: string;
          private: boolean;
          status: string;
          source_id: string | null;
          content_type: string;
          content_attributes: Record<string, unknown>;
          sender_type: string | null;
          sender_id: number | null;
          external_source_ids: Record<string, unknown>;
          additional_attributes: Record<string, unknown>;
          processed_message_content: string | null;
          sentiment: Record<string, unknown>;
          conversation: Record<string, unknown>;
          sender?: Record<string, unknown>;
          attachments?: Array<{
            id: number;
            message_id: number;
            file_type: string;
            account_id: number;
            extension: string | null;
            data_url: string;
            thumb_url: string;
            file_size: number;
            width: number | null;
            height: number | null;
          }>;
          echo_id?: string;
          [key: string]: unknown;
        } | null;
        last_activity_at: number;
        priority: string | null;
        waiting_since: number;
        sla_policy_id: number | null;
      };
    };
  };
  "/api/v1/accounts/{account_id}/conversations/{conversation_id}/update_last_seen": {
    post: {
      path: { account_id: string | number; conversation_id: string | number; };
      response: {
        meta: {
          sender: {
            additional_attributes: Record<string, unknown>;
            availability_status: string;
            email: string | null;
            id: number;
            name: string | null;
            phone_number: string | null;
            blocked: boolean;
            identifier: string | null;
            thumbnail: string;
            custom_attributes: Record<string, unknown>;
            last_activity_at?: number;
            created_at: number;
            contact_inboxes?: Array<{
              source_id: string;
              inbox: {
                id: number;
                avatar_url: string;
                channel_id: number;
                name: string;
                channel_type: string;
                provider: string | null;
              };
            }>;
            labels?: Array<string>;
          };
          channel: string;
          assignee?: {
            id: number;
            account_id: number;
            availability_status: string;
            auto_offline: boolean;
            confirmed: boolean;
            email: string;
            provider: string;
            available_name: string;
            custom_attributes?: Record<string, unknown>;
            name: string;
            role: string;
            thumbnail: string;
          } | {
            id: number;
            name: string;
            description: string | null;
            thumbnail: string;
            outgoing_url: string | null;
            bot_type: string;
          };
          assignee_type?: string;
          team?: {
            id: number;
            name: string;
            description: string | null;
            allow_auto_assign: boolean;
            account_id: number;
            is_member: boolean;
          };
          hmac_verified: boolean | null;
        };
        id: number;
        messages: Array<{
          id: number;
          content: string | null;
          account_id: number;
          inbox_id: number;
          conversation_id: number;
          message_type: number;
          created_at: number;
          updated_at: string;
          private: boolean;
          status: string;
          source_id: string | null;
          content_type: string;
          content_attributes: Record<string, unknown>;
          sender_type: string | null;
          sender_id: number | null;
          external_source_ids: Record<string, unknown>;
          additional_attributes: Record<string, unknown>;
          processed_message_content: string | null;
          sentiment: Record<string, unknown>;
          conversation: Record<string, unknown>;
          sender?: Record<string, unknown>;
          attachments?: Array<{
            id: number;
            message_id: number;
            file_type: string;
            account_id: number;
            extension: string | null;
            data_url: string;
            thumb_url: string;
            file_size: number;
            width: number | null;
            height: number | null;
          }>;
          echo_id?: string;
          [key: string]: unknown;
        }>;
        account_id: number;
        uuid: string;
        additional_attributes: Record<string, unknown>;
        agent_last_seen_at: number;
        assignee_last_seen_at: number;
        can_reply: boolean;
        contact_last_seen_at: number;
        custom_attributes: Record<string, unknown>;
        inbox_id: number;
        labels: Array<string>;
        muted: boolean;
        snoozed_until: string | null;
        status: string;
        created_at: number;
        updated_at: number;
        timestamp: number;
        first_reply_created_at: number;
        unread_count: number;
        last_non_activity_message: {
          id: number;
          content: string | null;
          account_id: number;
          inbox_id: number;
          conversation_id: number;
          message_type: number;
          created_at: number;
          updated_at: string;
          private: boolean;
          status: string;
          source_id: string | null;
          content_type: string;
          content_attributes: Record<string, unknown>;
          sender_type: string | null;
          sender_id: number | null;
          external_source_ids: Record<string, unknown>;
          additional_attributes: Record<string, unknown>;
          processed_message_content: string | null;
          sentiment: Record<string, unknown>;
          conversation: Record<string, unknown>;
          sender?: Record<string, unknown>;
          attachments?: Array<{
            id: number;
            message_id: number;
            file_type: string;
            account_id: number;
            extension: string | null;
            data_url: string;
            thumb_url: string;
            file_size: number;
            width: number | null;
            height: number | null;
          }>;
          echo_id?: string;
          [key: string]: unknown;
        } | null;
        last_activity_at: number;
        priority: string | null;
        waiting_since: number;
        sla_policy_id: number | null;
      };
    };
  };
  "/api/v1/accounts/{account_id}/csat_survey_responses": {
    get: {
      path: { account_id: string | number; };
      query: {
        page?: number;
        since?: string;
        until?: string;
        user_ids?: Array<number>;
        inbox_id?: number;
        team_id?: number;
        rating?: number | Array<number>;
      };
      response: Array<{
        id: number;
        rating: number;
        feedback_message: string | null;
        account_id: number;
        message_id: number;
        contact?: {
          additional_attributes: Record<string, unknown>;
          availability_status: string;
          email: string | null;
          id: number;
          name: string | null;
          phone_number: string | null;
          blocked: boolean;
          identifier: string | null;
          thumbnail: string;
          custom_attributes: Record<string, unknown>;
          last_activity_at?: number;
          created_at: number;
          contact_inboxes?: Array<{
            source_id: string;
            inbox: {
              id: number;
              avatar_url: string;
              channel_id: number;
              name: string;
              channel_type: string;
              provider: string | null;
            };
          }>;
          labels?: Array<string>;
        };
        conversation_id: number;
        assigned_agent?: {
          id: number;
          account_id: number;
          availability_status: string;
          auto_offline: boolean;
          confirmed: boolean;
          email: string;
          provider: string;
          available_name: string;
          custom_attributes?: Record<string, unknown>;
          name: string;
          role: string;
          thumbnail: string;
        };
        created_at: number;
      }>;
    };
  };
  "/api/v1/accounts/{account_id}/csat_survey_responses/metrics": {
    get: {
      path: { account_id: string | number; };
      query: {
        page?: number;
        since?: string;
        until?: string;
        user_ids?: Array<number>;
        inbox_id?: number;
        team_id?: number;
        rating?: number | Array<number>;
      };
      response: {
        total_count: number;
        ratings_count: Record<string, number>;
        total_sent_messages_count: number;
      };
    };
  };
  "/api/v1/accounts/{account_id}/custom_attribute_definitions": {
    get: {
      path: { account_id: string | number; };
      query: {
        attribute_model?: number | ("conversation_attribute" | "contact_attribute");
      };
      response: Array<{
        id: number;
        attribute_display_name: string;
        attribute_display_type: string;
        attribute_description: string | null;
        attribute_key: string;
        regex_pattern: string | null;
        regex_cue: string | null;
        attribute_values: Array<unknown>;
        attribute_model: string;
        default_value: string | null;
        created_at: string;
        updated_at: string;
      }>;
    };
    post: {
      path: { account_id: string | number; };
      body: {
        attribute_display_name: string;
        attribute_display_type?: number | ("text" | "number" | "currency" | "percent" | "link" | "date" | "list" | "checkbox");
        attribute_description?: string | null;
        attribute_key: string;
        attribute_model?: number | ("conversation_attribute" | "contact_attribute");
        attribute_values?: Array<string>;
        regex_pattern?: string | null;
        regex_cue?: string | null;
        default_value?: string | null;
      };
      response: {
        id: number;
        attribute_display_name: string;
        attribute_display_type: string;
        attribute_description: string | null;
        attribute_key: string;
        regex_pattern: string | null;
        regex_cue: string | null;
        attribute_values: Array<unknown>;
        attribute_model: string;
        default_value: string | null;
        created_at: string;
        updated_at: string;
      };
    };
  };
  "/api/v1/accounts/{account_id}/custom_attribute_definitions/{id}": {
    get: {
      path: { account_id: string | number; id: string | number; };
      response: {
        id: number;
        attribute_display_name: string;
        attribute_display_type: string;
        attribute_description: string | null;
        attribute_key: string;
        regex_pattern: string | null;
        regex_cue: string | null;
        attribute_values: Array<unknown>;
        attribute_model: string;
        default_value: string | null;
        created_at: string;
        updated_at: string;
      };
    };
    put: {
      path: { account_id: string | number; id: string | number; };
      body: {
        attribute_display_name?: string;
        attribute_display_type?: number | ("text" | "number" | "currency" | "percent" | "link" | "date" | "list" | "checkbox");
        attribute_description?: string | null;
        attribute_key?: string;
        attribute_model?: number | ("conversation_attribute" | "contact_attribute");
        attribute_values?: Array<string>;
        regex_pattern?: string | null;
        regex_cue?: string | null;
        default_value?: string | null;
      };
      response: {
        id: number;
        attribute_display_name: string;
        attribute_display_type: string;
        attribute_description: string | null;
        attribute_key: string;
        regex_pattern: string | null;
        regex_cue: string | null;
        attribute_values: Array<unknown>;
        attribute_model: string;
        default_value: string | null;
        created_at: string;
        updated_at: string;
      };
    };
    patch: {
      path: { account_id: string | number; id: string | number; };
      body: {
        attribute_display_name?: string;
        attribute_display_type?: number | ("text" | "number" | "currency" | "percent" | "link" | "date" | "list" | "checkbox");
        attribute_description?: string | null;
        attribute_key?: string;
        attribute_model?: number | ("conversation_attribute" | "contact_attribute");
        attribute_values?: Array<string>;
        regex_pattern?: string | null;
        regex_cue?: string | null;
        default_value?: string | null;
      };
      response: {
        id: number;
        attribute_display_name: string;
        attribute_display_type: string;
        attribute_description: string | null;
        attribute_key: string;
        regex_pattern: string | null;
        regex_cue: string | null;
        attribute_values: Array<unknown>;
        attribute_model: string;
        default_value: string | null;
        created_at: string;
        updated_at: string;
      };
    };
    delete: {
      path: { account_id: string | number; id: string | number; };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/custom_filters": {
    get: {
      path: { account_id: string | number; };
      query: {
        filter_type?: "conversation" | "contact" | "report";
      };
      response: Array<{
        id: number;
        name: string;
        filter_type: "conversation" | "contact" | "report";
        query: unknown;
        created_at: string;
        updated_at: string;
      }>;
    };
    post: {
      path: { account_id: string | number; };
      query: {
        filter_type?: "conversation" | "contact" | "report";
      };
      body: {
        name: string;
        filter_type?: "conversation" | "contact" | "report";
        type?: "conversation" | "contact" | "report";
        query: Record<string, unknown>;
      };
      response: {
        id: number;
        name: string;
        filter_type: "conversation" | "contact" | "report";
        query: unknown;
        created_at: string;
        updated_at: string;
      };
    };
  };
  "/api/v1/accounts/{account_id}/custom_filters/{id}": {
    get: {
      path: { account_id: string | number; id: string | number; };
      response: {
        id: number;
        name: string;
        filter_type: "conversation" | "contact" | "report";
        query: unknown;
        created_at: string;
        updated_at: string;
      };
    };
    put: {
      path: { account_id: string | number; id: string | number; };
      body: {
        name?: string;
        filter_type?: "conversation" | "contact" | "report";
        type?: "conversation" | "contact" | "report";
        query?: Record<string, unknown>;
      };
      response: {
        id: number;
        name: string;
        filter_type: "conversation" | "contact" | "report";
        query: unknown;
        created_at: string;
        updated_at: string;
      };
    };
    patch: {
      path: { account_id: string | number; id: string | number; };
      body: {
        name?: string;
        filter_type?: "conversation" | "contact" | "report";
        type?: "conversation" | "contact" | "report";
        query?: Record<string, unknown>;
      };
      response: {
        id: number;
        name: string;
        filter_type: "conversation" | "contact" | "report";
        query: unknown;
        created_at: string;
        updated_at: string;
      };
    };
    delete: {
      path: { account_id: string | number; id: string | number; };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/dashboard_apps": {
    get: {
      path: { account_id: string | number; };
      response: Array<{
        id: number;
        title: string;
        content: Array<{
          type: string;
          url: string;
        }>;
        created_at: string;
        show_on_sidebar: boolean;
      }>;
    };
    post: {
      path: { account_id: string | number; };
      body: {
        title: string;
        content: Array<{
          url?: string;
          link?: string;
          type?: string;
        }>;
        show_on_sidebar?: boolean;
      };
      response: {
        id: number;
        title: string;
        content: Array<{
          type: string;
          url: string;
        }>;
        created_at: string;
        show_on_sidebar: boolean;
      };
    };
  };
  "/api/v1/accounts/{account_id}/dashboard_apps/{id}": {
    get: {
      path: { account_id: string | number; id: string | number; };
      response: {
        id: number;
        title: string;
        content: Array<{
          type: string;
          url: string;
        }>;
        created_at: string;
        show_on_sidebar: boolean;
      };
    };
    put: {
      path: { account_id: string | number; id: string | number; };
      body: {
        title?: string;
        content?: Array<{
          url?: string;
          link?: string;
          type?: string;
        }>;
        show_on_sidebar?: boolean;
      };
      response: {
        id: number;
        title: string;
        content: Array<{
          type: string;
          url: string;
        }>;
        created_at: string;
        show_on_sidebar: boolean;
      };
    };
    patch: {
      path: { account_id: string | number; id: string | number; };
      body: {
        title?: string;
        content?: Array<{
          url?: string;
          link?: string;
          type?: string;
        }>;
        show_on_sidebar?: boolean;
      };
      response: {
        id: number;
        title: string;
        content: Array<{
          type: string;
          url: string;
        }>;
        created_at: string;
        show_on_sidebar: boolean;
      };
    };
    delete: {
      path: { account_id: string | number; id: string | number; };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/inbox_members": {
    post: {
      path: { account_id: string | number; };
      body: {
        inbox_id: number;
        user_ids: Array<number>;
      };
      response: {
        payload: Array<{
          id: number;
          account_id: number;
          availability_status: string;
          auto_offline: boolean;
          confirmed: boolean;
          email: string;
          provider: string;
          available_name: string;
          custom_attributes?: Record<string, unknown>;
          name: string;
          role: string;
          thumbnail: string;
        }>;
      };
    };
    put: {
      path: { account_id: string | number; };
      body: {
        inbox_id: number;
        user_ids: Array<number>;
      };
      response: {
        payload: Array<{
          id: number;
          account_id: number;
          availability_status: string;
          auto_offline: boolean;
          confirmed: boolean;
          email: string;
          provider: string;
          available_name: string;
          custom_attributes?: Record<string, unknown>;
          name: string;
          role: string;
          thumbnail: string;
        }>;
      };
    };
    patch: {
      path: { account_id: string | number; };
      body: {
        inbox_id: number;
        user_ids: Array<number>;
      };
      response: {
        payload: Array<{
          id: number;
          account_id: number;
          availability_status: string;
          auto_offline: boolean;
          confirmed: boolean;
          email: string;
          provider: string;
          available_name: string;
          custom_attributes?: Record<string, unknown>;
          name: string;
          role: string;
          thumbnail: string;
        }>;
      };
    };
    delete: {
      path: { account_id: string | number; };
      body: {
        inbox_id: number;
        user_ids: Array<number>;
      };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/inbox_members/{inbox_id}": {
    get: {
      path: { account_id: string | number; inbox_id: string | number; };
      response: {
        payload: Array<{
          id: number;
          account_id: number;
          availability_status: string;
          auto_offline: boolean;
          confirmed: boolean;
          email: string;
          provider: string;
          available_name: string;
          custom_attributes?: Record<string, unknown>;
          name: string;
          role: string;
          thumbnail: string;
        }>;
      };
    };
  };
  "/api/v1/accounts/{account_id}/inboxes": {
    get: {
      path: { account_id: string | number; };
      response: {
        payload: Array<{
          id: number;
          avatar_url: string;
          channel_id: number;
          name: string;
          channel_type: string;
          greeting_enabled: boolean;
          greeting_message: string | null;
          working_hours_enabled: boolean;
          enable_email_collect: boolean;
          csat_survey_enabled: boolean;
          csat_config: Record<string, unknown>;
          enable_auto_assignment: boolean;
          auto_assignment_config: Record<string, unknown>;
          out_of_office_message: string | null;
          working_hours: Array<Record<string, unknown>>;
          timezone: string;
          callback_webhook_url: string | null;
          allow_messages_after_resolved: boolean;
          lock_to_single_conversation: boolean;
          sender_name_type: string;
          business_name: string | null;
          allowed_domains: string | null;
          widget_color: string | null;
          website_url: string | null;
          hmac_mandatory: boolean | null;
          welcome_title: string | null;
          welcome_tagline: string | null;
          web_widget_script: string | null;
          website_token: string | null;
          selected_feature_flags: Array<string> | null;
          reply_time: string | null;
          messaging_service_sid: string | null;
          phone_number: string | null;
          provider: string | null;
          hmac_token?: string;
          webhook_url?: string | null;
          inbox_identifier?: string;
          additional_attributes?: Record<string, unknown>;
          pre_chat_form_enabled?: boolean;
          pre_chat_form_options?: Record<string, unknown>;
          continuity_via_email?: boolean;
          bot_name?: string | null;
          message_templates?: Array<Record<string, unknown>>;
          provider_config?: Record<string, unknown>;
          email?: string | null;
          imap_enabled?: boolean | null;
          imap_address?: string | null;
          imap_port?: number | null;
          imap_login?: string | null;
          imap_enable_ssl?: boolean | null;
          smtp_enabled?: boolean | null;
          smtp_address?: string | null;
          smtp_port?: number | null;
          smtp_login?: string | null;
          smtp_domain?: string | null;
          smtp_enable_starttls_auto?: boolean | null;
          smtp_enable_ssl_tls?: boolean | null;
          smtp_authentication?: string | null;
          reauthorization_required?: boolean;
          imap_error?: string | null;
          imap_checked_at?: string | null;
        }>;
      };
    };
    post: {
      path: { account_id: string | number; };
      body: {
        name: string;
        avatar?: unknown;
        greeting_enabled?: boolean | null;
        greeting_message?: string | null;
        enable_email_collect?: boolean | null;
        csat_survey_enabled?: boolean | null;
        csat_config?: Record<string, unknown> | null;
        enable_auto_assignment?: boolean | null;
        auto_assignment_config?: Record<string, unknown> | null;
        working_hours_enabled?: boolean | null;
        out_of_office_message?: string | null;
        timezone?: string | null;
        allow_messages_after_resolved?: boolean | null;
        lock_to_single_conversation?: boolean | null;
        sender_name_type?: ("friendly" | "professional") | (null | null);
        business_name?: string | null;
        working_hours?: Array<{
          day_of_week: number;
          closed_all_day?: boolean;
          open_hour?: number | null;
          open_minutes?: number | null;
          close_hour?: number | null;
          close_minutes?: number | null;
          open_all_day?: boolean;
        }>;
        channel: {
          type: "api" | "web_widget" | "telegram" | "whatsapp" | "email";
          webhook_url?: string | null;
          hmac_mandatory?: boolean;
          additional_attributes?: Record<string, unknown>;
          website_url?: string | null;
          widget_color?: string | null;
          welcome_title?: string | null;
          welcome_tagline?: string | null;
          reply_time?: "in_a_few_minutes" | "in_a_few_hours" | "in_a_day";
          pre_chat_form_enabled?: boolean;
          pre_chat_form_options?: Record<string, unknown>;
          selected_feature_flags?: Array<string>;
          continuity_via_email?: boolean;
          allowed_domains?: string | null;
          bot_token?: string | null;
          phone_number?: string | null;
          provider?: string | null;
          provider_config?: Record<string, unknown>;
          email?: string | null;
          imap_enabled?: boolean;
          imap_address?: string | null;
          imap_port?: number | null;
          imap_login?: string | null;
          imap_password?: string | null;
          imap_enable_ssl?: boolean;
          smtp_enabled?: boolean;
          smtp_address?: string | null;
          smtp_port?: number | null;
          smtp_login?: string | null;
          smtp_password?: string | null;
          smtp_domain?: string | null;
          smtp_enable_starttls_auto?: boolean;
          smtp_enable_ssl_tls?: boolean;
          smtp_authentication?: string | null;
        };
      };
      response: {
        id: number;
        avatar_url: string;
        channel_id: number;
        name: string;
        channel_type: string;
        greeting_enabled: boolean;
        greeting_message: string | null;
        working_hours_enabled: boolean;
        enable_email_collect: boolean;
        csat_survey_enabled: boolean;
        csat_config: Record<string, unknown>;
        enable_auto_assignment: boolean;
        auto_assignment_config: Record<string, unknown>;
        out_of_office_message: string | null;
        working_hours: Array<Record<string, unknown>>;
        timezone: string;
        callback_webhook_url: string | null;
        allow_messages_after_resolved: boolean;
        lock_to_single_conversation: boolean;
        sender_name_type: string;
        business_name: string | null;
        allowed_domains: string | null;
        widget_color: string | null;
        website_url: string | null;
        hmac_mandatory: boolean | null;
        welcome_title: string | null;
        welcome_tagline: string | null;
        web_widget_script: string | null;
        website_token: string | null;
        selected_feature_flags: Array<string> | null;
        reply_time: string | null;
        messaging_service_sid: string | null;
        phone_number: string | null;
        provider: string | null;
        hmac_token?: string;
        webhook_url?: string | null;
        inbox_identifier?: string;
        additional_attributes?: Record<string, unknown>;
        pre_chat_form_enabled?: boolean;
        pre_chat_form_options?: Record<string, unknown>;
        continuity_via_email?: boolean;
        bot_name?: string | null;
        message_templates?: Array<Record<string, unknown>>;
        provider_config?: Record<string, unknown>;
        email?: string | null;
        imap_enabled?: boolean | null;
        imap_address?: string | null;
        imap_port?: number | null;
        imap_login?: string | null;
        imap_enable_ssl?: boolean | null;
        smtp_enabled?: boolean | null;
        smtp_address?: string | null;
        smtp_port?: number | null;
        smtp_login?: string | null;
        smtp_domain?: string | null;
        smtp_enable_starttls_auto?: boolean | null;
        smtp_enable_ssl_tls?: boolean | null;
        smtp_authentication?: string | null;
        reauthorization_required?: boolean;
        imap_error?: string | null;
        imap_checked_at?: string | null;
      };
    };
  };
  "/api/v1/accounts/{account_id}/inboxes/{id}": {
    get: {
      path: { account_id: string | number; id: string | number; };
      response: {
        id: number;
        avatar_url: string;
        channel_id: number;
        name: string;
        channel_type: string;
        greeting_enabled: boolean;
        greeting_message: string | null;
        working_hours_enabled: boolean;
        enable_email_collect: boolean;
        csat_survey_enabled: boolean;
        csat_config: Record<string, unknown>;
        enable_auto_assignment: boolean;
        auto_assignment_config: Record<string, unknown>;
        out_of_office_message: string | null;
        working_hours: Array<Record<string, unknown>>;
        timezone: string;
        callback_webhook_url: string | null;
        allow_messages_after_resolved: boolean;
        lock_to_single_conversation: boolean;
        sender_name_type: string;
        business_name: string | null;
        allowed_domains: string | null;
        widget_color: string | null;
        website_url: string | null;
        hmac_mandatory: boolean | null;
        welcome_title: string | null;
        welcome_tagline: string | null;
        web_widget_script: string | null;
        website_token: string | null;
        selected_feature_flags: Array<string> | null;
        reply_time: string | null;
        messaging_service_sid: string | null;
        phone_number: string | null;
        provider: string | null;
        hmac_token?: string;
        webhook_url?: string | null;
        inbox_identifier?: string;
        additional_attributes?: Record<string, unknown>;
        pre_chat_form_enabled?: boolean;
        pre_chat_form_options?: Record<string, unknown>;
        continuity_via_email?: boolean;
        bot_name?: string | null;
        message_templates?: Array<Record<string, unknown>>;
        provider_config?: Record<string, unknown>;
        email?: string | null;
        imap_enabled?: boolean | null;
        imap_address?: string | null;
        imap_port?: number | null;
        imap_login?: string | null;
        imap_enable_ssl?: boolean | null;
        smtp_enabled?: boolean | null;
        smtp_address?: string | null;
        smtp_port?: number | null;
        smtp_login?: string | null;
        smtp_domain?: string | null;
        smtp_enable_starttls_auto?: boolean | null;
        smtp_enable_ssl_tls?: boolean | null;
        smtp_authentication?: string | null;
        reauthorization_required?: boolean;
        imap_error?: string | null;
        imap_checked_at?: string | null;
      };
    };
    put: {
      path: { account_id: string | number; id: string | number; };
      body: {
        name?: string;
        avatar?: unknown;
        greeting_enabled?: boolean | null;
        greeting_message?: string | null;
        enable_email_collect?: boolean | null;
        csat_survey_enabled?: boolean | null;
        csat_config?: Record<string, unknown> | null;
        enable_auto_assignment?: boolean | null;
        auto_assignment_config?: Record<string, unknown> | null;
        working_hours_enabled?: boolean | null;
        out_of_office_message?: string | null;
        timezone?: string | null;
        allow_messages_after_resolved?: boolean | null;
        lock_to_single_conversation?: boolean | null;
        sender_name_type?: ("friendly" | "professional") | (null | null);
        business_name?: string | null;
        working_hours?: Array<{
          day_of_week: number;
          closed_all_day?: boolean;
          open_hour?: number | null;
          open_minutes?: number | null;
          close_hour?: number | null;
          close_minutes?: number | null;
          open_all_day?: boolean;
        }>;
        channel?: {
          webhook_url?: string | null;
          hmac_mandatory?: boolean;
          additional_attributes?: Record<string, unknown>;
          website_url?: string | null;
          widget_color?: string | null;
          welcome_title?: string | null;
          welcome_tagline?: string | null;
          reply_time?: "in_a_few_minutes" | "in_a_few_hours" | "in_a_day";
          pre_chat_form_enabled?: boolean;
          pre_chat_form_options?: Record<string, unknown>;
          selected_feature_flags?: Array<string>;
          continuity_via_email?: boolean;
          allowed_domains?: string | null;
          bot_token?: string | null;
          phone_number?: string | null;
          provider?: string | null;
          provider_config?: Record<string, unknown>;
          email?: string | null;
          imap_enabled?: boolean;
          imap_address?: string | null;
          imap_port?: number | null;
          imap_login?: string | null;
          imap_password?: string | null;
          imap_enable_ssl?: boolean;
          smtp_enabled?: boolean;
          smtp_address?: string | null;
          smtp_port?: number | null;
          smtp_login?: string | null;
          smtp_password?: string | null;
          smtp_domain?: string | null;
          smtp_enable_starttls_auto?: boolean;
          smtp_enable_ssl_tls?: boolean;
          smtp_authentication?: string | null;
        };
      };
      response: {
        id: number;
        avatar_url: string;
        channel_id: number;
        name: string;
        channel_type: string;
        greeting_enabled: boolean;
        greeting_message: string | null;
        working_hours_enabled: boolean;
        enable_email_collect: boolean;
        csat_survey_enabled: boolean;
        csat_config: Record<string, unknown>;
        enable_auto_assignment: boolean;
        auto_assignment_config: Record<string, unknown>;
        out_of_office_message: string | null;
        working_hours: Array<Record<string, unknown>>;
        timezone: string;
        callback_webhook_url: string | null;
        allow_messages_after_resolved: boolean;
        lock_to_single_conversation: boolean;
        sender_name_type: string;
        business_name: string | null;
        allowed_domains: string | null;
        widget_color: string | null;
        website_url: string | null;
        hmac_mandatory: boolean | null;
        welcome_title: string | null;
        welcome_tagline: string | null;
        web_widget_script: string | null;
        website_token: string | null;
        selected_feature_flags: Array<string> | null;
        reply_time: string | null;
        messaging_service_sid: string | null;
        phone_number: string | null;
        provider: string | null;
        hmac_token?: string;
        webhook_url?: string | null;
        inbox_identifier?: string;
        additional_attributes?: Record<string, unknown>;
        pre_chat_form_enabled?: boolean;
        pre_chat_form_options?: Record<string, unknown>;
        continuity_via_email?: boolean;
        bot_name?: string | null;
        message_templates?: Array<Record<string, unknown>>;
        provider_config?: Record<string, unknown>;
        email?: string | null;
        imap_enabled?: boolean | null;
        imap_address?: string | null;
        imap_port?: number | null;
        imap_login?: string | null;
        imap_enable_ssl?: boolean | null;
        smtp_enabled?: boolean | null;
        smtp_address?: string | null;
        smtp_port?: number | null;
        smtp_login?: string | null;
        smtp_domain?: string | null;
        smtp_enable_starttls_auto?: boolean | null;
        smtp_enable_ssl_tls?: boolean | null;
        smtp_authentication?: string | null;
        reauthorization_required?: boolean;
        imap_error?: string | null;
        imap_checked_at?: string | null;
      };
    };
    patch: {
      path: { account_id: string | number; id: string | number; };
      body: {
        name?: string;
        avatar?: unknown;
        greeting_enabled?: boolean | null;
        greeting_message?: string | null;
        enable_email_collect?: boolean | null;
        csat_survey_enabled?: boolean | null;
        csat_config?: Record<string, unknown> | null;
        enable_auto_assignment?: boolean | null;
        auto_assignment_config?: Record<string, unknown> | null;
        working_hours_enabled?: boolean | null;
        out_of_office_message?: string | null;
        timezone?: string | null;
        allow_messages_after_resolved?: boolean | null;
        lock_to_single_conversation?: boolean | null;
        sender_name_type?: ("friendly" | "professional") | (null | null);
        business_name?: string | null;
        working_hours?: Array<{
          day_of_week: number;
          closed_all_day?: boolean;
          open_hour?: number | null;
          open_minutes?: number | null;
          close_hour?: number | null;
          close_minutes?: number | null;
          open_all_day?: boolean;
        }>;
        channel?: {
          webhook_url?: string | null;
          hmac_mandatory?: boolean;
          additional_attributes?: Record<string, unknown>;
          website_url?: string | null;
          widget_color?: string | null;
          welcome_title?: string | null;
          welcome_tagline?: string | null;
          reply_time?: "in_a_few_minutes" | "in_a_few_hours" | "in_a_day";
          pre_chat_form_enabled?: boolean;
          pre_chat_form_options?: Record<string, unknown>;
          selected_feature_flags?: Array<string>;
          continuity_via_email?: boolean;
          allowed_domains?: string | null;
          bot_token?: string | null;
          phone_number?: string | null;
          provider?: string | null;
          provider_config?: Record<string, unknown>;
          email?: string | null;
          imap_enabled?: boolean;
          imap_address?: string | null;
          imap_port?: number | null;
          imap_login?: string | null;
          imap_password?: string | null;
          imap_enable_ssl?: boolean;
          smtp_enabled?: boolean;
          smtp_address?: string | null;
          smtp_port?: number | null;
          smtp_login?: string | null;
          smtp_password?: string | null;
          smtp_domain?: string | null;
          smtp_enable_starttls_auto?: boolean;
          smtp_enable_ssl_tls?: boolean;
          smtp_authentication?: string | null;
        };
      };
      response: {
        id: number;
        avatar_url: string;
        channel_id: number;
        name: string;
        channel_type: string;
        greeting_enabled: boolean;
        greeting_message: string | null;
        working_hours_enabled: boolean;
        enable_email_collect: boolean;
        csat_survey_enabled: boolean;
        csat_config: Record<string, unknown>;
        enable_auto_assignment: boolean;
        auto_assignment_config: Record<string, unknown>;
        out_of_office_message: string | null;
        working_hours: Array<Record<string, unknown>>;
        timezone: string;
        callback_webhook_url: string | null;
        allow_messages_after_resolved: boolean;
        lock_to_single_conversation: boolean;
        sender_name_type: string;
        business_name: string | null;
        allowed_domains: string | null;
        widget_color: string | null;
        website_url: string | null;
        hmac_mandatory: boolean | null;
        welcome_title: string | null;
        welcome_tagline: string | null;
        web_widget_script: string | null;
        website_token: string | null;
        selected_feature_flags: Array<string> | null;
        reply_time: string | null;
        messaging_service_sid: string | null;
        phone_number: string | null;
        provider: string | null;
        hmac_token?: string;
        webhook_url?: string | null;
        inbox_identifier?: string;
        additional_attributes?: Record<string, unknown>;
        pre_chat_form_enabled?: boolean;
        pre_chat_form_options?: Record<string, unknown>;
        continuity_via_email?: boolean;
        bot_name?: string | null;
        message_templates?: Array<Record<string, unknown>>;
        provider_config?: Record<string, unknown>;
        email?: string | null;
        imap_enabled?: boolean | null;
        imap_address?: string | null;
        imap_port?: number | null;
        imap_login?: string | null;
        imap_enable_ssl?: boolean | null;
        smtp_enabled?: boolean | null;
        smtp_address?: string | null;
        smtp_port?: number | null;
        smtp_login?: string | null;
        smtp_domain?: string | null;
        smtp_enable_starttls_auto?: boolean | null;
        smtp_enable_ssl_tls?: boolean | null;
        smtp_authentication?: string | null;
        reauthorization_required?: boolean;
        imap_error?: string | null;
        imap_checked_at?: string | null;
      };
    };
    delete: {
      path: { account_id: string | number; id: string | number; };
      response: {
        message: string;
      };
    };
  };
  "/api/v1/accounts/{account_id}/inboxes/{id}/agent_bot": {
    get: {
      path: { account_id: string | number; id: string | number; };
      response: {
        agent_bot?: {
          id: number;
          name: string;
          description: string | null;
          thumbnail: string;
          outgoing_url?: string | null;
          bot_type: string;
          bot_config: Record<string, unknown>;
          account_id: number | null;
          access_token?: string;
          system_bot: boolean;
        };
      };
    };
  };
  "/api/v1/accounts/{account_id}/inboxes/{id}/assignable_agents": {
    get: {
      path: { account_id: string | number; id: string | number; };
      response: {
        payload: Array<{
          id: number;
          account_id: number;
          availability_status: string;
          auto_offline: boolean;
          confirmed: boolean;
          email: string;
          provider: string;
          available_name: string;
          custom_attributes?: Record<string, unknown>;
          name: string;
          role: string;
          thumbnail: string;
        }>;
      };
    };
  };
  "/api/v1/accounts/{account_id}/inboxes/{id}/avatar": {
    delete: {
      path: { account_id: string | number; id: string | number; };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/inboxes/{id}/set_agent_bot": {
    post: {
      path: { account_id: string | number; id: string | number; };
      body: {
        agent_bot?: number | null;
      };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/inboxes/{id}/sync_templates": {
    post: {
      path: { account_id: string | number; id: string | number; };
      response: {
        message: string;
      };
    };
  };
  "/api/v1/accounts/{account_id}/integrations/apps": {
    get: {
      path: { account_id: string | number; };
      response: {
        payload: Array<{
          id: string;
          name: string;
          description: string;
          short_description: string | null;
          enabled: boolean;
          action?: string;
          button?: string;
          hooks: Array<{
            id: number;
            app_id: string;
            status: boolean;
            inbox: {
              id: number;
              name: string;
            } | null;
            account_id: number;
            hook_type: "account" | "inbox";
            settings: Record<string, unknown>;
            reference_id: null | null;
          }>;
        }>;
      };
    };
  };
  "/api/v1/accounts/{account_id}/integrations/apps/{id}": {
    get: {
      path: { account_id: string | number; id: string | number; };
      response: {
        id: string;
        name: string;
        description: string;
        short_description: string | null;
        enabled: boolean;
        action?: string;
        button?: string;
        hooks: Array<{
          id: number;
          app_id: string;
          status: boolean;
          inbox: {
            id: number;
            name: string;
          } | null;
          account_id: number;
          hook_type: "account" | "inbox";
          settings: Record<string, unknown>;
          reference_id: null | null;
        }>;
      };
    };
  };
  "/api/v1/accounts/{account_id}/integrations/hooks": {
    post: {
      path: { account_id: string | number; };
      body: {
        app_id?: string;
        inbox_id?: number | null;
        status?: unknown;
        settings?: Record<string, unknown>;
      };
      response: {
        id: number;
        app_id: string;
        status: boolean;
        inbox: {
          id: number;
          name: string;
        } | null;
        account_id: number;
        hook_type: "account" | "inbox";
        settings: Record<string, unknown>;
        reference_id: null | null;
      };
    };
  };
  "/api/v1/accounts/{account_id}/integrations/hooks/{id}": {
    put: {
      path: { account_id: string | number; id: string | number; };
      body: {
        status?: unknown;
        settings?: Record<string, unknown>;
      };
      response: {
        id: number;
        app_id: string;
        status: boolean;
        inbox: {
          id: number;
          name: string;
        } | null;
        account_id: number;
        hook_type: "account" | "inbox";
        settings: Record<string, unknown>;
        reference_id: null | null;
      };
    };
    patch: {
      path: { account_id: string | number; id: string | number; };
      body: {
        status?: unknown;
        settings?: Record<string, unknown>;
      };
      response: {
        id: number;
        app_id: string;
        status: boolean;
        inbox: {
          id: number;
          name: string;
        } | null;
        account_id: number;
        hook_type: "account" | "inbox";
        settings: Record<string, unknown>;
        reference_id: null | null;
      };
    };
    delete: {
      path: { account_id: string | number; id: string | number; };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/integrations/hooks/{id}/deliveries": {
    get: {
      path: { account_id: string | number; id: string | number; };
      query: {
        page?: number;
      };
      response: {
        payload: Array<{
          id: string;
          event: string;
          status: string;
          attempts: number;
          next_attempt_at: string | null;
          delivered_at: string | null;
          last_status_code: number | null;
          last_error: string | null;
          last_latency_ms: number | null;
          created_at: string;
          attempt_log: Array<{
            attempted_at: string;
            status_code: number | null;
            error: string | null;
            latency_ms: number;
            response_excerpt: string | null;
          }>;
        }>;
        meta: {
          count: number;
          current_page: number;
        };
      };
    };
  };
  "/api/v1/accounts/{account_id}/labels": {
    get: {
      path: { account_id: string | number; };
      response: {
        payload: Array<{
          id: number;
          title: string;
          description: string | null;
          color: string;
          show_on_sidebar: boolean;
        }>;
      };
    };
    post: {
      path: { account_id: string | number; };
      body: {
        title: string;
        description?: string | null;
        color?: string;
        show_on_sidebar?: boolean;
      };
      response: {
        id: number;
        title: string;
        description: string | null;
        color: string;
        show_on_sidebar: boolean;
      };
    };
  };
  "/api/v1/accounts/{account_id}/labels/{id}": {
    get: {
      path: { account_id: string | number; id: string | number; };
      response: {
        id: number;
        title: string;
        description: string | null;
        color: string;
        show_on_sidebar: boolean;
      };
    };
    put: {
      path: { account_id: string | number; id: string | number; };
      body: {
        title?: string;
        description?: string | null;
        color?: string;
        show_on_sidebar?: boolean;
      };
      response: {
        id: number;
        title: string;
        description: string | null;
        color: string;
        show_on_sidebar: boolean;
      };
    };
    patch: {
      path: { account_id: string | number; id: string | number; };
      body: {
        title?: string;
        description?: string | null;
        color?: string;
        show_on_sidebar?: boolean;
      };
      response: {
        id: number;
        title: string;
        description: string | null;
        color: string;
        show_on_sidebar: boolean;
      };
    };
    delete: {
      path: { account_id: string | number; id: string | number; };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/macros": {
    get: {
      path: { account_id: string | number; };
      response: {
        payload: Array<{
          id: number;
          name: string;
          visibility: string;
          created_by?: {
            id: number;
            account_id: number;
            availability_status: string;
            auto_offline: boolean;
            confirmed: boolean;
            email: string;
            provider: string;
            available_name: string;
            custom_attributes?: Record<string, unknown>;
            name: string;
            role: string;
            thumbnail: string;
          };
          updated_by?: {
            id: number;
            account_id: number;
            availability_status: string;
            auto_offline: boolean;
            confirmed: boolean;
            email: string;
            provider: string;
            available_name: string;
            custom_attributes?: Record<string, unknown>;
            name: string;
            role: string;
            thumbnail: string;
          };
          account_id: number;
          actions: Array<{
            action_name: string;
            action_params: Array<unknown>;
          }>;
          files?: Array<{
            id: number;
            automation_rule_id?: number;
            macro_id?: number;
            file_type: string;
            account_id: number;
            file_url: string;
            blob_id: number;
            filename: string;
          }>;
        }>;
      };
    };
    post: {
      path: { account_id: string | number; };
      body: {
        name: string;
        visibility?: string;
        actions?: Array<{
          action_name: string;
          action_params?: Array<unknown>;
        }>;
      };
      response: {
        payload: {
          id: number;
          name: string;
          visibility: string;
          created_by?: {
            id: number;
            account_id: number;
            availability_status: string;
            auto_offline: boolean;
            confirmed: boolean;
            email: string;
            provider: string;
            available_name: string;
            custom_attributes?: Record<string, unknown>;
            name: string;
            role: string;
            thumbnail: string;
          };
          updated_by?: {
            id: number;
            account_id: number;
            availability_status: string;
            auto_offline: boolean;
            confirmed: boolean;
            email: string;
            provider: string;
            available_name: string;
            custom_attributes?: Record<string, unknown>;
            name: string;
            role: string;
            thumbnail: string;
          };
          account_id: number;
          actions: Array<{
            action_name: string;
            action_params: Array<unknown>;
          }>;
          files?: Array<{
            id: number;
            automation_rule_id?: number;
            macro_id?: number;
            file_type: string;
            account_id: number;
            file_url: string;
            blob_id: number;
            filename: string;
          }>;
        };
      };
    };
  };
  "/api/v1/accounts/{account_id}/macros/attach_file": {
    post: {
      path: { account_id: string | number; };
      body: {
        attachment?: unknown;
      };
      response: {
        blob_key: string;
        blob_id: number;
      };
    };
  };
  "/api/v1/accounts/{account_id}/macros/{id}": {
    get: {
      path: { account_id: string | number; id: string | number; };
      response: {
        payload: {
          id: number;
          name: string;
          visibility: string;
          created_by?: {
            id: number;
            account_id: number;
            availability_status: string;
            auto_offline: boolean;
            confirmed: boolean;
            email: string;
            provider: string;
            available_name: string;
            custom_attributes?: Record<string, unknown>;
            name: string;
            role: string;
            thumbnail: string;
          };
          updated_by?: {
            id: number;
            account_id: number;
            availability_status: string;
            auto_offline: boolean;
            confirmed: boolean;
            email: string;
            provider: string;
            available_name: string;
            custom_attributes?: Record<string, unknown>;
            name: string;
            role: string;
            thumbnail: string;
          };
          account_id: number;
          actions: Array<{
            action_name: string;
            action_params: Array<unknown>;
          }>;
          files?: Array<{
            id: number;
            automation_rule_id?: number;
            macro_id?: number;
            file_type: string;
            account_id: number;
            file_url: string;
            blob_id: number;
            filename: string;
          }>;
        };
      };
    };
    put: {
      path: { account_id: string | number; id: string | number; };
      body: {
        name?: string;
        visibility?: string;
        actions?: Array<{
          action_name: string;
          action_params?: Array<unknown>;
        }>;
      };
      response: {
        payload: {
          id: number;
          name: string;
          visibility: string;
          created_by?: {
            id: number;
            account_id: number;
            availability_status: string;
            auto_offline: boolean;
            confirmed: boolean;
            email: string;
            provider: string;
            available_name: string;
            custom_attributes?: Record<string, unknown>;
            name: string;
            role: string;
            thumbnail: string;
          };
          updated_by?: {
            id: number;
            account_id: number;
            availability_status: string;
            auto_offline: boolean;
            confirmed: boolean;
            email: string;
            provider: string;
            available_name: string;
            custom_attributes?: Record<string, unknown>;
            name: string;
            role: string;
            thumbnail: string;
          };
          account_id: number;
          actions: Array<{
            action_name: string;
            action_params: Array<unknown>;
          }>;
          files?: Array<{
            id: number;
            automation_rule_id?: number;
            macro_id?: number;
            file_type: string;
            account_id: number;
            file_url: string;
            blob_id: number;
            filename: string;
          }>;
        };
      };
    };
    patch: {
      path: { account_id: string | number; id: string | number; };
      body: {
        name?: string;
        visibility?: string;
        actions?: Array<{
          action_name: string;
          action_params?: Array<unknown>;
        }>;
      };
      response: {
        payload: {
          id: number;
          name: string;
          visibility: string;
          created_by?: {
            id: number;
            account_id: number;
            availability_status: string;
            auto_offline: boolean;
            confirmed: boolean;
            email: string;
            provider: string;
            available_name: string;
            custom_attributes?: Record<string, unknown>;
            name: string;
            role: string;
            thumbnail: string;
          };
          updated_by?: {
            id: number;
            account_id: number;
            availability_status: string;
            auto_offline: boolean;
            confirmed: boolean;
            email: string;
            provider: string;
            available_name: string;
            custom_attributes?: Record<string, unknown>;
            name: string;
            role: string;
            thumbnail: string;
          };
          account_id: number;
          actions: Array<{
            action_name: string;
            action_params: Array<unknown>;
          }>;
          files?: Array<{
            id: number;
            automation_rule_id?: number;
            macro_id?: number;
            file_type: string;
            account_id: number;
            file_url: string;
            blob_id: number;
            filename: string;
          }>;
        };
      };
    };
    delete: {
      path: { account_id: string | number; id: string | number; };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/macros/{id}/execute": {
    post: {
      path: { account_id: string | number; id: string | number; };
      body: {
        conversation_ids: Array<number | string>;
      };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/portals": {
    get: {
      path: { account_id: string | number; };
      response: {
        payload: Array<{
          id: number;
          color: string | null;
          custom_domain: string | null;
          header_text: string | null;
          homepage_link: string | null;
          name: string;
          page_title: string | null;
          slug: string;
          archived: boolean;
          account_id: number;
          config: {
            allowed_locales: Array<{
              code: string;
              articles_count: number;
              categories_count: number;
            }>;
            default_locale: string;
          };
          meta: {
            all_articles_count: number;
            archived_articles_count: number;
            published_count: number;
            draft_articles_count: number;
            mine_articles_count?: number;
            categories_count: number;
            default_locale: string;
          };
        }>;
        meta: {
          current_page: number;
          portals_count: number;
        };
      };
    };
    post: {
      path: { account_id: string | number; };
      body: {
        name?: string;
        slug?: string;
        custom_domain?: string | null;
        color?: string | null;
        homepage_link?: string | null;
        page_title?: string | null;
        header_text?: string | null;
        archived?: boolean;
        config?: {
          allowed_locales?: Array<string>;
          default_locale?: string;
        };
      };
      response: {
        id: number;
        color: string | null;
        custom_domain: string | null;
        header_text: string | null;
        homepage_link: string | null;
        name: string;
        page_title: string | null;
        slug: string;
        archived: boolean;
        account_id: number;
        config: {
          allowed_locales: Array<{
            code: string;
            articles_count: number;
            categories_count: number;
          }>;
          default_locale: string;
        };
        meta: {
          all_articles_count: number;
          archived_articles_count: number;
          published_count: number;
          draft_articles_count: number;
          mine_articles_count?: number;
          categories_count: number;
          default_locale: string;
        };
      };
    };
    put: {
      path: { account_id: string | number; };
      body: {
        name?: string;
        slug?: string;
        custom_domain?: string | null;
        color?: string | null;
        homepage_link?: string | null;
        page_title?: string | null;
        header_text?: string | null;
        archived?: boolean;
        config?: {
          allowed_locales?: Array<string>;
          default_locale?: string;
        };
      };
      response: {
        id: number;
        color: string | null;
        custom_domain: string | null;
        header_text: string | null;
        homepage_link: string | null;
        name: string;
        page_title: string | null;
        slug: string;
        archived: boolean;
        account_id: number;
        config: {
          allowed_locales: Array<{
            code: string;
            articles_count: number;
            categories_count: number;
          }>;
          default_locale: string;
        };
        meta: {
          all_articles_count: number;
          archived_articles_count: number;
          published_count: number;
          draft_articles_count: number;
          mine_articles_count?: number;
          categories_count: number;
          default_locale: string;
        };
      };
    };
    patch: {
      path: { account_id: string | number; };
      body: {
        name?: string;
        slug?: string;
        custom_domain?: string | null;
        color?: string | null;
        homepage_link?: string | null;
        page_title?: string | null;
        header_text?: string | null;
        archived?: boolean;
        config?: {
          allowed_locales?: Array<string>;
          default_locale?: string;
        };
      };
      response: {
        id: number;
        color: string | null;
        custom_domain: string | null;
        header_text: string | null;
        homepage_link: string | null;
        name: string;
        page_title: string | null;
        slug: string;
        archived: boolean;
        account_id: number;
        config: {
          allowed_locales: Array<{
            code: string;
            articles_count: number;
            categories_count: number;
          }>;
          default_locale: string;
        };
        meta: {
          all_articles_count: number;
          archived_articles_count: number;
          published_count: number;
          draft_articles_count: number;
          mine_articles_count?: number;
          categories_count: number;
          default_locale: string;
        };
      };
    };
  };
  "/api/v1/accounts/{account_id}/portals/{portal_id}": {
    get: {
      path: { account_id: string | number; portal_id: string | number; };
      query: {
        locale?: string;
      };
      response: {
        id: number;
        color: string | null;
        custom_domain: string | null;
        header_text: string | null;
        homepage_link: string | null;
        name: string;
        page_title: string | null;
        slug: string;
        archived: boolean;
        account_id: number;
        config: {
          allowed_locales: Array<{
            code: string;
            articles_count: number;
            categories_count: number;
          }>;
          default_locale: string;
        };
        meta: {
          all_articles_count: number;
          archived_articles_count: number;
          published_count: number;
          draft_articles_count: number;
          mine_articles_count?: number;
          categories_count: number;
          default_locale: string;
        };
      };
    };
    put: {
      path: { account_id: string | number; portal_id: string | number; };
      body: {
        name?: string;
        slug?: string;
        custom_domain?: string | null;
        color?: string | null;
        homepage_link?: string | null;
        page_title?: string | null;
        header_text?: string | null;
        archived?: boolean;
        config?: {
          allowed_locales?: Array<string>;
          default_locale?: string;
        };
      };
      response: {
        id: number;
        color: string | null;
        custom_domain: string | null;
        header_text: string | null;
        homepage_link: string | null;
        name: string;
        page_title: string | null;
        slug: string;
        archived: boolean;
        account_id: number;
        config: {
          allowed_locales: Array<{
            code: string;
            articles_count: number;
            categories_count: number;
          }>;
          default_locale: string;
        };
        meta: {
          all_articles_count: number;
          archived_articles_count: number;
          published_count: number;
          draft_articles_count: number;
          mine_articles_count?: number;
          categories_count: number;
          default_locale: string;
        };
      };
    };
    patch: {
      path: { account_id: string | number; portal_id: string | number; };
      body: {
        name?: string;
        slug?: string;
        custom_domain?: string | null;
        color?: string | null;
        homepage_link?: string | null;
        page_title?: string | null;
        header_text?: string | null;
        archived?: boolean;
        config?: {
          allowed_locales?: Array<string>;
          default_locale?: string;
        };
      };
      response: {
        id: number;
        color: string | null;
        custom_domain: string | null;
        header_text: string | null;
        homepage_link: string | null;
        name: string;
        page_title: string | null;
        slug: string;
        archived: boolean;
        account_id: number;
        config: {
          allowed_locales: Array<{
            code: string;
            articles_count: number;
            categories_count: number;
          }>;
          default_locale: string;
        };
        meta: {
          all_articles_count: number;
          archived_articles_count: number;
          published_count: number;
          draft_articles_count: number;
          mine_articles_count?: number;
          categories_count: number;
          default_locale: string;
        };
      };
    };
    delete: {
      path: { account_id: string | number; portal_id: string | number; };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/portals/{portal_id}/archive": {
    patch: {
      path: { account_id: string | number; portal_id: string | number; };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/portals/{portal_id}/articles": {
    get: {
      path: { account_id: string | number; portal_id: string | number; };
      query: {
        page?: number;
        locale?: string;
        category_slug?: string;
        status?: number | string;
        author_id?: number;
        query?: string;
      };
      response: {
        payload: Array<{
          id: number;
          slug: string;
          title: string;
          content: string;
          description: string | null;
          status: string;
          position: number;
          account_id: number;
          updated_at: number;
          meta: Record<string, unknown>;
          locale: string;
          associated_article_id: number | null;
          category: {
            id: number | null;
            name: string | null;
            slug: string | null;
            locale: string | null;
          };
          views: number;
          author?: {
            id: number;
            account_id: number;
            availability_status: string;
            auto_offline: boolean;
            confirmed: boolean;
            email: string;
            provider: string;
            available_name: string;
            custom_attributes?: Record<string, unknown>;
            name: string;
            role: string;
            thumbnail: string;
          };
          associated_articles: Record<string, unknown>;
        }>;
        meta: {
          all_articles_count: number;
          archived_articles_count: number;
          published_count: number;
          draft_articles_count: number;
          mine_articles_count: number;
          articles_count: number;
          current_page: number;
        };
      };
    };
    post: {
      path: { account_id: string | number; portal_id: string | number; };
      body: {
        title?: string;
        slug?: string;
        content?: string;
        description?: string | null;
        status?: number | string;
        category_id?: number | null;
        author_id?: number | null;
        locale?: string;
        meta?: Record<string, unknown>;
        position?: number;
      };
      response: {
        payload: {
          id: number;
          slug: string;
          title: string;
          content: string;
          description: string | null;
          status: string;
          position: number;
          account_id: number;
          updated_at: number;
          meta: Record<string, unknown>;
          locale: string;
          associated_article_id: number | null;
          category: {
            id: number | null;
            name: string | null;
            slug: string | null;
            locale: string | null;
          };
          views: number;
          author?: {
            id: number;
            account_id: number;
            availability_status: string;
            auto_offline: boolean;
            confirmed: boolean;
            email: string;
            provider: string;
            available_name: string;
            custom_attributes?: Record<string, unknown>;
            name: string;
            role: string;
            thumbnail: string;
          };
          associated_articles: Record<string, unknown>;
        };
      };
    };
  };
  "/api/v1/accounts/{account_id}/portals/{portal_id}/articles/{id}": {
    get: {
      path: { account_id: string | number; portal_id: string | number; id: string | number; };
      response: {
        payload: {
          id: number;
          slug: string;
          title: string;
          content: string;
          description: string | null;
          status: string;
          position: number;
          account_id: number;
          updated_at: number;
          meta: Record<string, unknown>;
          locale: string;
          associated_article_id: number | null;
          category: {
            id: number | null;
            name: string | null;
            slug: string | null;
            locale: string | null;
          };
          views: number;
          author?: {
            id: number;
            account_id: number;
            availability_status: string;
            auto_offline: boolean;
            confirmed: boolean;
            email: string;
            provider: string;
            available_name: string;
            custom_attributes?: Record<string, unknown>;
            name: string;
            role: string;
            thumbnail: string;
          };
          associated_articles: Record<string, unknown>;
        };
      };
    };
    put: {
      path: { account_id: string | number; portal_id: string | number; id: string | number; };
      body: {
        title?: string;
        slug?: string;
        content?: string;
        description?: string | null;
        status?: number | string;
        category_id?: number | null;
        author_id?: number | null;
        locale?: string;
        meta?: Record<string, unknown>;
        position?: number;
      };
      response: {
        payload: {
          id: number;
          slug: string;
          title: string;
          content: string;
          description: string | null;
          status: string;
          position: number;
          account_id: number;
          updated_at: number;
          meta: Record<string, unknown>;
          locale: string;
          associated_article_id: number | null;
          category: {
            id: number | null;
            name: string | null;
            slug: string | null;
            locale: string | null;
          };
          views: number;
          author?: {
            id: number;
            account_id: number;
            availability_status: string;
            auto_offline: boolean;
            confirmed: boolean;
            email: string;
            provider: string;
            available_name: string;
            custom_attributes?: Record<string, unknown>;
            name: string;
            role: string;
            thumbnail: string;
          };
          associated_articles: Record<string, unknown>;
        };
      };
    };
    patch: {
      path: { account_id: string | number; portal_id: string | number; id: string | number; };
      body: {
        title?: string;
        slug?: string;
        content?: string;
        description?: string | null;
        status?: number | string;
        category_id?: number | null;
        author_id?: number | null;
        locale?: string;
        meta?: Record<string, unknown>;
        position?: number;
      };
      response: {
        payload: {
          id: number;
          slug: string;
          title: string;
          content: string;
          description: string | null;
          status: string;
          position: number;
          account_id: number;
          updated_at: number;
          meta: Record<string, unknown>;
          locale: string;
          associated_article_id: number | null;
          category: {
            id: number | null;
            name: string | null;
            slug: string | null;
            locale: string | null;
          };
          views: number;
          author?: {
            id: number;
            account_id: number;
            availability_status: string;
            auto_offline: boolean;
            confirmed: boolean;
            email: string;
            provider: string;
            available_name: string;
            custom_attributes?: Record<string, unknown>;
            name: string;
            role: string;
            thumbnail: string;
          };
          associated_articles: Record<string, unknown>;
        };
      };
    };
    delete: {
      path: { account_id: string | number; portal_id: string | number; id: string | number; };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/portals/{portal_id}/categories": {
    get: {
      path: { account_id: string | number; portal_id: string | number; };
      query: {
        locale?: string;
      };
      response: {
        payload: Array<{
          id: number;
          name: string;
          slug: string;
          locale: string;
          description: string | null;
          position: number;
          account_id: number;
          linked_categories: Record<string, unknown>;
          meta: {
            articles_count: number;
          };
        }>;
        meta: {
          current_page: number;
          categories_count: number;
        };
      };
    };
    post: {
      path: { account_id: string | number; portal_id: string | number; };
      body: {
        name?: string;
        slug?: string;
        locale?: string;
        description?: string | null;
        position?: number;
      };
      response: {
        payload: {
          id: number;
          name: string;
          slug: string;
          locale: string;
          description: string | null;
          position: number;
          account_id: number;
          linked_categories: Record<string, unknown>;
          meta: {
            articles_count: number;
          };
        };
      };
    };
  };
  "/api/v1/accounts/{account_id}/portals/{portal_id}/categories/{id}": {
    get: {
      path: { account_id: string | number; portal_id: string | number; id: string | number; };
      response: {
        payload: {
          id: number;
          name: string;
          slug: string;
          locale: string;
          description: string | null;
          position: number;
          account_id: number;
          linked_categories: Record<string, unknown>;
          meta: {
            articles_count: number;
          };
        };
      };
    };
    put: {
      path: { account_id: string | number; portal_id: string | number; id: string | number; };
      body: {
        name?: string;
        slug?: string;
        locale?: string;
        description?: string | null;
        position?: number;
      };
      response: {
        payload: {
          id: number;
          name: string;
          slug: string;
          locale: string;
          description: string | null;
          position: number;
          account_id: number;
          linked_categories: Record<string, unknown>;
          meta: {
            articles_count: number;
          };
        };
      };
    };
    patch: {
      path: { account_id: string | number; portal_id: string | number; id: string | number; };
      body: {
        name?: string;
        slug?: string;
        locale?: string;
        description?: string | null;
        position?: number;
      };
      response: {
        payload: {
          id: number;
          name: string;
          slug: string;
          locale: string;
          description: string | null;
          position: number;
          account_id: number;
          linked_categories: Record<string, unknown>;
          meta: {
            articles_count: number;
          };
        };
      };
    };
    delete: {
      path: { account_id: string | number; portal_id: string | number; id: string | number; };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/teams": {
    get: {
      path: { account_id: string | number; };
      response: Array<{
        id: number;
        name: string;
        description: string | null;
        allow_auto_assign: boolean;
        account_id: number;
        is_member: boolean;
      }>;
    };
    post: {
      path: { account_id: string | number; };
      body: {
        name: string;
        description?: string | null;
        allow_auto_assign?: boolean;
      };
      response: {
        id: number;
        name: string;
        description: string | null;
        allow_auto_assign: boolean;
        account_id: number;
        is_member: boolean;
      };
    };
  };
  "/api/v1/accounts/{account_id}/teams/{id}": {
    get: {
      path: { account_id: string | number; id: string | number; };
      response: {
        id: number;
        name: string;
        description: string | null;
        allow_auto_assign: boolean;
        account_id: number;
        is_member: boolean;
      };
    };
    put: {
      path: { account_id: string | number; id: string | number; };
      body: {
        name?: string;
        description?: string | null;
        allow_auto_assign?: boolean;
      };
      response: {
        id: number;
        name: string;
        description: string | null;
        allow_auto_assign: boolean;
        account_id: number;
        is_member: boolean;
      };
    };
    patch: {
      path: { account_id: string | number; id: string | number; };
      body: {
        name?: string;
        description?: string | null;
        allow_auto_assign?: boolean;
      };
      response: {
        id: number;
        name: string;
        description: string | null;
        allow_auto_assign: boolean;
        account_id: number;
        is_member: boolean;
      };
    };
    delete: {
      path: { account_id: string | number; id: string | number; };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/teams/{id}/team_members": {
    get: {
      path: { account_id: string | number; id: string | number; };
      response: Array<{
        id: number;
        account_id: number;
        availability_status: string;
        auto_offline: boolean;
        confirmed: boolean;
        email: string;
        provider: string;
        available_name: string;
        custom_attributes?: Record<string, unknown>;
        name: string;
        role: string;
        thumbnail: string;
      }>;
    };
    post: {
      path: { account_id: string | number; id: string | number; };
      body: {
        user_ids: Array<number>;
      };
      response: Array<{
        id: number;
        account_id: number;
        availability_status: string;
        auto_offline: boolean;
        confirmed: boolean;
        email: string;
        provider: string;
        available_name: string;
        custom_attributes?: Record<string, unknown>;
        name: string;
        role: string;
        thumbnail: string;
      }>;
    };
    put: {
      path: { account_id: string | number; id: string | number; };
      body: {
        user_ids: Array<number>;
      };
      response: Array<{
        id: number;
        account_id: number;
        availability_status: string;
        auto_offline: boolean;
        confirmed: boolean;
        email: string;
        provider: string;
        available_name: string;
        custom_attributes?: Record<string, unknown>;
        name: string;
        role: string;
        thumbnail: string;
      }>;
    };
    patch: {
      path: { account_id: string | number; id: string | number; };
      body: {
        user_ids: Array<number>;
      };
      response: Array<{
        id: number;
        account_id: number;
        availability_status: string;
        auto_offline: boolean;
        confirmed: boolean;
        email: string;
        provider: string;
        available_name: string;
        custom_attributes?: Record<string, unknown>;
        name: string;
        role: string;
        thumbnail: string;
      }>;
    };
    delete: {
      path: { account_id: string | number; id: string | number; };
      body: {
        user_ids: Array<number>;
      };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/webhooks": {
    get: {
      path: { account_id: string | number; };
      response: {
        payload: {
          webhooks: Array<{
            id: number;
            name: string | null;
            url: string;
            account_id: number;
            subscriptions: Array<string>;
            inbox?: {
              id: number;
              name: string;
              channel_type: string;
            };
            secret: string;
            status: string;
            paused_reason: string | null;
          }>;
        };
      };
    };
    post: {
      path: { account_id: string | number; };
      body: {
        url: string;
        name?: string | null;
        subscriptions?: Array<string>;
        inbox_id?: number | null;
      };
      response: {
        payload: {
          webhook: {
            id: number;
            name: string | null;
            url: string;
            account_id: number;
            subscriptions: Array<string>;
            inbox?: {
              id: number;
              name: string;
              channel_type: string;
            };
            secret: string;
            status: string;
            paused_reason: string | null;
          };
        };
      };
    };
  };
  "/api/v1/accounts/{account_id}/webhooks/{id}": {
    get: {
      path: { account_id: string | number; id: string | number; };
      response: {
        payload: {
          webhook: {
            id: number;
            name: string | null;
            url: string;
            account_id: number;
            subscriptions: Array<string>;
            inbox?: {
              id: number;
              name: string;
              channel_type: string;
            };
            secret: string;
            status: string;
            paused_reason: string | null;
          };
        };
      };
    };
    put: {
      path: { account_id: string | number; id: string | number; };
      body: {
        url?: string;
        name?: string | null;
        subscriptions?: Array<string>;
        inbox_id?: number | null;
        status?: "active" | "paused";
      };
      response: {
        payload: {
          webhook: {
            id: number;
            name: string | null;
            url: string;
            account_id: number;
            subscriptions: Array<string>;
            inbox?: {
              id: number;
              name: string;
              channel_type: string;
            };
            secret: string;
            status: string;
            paused_reason: string | null;
          };
        };
      };
    };
    patch: {
      path: { account_id: string | number; id: string | number; };
      body: {
        url?: string;
        name?: string | null;
        subscriptions?: Array<string>;
        inbox_id?: number | null;
        status?: "active" | "paused";
      };
      response: {
        payload: {
          webhook: {
            id: number;
            name: string | null;
            url: string;
            account_id: number;
            subscriptions: Array<string>;
            inbox?: {
              id: number;
              name: string;
              channel_type: string;
            };
            secret: string;
            status: string;
            paused_reason: string | null;
          };
        };
      };
    };
    delete: {
      path: { account_id: string | number; id: string | number; };
      response: unknown;
    };
  };
  "/api/v1/accounts/{account_id}/webhooks/{id}/deliveries": {
    get: {
      path: { account_id: string | number; id: string | number; };
      query: {
        page?: number;
      };
      response: {
        payload: Array<{
          id: string;
          event: string;
          status: string;
          attempts: number;
          next_attempt_at: string | null;
          delivered_at: string | null;
          last_status_code: number | null;
          last_error: string | null;
          last_latency_ms: number | null;
          created_at: string;
          attempt_log: Array<{
            attempted_at: string;
            status_code: number | null;
            error: string | null;
            latency_ms: number;
            response_excerpt: string | null;
          }>;
        }>;
        meta: {
          count: number;
          current_page: number;
        };
      };
    };
  };
  "/api/v1/accounts/{account_id}/webhooks/{id}/deliveries/{delivery_id}/redeliver": {
    post: {
      path: { account_id: string | number; id: string | number; delivery_id: string | number; };
      response: {
        id: string;
        event: string;
        status: string;
        attempts: number;
        next_attempt_at: string | null;
        delivered_at: string | null;
        last_status_code: number | null;
        last_error: string | null;
        last_latency_ms: number | null;
        created_at: string;
        attempt_log: Array<{
          attempted_at: string;
          status_code: number | null;
          error: string | null;
          latency_ms: number;
          response_excerpt: string | null;
        }>;
      };
    };
  };
  "/api/v1/profile": {
    get: {
      response: {
        access_token: string | null;
        account_id: number | null;
        available_name: string;
        avatar_url: string;
        confirmed: boolean;
        display_name: string | null;
        message_signature: string | null;
        email: string;
        id: number;
        inviter_id: number | null;
        name: string;
        provider: string;
        pubsub_token: string;
        custom_attributes?: Record<string, unknown>;
        role: string | null;
        ui_settings: Record<string, unknown>;
        uid: string;
        type: string;
        accounts: Array<{
          id: number;
          name: string;
          status: string;
          active_at: string | null;
          role: string;
          permissions: Array<string>;
          availability: string;
          availability_status: string;
          auto_offline: boolean;
        }>;
      };
    };
    put: {
      body: {
        name?: string;
        display_name?: string | null;
        email?: string;
        message_signature?: string | null;
        ui_settings?: Record<string, unknown>;
        avatar?: unknown;
        current_password?: string;
        password?: string;
        password_confirmation?: string;
      };
      response: {
        access_token: string | null;
        account_id: number | null;
        available_name: string;
        avatar_url: string;
        confirmed: boolean;
        display_name: string | null;
        message_signature: string | null;
        email: string;
        id: number;
        inviter_id: number | null;
        name: string;
        provider: string;
        pubsub_token: string;
        custom_attributes?: Record<string, unknown>;
        role: string | null;
        ui_settings: Record<string, unknown>;
        uid: string;
        type: string;
        accounts: Array<{
          id: number;
          name: string;
          status: string;
          active_at: string | null;
          role: string;
          permissions: Array<string>;
          availability: string;
          availability_status: string;
          auto_offline: boolean;
        }>;
      };
    };
    patch: {
      body: {
        name?: string;
        display_name?: string | null;
        email?: string;
        message_signature?: string | null;
        ui_settings?: Record<string, unknown>;
        avatar?: unknown;
        current_password?: string;
        password?: string;
        password_confirmation?: string;
      };
      response: {
        access_token: string | null;
        account_id: number | null;
        available_name: string;
        avatar_url: string;
        confirmed: boolean;
        display_name: string | null;
        message_signature: string | null;
        email: string;
        id: number;
        inviter_id: number | null;
        name: string;
        provider: string;
        pubsub_token: string;
        custom_attributes?: Record<string, unknown>;
        role: string | null;
        ui_settings: Record<string, unknown>;
        uid: string;
        type: string;
        accounts: Array<{
          id: number;
          name: string;
          status: string;
          active_at: string | null;
          role: string;
          permissions: Array<string>;
          availability: string;
          availability_status: string;
          auto_offline: boolean;
        }>;
      };
    };
  };
  "/api/v1/profile/availability": {
    post: {
      body: {
        account_id: number;
        availability: "online" | "busy" | "offline" | "available";
      };
      response: {
        access_token: string | null;
        account_id: number | null;
        available_name: string;
        avatar_url: string;
        confirmed: boolean;
        display_name: string | null;
        message_signature: string | null;
        email: string;
        id: number;
        inviter_id: number | null;
        name: string;
        provider: string;
        pubsub_token: string;
        custom_attributes?: Record<string, unknown>;
        role: string | null;
        ui_settings: Record<string, unknown>;
        uid: string;
        type: string;
        accounts: Array<{
          id: number;
          name: string;
          status: string;
          active_at: string | null;
          role: string;
          permissions: Array<string>;
          availability: string;
          availability_status: string;
          auto_offline: boolean;
        }>;
      };
    };
  };
  "/api/v1/profile/reset_access_token": {
    post: {
      response: {
        access_token: string | null;
        account_id: number | null;
        available_name: string;
        avatar_url: string;
        confirmed: boolean;
        display_name: string | null;
        message_signature: string | null;
        email: string;
        id: number;
        inviter_id: number | null;
        name: string;
        provider: string;
        pubsub_token: string;
        custom_attributes?: Record<string, unknown>;
        role: string | null;
        ui_settings: Record<string, unknown>;
        uid: string;
        type: string;
        accounts: Array<{
          id: number;
          name: string;
          status: string;
          active_at: string | null;
          role: string;
          permissions: Array<string>;
          availability: string;
          availability_status: string;
          auto_offline: boolean;
        }>;
      };
    };
  };
  "/api/v1/widget/config": {
    post: {
      query: {
        website_token: string;
        locale?: string;
      };
      response: {
        website_channel_config: Record<string, unknown>;
        contact: {
          email: string | null;
          id: number;
          identifier: string | null;
          name: string;
          phone_number: string | null;
          pubsub_token: string;
        };
        global_config: Record<string, unknown>;
      };
    };
  };
  "/api/v1/widget/contact": {
    get: {
      query: {
        website_token?: string;
        locale?: string;
      };
      response: {
        id: number;
        name: string | null;
        email: string | null;
        phone_number: string | null;
        identifier: string | null;
        has_email: boolean;
        has_name: boolean;
        has_phone_number: boolean;
        source_id: string;
        pubsub_token: string;
        custom_attributes: Record<string, unknown>;
      };
    };
    patch: {
      query: {
        website_token?: string;
        locale?: string;
      };
      body: {
        website_token?: string;
        name?: string | null;
        email?: string | null;
        phone_number?: string | null;
        avatar_url?: string | null;
        custom_attributes?: Record<string, unknown>;
        identifier?: string | null;
        identifier_hash?: string;
      };
      response: {
        id: number;
        name: string | null;
        email: string | null;
        phone_number: string | null;
        pubsub_token: string;
        widget_auth_token?: string;
      };
    };
  };
  "/api/v1/widget/contact/destroy_custom_attributes": {
    post: {
      query: {
        website_token?: string;
        locale?: string;
      };
      body: {
        website_token?: string;
        custom_attributes: Array<string>;
      };
      response: {
        id: number;
        name: string | null;
        email: string | null;
        phone_number: string | null;
        identifier: string | null;
        has_email: boolean;
        has_name: boolean;
        has_phone_number: boolean;
        source_id: string;
        pubsub_token: string;
        custom_attributes: Record<string, unknown>;
      };
    };
  };
  "/api/v1/widget/contact/set_user": {
    patch: {
      query: {
        website_token?: string;
        locale?: string;
      };
      body: {
        website_token?: string;
        name?: string | null;
        email?: string | null;
        phone_number?: string | null;
        avatar_url?: string | null;
        custom_attributes?: Record<string, unknown>;
        identifier: string;
        identifier_hash?: string;
      };
      response: {
        id: number;
        name: string | null;
        email: string | null;
        phone_number: string | null;
        pubsub_token: string;
        widget_auth_token?: string;
      };
    };
  };
  "/api/v1/widget/conversations": {
    get: {
      query: {
        website_token?: string;
        locale?: string;
      };
      response: {
        id?: number;
        inbox_id?: number;
        status?: string;
      };
    };
    post: {
      query: {
        website_token?: string;
        locale?: string;
      };
      body: {
        website_token?: string;
        contact?: {
          name?: string | null;
          email?: string | null;
          phone_number?: string | null;
          custom_attributes?: Record<string, unknown>;
        };
        message?: {
          content?: string | null;
          echo_id?: string;
          timestamp?: string;
          referer_url?: string;
        };
        custom_attributes?: Record<string, unknown>;
      };
      response: {
        id: number;
        inbox_id: number;
        contact_last_seen_at: number;
        status: string;
        meta: {
          assignee?: Record<string, unknown>;
        };
        messages: Array<{
          id: number;
          content: string | null;
          message_type: number;
          content_type: string;
          content_attributes: Record<string, unknown>;
          created_at: number;
          conversation_id: number;
          attachments?: Array<{
            id: number;
            message_id: number;
            file_type: string;
            account_id: number;
            extension: string | null;
            data_url: string;
            thumb_url: string;
            file_size: number;
            width: number | null;
            height: number | null;
          }>;
          sender?: Record<string, unknown>;
        }>;
        muted: boolean;
        timestamp: number;
        custom_attributes: Record<string, unknown>;
      };
    };
  };
  "/api/v1/widget/conversations/destroy_custom_attributes": {
    post: {
      query: {
        website_token?: string;
        locale?: string;
      };
      body: {
        website_token?: string;
        custom_attribute: Array<string>;
      };
      response: {
        id: number;
        inbox_id: number;
        contact_last_seen_at: number;
        status: string;
        meta: {
          assignee?: Record<string, unknown>;
        };
        messages: Array<{
          id: number;
          content: string | null;
          message_type: number;
          content_type: string;
          content_attributes: Record<string, unknown>;
          created_at: number;
          conversation_id: number;
          attachments?: Array<{
            id: number;
            message_id: number;
            file_type: string;
            account_id: number;
            extension: string | null;
            data_url: string;
            thumb_url: string;
            file_size: number;
            width: number | null;
            height: number | null;
          }>;
          sender?: Record<string, unknown>;
        }>;
        muted: boolean;
        timestamp: number;
        custom_attributes: Record<string, unknown>;
      };
    };
  };
  "/api/v1/widget/conversations/set_custom_attributes": {
    post: {
      query: {
        website_token?: string;
        locale?: string;
      };
      body: {
        website_token?: string;
        custom_attributes: Record<string, unknown>;
      };
      response: {
        id: number;
        inbox_id: number;
        contact_last_seen_at: number;
        status: string;
        meta: {
          assignee?: Record<string, unknown>;
        };
        messages: Array<{
          id: number;
          content: string | null;
          message_type: number;
          content_type: string;
          content_attributes: Record<string, unknown>;
          created_at: number;
          conversation_id: number;
          attachments?: Array<{
            id: number;
            message_id: number;
            file_type: string;
            account_id: number;
            extension: string | null;
            data_url: string;
            thumb_url: string;
            file_size: number;
            width: number | null;
            height: number | null;
          }>;
          sender?: Record<string, unknown>;
        }>;
        muted: boolean;
        timestamp: number;
        custom_attributes: Record<string, unknown>;
      };
    };
  };
  "/api/v1/widget/conversations/toggle_status": {
    get: {
      query: {
        website_token?: string;
        locale?: string;
      };
      response: unknown;
    };
    post: {
      query: {
        website_token?: string;
        locale?: string;
      };
      response: unknown;
    };
  };
  "/api/v1/widget/conversations/toggle_typing": {
    post: {
      query: {
        website_token?: string;
        locale?: string;
      };
      body: {
        website_token?: string;
        typing_status: "on" | "off";
      };
      response: unknown;
    };
  };
  "/api/v1/widget/conversations/transcript": {
    post: {
      query: {
        website_token?: string;
        locale?: string;
      };
      response: unknown;
    };
  };
  "/api/v1/widget/conversations/update_last_seen": {
    post: {
      query: {
        website_token?: string;
        locale?: string;
      };
      response: unknown;
    };
  };
  "/api/v1/widget/events": {
    post: {
      query: {
        website_token: string;
        locale?: string;
      };
      body: {
        name: "webwidget.triggered";
        event_info?: Record<string, unknown>;
      };
      response: unknown;
    };
  };
  "/api/v1/widget/labels": {
    post: {
      query: {
        website_token?: string;
        locale?: string;
      };
      body: {
        website_token?: string;
        label: string;
      };
      response: unknown;
    };
  };
  "/api/v1/widget/labels/{id}": {
    delete: {
      path: { id: string | number; };
      query: {
        website_token?: string;
        locale?: string;
      };
      response: unknown;
    };
  };
  "/api/v1/widget/messages": {
    get: {
      query: {
        website_token?: string;
        locale?: string;
        before?: number;
        after?: number;
      };
      response: Array<{
        id: number;
        content: string | null;
        message_type: number;
        content_type: string;
        content_attributes: Record<string, unknown>;
        created_at: number;
        conversation_id: number;
        attachments?: Array<{
          id: number;
          message_id: number;
          file_type: string;
          account_id: number;
          extension: string | null;
          data_url: string;
          thumb_url: string;
          file_size: number;
          width: number | null;
          height: number | null;
        }>;
        sender?: Record<string, unknown>;
      }>;
    };
    post: {
      query: {
        website_token?: string;
        locale?: string;
      };
      body: {
        website_token?: string;
        content?: string;
        echo_id?: string;
        reply_to?: number;
        timestamp?: string;
        referer_url?: string;
        attachments?: Array<unknown>;
      };
      response: {
        id: number;
        content: string | null;
        message_type: number;
        content_type: string;
        content_attributes: Record<string, unknown>;
        created_at: number;
        conversation_id: number;
        attachments?: Array<{
          id: number;
          message_id: number;
          file_type: string;
          account_id: number;
          extension: string | null;
          data_url: string;
          thumb_url: string;
          file_size: number;
          width: number | null;
          height: number | null;
        }>;
        sender?: Record<string, unknown>;
      };
    };
  };
  "/api/v1/widget/messages/{id}": {
    patch: {
      path: { id: string | number; };
      query: {
        website_token?: string;
        locale?: string;
      };
      body: {
        website_token?: string;
        submitted_values?: Array<unknown> | Record<string, unknown>;
        contact?: {
          email: string;
        };
      };
      response: {
        id: number;
        content: string | null;
        message_type: number;
        content_type: string;
        content_attributes: Record<string, unknown>;
        created_at: number;
        conversation_id: number;
        attachments?: Array<{
          id: number;
          message_id: number;
          file_type: string;
          account_id: number;
          extension: string | null;
          data_url: string;
          thumb_url: string;
          file_size: number;
          width: number | null;
          height: number | null;
        }>;
        sender?: Record<string, unknown>;
      };
    };
  };
  "/api/v2/accounts/{account_id}/live_reports/conversation_metrics": {
    get: {
      path: { account_id: string | number; };
      query: {
        team_id?: number;
      };
      response: {
        open: number;
        unattended: number;
        unassigned: number;
        pending: number;
      };
    };
  };
  "/api/v2/accounts/{account_id}/live_reports/grouped_conversation_metrics": {
    get: {
      path: { account_id: string | number; };
      query: {
        team_id?: number;
        group_by?: string;
      };
      response: Array<{
        open: number;
        unattended: number;
        unassigned: number;
        team_id?: number | null;
        assignee_id?: number | null;
      }>;
    };
  };
  "/api/v2/accounts/{account_id}/reports": {
    get: {
      path: { account_id: string | number; };
      query: {
        metric: "conversations_count" | "incoming_messages_count" | "outgoing_messages_count" | "resolutions_count" | "bot_resolutions_count" | "bot_handoffs_count" | "avg_first_response_time" | "avg_resolution_time" | "reply_time";
        type: "account" | "agent" | "inbox" | "label" | "team";
        id?: string;
        since?: string;
        until?: string;
        group_by?: string;
        business_hours?: boolean | string;
        enable_business_hours?: boolean | string;
        timezone_offset?: number | "";
      };
      response: Array<{
        value: number;
        timestamp: number;
        count?: number;
      }>;
    };
  };
  "/api/v2/accounts/{account_id}/reports/bot_summary": {
    get: {
      path: { account_id: string | number; };
      query: {
        type: "account" | "agent" | "inbox" | "label" | "team";
        id?: string;
        since?: string;
        until?: string;
        group_by?: string;
        business_hours?: boolean | string;
        enable_business_hours?: boolean | string;
        timezone_offset?: number | "";
      };
      response: {
        bot_resolutions_count: number;
        bot_handoffs_count: number;
        previous: {
          bot_resolutions_count: number;
          bot_handoffs_count: number;
        };
      };
    };
  };
  "/api/v2/accounts/{account_id}/reports/conversations": {
    get: {
      path: { account_id: string | number; };
      query: {
        type?: string;
        user_id?: number | "";
        page?: number;
      };
      response: {
        open: number;
        unattended: number;
        unassigned: number;
        pending: number;
      } | Array<{
        id: number;
        name: string;
        email: string;
        thumbnail: string;
        availability: string;
        metric: {
          open: number;
          unattended: number;
        };
      }>;
    };
  };
  "/api/v2/accounts/{account_id}/reports/summary": {
    get: {
      path: { account_id: string | number; };
      query: {
        type: "account" | "agent" | "inbox" | "label" | "team";
        id?: string;
        since?: string;
        until?: string;
        group_by?: string;
        business_hours?: boolean | string;
        enable_business_hours?: boolean | string;
        timezone_offset?: number | "";
      };
      response: {
        conversations_count: number;
        incoming_messages_count: number;
        outgoing_messages_count: number;
        avg_first_response_time: number | null;
        avg_resolution_time: number | null;
        resolutions_count: number;
        reply_time: number | null;
        previous: {
          conversations_count: number;
          incoming_messages_count: number;
          outgoing_messages_count: number;
          avg_first_response_time: number | null;
          avg_resolution_time: number | null;
          resolutions_count: number;
          reply_time: number | null;
        };
      };
    };
  };
  "/api/v2/accounts/{account_id}/summary_reports/agent": {
    get: {
      path: { account_id: string | number; };
      query: {
        since?: string;
        until?: string;
        business_hours?: boolean | string;
      };
      response: Array<{
        id: number;
        name?: string;
        conversations_count: number;
        resolved_conversations_count: number;
        avg_resolution_time: number | null;
        avg_first_response_time: number | null;
        avg_reply_time: number | null;
      }>;
    };
  };
  "/api/v2/accounts/{account_id}/summary_reports/inbox": {
    get: {
      path: { account_id: string | number; };
      query: {
        since?: string;
        until?: string;
        business_hours?: boolean | string;
      };
      response: Array<{
        id: number;
        name?: string;
        conversations_count: number;
        resolved_conversations_count: number;
        avg_resolution_time: number | null;
        avg_first_response_time: number | null;
        avg_reply_time: number | null;
      }>;
    };
  };
  "/api/v2/accounts/{account_id}/summary_reports/label": {
    get: {
      path: { account_id: string | number; };
      query: {
        since?: string;
        until?: string;
        business_hours?: boolean | string;
      };
      response: Array<{
        id: number;
        name?: string;
        conversations_count: number;
        resolved_conversations_count: number;
        avg_resolution_time: number | null;
        avg_first_response_time: number | null;
        avg_reply_time: number | null;
      }>;
    };
  };
  "/api/v2/accounts/{account_id}/summary_reports/team": {
    get: {
      path: { account_id: string | number; };
      query: {
        since?: string;
        until?: string;
        business_hours?: boolean | string;
      };
      response: Array<{
        id: number;
        name?: string;
        conversations_count: number;
        resolved_conversations_count: number;
        avg_resolution_time: number | null;
        avg_first_response_time: number | null;
        avg_reply_time: number | null;
      }>;
    };
  };
  "/auth/password": {
    post: {
      body: {
        email: string;
        redirect_url?: string;
      };
      response: {
        message: string;
      };
    };
    put: {
      body: {
        reset_password_token: string;
        password: string;
        password_confirmation?: string;
      };
      response: {
        data: {
          access_token: string | null;
          account_id: number | null;
          available_name: string;
          avatar_url: string;
          confirmed: boolean;
          display_name: string | null;
          message_signature: string | null;
          email: string;
          id: number;
          inviter_id: number | null;
          name: string;
          provider: string;
          pubsub_token: string;
          custom_attributes?: Record<string, unknown>;
          role: string | null;
          ui_settings: Record<string, unknown>;
          uid: string;
          type: string;
          accounts: Array<{
            id: number;
            name: string;
            status: string;
            active_at: string | null;
            role: string;
            permissions: Array<string>;
            availability: string;
            availability_status: string;
            auto_offline: boolean;
          }>;
        };
      };
    };
  };
  "/auth/sign_in": {
    post: {
      body: {
        email: string;
        password: string;
      };
      response: {
        data: {
          access_token: string | null;
          account_id: number | null;
          available_name: string;
          avatar_url: string;
          confirmed: boolean;
          display_name: string | null;
          message_signature: string | null;
          email: string;
          id: number;
          inviter_id: number | null;
          name: string;
          provider: string;
          pubsub_token: string;
          custom_attributes?: Record<string, unknown>;
          role: string | null;
          ui_settings: Record<string, unknown>;
          uid: string;
          type: string;
          accounts: Array<{
            id: number;
            name: string;
            status: string;
            active_at: string | null;
            role: string;
            permissions: Array<string>;
            availability: string;
            availability_status: string;
            auto_offline: boolean;
          }>;
        };
      };
    };
  };
  "/auth/sign_out": {
    delete: {
      response: {
        success: boolean;
      };
    };
  };
  "/auth/validate_token": {
    get: {
      response: {
        success: boolean;
        data: {
          access_token: string | null;
          account_id: number | null;
          available_name: string;
          avatar_url: string;
          confirmed: boolean;
          display_name: string | null;
          message_signature: string | null;
          email: string;
          id: number;
          inviter_id: number | null;
          name: string;
          provider: string;
          pubsub_token: string;
          custom_attributes?: Record<string, unknown>;
          role: string | null;
          ui_settings: Record<string, unknown>;
          uid: string;
          type: string;
          accounts: Array<{
            id: number;
            name: string;
            status: string;
            active_at: string | null;
            role: string;
            permissions: Array<string>;
            availability: string;
            availability_status: string;
            auto_offline: boolean;
          }>;
        };
      };
    };
  };
  "/chat/v1/channel": {
    get: {
      query: {
        ChannelType?: "All" | "Whatsapp" | "Messenger" | "Instagram" | "Telegram";
      };
      response: Array<{
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        active: boolean;
        type: string;
        number: string | null;
        numberFormatted: string | null;
        identity: {
          humanId: string;
          platform: string;
          provider: string | null;
          providerVariable: string | null;
          pictureUrl: string | null;
          displayName: string;
        };
      }>;
    };
  };
  "/chat/v1/chatbot": {
    get: {
      query: {
        PageNumber?: number;
        PageSize?: number;
        OrderBy?: string;
        OrderDirection?: "ASCENDING" | "DESCENDING";
        Name?: string;
        Types?: Array<"Reactive" | "Automation">;
        "CreatedAt.After"?: string;
        "CreatedAt.Before"?: string;
        "UpdatedAt.After"?: string;
        "UpdatedAt.Before"?: string;
      };
      response: {
        pageNumber: number;
        pageSize: number;
        orderBy: string | null;
        orderDirection: string | null;
        items: Array<{
          id: string;
          key: string;
          createdAt: string;
          updatedAt: string;
          companyId: string;
          archived: boolean;
          name: string;
          description: string | null;
          type: string;
          channelIds: Array<string>;
          defaultDepartmentId: string | null;
          publishStatus: string;
          automationUsage: Array<string>;
          version: number;
        }>;
        totalItems: number;
        totalPages: number;
        hasMorePages: boolean;
      };
    };
    post: {
      body: {
        name: string;
        description?: string | null;
        definition: Record<string, unknown>;
      };
      response: {
        id: string;
        key: string;
        createdAt: string;
        updatedAt: string;
        companyId: string;
        archived: boolean;
        name: string;
        description: string | null;
        type: string;
        channelIds: Array<string>;
        defaultDepartmentId: string | null;
        publishStatus: string;
        automationUsage: Array<string>;
        version: number;
        definition: Record<string, unknown>;
        definitionVersion: number;
        callbackSecret?: string;
        versions: Array<{
          version: number;
          createdAt: string;
          live: boolean;
        }>;
      };
    };
  };
  "/chat/v1/chatbot/send": {
    post: {
      body: {
        botId?: string;
        botKey?: string;
        from?: string;
        to?: string;
        sessionId?: string;
        options?: {
          skipIfBotInExecution?: boolean;
          skipIfInProgress?: boolean;
          forceStartSession?: boolean;
          hiddenSession?: boolean;
        };
        sessionMetadata?: Record<string, unknown>;
        sessionMetada?: Record<string, unknown>;
        contactMetadata?: Record<string, unknown>;
        senderId?: string;
        callbackUrl?: string;
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        companyId: string;
        botId: string;
        botKey: string;
        botVersion: number;
        sessionId: string | null;
        contactId: string | null;
        senderId: string | null;
        status: string;
        statusDescription: string | null;
        skipReason: string | null;
        failureReason: string | null;
        waitingFor: string | null;
        waitUntil: string | null;
        currentStep: string | null;
        stepsExecuted: number;
        startedAt: string | null;
        finishedAt: string | null;
        statusUrl: string;
        failedReason: string | null;
        sentAt: string | null;
        callbackUrl: string | null;
        waitReply: boolean;
        session: {
          id: string;
          createdAt: string;
          updatedAt: string;
          startAt: string;
          activeAt: string | null;
          endAt: string | null;
          status: string;
          companyId: string;
          contactId: string;
          channelId: string;
          departmentId: string | null;
          userId: string | null;
          previewUrl: string | null;
          title: string | null;
          number: string;
          utm: Record<string, unknown> | null;
          origin: string | null;
          contactDetails: {
            id: string;
            name: string | null;
            pictureUrl: string | null;
            phonenumber: string | null;
            instagram: string | null;
            phonenumberFormatted: string | null;
            tagsId: Array<string>;
            tagsName: Array<string>;
            status: string;
          } | null;
          agentDetails: {
            id: string;
            userId: string;
            name: string;
            shortName: string | null;
            phoneNumber: string | null;
            email: string | null;
            pictureFileId: string | null;
            pictureUrl: string | null;
          } | null;
          channelDetails: {
            humanId: string;
            platform: string;
            provider: string | null;
            providerVariable: string | null;
            pictureUrl: string | null;
            displayName: string;
          } | null;
          departmentDetails: {
            id: string;
            companyId: string;
            name: string;
            description: string | null;
            isDefault: boolean;
            isSupervisor: boolean;
          } | null;
          classification: {
            id: string | null;
            category: string;
            categoryDescription: string | null;
            amount: number | null;
            categoryName: string | null;
          } | null;
          statusDescription: string | null;
          timeService: string | null;
          timeWait: string | null;
          firstResponseAt: string | null;
          botId: string | null;
          unreadCount: number;
          lastMessageText: string | null;
          lastInteractionDate: string | null;
          lastMessageOut: string | null;
          lastMessageIn: string | null;
          windowStatus: string;
          metadata: Record<string, unknown>;
          channelType: string | null;
          type: string;
        } | null;
      };
    };
  };
  "/chat/v1/chatbot/{id}": {
    get: {
      path: { id: string | number; };
      query: {
        Version?: number;
      };
      response: {
        id: string;
        key: string;
        createdAt: string;
        updatedAt: string;
        companyId: string;
        archived: boolean;
        name: string;
        description: string | null;
        type: string;
        channelIds: Array<string>;
        defaultDepartmentId: string | null;
        publishStatus: string;
        automationUsage: Array<string>;
        version: number;
        definition: Record<string, unknown>;
        definitionVersion: number;
        callbackSecret?: string;
        versions: Array<{
          version: number;
          createdAt: string;
          live: boolean;
        }>;
      };
    };
    put: {
      path: { id: string | number; };
      body: {
        name?: string;
        description?: string | null;
        definition?: Record<string, unknown>;
        publish?: boolean;
      };
      response: {
        id: string;
        key: string;
        createdAt: string;
        updatedAt: string;
        companyId: string;
        archived: boolean;
        name: string;
        description: string | null;
        type: string;
        channelIds: Array<string>;
        defaultDepartmentId: string | null;
        publishStatus: string;
        automationUsage: Array<string>;
        version: number;
        definition: Record<string, unknown>;
        definitionVersion: number;
        callbackSecret?: string;
        versions: Array<{
          version: number;
          createdAt: string;
          live: boolean;
        }>;
      };
    };
    delete: {
      path: { id: string | number; };
      response: unknown;
    };
  };
  "/chat/v1/chatbot/{id}/publish": {
    post: {
      path: { id: string | number; };
      body: {
        version: number;
      };
      response: {
        id: string;
        key: string;
        createdAt: string;
        updatedAt: string;
        companyId: string;
        archived: boolean;
        name: string;
        description: string | null;
        type: string;
        channelIds: Array<string>;
        defaultDepartmentId: string | null;
        publishStatus: string;
        automationUsage: Array<string>;
        version: number;
        definition: Record<string, unknown>;
        definitionVersion: number;
        callbackSecret?: string;
        versions: Array<{
          version: number;
          createdAt: string;
          live: boolean;
        }>;
      };
    };
  };
  "/chat/v1/message": {
    get: {
      query: {
        SessionId: string;
        "CreatedAt.After"?: string;
        "CreatedAt.Before"?: string;
        "UpdatedAt.After"?: string;
        "UpdatedAt.Before"?: string;
        PageNumber?: number;
        PageSize?: number;
        OrderBy?: string;
        OrderDirection?: "ASCENDING" | "DESCENDING";
      };
      response: {
        pageNumber: number;
        pageSize: number;
        orderBy: string | null;
        orderDirection: string | null;
        items: Array<{
          id: string;
          createdAt: string;
          updatedAt: string;
          timestamp: string;
          type: string;
          senderId: string | null;
          sessionId: string;
          templateId: string | null;
          userId: string | null;
          direction: string;
          status: string;
          origin: string;
          text: string | null;
          fileId: string | null;
          refId: string | null;
          readContactAt: string | null;
          details: {
            file: {
              id: string | null;
              name: string;
              extension: string | null;
              mimeType: string;
              type: string;
              publicUrl: string;
              size: number;
            } | null;
            files: Array<{
              id: string | null;
              name: string;
              extension: string | null;
              mimeType: string;
              type: string;
              publicUrl: string;
              size: number;
            }>;
            errors: Array<Record<string, unknown>>;
          };
          failedReason: string | null;
          filesIds: Array<string>;
        }>;
        totalItems: number;
        totalPages: number;
        hasMorePages: boolean;
      };
    };
  };
  "/chat/v1/message/send": {
    post: {
      body: {
        from?: string;
        to: string;
        botKey?: string;
        botId?: string;
        body: {
          text?: string;
          templateId?: string;
          parameters?: Record<string, unknown>;
          fileUrl?: string | null;
          fileId?: string | null;
          refId?: string;
        };
        department?: {
          id?: string | null;
          name?: string | null;
        };
        user?: {
          id?: string | null;
          email?: string | null;
          phoneNumber?: string | null;
        };
        options?: {
          enableBot?: boolean;
          hiddenSession?: boolean;
          forceStartSession?: boolean;
        };
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        sessionId: string;
        senderId: string | null;
        status: string;
        statusUrl: string;
        failureReason: string | null;
      };
    };
  };
  "/chat/v1/message/send-sync": {
    post: {
      body: {
        from?: string;
        to: string;
        botKey?: string;
        botId?: string;
        body: {
          text?: string;
          templateId?: string;
          parameters?: Record<string, unknown>;
          fileUrl?: string | null;
          fileId?: string | null;
          refId?: string;
        };
        department?: {
          id?: string | null;
          name?: string | null;
        };
        user?: {
          id?: string | null;
          email?: string | null;
          phoneNumber?: string | null;
        };
        options?: {
          enableBot?: boolean;
          hiddenSession?: boolean;
          forceStartSession?: boolean;
        };
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        timestamp: string;
        type: string;
        senderId: string | null;
        sessionId: string;
        templateId: string | null;
        userId: string | null;
        direction: string;
        status: string;
        origin: string;
        text: string | null;
        fileId: string | null;
        refId: string | null;
        readContactAt: string | null;
        details: {
          file: {
            id: string | null;
            name: string;
            extension: string | null;
            mimeType: string;
            type: string;
            publicUrl: string;
            size: number;
          } | null;
          files: Array<{
            id: string | null;
            name: string;
            extension: string | null;
            mimeType: string;
            type: string;
            publicUrl: string;
            size: number;
          }>;
          errors: Array<Record<string, unknown>>;
        };
        failedReason: string | null;
        filesIds: Array<string>;
      };
    };
  };
  "/chat/v1/message/{id}": {
    get: {
      path: { id: string | number; };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        timestamp: string;
        type: string;
        senderId: string | null;
        sessionId: string;
        templateId: string | null;
        userId: string | null;
        direction: string;
        status: string;
        origin: string;
        text: string | null;
        fileId: string | null;
        refId: string | null;
        readContactAt: string | null;
        details: {
          file: {
            id: string | null;
            name: string;
            extension: string | null;
            mimeType: string;
            type: string;
            publicUrl: string;
            size: number;
          } | null;
          files: Array<{
            id: string | null;
            name: string;
            extension: string | null;
            mimeType: string;
            type: string;
            publicUrl: string;
            size: number;
          }>;
          errors: Array<Record<string, unknown>>;
        };
        failedReason: string | null;
        filesIds: Array<string>;
      };
    };
    delete: {
      path: { id: string | number; };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        timestamp: string;
        type: string;
        senderId: string | null;
        sessionId: string;
        templateId: string | null;
        userId: string | null;
        direction: string;
        status: string;
        origin: string;
        text: string | null;
        fileId: string | null;
        refId: string | null;
        readContactAt: string | null;
        details: {
          file: {
            id: string | null;
            name: string;
            extension: string | null;
            mimeType: string;
            type: string;
            publicUrl: string;
            size: number;
          } | null;
          files: Array<{
            id: string | null;
            name: string;
            extension: string | null;
            mimeType: string;
            type: string;
            publicUrl: string;
            size: number;
          }>;
          errors: Array<Record<string, unknown>>;
        };
        failedReason: string | null;
        filesIds: Array<string>;
      };
    };
  };
  "/chat/v1/message/{id}/status": {
    get: {
      path: { id: string | number; };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        sessionId: string;
        status: string;
        failureReason: string | null;
      };
    };
  };
  "/chat/v1/scheduled-message": {
    get: {
      query: {
        PageNumber?: number;
        PageSize?: number;
        OrderBy?: string;
        OrderDirection?: "ASCENDING" | "DESCENDING";
        "ScheduledAt.Before"?: string;
        "ScheduledAt.After"?: string;
        "CreatedAt.Before"?: string;
        "CreatedAt.After"?: string;
        "UpdatedAt.Before"?: string;
        "UpdatedAt.After"?: string;
        IncludeDetails?: Array<"Contact" | "Channel" | "User" | "Department" | "Template" | "Chatbot">;
        Status?: Array<"SCHEDULED" | "PROCESSED" | "SENT" | "DELIVERED" | "READ" | "CANCELED" | "FAILED">;
        Type?: Array<"TEMPLATE" | "CHATBOT">;
        From?: string;
        To?: string;
        User?: string;
        Department?: string;
      };
      response: {
        pageNumber: number;
        pageSize: number;
        orderBy: string | null;
        orderDirection: string | null;
        items: Array<{
          id: string;
          createdAt: string;
          updatedAt: string;
          active: boolean;
          companyId: string;
          sessionId: string | null;
          contactId: string;
          userId: string | null;
          channelId: string;
          departmentId: string | null;
          status: string;
          type: string;
          templateId: string | null;
          botId: string | null;
          text: string | null;
          scheduling: string;
          hiddenSession: boolean;
          failureReason: string | null;
          messageId: string | null;
          contact?: {
            id: string;
            name: string | null;
            phonenumberFormatted: string | null;
          };
          user?: {
            id: string;
            name: string;
          } | null;
          channel?: {
            id: string;
          };
          department?: {
            id: string;
            name: string;
          } | null;
          template?: {
            id: string;
            templateParams: Record<string, unknown>;
          } | null;
          chatbot?: {
            id: string;
          } | null;
        }>;
        totalItems: number;
        totalPages: number;
        hasMorePages: boolean;
      };
    };
    post: {
      body: {
        from?: string;
        to: string;
        department?: {
          id?: string | null;
          name?: string | null;
        } | null;
        type?: "TEMPLATE" | "CHATBOT";
        text?: string | null;
        templateId?: string | null;
        botKey?: string | null;
        scheduling?: string;
        hiddenSession?: boolean;
        templateParams?: {
          parameters?: Record<string, unknown>;
          fileUrl?: string;
          fileId?: string;
        } | null;
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        active: boolean;
        companyId: string;
        sessionId: string | null;
        contactId: string;
        userId: string | null;
        channelId: string;
        departmentId: string | null;
        status: string;
        type: string;
        templateId: string | null;
        botId: string | null;
        text: string | null;
        scheduling: string;
        hiddenSession: boolean;
        failureReason: string | null;
        messageId: string | null;
        contact?: {
          id: string;
          name: string | null;
          phonenumberFormatted: string | null;
        };
        user?: {
          id: string;
          name: string;
        } | null;
        channel?: {
          id: string;
        };
        department?: {
          id: string;
          name: string;
        } | null;
        template?: {
          id: string;
          templateParams: Record<string, unknown>;
        } | null;
        chatbot?: {
          id: string;
        } | null;
      };
    };
  };
  "/chat/v1/scheduled-message/batch-cancel": {
    post: {
      body: Array<string>;
      response: Array<{
        id: string;
        createdAt: string;
        updatedAt: string;
        active: boolean;
        companyId: string;
        sessionId: string | null;
        contactId: string;
        userId: string | null;
        channelId: string;
        departmentId: string | null;
        status: string;
        type: string;
        templateId: string | null;
        botId: string | null;
        text: string | null;
        scheduling: string;
        hiddenSession: boolean;
        failureReason: string | null;
        messageId: string | null;
        contact?: {
          id: string;
          name: string | null;
          phonenumberFormatted: string | null;
        };
        user?: {
          id: string;
          name: string;
        } | null;
        channel?: {
          id: string;
        };
        department?: {
          id: string;
          name: string;
        } | null;
        template?: {
          id: string;
          templateParams: Record<string, unknown>;
        } | null;
        chatbot?: {
          id: string;
        } | null;
      }>;
    };
  };
  "/chat/v1/scheduled-message/{id}": {
    get: {
      path: { id: string | number; };
      query: {
        includeDetails?: Array<"Contact" | "Channel" | "User" | "Department" | "Template" | "Chatbot">;
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        active: boolean;
        companyId: string;
        sessionId: string | null;
        contactId: string;
        userId: string | null;
        channelId: string;
        departmentId: string | null;
        status: string;
        type: string;
        templateId: string | null;
        botId: string | null;
        text: string | null;
        scheduling: string;
        hiddenSession: boolean;
        failureReason: string | null;
        messageId: string | null;
        contact?: {
          id: string;
          name: string | null;
          phonenumberFormatted: string | null;
        };
        user?: {
          id: string;
          name: string;
        } | null;
        channel?: {
          id: string;
        };
        department?: {
          id: string;
          name: string;
        } | null;
        template?: {
          id: string;
          templateParams: Record<string, unknown>;
        } | null;
        chatbot?: {
          id: string;
        } | null;
      };
    };
    put: {
      path: { id: string | number; };
      body: {
        fields: Array<"Undefined" | "To" | "From" | "Department" | "Type" | "TemplateId" | "BotId" | "Scheduling" | "HiddenSession" | "TemplateParams" | "Text">;
        from?: string;
        to?: string;
        department?: {
          id?: string | null;
          name?: string | null;
        } | null;
        type?: "TEMPLATE" | "CHATBOT";
        text?: string | null;
        templateId?: string | null;
        botKey?: string | null;
        scheduling?: string;
        hiddenSession?: boolean;
        templateParams?: {
          parameters?: Record<string, unknown>;
          fileUrl?: string;
          fileId?: string;
        } | null;
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        active: boolean;
        companyId: string;
        sessionId: string | null;
        contactId: string;
        userId: string | null;
        channelId: string;
        departmentId: string | null;
        status: string;
        type: string;
        templateId: string | null;
        botId: string | null;
        text: string | null;
        scheduling: string;
        hiddenSession: boolean;
        failureReason: string | null;
        messageId: string | null;
        contact?: {
          id: string;
          name: string | null;
          phonenumberFormatted: string | null;
        };
        user?: {
          id: string;
          name: string;
        } | null;
        channel?: {
          id: string;
        };
        department?: {
          id: string;
          name: string;
        } | null;
        template?: {
          id: string;
          templateParams: Record<string, unknown>;
        } | null;
        chatbot?: {
          id: string;
        } | null;
      };
    };
  };
  "/chat/v1/scheduled-message/{id}/cancel": {
    post: {
      path: { id: string | number; };
      response: unknown;
    };
  };
  "/chat/v1/send/audio": {
    post: {
      body: {
        to?: string;
        from?: string;
        sessionId?: string;
        refId?: string;
        senderId?: string;
        options?: {
          enableBot?: boolean;
          hiddenSession?: boolean;
          forceStartSession?: boolean;
          user?: {
            id?: string | null;
            email?: string | null;
            phoneNumber?: string | null;
          };
          department?: {
            id?: string | null;
            name?: string | null;
          };
        };
        fileIdOrUrl: string;
        text?: string;
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        companyId: string;
        sessionId: string;
        status: string;
        senderId: string | null;
        statusUrl: string;
        sentAt: string | null;
        failedReason: string | null;
        callbackUrl: string | null;
        waitReply: boolean;
      };
    };
  };
  "/chat/v1/send/chatbot": {
    post: {
      body: {
        botId?: string;
        botKey?: string;
        from?: string;
        to?: string;
        sessionId?: string;
        options?: {
          skipIfBotInExecution?: boolean;
          skipIfInProgress?: boolean;
          forceStartSession?: boolean;
          hiddenSession?: boolean;
        };
        sessionMetadata?: Record<string, unknown>;
        sessionMetada?: Record<string, unknown>;
        contactMetadata?: Record<string, unknown>;
        senderId?: string;
        callbackUrl?: string;
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        companyId: string;
        botId: string;
        botKey: string;
        botVersion: number;
        sessionId: string | null;
        contactId: string | null;
        senderId: string | null;
        status: string;
        statusDescription: string | null;
        skipReason: string | null;
        failureReason: string | null;
        waitingFor: string | null;
        waitUntil: string | null;
        currentStep: string | null;
        stepsExecuted: number;
        startedAt: string | null;
        finishedAt: string | null;
        statusUrl: string;
        failedReason: string | null;
        sentAt: string | null;
        callbackUrl: string | null;
        waitReply: boolean;
      };
    };
  };
  "/chat/v1/send/chatbot/batch": {
    post: {
      body: {
        botKey: string;
        from?: string;
        options?: {
          skipIfBotInExecution?: boolean;
          skipIfInProgress?: boolean;
          forceStartSession?: boolean;
          hiddenSession?: boolean;
        };
        messages: Array<{
          to?: string;
          sessionId?: string;
          sessionMetadata?: Record<string, unknown>;
          contactMetadata?: Record<string, unknown>;
          senderId?: string;
          callbackUrl?: string;
        }>;
      };
      response: {
        results: Array<{
          id: string;
          createdAt: string;
          updatedAt: string;
          companyId: string;
          botId: string;
          botKey: string;
          botVersion: number;
          sessionId: string | null;
          contactId: string | null;
          senderId: string | null;
          status: string;
          statusDescription: string | null;
          skipReason: string | null;
          failureReason: string | null;
          waitingFor: string | null;
          waitUntil: string | null;
          currentStep: string | null;
          stepsExecuted: number;
          startedAt: string | null;
          finishedAt: string | null;
          statusUrl: string;
          failedReason: string | null;
          sentAt: string | null;
          callbackUrl: string | null;
          waitReply: boolean;
        }>;
      };
    };
  };
  "/chat/v1/send/chatbot/{id}": {
    get: {
      path: { id: string | number; };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        companyId: string;
        botId: string;
        botKey: string;
        botVersion: number;
        sessionId: string | null;
        contactId: string | null;
        senderId: string | null;
        status: string;
        statusDescription: string | null;
        skipReason: string | null;
        failureReason: string | null;
        waitingFor: string | null;
        waitUntil: string | null;
        currentStep: string | null;
        stepsExecuted: number;
        startedAt: string | null;
        finishedAt: string | null;
        statusUrl: string;
        failedReason: string | null;
        sentAt: string | null;
        callbackUrl: string | null;
        waitReply: boolean;
      };
    };
  };
  "/chat/v1/send/document": {
    post: {
      body: {
        to?: string;
        from?: string;
        sessionId?: string;
        refId?: string;
        senderId?: string;
        options?: {
          enableBot?: boolean;
          hiddenSession?: boolean;
          forceStartSession?: boolean;
          user?: {
            id?: string | null;
            email?: string | null;
            phoneNumber?: string | null;
          };
          department?: {
            id?: string | null;
            name?: string | null;
          };
        };
        fileIdOrUrl: string;
        text?: string;
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        companyId: string;
        sessionId: string;
        status: string;
        senderId: string | null;
        statusUrl: string;
        sentAt: string | null;
        failedReason: string | null;
        callbackUrl: string | null;
        waitReply: boolean;
      };
    };
  };
  "/chat/v1/send/image": {
    post: {
      body: {
        to?: string;
        from?: string;
        sessionId?: string;
        refId?: string;
        senderId?: string;
        options?: {
          enableBot?: boolean;
          hiddenSession?: boolean;
          forceStartSession?: boolean;
          user?: {
            id?: string | null;
            email?: string | null;
            phoneNumber?: string | null;
          };
          department?: {
            id?: string | null;
            name?: string | null;
          };
        };
        fileIdOrUrl: string;
        text?: string;
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        companyId: string;
        sessionId: string;
        status: string;
        senderId: string | null;
        statusUrl: string;
        sentAt: string | null;
        failedReason: string | null;
        callbackUrl: string | null;
        waitReply: boolean;
      };
    };
  };
  "/chat/v1/send/message/{id}": {
    get: {
      path: { id: string | number; };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        companyId: string;
        sessionId: string;
        status: string;
        senderId: string | null;
        statusUrl: string;
        sentAt: string | null;
        failedReason: string | null;
        callbackUrl: string | null;
        waitReply: boolean;
      };
    };
  };
  "/chat/v1/send/otp": {
    post: {
      body: {
        from: string;
        to: string;
        code?: string;
        templateId?: string;
        senderId?: string;
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        code: string | null;
        status: string;
        from: string | null;
        templateId: string | null;
        companyId: string;
        senderId: string | null;
        channelId: string;
        sentAt: string | null;
        receivedAt: string | null;
        contactPhoneNumber: string | null;
        failedReason: string | null;
        callbackUrl: string | null;
        statusUrl: string;
      };
    };
  };
  "/chat/v1/send/otp/{id}": {
    get: {
      path: { id: string | number; };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        code: string | null;
        status: string;
        from: string | null;
        templateId: string | null;
        companyId: string;
        senderId: string | null;
        channelId: string;
        sentAt: string | null;
        receivedAt: string | null;
        contactPhoneNumber: string | null;
        failedReason: string | null;
        callbackUrl: string | null;
        statusUrl: string;
      };
    };
  };
  "/chat/v1/send/template": {
    post: {
      body: {
        to?: string;
        from?: string;
        sessionId?: string;
        refId?: string;
        senderId?: string;
        options?: {
          enableBot?: boolean;
          hiddenSession?: boolean;
          forceStartSession?: boolean;
          user?: {
            id?: string | null;
            email?: string | null;
            phoneNumber?: string | null;
          };
          department?: {
            id?: string | null;
            name?: string | null;
          };
        };
        templateId: string;
        parameters?: Record<string, unknown>;
        fileIdOrUrl?: string;
        sessionMetadata?: Record<string, unknown>;
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        companyId: string;
        sessionId: string;
        status: string;
        senderId: string | null;
        statusUrl: string;
        sentAt: string | null;
        failedReason: string | null;
        callbackUrl: string | null;
        waitReply: boolean;
      };
    };
  };
  "/chat/v1/send/template/batch": {
    post: {
      body: {
        from: string;
        templateId: string;
        options?: {
          enableBot?: boolean;
          hiddenSession?: boolean;
          forceStartSession?: boolean;
          user?: {
            id?: string | null;
            email?: string | null;
            phoneNumber?: string | null;
          };
          department?: {
            id?: string | null;
            name?: string | null;
          };
        };
        messages: Array<{
          to: string;
          parameters?: Record<string, unknown>;
          fileIdOrUrl?: string;
          senderId?: string;
          sessionMetadata?: Record<string, unknown>;
        }>;
      };
      response: {
        results: Array<{
          id: string;
          createdAt: string;
          updatedAt: string;
          companyId: string;
          sessionId: string;
          status: string;
          senderId: string | null;
          statusUrl: string;
          sentAt: string | null;
          failedReason: string | null;
          callbackUrl: string | null;
          waitReply: boolean;
        }>;
      };
    };
  };
  "/chat/v1/send/text": {
    post: {
      body: {
        to?: string;
        from?: string;
        sessionId?: string;
        refId?: string;
        senderId?: string;
        options?: {
          enableBot?: boolean;
          hiddenSession?: boolean;
          forceStartSession?: boolean;
          user?: {
            id?: string | null;
            email?: string | null;
            phoneNumber?: string | null;
          };
          department?: {
            id?: string | null;
            name?: string | null;
          };
        };
        text: string;
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        companyId: string;
        sessionId: string;
        status: string;
        senderId: string | null;
        statusUrl: string;
        sentAt: string | null;
        failedReason: string | null;
        callbackUrl: string | null;
        waitReply: boolean;
      };
    };
  };
  "/chat/v1/send/typing": {
    post: {
      body: {
        sessionId: string;
      };
      response: unknown;
    };
  };
  "/chat/v1/send/video": {
    post: {
      body: {
        to?: string;
        from?: string;
        sessionId?: string;
        refId?: string;
        senderId?: string;
        options?: {
          enableBot?: boolean;
          hiddenSession?: boolean;
          forceStartSession?: boolean;
          user?: {
            id?: string | null;
            email?: string | null;
            phoneNumber?: string | null;
          };
          department?: {
            id?: string | null;
            name?: string | null;
          };
        };
        fileIdOrUrl: string;
        text?: string;
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        companyId: string;
        sessionId: string;
        status: string;
        senderId: string | null;
        statusUrl: string;
        sentAt: string | null;
        failedReason: string | null;
        callbackUrl: string | null;
        waitReply: boolean;
      };
    };
  };
  "/chat/v1/sequence": {
    get: {
      query: {
        PageNumber?: number;
        PageSize?: number;
        OrderBy?: string;
        OrderDirection?: "ASCENDING" | "DESCENDING";
        "CreatedAt.Before"?: string;
        "CreatedAt.After"?: string;
        "UpdatedAt.Before"?: string;
        "UpdatedAt.After"?: string;
        IncludeDetails?: Array<"ContactExecutingCount" | "ExecutionStats">;
        Name?: string;
        ContactId?: string;
      };
      response: {
        pageNumber: number;
        pageSize: number;
        orderBy: string | null;
        orderDirection: string | null;
        items: Array<{
          id: string;
          active: boolean;
          createdAt: string;
          updatedAt: string;
          companyId: string;
          name: string;
          enabled: boolean;
          contactExecutingCount: number;
          channelId: string;
          stopOnReply: boolean;
          createdByUserId: string | null;
          steps: Array<{
            delaySeconds: number;
            text: string;
          }>;
          executionStats?: {
            executing: number;
            completed: number;
            stopped: number;
            removed: number;
          };
        }>;
        totalItems: number;
        totalPages: number;
        hasMorePages: boolean;
      };
    };
    post: {
      body: {
        name: string;
        channelId: string;
        enabled?: boolean;
        stopOnReply?: boolean;
        steps: Array<{
          delaySeconds: number;
          text: string;
        }>;
      };
      response: {
        id: string;
        active: boolean;
        createdAt: string;
        updatedAt: string;
        companyId: string;
        name: string;
        enabled: boolean;
        contactExecutingCount: number;
        channelId: string;
        stopOnReply: boolean;
        createdByUserId: string | null;
        steps: Array<{
          delaySeconds: number;
          text: string;
        }>;
        executionStats?: {
          executing: number;
          completed: number;
          stopped: number;
          removed: number;
        };
      };
    };
  };
  "/chat/v1/sequence/{id}": {
    get: {
      path: { id: string | number; };
      response: {
        id: string;
        active: boolean;
        createdAt: string;
        updatedAt: string;
        companyId: string;
        name: string;
        enabled: boolean;
        contactExecutingCount: number;
        channelId: string;
        stopOnReply: boolean;
        createdByUserId: string | null;
        steps: Array<{
          delaySeconds: number;
          text: string;
        }>;
        executionStats?: {
          executing: number;
          completed: number;
          stopped: number;
          removed: number;
        };
      };
    };
    put: {
      path: { id: string | number; };
      body: {
        name?: string;
        channelId?: string;
        enabled?: boolean;
        stopOnReply?: boolean;
        steps?: Array<{
          delaySeconds: number;
          text: string;
        }>;
      };
      response: {
        id: string;
        active: boolean;
        createdAt: string;
        updatedAt: string;
        companyId: string;
        name: string;
        enabled: boolean;
        contactExecutingCount: number;
        channelId: string;
        stopOnReply: boolean;
        createdByUserId: string | null;
        steps: Array<{
          delaySeconds: number;
          text: string;
        }>;
        executionStats?: {
          executing: number;
          completed: number;
          stopped: number;
          removed: number;
        };
      };
    };
    delete: {
      path: { id: string | number; };
      response: unknown;
    };
  };
  "/chat/v1/sequence/{id}/contact": {
    post: {
      path: { id: string | number; };
      body: {
        contactId?: string | null;
        phoneNumber?: string | null;
      };
      response: {
        id: string;
        active: boolean;
        createdAt: string;
        updatedAt: string;
        companyId: string;
        sequenceId: string;
        contactId: string;
        contactName: string | null;
        origin: string;
        addedByUserId: string | null;
        addedByChatbotId: string | null;
        lastAddedAt: string;
        status: string;
        nextStep: number;
        nextStepAt: string | null;
        stopReason: string | null;
        contactDetails?: {
          id: string;
          name: string | null;
          phonenumber: string | null;
          phonenumberFormatted: string | null;
          instagram: string | null;
          email: string | null;
          pictureUrl: string | null;
        };
      };
    };
    delete: {
      path: { id: string | number; };
      body: {
        contactId?: string | null;
        phoneNumber?: string | null;
      };
      response: unknown;
    };
  };
  "/chat/v1/sequence/{id}/contact/batch": {
    post: {
      path: { id: string | number; };
      body: {
        contactIds?: Array<string>;
        phoneNumbers?: Array<string>;
      };
      response: {
        pageNumber: number;
        pageSize: number;
        orderBy: string | null;
        orderDirection: string | null;
        items: Array<{
          id: string;
          active: boolean;
          createdAt: string;
          updatedAt: string;
          companyId: string;
          sequenceId: string;
          contactId: string;
          contactName: string | null;
          origin: string;
          addedByUserId: string | null;
          addedByChatbotId: string | null;
          lastAddedAt: string;
          status: string;
          nextStep: number;
          nextStepAt: string | null;
          stopReason: string | null;
          contactDetails?: {
            id: string;
            name: string | null;
            phonenumber: string | null;
            phonenumberFormatted: string | null;
            instagram: string | null;
            email: string | null;
            pictureUrl: string | null;
          };
        }>;
        totalItems: number;
        totalPages: number;
        hasMorePages: boolean;
      };
    };
    delete: {
      path: { id: string | number; };
      body: {
        contactIds?: Array<string>;
        phoneNumbers?: Array<string>;
      };
      response: unknown;
    };
  };
  "/chat/v1/session": {
    get: {
      query: {
        Status?: Array<"UNDEFINED" | "STARTED" | "PENDING" | "IN_PROGRESS" | "COMPLETED" | "HIDDEN">;
        TagsId?: Array<string>;
        TagsName?: Array<string>;
        UserId?: string;
        DepartmentId?: string;
        ContactId?: string;
        ChannelsId?: Array<string>;
        "ActiveAt.After"?: string;
        "ActiveAt.Before"?: string;
        "EndAt.After"?: string;
        "EndAt.Before"?: string;
        "LastInteractionAt.After"?: string;
        "LastInteractionAt.Before"?: string;
        "CreatedAt.After"?: string;
        "CreatedAt.Before"?: string;
        "UpdatedAt.After"?: string;
        "UpdatedAt.Before"?: string;
        IncludeDetails?: Array<"Undefined" | "AgentDetails" | "DepartmentsDetails" | "ContactDetails" | "ChannelTypeDetails" | "ClassificationDetails" | "ChannelDetails">;
        PageNumber?: number;
        PageSize?: number;
        OrderBy?: string;
        OrderDirection?: "ASCENDING" | "DESCENDING";
      };
      response: {
        pageNumber: number;
        pageSize: number;
        orderBy: string | null;
        orderDirection: string | null;
        items: Array<{
          id: string;
          createdAt: string;
          updatedAt: string;
          startAt: string;
          activeAt: string | null;
          endAt: string | null;
          status: string;
          companyId: string;
          contactId: string;
          channelId: string;
          departmentId: string | null;
          userId: string | null;
          previewUrl: string | null;
          title: string | null;
          number: string;
          utm: Record<string, unknown> | null;
          origin: string | null;
          contactDetails: {
            id: string;
            name: string | null;
            pictureUrl: string | null;
            phonenumber: string | null;
            instagram: string | null;
            phonenumberFormatted: string | null;
            tagsId: Array<string>;
            tagsName: Array<string>;
            status: string;
          } | null;
          agentDetails: {
            id: string;
            userId: string;
            name: string;
            shortName: string | null;
            phoneNumber: string | null;
            email: string | null;
            pictureFileId: string | null;
            pictureUrl: string | null;
          } | null;
          channelDetails: {
            humanId: string;
            platform: string;
            provider: string | null;
            providerVariable: string | null;
            pictureUrl: string | null;
            displayName: string;
          } | null;
          departmentDetails: {
            id: string;
            companyId: string;
            name: string;
            description: string | null;
            isDefault: boolean;
            isSupervisor: boolean;
          } | null;
          classification: {
            id: string | null;
            category: string;
            categoryDescription: string | null;
            amount: number | null;
            categoryName: string | null;
          } | null;
          statusDescription: string | null;
          timeService: string | null;
          timeWait: string | null;
          firstResponseAt: string | null;
          botId: string | null;
          unreadCount: number;
          lastMessageText: string | null;
          lastInteractionDate: string | null;
          lastMessageOut: string | null;
          lastMessageIn: string | null;
          windowStatus: string;
          metadata: Record<string, unknown>;
          channelType: string | null;
          type: string;
        }>;
        totalItems: number;
        totalPages: number;
        hasMorePages: boolean;
      };
    };
  };
  "/chat/v1/session/note/{id}": {
    get: {
      path: { id: string | number; };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        timestamp: string;
        type: string;
        senderId: string | null;
        sessionId: string;
        templateId: string | null;
        userId: string | null;
        direction: string;
        status: string;
        origin: string;
        text: string | null;
        fileId: string | null;
        refId: string | null;
        readContactAt: string | null;
        details: {
          file: {
            id: string | null;
            name: string;
            extension: string | null;
            mimeType: string;
            type: string;
            publicUrl: string;
            size: number;
          } | null;
          files: Array<{
            id: string | null;
            name: string;
            extension: string | null;
            mimeType: string;
            type: string;
            publicUrl: string;
            size: number;
          }>;
          errors: Array<Record<string, unknown>>;
        };
        failedReason: string | null;
        filesIds: Array<string>;
      };
    };
    delete: {
      path: { id: string | number; };
      response: unknown;
    };
  };
  "/chat/v1/session/{id}": {
    get: {
      path: { id: string | number; };
      query: {
        IncludeDetails?: Array<"Undefined" | "AgentDetails" | "DepartmentsDetails" | "ContactDetails" | "ChannelTypeDetails" | "ClassificationDetails" | "ChannelDetails">;
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        startAt: string;
        activeAt: string | null;
        endAt: string | null;
        status: string;
        companyId: string;
        contactId: string;
        channelId: string;
        departmentId: string | null;
        userId: string | null;
        previewUrl: string | null;
        title: string | null;
        number: string;
        utm: Record<string, unknown> | null;
        origin: string | null;
        contactDetails: {
          id: string;
          name: string | null;
          pictureUrl: string | null;
          phonenumber: string | null;
          instagram: string | null;
          phonenumberFormatted: string | null;
          tagsId: Array<string>;
          tagsName: Array<string>;
          status: string;
        } | null;
        agentDetails: {
          id: string;
          userId: string;
          name: string;
          shortName: string | null;
          phoneNumber: string | null;
          email: string | null;
          pictureFileId: string | null;
          pictureUrl: string | null;
        } | null;
        channelDetails: {
          humanId: string;
          platform: string;
          provider: string | null;
          providerVariable: string | null;
          pictureUrl: string | null;
          displayName: string;
        } | null;
        departmentDetails: {
          id: string;
          companyId: string;
          name: string;
          description: string | null;
          isDefault: boolean;
          isSupervisor: boolean;
        } | null;
        classification: {
          id: string | null;
          category: string;
          categoryDescription: string | null;
          amount: number | null;
          categoryName: string | null;
        } | null;
        statusDescription: string | null;
        timeService: string | null;
        timeWait: string | null;
        firstResponseAt: string | null;
        botId: string | null;
        unreadCount: number;
        lastMessageText: string | null;
        lastInteractionDate: string | null;
        lastMessageOut: string | null;
        lastMessageIn: string | null;
        windowStatus: string;
        metadata: Record<string, unknown>;
        channelType: string | null;
        type: string;
      };
    };
  };
  "/chat/v1/session/{id}/assignee": {
    put: {
      path: { id: string | number; };
      body: {
        userId: string;
        options?: Record<string, unknown>;
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        startAt: string;
        activeAt: string | null;
        endAt: string | null;
        status: string;
        companyId: string;
        contactId: string;
        channelId: string;
        departmentId: string | null;
        userId: string | null;
        previewUrl: string | null;
        title: string | null;
        number: string;
        utm: Record<string, unknown> | null;
        origin: string | null;
        contactDetails: {
          id: string;
          name: string | null;
          pictureUrl: string | null;
          phonenumber: string | null;
          instagram: string | null;
          phonenumberFormatted: string | null;
          tagsId: Array<string>;
          tagsName: Array<string>;
          status: string;
        } | null;
        agentDetails: {
          id: string;
          userId: string;
          name: string;
          shortName: string | null;
          phoneNumber: string | null;
          email: string | null;
          pictureFileId: string | null;
          pictureUrl: string | null;
        } | null;
        channelDetails: {
          humanId: string;
          platform: string;
          provider: string | null;
          providerVariable: string | null;
          pictureUrl: string | null;
          displayName: string;
        } | null;
        departmentDetails: {
          id: string;
          companyId: string;
          name: string;
          description: string | null;
          isDefault: boolean;
          isSupervisor: boolean;
        } | null;
        classification: {
          id: string | null;
          category: string;
          categoryDescription: string | null;
          amount: number | null;
          categoryName: string | null;
        } | null;
        statusDescription: string | null;
        timeService: string | null;
        timeWait: string | null;
        firstResponseAt: string | null;
        botId: string | null;
        unreadCount: number;
        lastMessageText: string | null;
        lastInteractionDate: string | null;
        lastMessageOut: string | null;
        lastMessageIn: string | null;
        windowStatus: string;
        metadata: Record<string, unknown>;
        channelType: string | null;
        type: string;
      };
    };
  };
  "/chat/v1/session/{id}/complete": {
    put: {
      path: { id: string | number; };
      body: {
        reactivateOnNewMessage?: boolean;
        stopBotInExecution?: boolean;
        classification?: {
          category?: "UNDEFINED" | "WON" | "LOST" | "INFO" | "OTHER";
          description?: string | null;
          amount?: number | null;
        };
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        startAt: string;
        activeAt: string | null;
        endAt: string | null;
        status: string;
        companyId: string;
        contactId: string;
        channelId: string;
        departmentId: string | null;
        userId: string | null;
        previewUrl: string | null;
        title: string | null;
        number: string;
        utm: Record<string, unknown> | null;
        origin: string | null;
        contactDetails: {
          id: string;
          name: string | null;
          pictureUrl: string | null;
          phonenumber: string | null;
          instagram: string | null;
          phonenumberFormatted: string | null;
          tagsId: Array<string>;
          tagsName: Array<string>;
          status: string;
        } | null;
        agentDetails: {
          id: string;
          userId: string;
          name: string;
          shortName: string | null;
          phoneNumber: string | null;
          email: string | null;
          pictureFileId: string | null;
          pictureUrl: string | null;
        } | null;
        channelDetails: {
          humanId: string;
          platform: string;
          provider: string | null;
          providerVariable: string | null;
          pictureUrl: string | null;
          displayName: string;
        } | null;
        departmentDetails: {
          id: string;
          companyId: string;
          name: string;
          description: string | null;
          isDefault: boolean;
          isSupervisor: boolean;
        } | null;
        classification: {
          id: string | null;
          category: string;
          categoryDescription: string | null;
          amount: number | null;
          categoryName: string | null;
        } | null;
        statusDescription: string | null;
        timeService: string | null;
        timeWait: string | null;
        firstResponseAt: string | null;
        botId: string | null;
        unreadCount: number;
        lastMessageText: string | null;
        lastInteractionDate: string | null;
        lastMessageOut: string | null;
        lastMessageIn: string | null;
        windowStatus: string;
        metadata: Record<string, unknown>;
        channelType: string | null;
        type: string;
      };
    };
  };
  "/chat/v1/session/{id}/message": {
    get: {
      path: { id: string | number; };
      query: {
        "CreatedAt.After"?: string;
        "CreatedAt.Before"?: string;
        "UpdatedAt.After"?: string;
        "UpdatedAt.Before"?: string;
        PageNumber?: number;
        PageSize?: number;
        OrderBy?: string;
        OrderDirection?: "ASCENDING" | "DESCENDING";
      };
      response: {
        pageNumber: number;
        pageSize: number;
        orderBy: string | null;
        orderDirection: string | null;
        items: Array<{
          id: string;
          createdAt: string;
          updatedAt: string;
          timestamp: string;
          type: string;
          senderId: string | null;
          sessionId: string;
          templateId: string | null;
          userId: string | null;
          direction: string;
          status: string;
          origin: string;
          text: string | null;
          fileId: string | null;
          refId: string | null;
          readContactAt: string | null;
          details: {
            file: {
              id: string | null;
              name: string;
              extension: string | null;
              mimeType: string;
              type: string;
              publicUrl: string;
              size: number;
            } | null;
            files: Array<{
              id: string | null;
              name: string;
              extension: string | null;
              mimeType: string;
              type: string;
              publicUrl: string;
              size: number;
            }>;
            errors: Array<Record<string, unknown>>;
          };
          failedReason: string | null;
          filesIds: Array<string>;
        }>;
        totalItems: number;
        totalPages: number;
        hasMorePages: boolean;
      };
    };
    post: {
      path: { id: string | number; };
      body: {
        text?: string;
        templateId?: string;
        parameters?: Record<string, unknown>;
        fileUrl?: string | null;
        fileId?: string | null;
        refId?: string;
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        sessionId: string;
        senderId: string | null;
        status: string;
        statusUrl: string;
        failureReason: string | null;
      };
    };
  };
  "/chat/v1/session/{id}/message/sync": {
    post: {
      path: { id: string | number; };
      body: {
        text?: string;
        templateId?: string;
        parameters?: Record<string, unknown>;
        fileUrl?: string | null;
        fileId?: string | null;
        refId?: string;
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        timestamp: string;
        type: string;
        senderId: string | null;
        sessionId: string;
        templateId: string | null;
        userId: string | null;
        direction: string;
        status: string;
        origin: string;
        text: string | null;
        fileId: string | null;
        refId: string | null;
        readContactAt: string | null;
        details: {
          file: {
            id: string | null;
            name: string;
            extension: string | null;
            mimeType: string;
            type: string;
            publicUrl: string;
            size: number;
          } | null;
          files: Array<{
            id: string | null;
            name: string;
            extension: string | null;
            mimeType: string;
            type: string;
            publicUrl: string;
            size: number;
          }>;
          errors: Array<Record<string, unknown>>;
        };
        failedReason: string | null;
        filesIds: Array<string>;
      };
    };
  };
  "/chat/v1/session/{id}/note": {
    get: {
      path: { id: string | number; };
      query: {
        "CreatedAt.After"?: string;
        "CreatedAt.Before"?: string;
        "UpdatedAt.After"?: string;
        "UpdatedAt.Before"?: string;
        PageNumber?: number;
        PageSize?: number;
        OrderBy?: string;
        OrderDirection?: "ASCENDING" | "DESCENDING";
      };
      response: {
        pageNumber: number;
        pageSize: number;
        orderBy: string | null;
        orderDirection: string | null;
        items: Array<{
          id: string;
          createdAt: string;
          updatedAt: string;
          timestamp: string;
          type: string;
          senderId: string | null;
          sessionId: string;
          templateId: string | null;
          userId: string | null;
          direction: string;
          status: string;
          origin: string;
          text: string | null;
          fileId: string | null;
          refId: string | null;
          readContactAt: string | null;
          details: {
            file: {
              id: string | null;
              name: string;
              extension: string | null;
              mimeType: string;
              type: string;
              publicUrl: string;
              size: number;
            } | null;
            files: Array<{
              id: string | null;
              name: string;
              extension: string | null;
              mimeType: string;
              type: string;
              publicUrl: string;
              size: number;
            }>;
            errors: Array<Record<string, unknown>>;
          };
          failedReason: string | null;
          filesIds: Array<string>;
        }>;
        totalItems: number;
        totalPages: number;
        hasMorePages: boolean;
      };
    };
    post: {
      path: { id: string | number; };
      body: {
        text?: string;
        filesUrls?: Array<string>;
        filesIds?: Array<string>;
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        timestamp: string;
        type: string;
        senderId: string | null;
        sessionId: string;
        templateId: string | null;
        userId: string | null;
        direction: string;
        status: string;
        origin: string;
        text: string | null;
        fileId: string | null;
        refId: string | null;
        readContactAt: string | null;
        details: {
          file: {
            id: string | null;
            name: string;
            extension: string | null;
            mimeType: string;
            type: string;
            publicUrl: string;
            size: number;
          } | null;
          files: Array<{
            id: string | null;
            name: string;
            extension: string | null;
            mimeType: string;
            type: string;
            publicUrl: string;
            size: number;
          }>;
          errors: Array<Record<string, unknown>>;
        };
        failedReason: string | null;
        filesIds: Array<string>;
      };
    };
  };
  "/chat/v1/session/{id}/status": {
    put: {
      path: { id: string | number; };
      body: {
        newStatus: "UNDEFINED" | "STARTED" | "PENDING" | "IN_PROGRESS" | "COMPLETED" | "HIDDEN";
        options?: Record<string, unknown>;
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        startAt: string;
        activeAt: string | null;
        endAt: string | null;
        status: string;
        companyId: string;
        contactId: string;
        channelId: string;
        departmentId: string | null;
        userId: string | null;
        previewUrl: string | null;
        title: string | null;
        number: string;
        utm: Record<string, unknown> | null;
        origin: string | null;
        contactDetails: {
          id: string;
          name: string | null;
          pictureUrl: string | null;
          phonenumber: string | null;
          instagram: string | null;
          phonenumberFormatted: string | null;
          tagsId: Array<string>;
          tagsName: Array<string>;
          status: string;
        } | null;
        agentDetails: {
          id: string;
          userId: string;
          name: string;
          shortName: string | null;
          phoneNumber: string | null;
          email: string | null;
          pictureFileId: string | null;
          pictureUrl: string | null;
        } | null;
        channelDetails: {
          humanId: string;
          platform: string;
          provider: string | null;
          providerVariable: string | null;
          pictureUrl: string | null;
          displayName: string;
        } | null;
        departmentDetails: {
          id: string;
          companyId: string;
          name: string;
          description: string | null;
          isDefault: boolean;
          isSupervisor: boolean;
        } | null;
        classification: {
          id: string | null;
          category: string;
          categoryDescription: string | null;
          amount: number | null;
          categoryName: string | null;
        } | null;
        statusDescription: string | null;
        timeService: string | null;
        timeWait: string | null;
        firstResponseAt: string | null;
        botId: string | null;
        unreadCount: number;
        lastMessageText: string | null;
        lastInteractionDate: string | null;
        lastMessageOut: string | null;
        lastMessageIn: string | null;
        windowStatus: string;
        metadata: Record<string, unknown>;
        channelType: string | null;
        type: string;
      };
    };
  };
  "/chat/v1/session/{id}/transfer": {
    put: {
      path: { id: string | number; };
      body: {
        type: "DEPARTMENT" | "USER";
        newDepartmentId?: string;
        newUserId?: string;
        options?: Record<string, unknown>;
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        startAt: string;
        activeAt: string | null;
        endAt: string | null;
        status: string;
        companyId: string;
        contactId: string;
        channelId: string;
        departmentId: string | null;
        userId: string | null;
        previewUrl: string | null;
        title: string | null;
        number: string;
        utm: Record<string, unknown> | null;
        origin: string | null;
        contactDetails: {
          id: string;
          name: string | null;
          pictureUrl: string | null;
          phonenumber: string | null;
          instagram: string | null;
          phonenumberFormatted: string | null;
          tagsId: Array<string>;
          tagsName: Array<string>;
          status: string;
        } | null;
        agentDetails: {
          id: string;
          userId: string;
          name: string;
          shortName: string | null;
          phoneNumber: string | null;
          email: string | null;
          pictureFileId: string | null;
          pictureUrl: string | null;
        } | null;
        channelDetails: {
          humanId: string;
          platform: string;
          provider: string | null;
          providerVariable: string | null;
          pictureUrl: string | null;
          displayName: string;
        } | null;
        departmentDetails: {
          id: string;
          companyId: string;
          name: string;
          description: string | null;
          isDefault: boolean;
          isSupervisor: boolean;
        } | null;
        classification: {
          id: string | null;
          category: string;
          categoryDescription: string | null;
          amount: number | null;
          categoryName: string | null;
        } | null;
        statusDescription: string | null;
        timeService: string | null;
        timeWait: string | null;
        firstResponseAt: string | null;
        botId: string | null;
        unreadCount: number;
        lastMessageText: string | null;
        lastInteractionDate: string | null;
        lastMessageOut: string | null;
        lastMessageIn: string | null;
        windowStatus: string;
        metadata: Record<string, unknown>;
        channelType: string | null;
        type: string;
      };
    };
  };
  "/chat/v1/template": {
    get: {
      query: {
        ChannelId?: string;
        Name?: string;
        SearchableText?: string;
        ApprovedOnly?: boolean;
        Archived?: boolean;
        Type?: "QUICKREPLY" | "ATTENDANCE" | "CAMPAIGN" | "SEQUENCE" | "SCHEDULEDMESSAGE" | "AUTHENTICATION";
        IncludeDetails?: Array<"All" | "Params" | "File" | "Interactive">;
        PageNumber?: number;
        PageSize?: number;
        OrderBy?: string;
        OrderDirection?: "ASCENDING" | "DESCENDING";
      };
      response: {
        pageNumber: number;
        pageSize: number;
        orderBy: string | null;
        orderDirection: string | null;
        items: Array<{
          id: string;
          createdAt: string | null;
          updatedAt: string | null;
          active: boolean;
          archived: boolean;
          channelId: string;
          name: string;
          text: string;
          footerText: string | null;
          status: string;
          channelType: string | null;
          type: Array<string>;
          params: Array<{
            name: string;
            templateId: string;
          }> | null;
          internalName: string;
          fileType: string;
          categoryName: string | null;
        }>;
        totalItems: number;
        totalPages: number;
        hasMorePages: boolean;
      };
    };
  };
  "/chat/v1/template/otp/send": {
    post: {
      body: {
        from?: string;
        channelId?: string;
        channel?: string;
        to?: string;
        phone?: string;
        number?: string;
        code: string;
        templateId?: string;
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        sessionId: string;
        senderId: string | null;
        status: string;
        statusUrl: string;
        failureReason: string | null;
      };
    };
  };
  "/chat/v1/template/otp/{messageId}/status": {
    get: {
      path: { messageId: string | number; };
      response: {
        id: string;
        messageId: string;
        sessionId: string;
        status: string;
        failureReason: string | null;
        createdAt: string;
        updatedAt: string;
      };
    };
  };
  "/chat/v2/sequence/{id}/contact": {
    get: {
      path: { id: string | number; };
      query: {
        PageNumber?: number;
        PageSize?: number;
        OrderBy?: string;
        OrderDirection?: "ASCENDING" | "DESCENDING";
        "CreatedAt.Before"?: string;
        "CreatedAt.After"?: string;
        "UpdatedAt.Before"?: string;
        "UpdatedAt.After"?: string;
        IncludeDetails?: Array<"ContactDetails">;
        Name?: string;
        ContactId?: string;
        PhoneNumber?: string;
      };
      response: {
        pageNumber: number;
        pageSize: number;
        orderBy: string | null;
        orderDirection: string | null;
        items: Array<{
          id: string;
          active: boolean;
          createdAt: string;
          updatedAt: string;
          companyId: string;
          sequenceId: string;
          contactId: string;
          contactName: string | null;
          origin: string;
          addedByUserId: string | null;
          addedByChatbotId: string | null;
          lastAddedAt: string;
          status: string;
          nextStep: number;
          nextStepAt: string | null;
          stopReason: string | null;
          contactDetails?: {
            id: string;
            name: string | null;
            phonenumber: string | null;
            phonenumberFormatted: string | null;
            instagram: string | null;
            email: string | null;
            pictureUrl: string | null;
          };
        }>;
        totalItems: number;
        totalPages: number;
        hasMorePages: boolean;
      };
    };
  };
  "/chat/v2/session": {
    get: {
      query: {
        Status?: Array<"UNDEFINED" | "STARTED" | "PENDING" | "IN_PROGRESS" | "COMPLETED" | "HIDDEN">;
        TagsId?: Array<string>;
        TagsName?: Array<string>;
        UserId?: string;
        DepartmentId?: string;
        ContactId?: string;
        ChannelsId?: Array<string>;
        "ActiveAt.After"?: string;
        "ActiveAt.Before"?: string;
        "EndAt.After"?: string;
        "EndAt.Before"?: string;
        "LastInteractionAt.After"?: string;
        "LastInteractionAt.Before"?: string;
        "CreatedAt.After"?: string;
        "CreatedAt.Before"?: string;
        "UpdatedAt.After"?: string;
        "UpdatedAt.Before"?: string;
        IncludeDetails?: Array<"Undefined" | "AgentDetails" | "DepartmentsDetails" | "ContactDetails" | "ChannelTypeDetails" | "ClassificationDetails" | "ChannelDetails">;
        PageNumber?: number;
        PageSize?: number;
        OrderBy?: string;
        OrderDirection?: "ASCENDING" | "DESCENDING";
      };
      response: {
        pageNumber: number;
        pageSize: number;
        orderBy: string | null;
        orderDirection: string | null;
        items: Array<{
          id: string;
          createdAt: string;
          updatedAt: string;
          startAt: string;
          activeAt: string | null;
          endAt: string | null;
          status: string;
          companyId: string;
          contactId: string;
          channelId: string;
          departmentId: string | null;
          userId: string | null;
          previewUrl: string | null;
          title: string | null;
          number: string;
          utm: Record<string, unknown> | null;
          origin: string | null;
          contactDetails: {
            id: string;
            name: string | null;
            pictureUrl: string | null;
            phonenumber: string | null;
            instagram: string | null;
            phonenumberFormatted: string | null;
            tagsId: Array<string>;
            tagsName: Array<string>;
            status: string;
          } | null;
          agentDetails: {
            id: string;
            userId: string;
            name: string;
            shortName: string | null;
            phoneNumber: string | null;
            email: string | null;
            pictureFileId: string | null;
            pictureUrl: string | null;
          } | null;
          channelDetails: {
            humanId: string;
            platform: string;
            provider: string | null;
            providerVariable: string | null;
            pictureUrl: string | null;
            displayName: string;
          } | null;
          departmentDetails: {
            id: string;
            companyId: string;
            name: string;
            description: string | null;
            isDefault: boolean;
            isSupervisor: boolean;
          } | null;
          classification: {
            id: string | null;
            category: string;
            categoryDescription: string | null;
            amount: number | null;
            categoryName: string | null;
          } | null;
          statusDescription: string | null;
          timeService: string | null;
          timeWait: string | null;
          firstResponseAt: string | null;
          botId: string | null;
          unreadCount: number;
          lastMessageText: string | null;
          lastInteractionDate: string | null;
          lastMessageOut: string | null;
          lastMessageIn: string | null;
          windowStatus: string;
          metadata: Record<string, unknown>;
          channelType: string | null;
          type: string;
        }>;
        totalItems: number;
        totalPages: number;
        hasMorePages: boolean;
      };
    };
  };
  "/chat/v2/session/{id}": {
    get: {
      path: { id: string | number; };
      query: {
        IncludeDetails?: Array<"Undefined" | "AgentDetails" | "DepartmentsDetails" | "ContactDetails" | "ChannelTypeDetails" | "ClassificationDetails" | "ChannelDetails">;
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        startAt: string;
        activeAt: string | null;
        endAt: string | null;
        status: string;
        companyId: string;
        contactId: string;
        channelId: string;
        departmentId: string | null;
        userId: string | null;
        previewUrl: string | null;
        title: string | null;
        number: string;
        utm: Record<string, unknown> | null;
        origin: string | null;
        contactDetails: {
          id: string;
          name: string | null;
          pictureUrl: string | null;
          phonenumber: string | null;
          instagram: string | null;
          phonenumberFormatted: string | null;
          tagsId: Array<string>;
          tagsName: Array<string>;
          status: string;
        } | null;
        agentDetails: {
          id: string;
          userId: string;
          name: string;
          shortName: string | null;
          phoneNumber: string | null;
          email: string | null;
          pictureFileId: string | null;
          pictureUrl: string | null;
        } | null;
        channelDetails: {
          humanId: string;
          platform: string;
          provider: string | null;
          providerVariable: string | null;
          pictureUrl: string | null;
          displayName: string;
        } | null;
        departmentDetails: {
          id: string;
          companyId: string;
          name: string;
          description: string | null;
          isDefault: boolean;
          isSupervisor: boolean;
        } | null;
        classification: {
          id: string | null;
          category: string;
          categoryDescription: string | null;
          amount: number | null;
          categoryName: string | null;
        } | null;
        statusDescription: string | null;
        timeService: string | null;
        timeWait: string | null;
        firstResponseAt: string | null;
        botId: string | null;
        unreadCount: number;
        lastMessageText: string | null;
        lastInteractionDate: string | null;
        lastMessageOut: string | null;
        lastMessageIn: string | null;
        windowStatus: string;
        metadata: Record<string, unknown>;
        channelType: string | null;
        type: string;
      };
    };
  };
  "/chat/v2/session/{id}/partial": {
    put: {
      path: { id: string | number; };
      body: {
        fields: Array<"Status" | "EndAt" | "UserId" | "DepartmentId" | "ReactivateDisabled" | "Autocomplete" | "Number" | "Metadata" | "Classification">;
        status?: "UNDEFINED" | "STARTED" | "PENDING" | "IN_PROGRESS" | "COMPLETED" | "HIDDEN";
        userId?: string;
        departmentId?: string;
        metadata?: Record<string, unknown>;
        endAt?: string | null;
        number?: string | null;
        classification?: {
          category?: "UNDEFINED" | "WON" | "LOST" | "INFO" | "OTHER";
          description?: string | null;
          amount?: number | null;
        } | null;
        companyId?: string;
        options?: Record<string, unknown>;
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        startAt: string;
        activeAt: string | null;
        endAt: string | null;
        status: string;
        companyId: string;
        contactId: string;
        channelId: string;
        departmentId: string | null;
        userId: string | null;
        previewUrl: string | null;
        title: string | null;
        number: string;
        utm: Record<string, unknown> | null;
        origin: string | null;
        contactDetails: {
          id: string;
          name: string | null;
          pictureUrl: string | null;
          phonenumber: string | null;
          instagram: string | null;
          phonenumberFormatted: string | null;
          tagsId: Array<string>;
          tagsName: Array<string>;
          status: string;
        } | null;
        agentDetails: {
          id: string;
          userId: string;
          name: string;
          shortName: string | null;
          phoneNumber: string | null;
          email: string | null;
          pictureFileId: string | null;
          pictureUrl: string | null;
        } | null;
        channelDetails: {
          humanId: string;
          platform: string;
          provider: string | null;
          providerVariable: string | null;
          pictureUrl: string | null;
          displayName: string;
        } | null;
        departmentDetails: {
          id: string;
          companyId: string;
          name: string;
          description: string | null;
          isDefault: boolean;
          isSupervisor: boolean;
        } | null;
        classification: {
          id: string | null;
          category: string;
          categoryDescription: string | null;
          amount: number | null;
          categoryName: string | null;
        } | null;
        statusDescription: string | null;
        timeService: string | null;
        timeWait: string | null;
        firstResponseAt: string | null;
        botId: string | null;
        unreadCount: number;
        lastMessageText: string | null;
        lastInteractionDate: string | null;
        lastMessageOut: string | null;
        lastMessageIn: string | null;
        windowStatus: string;
        metadata: Record<string, unknown>;
        channelType: string | null;
        type: string;
      };
    };
  };
  "/core/v1/agent": {
    get: {
      response: Array<{
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        userId: string;
        name: string;
        shortName: string | null;
        email: string | null;
        phoneNumber: string | null;
        phoneNumberFormatted: string | null;
        profile: string;
        isOwner: boolean;
        departments: Array<{
          agentId: string;
          userId: string;
          departmentId: string;
          isAgent: boolean;
          isSupervisor: boolean;
        }>;
        availability: string;
      }>;
    };
    post: {
      body: {
        name: string;
        email?: string | null;
        phoneNumber?: string | null;
        profile: "Admin" | "Agent" | "RestrictedAgent";
        availability?: "AVAILABLE" | "UNAVAILABLE";
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        userId: string;
        name: string;
        shortName: string | null;
        email: string | null;
        phoneNumber: string | null;
        phoneNumberFormatted: string | null;
        profile: string;
        isOwner: boolean;
        departments: Array<{
          agentId: string;
          userId: string;
          departmentId: string;
          isAgent: boolean;
          isSupervisor: boolean;
        }>;
        availability: string;
      };
    };
  };
  "/core/v1/agent/{id}": {
    get: {
      path: { id: string | number; };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        userId: string;
        name: string;
        shortName: string | null;
        email: string | null;
        phoneNumber: string | null;
        phoneNumberFormatted: string | null;
        profile: string;
        isOwner: boolean;
        departments: Array<{
          agentId: string;
          userId: string;
          departmentId: string;
          isAgent: boolean;
          isSupervisor: boolean;
        }>;
        availability: string;
      };
    };
    put: {
      path: { id: string | number; };
      body: {
        fields: Array<"Undefined" | "Name" | "ShortName" | "PhoneNumber" | "Email" | "Profile" | "Availability">;
        name?: string;
        shortName?: string | null;
        email?: string | null;
        phoneNumber?: string | null;
        profile?: "Admin" | "Agent" | "RestrictedAgent";
        availability?: "AVAILABLE" | "UNAVAILABLE";
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        userId: string;
        name: string;
        shortName: string | null;
        email: string | null;
        phoneNumber: string | null;
        phoneNumberFormatted: string | null;
        profile: string;
        isOwner: boolean;
        departments: Array<{
          agentId: string;
          userId: string;
          departmentId: string;
          isAgent: boolean;
          isSupervisor: boolean;
        }>;
        availability: string;
      };
    };
    delete: {
      path: { id: string | number; };
      body: {
        sessionResolution?: ("COMPLETE" | "TRANSFER" | "RETURN_TO_PENDING") | (null | null);
        transferUserId?: string | null;
      };
      response: unknown;
    };
  };
  "/core/v1/agent/{id}/departments": {
    post: {
      path: { id: string | number; };
      body: {
        action: "ReplaceAll" | "Upsert" | "Remove";
        items: Array<{
          departmentId: string;
          isAgent?: boolean;
          isSupervisor?: boolean;
        }>;
      };
      response: unknown;
    };
  };
  "/core/v1/agent/{id}/logout": {
    post: {
      path: { id: string | number; };
      response: unknown;
    };
  };
  "/core/v1/agent/{id}/status": {
    post: {
      path: { id: string | number; };
      body: {
        status: "Active" | "Blocked" | "Undefined" | "AVAILABLE" | "UNAVAILABLE" | "ONLINE" | "BUSY" | "AWAY" | "OFFLINE";
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        userId: string;
        name: string;
        shortName: string | null;
        email: string | null;
        phoneNumber: string | null;
        phoneNumberFormatted: string | null;
        profile: string;
        isOwner: boolean;
        departments: Array<{
          agentId: string;
          userId: string;
          departmentId: string;
          isAgent: boolean;
          isSupervisor: boolean;
        }>;
        availability: string;
      };
    };
  };
  "/core/v1/company/officehours": {
    get: {
      response: {
        limitHours: boolean;
        offlineResponse: string | null;
        timezoneDiff: number;
        timezone: string;
        days: Array<{
          id: string;
          dayWeek: string;
          active: boolean;
          periods: Array<{
            startTime: string;
            endTime: string;
          }>;
        }>;
      };
    };
  };
  "/core/v1/contact": {
    get: {
      query: {
        IncludeDetails?: Array<"Tags" | "CustomFields" | "Portfolios">;
        Status?: "ACTIVE" | "ARCHIVED" | "BLOCKED";
        "CreatedAt.After"?: string;
        "CreatedAt.Before"?: string;
        "UpdatedAt.After"?: string;
        "UpdatedAt.Before"?: string;
        PageNumber?: number;
        PageSize?: number;
        OrderBy?: string;
        OrderDirection?: "ASCENDING" | "DESCENDING";
      };
      response: {
        pageNumber: number;
        pageSize: number;
        orderBy: string | null;
        orderDirection: string | null;
        items: Array<{
          id: string;
          createdAt: string | null;
          updatedAt: string | null;
          companyId: string;
          name: string | null;
          phoneNumber: string | null;
          phoneNumberFormatted: string | null;
          email: string | null;
          instagram: string | null;
          annotation: string | null;
          tagIds: Array<string> | null;
          tagNames: Array<string> | null;
          status: string;
          origin: string;
          customFields: Record<string, unknown> | null;
          portfolioIds: Array<string> | null;
          portfolioNames: Array<string> | null;
          metadata: Record<string, unknown>;
        }>;
        totalItems: number;
        totalPages: number;
        hasMorePages: boolean;
      };
    };
    post: {
      body: {
        name?: string;
        phoneNumber?: string;
        email?: string;
        instagram?: string;
        annotation?: string;
        tagIds?: Array<string>;
        tagNames?: Array<string>;
        customFields?: Record<string, unknown>;
        metadata?: Record<string, unknown>;
        portfolioIds?: Array<string>;
        portfolioNames?: Array<string>;
        sequenceIds?: Array<string>;
        options?: {
          upsert?: boolean;
          upsertFields?: Array<"Name" | "PhoneNumber" | "Email" | "Instagram" | "Annotation" | "Tags" | "Status" | "CustomFields" | "PictureUrl" | "Portfolio" | "SequenceIds" | "Utm" | "Metadata">;
          upsertTagOperation?: string;
          getIfExists?: boolean;
        };
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        name: string | null;
        phoneNumber: string | null;
        phoneNumberFormatted: string | null;
        email: string | null;
        instagram: string | null;
        annotation: string | null;
        tagIds: Array<string> | null;
        tagNames: Array<string> | null;
        status: string;
        origin: string;
        customFields: Record<string, unknown> | null;
        portfolioIds: Array<string> | null;
        portfolioNames: Array<string> | null;
        metadata: Record<string, unknown>;
      };
    };
  };
  "/core/v1/contact/custom-field": {
    get: {
      query: {
        EntityType?: "CONTACT" | "PANEL";
        NestedList?: boolean;
      };
      response: Array<{
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        parentId: string | null;
        type: string;
        entityType: string;
        scopeId: string | null;
        companyId: string;
        name: string;
        key: string;
        position: number;
        required: boolean;
        visible: boolean;
        isValueRange: boolean;
        options: Array<{
          id: string | null;
          name: string;
        }>;
        children: Array<unknown>;
      }>;
    };
  };
  "/core/v1/contact/filter": {
    post: {
      body: {
        pageNumber?: number;
        pageSize?: number;
        orderBy?: string;
        orderDirection?: "ASCENDING" | "DESCENDING";
        createdAt?: {
          after?: string;
          before?: string;
        };
        updatedAt?: {
          after?: string;
          before?: string;
        };
        includeDetails?: Array<"Tags" | "CustomFields" | "Portfolios">;
        status?: "ACTIVE" | "ARCHIVED" | "BLOCKED";
        textFilter?: string;
        name?: string;
        phoneNumber?: string;
        email?: string;
        instagram?: string;
        tagIds?: Array<string>;
        tagNames?: Array<string>;
        origin?: "CREATED_BY_USER" | "CREATED_FROM_HUB" | "IMPORTED";
        customFields?: Record<string, unknown>;
        metadata?: Record<string, unknown>;
      };
      response: {
        pageNumber: number;
        pageSize: number;
        orderBy: string | null;
        orderDirection: string | null;
        items: Array<{
          id: string;
          createdAt: string | null;
          updatedAt: string | null;
          companyId: string;
          name: string | null;
          phoneNumber: string | null;
          phoneNumberFormatted: string | null;
          email: string | null;
          instagram: string | null;
          annotation: string | null;
          tagIds: Array<string> | null;
          tagNames: Array<string> | null;
          status: string;
          origin: string;
          customFields: Record<string, unknown> | null;
          portfolioIds: Array<string> | null;
          portfolioNames: Array<string> | null;
          metadata: Record<string, unknown>;
        }>;
        totalItems: number;
        totalPages: number;
        hasMorePages: boolean;
      };
    };
  };
  "/core/v1/contact/phonenumber/{phone}": {
    get: {
      path: { phone: string | number; };
      query: {
        IncludeDetails?: Array<"Tags" | "CustomFields" | "Portfolios">;
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        name: string | null;
        phoneNumber: string | null;
        phoneNumberFormatted: string | null;
        email: string | null;
        instagram: string | null;
        annotation: string | null;
        tagIds: Array<string> | null;
        tagNames: Array<string> | null;
        status: string;
        origin: string;
        customFields: Record<string, unknown> | null;
        portfolioIds: Array<string> | null;
        portfolioNames: Array<string> | null;
        metadata: Record<string, unknown>;
      };
    };
    put: {
      path: { phone: string | number; };
      body: {
        fields?: Array<"Name" | "PhoneNumber" | "Email" | "Instagram" | "Annotation" | "Tags" | "Status" | "CustomFields" | "PictureUrl" | "Portfolio" | "SequenceIds" | "Utm" | "Metadata">;
        name?: string;
        phoneNumber?: string;
        email?: string;
        instagram?: string;
        annotation?: string;
        tagIds?: Array<string>;
        tagNames?: Array<string>;
        customFields?: Record<string, unknown>;
        metadata?: Record<string, unknown>;
        portfolioIds?: Array<string>;
        portfolioNames?: Array<string>;
        status?: "ACTIVE" | "ARCHIVED" | "BLOCKED";
        pictureUrl?: string;
        options?: {
          tagsOperation?: "InsertIfNotExists" | "DeleteIfExists" | "ReplaceAll";
        };
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        name: string | null;
        phoneNumber: string | null;
        phoneNumberFormatted: string | null;
        email: string | null;
        instagram: string | null;
        annotation: string | null;
        tagIds: Array<string> | null;
        tagNames: Array<string> | null;
        status: string;
        origin: string;
        customFields: Record<string, unknown> | null;
        portfolioIds: Array<string> | null;
        portfolioNames: Array<string> | null;
        metadata: Record<string, unknown>;
      };
    };
  };
  "/core/v1/contact/phonenumber/{phone}/tags": {
    post: {
      path: { phone: string | number; };
      body: {
        tagIds?: Array<string>;
        tagNames?: Array<string>;
        operation?: "InsertIfNotExists" | "DeleteIfExists" | "ReplaceAll";
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        name: string | null;
        phoneNumber: string | null;
        phoneNumberFormatted: string | null;
        email: string | null;
        instagram: string | null;
        annotation: string | null;
        tagIds: Array<string> | null;
        tagNames: Array<string> | null;
        status: string;
        origin: string;
        customFields: Record<string, unknown> | null;
        portfolioIds: Array<string> | null;
        portfolioNames: Array<string> | null;
        metadata: Record<string, unknown>;
      };
    };
  };
  "/core/v1/contact/{id}": {
    get: {
      path: { id: string | number; };
      query: {
        IncludeDetails?: Array<"Tags" | "CustomFields" | "Portfolios">;
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        name: string | null;
        phoneNumber: string | null;
        phoneNumberFormatted: string | null;
        email: string | null;
        instagram: string | null;
        annotation: string | null;
        tagIds: Array<string> | null;
        tagNames: Array<string> | null;
        status: string;
        origin: string;
        customFields: Record<string, unknown> | null;
        portfolioIds: Array<string> | null;
        portfolioNames: Array<string> | null;
        metadata: Record<string, unknown>;
      };
    };
    put: {
      path: { id: string | number; };
      body: {
        fields?: Array<"Name" | "PhoneNumber" | "Email" | "Instagram" | "Annotation" | "Tags" | "Status" | "CustomFields" | "PictureUrl" | "Portfolio" | "SequenceIds" | "Utm" | "Metadata">;
        name?: string;
        phoneNumber?: string;
        email?: string;
        instagram?: string;
        annotation?: string;
        tagIds?: Array<string>;
        tagNames?: Array<string>;
        customFields?: Record<string, unknown>;
        metadata?: Record<string, unknown>;
        portfolioIds?: Array<string>;
        portfolioNames?: Array<string>;
        status?: "ACTIVE" | "ARCHIVED" | "BLOCKED";
        pictureUrl?: string;
        options?: {
          tagsOperation?: "InsertIfNotExists" | "DeleteIfExists" | "ReplaceAll";
        };
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        name: string | null;
        phoneNumber: string | null;
        phoneNumberFormatted: string | null;
        email: string | null;
        instagram: string | null;
        annotation: string | null;
        tagIds: Array<string> | null;
        tagNames: Array<string> | null;
        status: string;
        origin: string;
        customFields: Record<string, unknown> | null;
        portfolioIds: Array<string> | null;
        portfolioNames: Array<string> | null;
        metadata: Record<string, unknown>;
      };
    };
  };
  "/core/v1/contact/{id}/tags": {
    post: {
      path: { id: string | number; };
      body: {
        tagIds?: Array<string>;
        tagNames?: Array<string>;
        operation?: "InsertIfNotExists" | "DeleteIfExists" | "ReplaceAll";
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        name: string | null;
        phoneNumber: string | null;
        phoneNumberFormatted: string | null;
        email: string | null;
        instagram: string | null;
        annotation: string | null;
        tagIds: Array<string> | null;
        tagNames: Array<string> | null;
        status: string;
        origin: string;
        customFields: Record<string, unknown> | null;
        portfolioIds: Array<string> | null;
        portfolioNames: Array<string> | null;
        metadata: Record<string, unknown>;
      };
    };
  };
  "/core/v1/custom-field": {
    get: {
      query: {
        EntityType?: "CONTACT" | "PANEL";
        NestedList?: boolean;
      };
      response: Array<{
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        parentId: string | null;
        type: string;
        entityType: string;
        scopeId: string | null;
        companyId: string;
        name: string;
        key: string;
        position: number;
        required: boolean;
        visible: boolean;
        isValueRange: boolean;
        options: Array<{
          id: string | null;
          name: string;
        }>;
        children: Array<unknown>;
      }>;
    };
  };
  "/core/v1/department": {
    get: {
      response: Array<{
        id: string;
        companyId: string;
        createdAt: string | null;
        updatedAt: string | null;
        name: string;
        description: string | null;
        isDefault: boolean;
        distribuitionEnabled: boolean;
        restrictionType: string;
        agents: Array<{
          userId: string;
          departmentId: string;
          isAgent: boolean;
          isSupervisor: boolean;
        }>;
        channels: Array<{
          id: string;
          number: string | null;
          name: string;
          type: string;
        }>;
        isPrivate: boolean;
      }>;
    };
    post: {
      body: {
        name: string;
        description?: string | null;
        isDefault?: boolean;
        distributionIsEnabled?: boolean;
        distributionConfig?: {
          expirationIsEnabled?: boolean;
          maximumDurationInMinutes?: number;
          inactivityTimeInMinutes?: number;
        };
        restrictionType?: "NONE" | "DEPARTMENT_RESTRICTION" | "USER_RESTRICTION";
        channelsConfig?: {
          scope?: "ALL" | "NONE" | "SELECTED";
          channels?: Array<string>;
        };
        agents?: Array<{
          userId: string;
          isAgent?: boolean;
          isSupervisor?: boolean;
        }>;
      };
      response: {
        id: string;
        companyId: string;
        createdAt: string | null;
        updatedAt: string | null;
        name: string;
        description: string | null;
        isDefault: boolean;
        distribuitionEnabled: boolean;
        restrictionType: string;
        agents: Array<{
          userId: string;
          departmentId: string;
          isAgent: boolean;
          isSupervisor: boolean;
        }>;
        channels: Array<{
          id: string;
          number: string | null;
          name: string;
          type: string;
        }>;
        isPrivate: boolean;
      };
    };
  };
  "/core/v1/department/{id}": {
    get: {
      path: { id: string | number; };
      response: {
        id: string;
        companyId: string;
        createdAt: string | null;
        updatedAt: string | null;
        name: string;
        description: string | null;
        isDefault: boolean;
        distribuitionEnabled: boolean;
        restrictionType: string;
        agents: Array<{
          userId: string;
          departmentId: string;
          isAgent: boolean;
          isSupervisor: boolean;
        }>;
        channels: Array<{
          id: string;
          number: string | null;
          name: string;
          type: string;
        }>;
        isPrivate: boolean;
      };
    };
    put: {
      path: { id: string | number; };
      body: {
        fields: Array<"Name" | "Description" | "IsDefault" | "DistributionIsEnabled" | "ChannelsConfig" | "RestrictionType" | "DistributionConfig">;
        name?: string;
        description?: string | null;
        isDefault?: boolean;
        distributionIsEnabled?: boolean;
        distributionConfig?: {
          expirationIsEnabled?: boolean;
          maximumDurationInMinutes?: number;
          inactivityTimeInMinutes?: number;
        };
        restrictionType?: "NONE" | "DEPARTMENT_RESTRICTION" | "USER_RESTRICTION";
        channelsConfig?: {
          scope?: "ALL" | "NONE" | "SELECTED";
          channels?: Array<string>;
        };
      };
      response: {
        id: string;
        companyId: string;
        createdAt: string | null;
        updatedAt: string | null;
        name: string;
        description: string | null;
        isDefault: boolean;
        distribuitionEnabled: boolean;
        restrictionType: string;
        agents: Array<{
          userId: string;
          departmentId: string;
          isAgent: boolean;
          isSupervisor: boolean;
        }>;
        channels: Array<{
          id: string;
          number: string | null;
          name: string;
          type: string;
        }>;
        isPrivate: boolean;
      };
    };
    delete: {
      path: { id: string | number; };
      response: unknown;
    };
  };
  "/core/v1/department/{id}/agents": {
    put: {
      path: { id: string | number; };
      body: {
        action: "ReplaceAll" | "Upsert" | "Remove";
        items: Array<{
          userId: string;
          isAgent?: boolean;
          isSupervisor?: boolean;
        }>;
      };
      response: {
        action: "ReplaceAll" | "Upsert" | "Remove";
        items: Array<{
          userId: string;
          isAgent?: boolean;
          isSupervisor?: boolean;
        }>;
      };
    };
  };
  "/core/v1/department/{id}/channel": {
    get: {
      path: { id: string | number; };
      response: {
        scope: string;
        channels: Array<string>;
      };
    };
  };
  "/core/v1/file": {
    put: {
      body: {
        keyS3: string;
        name?: string | null;
        mimeType?: string | null;
        generateThumb?: boolean | null;
      };
      response: {
        id: string;
        companyId: string;
        userId: string | null;
        name: string;
        extension: string | null;
        mimeType: string | null;
        type: string;
        key: string | null;
        size: number | null;
      };
    };
  };
  "/core/v1/file/upload": {
    post: {
      body: {
        name: string;
        mimeType?: string | null;
        type?: "UNDEFINED" | "PDF" | "EXCEL" | "WORD" | "IMAGE" | "AUDIO" | "VIDEO" | "DOCUMENT";
      };
      response: {
        tempFileId: string;
        keyS3: string;
        urlUpload: string;
        expiresAt: string;
      };
    };
  };
  "/core/v1/portfolio": {
    get: {
      query: {
        PageNumber?: number;
        PageSize?: number;
        OrderBy?: string;
        OrderDirection?: "ASCENDING" | "DESCENDING";
        IncludeDetails?: Array<"Departments" | "ContactCount">;
        "CreatedAt.After"?: string;
        "CreatedAt.Before"?: string;
        "UpdatedAt.After"?: string;
        "UpdatedAt.Before"?: string;
      };
      response: {
        pageNumber: number;
        pageSize: number;
        orderBy: string | null;
        orderDirection: string | null;
        items: Array<{
          id: string;
          createdAt: string | null;
          updatedAt: string | null;
          active: boolean;
          companyId: string;
          name: string;
          automaticAttribution: boolean;
          expirationDurationInMonths: number | null;
          contactsCount: number | null;
          type: string;
          departments: Array<{
            departmentId: string;
            userIds: Array<string>;
          }> | null;
          userId: string | null;
          departmentId: string | null;
        }>;
        totalItems: number;
        totalPages: number;
        hasMorePages: boolean;
      };
    };
    post: {
      body: {
        name: string;
        userId?: string | null;
        departmentId?: string | null;
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        active: boolean;
        companyId: string;
        name: string;
        automaticAttribution: boolean;
        expirationDurationInMonths: number | null;
        contactsCount: number | null;
        type: string;
        departments: Array<{
          departmentId: string;
          userIds: Array<string>;
        }> | null;
        userId: string | null;
        departmentId: string | null;
      };
    };
  };
  "/core/v1/portfolio/{id}": {
    get: {
      path: { id: string | number; };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        active: boolean;
        companyId: string;
        name: string;
        automaticAttribution: boolean;
        expirationDurationInMonths: number | null;
        contactsCount: number | null;
        type: string;
        departments: Array<{
          departmentId: string;
          userIds: Array<string>;
        }> | null;
        userId: string | null;
        departmentId: string | null;
      };
    };
    put: {
      path: { id: string | number; };
      body: {
        name?: string;
        userId?: string | null;
        departmentId?: string | null;
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        active: boolean;
        companyId: string;
        name: string;
        automaticAttribution: boolean;
        expirationDurationInMonths: number | null;
        contactsCount: number | null;
        type: string;
        departments: Array<{
          departmentId: string;
          userIds: Array<string>;
        }> | null;
        userId: string | null;
        departmentId: string | null;
      };
    };
    delete: {
      path: { id: string | number; };
      response: unknown;
    };
  };
  "/core/v1/portfolio/{id}/contact": {
    get: {
      path: { id: string | number; };
      query: {
        PageNumber?: number;
        PageSize?: number;
        OrderBy?: string;
        OrderDirection?: "ASCENDING" | "DESCENDING";
        Page?: number;
        ContactIds?: Array<string>;
      };
      response: {
        pageNumber: number;
        pageSize: number;
        orderBy: string | null;
        orderDirection: string | null;
        items: Array<{
          id: string;
          createdAt: string | null;
          updatedAt: string | null;
          active: boolean;
          companyId: string;
          portfolioId: string;
          contactId: string;
          contactDetails: {
            id: string;
            name: string | null;
            phonenumber: string | null;
            phonenumberFormatted: string | null;
            instagram: string | null;
            nameMessenger: string | null;
            email: string | null;
            annotation: string | null;
          };
        }>;
        totalItems: number;
        totalPages: number;
        hasMorePages: boolean;
      };
    };
    post: {
      path: { id: string | number; };
      body: {
        contactId?: string | null;
        phoneNumber?: string | null;
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        active: boolean;
        companyId: string;
        portfolioId: string;
        contactId: string;
        contactDetails: {
          id: string;
          name: string | null;
          phonenumber: string | null;
          phonenumberFormatted: string | null;
          instagram: string | null;
          nameMessenger: string | null;
          email: string | null;
          annotation: string | null;
        };
      };
    };
    delete: {
      path: { id: string | number; };
      body: {
        contactId?: string | null;
        phoneNumber?: string | null;
      };
      response: unknown;
    };
  };
  "/core/v1/portfolio/{id}/contact/batch": {
    post: {
      path: { id: string | number; };
      body: {
        contactIds?: Array<string>;
        phoneNumbers?: Array<string>;
      };
      response: {
        pageNumber: number;
        pageSize: number;
        orderBy: string | null;
        orderDirection: string | null;
        items: Array<{
          id: string;
          createdAt: string | null;
          updatedAt: string | null;
          active: boolean;
          companyId: string;
          portfolioId: string;
          contactId: string;
          contactDetails: {
            id: string;
            name: string | null;
            phonenumber: string | null;
            phonenumberFormatted: string | null;
            instagram: string | null;
            nameMessenger: string | null;
            email: string | null;
            annotation: string | null;
          };
        }>;
        totalItems: number;
        totalPages: number;
        hasMorePages: boolean;
      };
    };
    delete: {
      path: { id: string | number; };
      body: {
        contactIds?: Array<string>;
        phoneNumbers?: Array<string>;
      };
      response: unknown;
    };
  };
  "/core/v1/tag": {
    get: {
      response: Array<{
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        name: string;
        color: string | null;
        bgColor: string | null;
      }>;
    };
    post: {
      body: {
        name: string;
        color?: string;
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        name: string;
        color: string | null;
        bgColor: string | null;
      };
    };
  };
  "/core/v1/tag/color": {
    get: {
      response: Array<{
        color: string;
        bgColor: string;
        textColor: string;
      }>;
    };
  };
  "/core/v1/tag/{id}": {
    put: {
      path: { id: string | number; };
      body: {
        name: string;
        color?: string;
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        name: string;
        color: string | null;
        bgColor: string | null;
      };
    };
    delete: {
      path: { id: string | number; };
      query: {
        removeFromContacts?: boolean;
      };
      body: {
        removeFromContacts?: boolean;
      };
      response: unknown;
    };
  };
  "/core/v1/webhook/event": {
    get: {
      response: Array<{
        event: string;
        description: string;
      }>;
    };
  };
  "/core/v1/webhook/subscription": {
    get: {
      response: Array<{
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        name: string | null;
        url: string;
        enabled: boolean;
        events: Array<{
          event: string;
          description: string;
        }>;
        secret: string;
        pausedReason: string | null;
      }>;
    };
    post: {
      body: {
        name: string;
        url: string;
        enabled?: boolean;
        events: Array<string>;
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        name: string | null;
        url: string;
        enabled: boolean;
        events: Array<{
          event: string;
          description: string;
        }>;
        secret: string;
        pausedReason: string | null;
      };
    };
  };
  "/core/v1/webhook/subscription/{subscriptionId}": {
    get: {
      path: { subscriptionId: string | number; };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        name: string | null;
        url: string;
        enabled: boolean;
        events: Array<{
          event: string;
          description: string;
        }>;
        secret: string;
        pausedReason: string | null;
      };
    };
    put: {
      path: { subscriptionId: string | number; };
      body: {
        fields: Array<"Name" | "Url" | "Events" | "Enabled">;
        name?: string;
        url?: string;
        enabled?: boolean;
        events?: Array<string>;
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        name: string | null;
        url: string;
        enabled: boolean;
        events: Array<{
          event: string;
          description: string;
        }>;
        secret: string;
        pausedReason: string | null;
      };
    };
    delete: {
      path: { subscriptionId: string | number; };
      response: unknown;
    };
  };
  "/core/v2/contact/batch": {
    post: {
      body: {
        items: Array<{
          name?: string;
          phoneNumber?: string;
          email?: string;
          instagram?: string;
          annotation?: string;
          tagIds?: Array<string>;
          tagNames?: Array<string>;
          customFields?: Record<string, unknown>;
          metadata?: Record<string, unknown>;
          portfolioIds?: Array<string>;
          portfolioNames?: Array<string>;
          sequenceIds?: Array<string>;
        }>;
        options?: {
          upsert?: boolean;
          upsertFields?: Array<"Name" | "PhoneNumber" | "Email" | "Instagram" | "Annotation" | "Tags" | "Status" | "CustomFields" | "PictureUrl" | "Portfolio" | "SequenceIds" | "Utm" | "Metadata">;
          upsertTagOperation?: string;
          getIfExists?: boolean;
        };
      };
      response: Array<{
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        name: string | null;
        phoneNumber: string | null;
        phoneNumberFormatted: string | null;
        email: string | null;
        instagram: string | null;
        annotation: string | null;
        tagIds: Array<string> | null;
        tagNames: Array<string> | null;
        status: string;
        origin: string;
        customFields: Record<string, unknown> | null;
        portfolioIds: Array<string> | null;
        portfolioNames: Array<string> | null;
        metadata: Record<string, unknown>;
      }>;
    };
  };
  "/core/v2/contact/{id}": {
    put: {
      path: { id: string | number; };
      body: {
        fields?: Array<"Name" | "PhoneNumber" | "Email" | "Instagram" | "Annotation" | "Tags" | "Status" | "CustomFields" | "PictureUrl" | "Portfolio" | "SequenceIds" | "Utm" | "Metadata">;
        name?: string;
        phoneNumber?: string;
        email?: string;
        instagram?: string;
        annotation?: string;
        tagIds?: Array<string>;
        tagNames?: Array<string>;
        customFields?: Record<string, unknown>;
        metadata?: Record<string, unknown>;
        portfolioIds?: Array<string>;
        portfolioNames?: Array<string>;
        status?: "ACTIVE" | "ARCHIVED" | "BLOCKED";
        pictureUrl?: string;
        options?: {
          tagsOperation?: "InsertIfNotExists" | "DeleteIfExists" | "ReplaceAll";
        };
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        name: string | null;
        phoneNumber: string | null;
        phoneNumberFormatted: string | null;
        email: string | null;
        instagram: string | null;
        annotation: string | null;
        tagIds: Array<string> | null;
        tagNames: Array<string> | null;
        status: string;
        origin: string;
        customFields: Record<string, unknown> | null;
        portfolioIds: Array<string> | null;
        portfolioNames: Array<string> | null;
        metadata: Record<string, unknown>;
      };
    };
  };
  "/core/v2/department": {
    get: {
      response: Array<{
        id: string;
        companyId: string;
        createdAt: string | null;
        updatedAt: string | null;
        name: string;
        description: string | null;
        isDefault: boolean;
        distribuitionEnabled: boolean;
        restrictionType: string;
        agents: Array<{
          userId: string;
          departmentId: string;
          isAgent: boolean;
          isSupervisor: boolean;
        }>;
        channels: Array<{
          id: string;
          number: string | null;
          name: string;
          type: string;
        }>;
        isPrivate: boolean;
      }>;
    };
  };
  "/core/v2/file": {
    get: {
      query: {
        Type?: "UNDEFINED" | "PDF" | "EXCEL" | "WORD" | "IMAGE" | "AUDIO" | "VIDEO" | "DOCUMENT";
        Name: string;
        MimeType?: string;
      };
      response: {
        tempFileId: string;
        urlUpload: string;
      };
    };
    post: {
      body: {
        tempFileId: string;
      };
      response: {
        id: string;
        companyId: string;
        userId: string | null;
        name: string;
        extension: string | null;
        mimeType: string | null;
        type: string;
        key: string | null;
        size: number | null;
      };
    };
  };
  "/core/v2/file/upload/{token}": {
    put: {
      path: { token: string | number; };
      response: {
        tempFileId: string;
        size: number;
      };
    };
  };
  "/crm/v1/panel": {
    get: {
      query: {
        PageNumber?: number;
        PageSize?: number;
        OrderBy?: string;
        OrderDirection?: "ASCENDING" | "DESCENDING";
        "CreatedAt.Before"?: string;
        "CreatedAt.After"?: string;
        "UpdatedAt.Before"?: string;
        "UpdatedAt.After"?: string;
        Title?: string;
        Type?: "MANAGEMENT" | "SALES";
        IncludeDetails?: Array<"Tags" | "Steps" | "StepsFields" | "StepsCardCount" | "PanelCardOverdueCount" | "Cards">;
      };
      response: {
        pageNumber: number;
        pageSize: number;
        orderBy: string | null;
        orderDirection: string | null;
        items: Array<{
          id: string;
          createdAt: string | null;
          updatedAt: string | null;
          companyId: string;
          archived: boolean;
          scope: string;
          departmentIds: Array<string>;
          userId: string | null;
          title: string;
          description: string | null;
          thumbnailId: string | null;
          thumbnailFile: null | null;
          key: string;
          overdueCardCount: number | null;
          stepTitles: Array<string>;
          tags: Array<{
            id: string;
            createdAt: string | null;
            updatedAt: string | null;
            companyId: string;
            panelId: string;
            name: string;
            nameColor: string | null;
            bgColor: string | null;
          }> | null;
          steps: Array<{
            id: string;
            createdAt: string | null;
            updatedAt: string | null;
            companyId: string;
            panelId: string;
            archived: boolean;
            position: number;
            title: string;
            isInitial: boolean;
            isFinal: boolean;
            cardCount: number | null;
            overdueCardCount: number | null;
            monetaryAmount: number | null;
            fields: Array<{
              key: string;
              type: string;
              position: number;
              visible: boolean;
            }> | null;
          }> | null;
          type: string;
          autoLossDays: number | null;
        }>;
        totalItems: number;
        totalPages: number;
        hasMorePages: boolean;
      };
    };
    post: {
      body: {
        title: string;
        description?: string | null;
        key?: string;
        type?: "MANAGEMENT" | "SALES";
        steps?: Array<{
          title: string;
          position?: number;
        }>;
        customFields?: Array<{
          name: string;
          key?: string;
          type: "STRING" | "TEXT" | "INTEGER" | "FLOAT" | "SINGLESELECT" | "MULTISELECT" | "DATE" | "TIME" | "DATETIME" | "BOOLEAN";
          options?: Array<string>;
          required?: boolean;
        }>;
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        archived: boolean;
        scope: string;
        departmentIds: Array<string>;
        userId: string | null;
        title: string;
        description: string | null;
        thumbnailId: string | null;
        thumbnailFile: null | null;
        key: string;
        overdueCardCount: number | null;
        stepTitles: Array<string>;
        tags: Array<{
          id: string;
          createdAt: string | null;
          updatedAt: string | null;
          companyId: string;
          panelId: string;
          name: string;
          nameColor: string | null;
          bgColor: string | null;
        }> | null;
        steps: Array<{
          id: string;
          createdAt: string | null;
          updatedAt: string | null;
          companyId: string;
          panelId: string;
          archived: boolean;
          position: number;
          title: string;
          isInitial: boolean;
          isFinal: boolean;
          cardCount: number | null;
          overdueCardCount: number | null;
          monetaryAmount: number | null;
          fields: Array<{
            key: string;
            type: string;
            position: number;
            visible: boolean;
          }> | null;
        }> | null;
        type: string;
        autoLossDays: number | null;
      };
    };
  };
  "/crm/v1/panel/card": {
    get: {
      query: {
        PageNumber?: number;
        PageSize?: number;
        OrderBy?: string;
        OrderDirection?: "ASCENDING" | "DESCENDING";
        "CreatedAt.Before"?: string;
        "CreatedAt.After"?: string;
        "UpdatedAt.Before"?: string;
        "UpdatedAt.After"?: string;
        PanelId: string;
        StepId?: string;
        ContactId?: string;
        ResponsibleUserId?: string;
        TextFilter?: string;
        Statuses?: Array<"OPEN" | "WON" | "LOST" | "ARCHIVED">;
        IncludeDetails?: Array<"PanelTitle" | "StepTitle" | "StepPhase" | "ResponsibleUser" | "Contacts" | "CustomFields" | "LostReason">;
      };
      response: {
        pageNumber: number;
        pageSize: number;
        orderBy: string | null;
        orderDirection: string | null;
        items: Array<{
          id: string;
          createdAt: string | null;
          updatedAt: string | null;
          companyId: string;
          panelId: string;
          panelTitle: string | null;
          stepId: string;
          stepTitle: string | null;
          stepPhase: string;
          position: number;
          title: string;
          description: string | null;
          key: string;
          number: number;
          dueDate: string | null;
          isOverdue: boolean;
          tagIds: Array<string>;
          sessionId: string | null;
          monetaryAmount: number | null;
          responsibleUserId: string | null;
          responsibleUser: {
            id: string;
            name: string | null;
          } | null;
          contactIds: Array<string>;
          contacts: Array<{
            id: string;
            name: string | null;
          }>;
          customFields: Record<string, unknown>;
          metadata: Record<string, unknown>;
          status: string;
          archived: boolean;
          lostReason: Record<string, unknown> | null;
        }>;
        totalItems: number;
        totalPages: number;
        hasMorePages: boolean;
      };
    };
    post: {
      body: {
        title: string;
        description?: string | null;
        position?: number;
        dueDate?: string | null;
        responsibleUserId?: string | null;
        tagIds?: Array<string>;
        tagNames?: Array<string>;
        contactIds?: Array<string>;
        sessionId?: string | null;
        monetaryAmount?: number | null;
        customFields?: Record<string, unknown>;
        metadata?: Record<string, unknown>;
        stepId: string;
        status?: "OPEN" | "WON" | "LOST" | "ARCHIVED";
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        panelId: string;
        panelTitle: string | null;
        stepId: string;
        stepTitle: string | null;
        stepPhase: string;
        position: number;
        title: string;
        description: string | null;
        key: string;
        number: number;
        dueDate: string | null;
        isOverdue: boolean;
        tagIds: Array<string>;
        sessionId: string | null;
        monetaryAmount: number | null;
        responsibleUserId: string | null;
        responsibleUser: {
          id: string;
          name: string | null;
        } | null;
        contactIds: Array<string>;
        contacts: Array<{
          id: string;
          name: string | null;
        }>;
        customFields: Record<string, unknown>;
        metadata: Record<string, unknown>;
        status: string;
        archived: boolean;
        lostReason: Record<string, unknown> | null;
      };
    };
  };
  "/crm/v1/panel/card/{cardId}/note": {
    get: {
      path: { cardId: string | number; };
      query: {
        PageNumber?: number;
        PageSize?: number;
        OrderBy?: string;
        OrderDirection?: "ASCENDING" | "DESCENDING";
        "CreatedAt.Before"?: string;
        "CreatedAt.After"?: string;
        "UpdatedAt.Before"?: string;
        "UpdatedAt.After"?: string;
      };
      response: {
        pageNumber: number;
        pageSize: number;
        orderBy: string | null;
        orderDirection: string | null;
        items: Array<{
          id: string;
          createdAt: string | null;
          updatedAt: string | null;
          companyId: string;
          panelId: string;
          cardId: string;
          userId: string | null;
          text: string;
          files: Array<{
            id: string | null;
            name: string | null;
            publicUrl: string;
          }>;
          isFromPublicApi: boolean;
        }>;
        totalItems: number;
        totalPages: number;
        hasMorePages: boolean;
      };
    };
    post: {
      path: { cardId: string | number; };
      body: {
        text?: string;
        fileUrls?: Array<string>;
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        panelId: string;
        cardId: string;
        userId: string | null;
        text: string;
        files: Array<{
          id: string | null;
          name: string | null;
          publicUrl: string;
        }>;
        isFromPublicApi: boolean;
      };
    };
  };
  "/crm/v1/panel/card/{cardId}/note/{noteId}": {
    delete: {
      path: { cardId: string | number; noteId: string | number; };
      response: unknown;
    };
  };
  "/crm/v1/panel/card/{id}": {
    get: {
      path: { id: string | number; };
      query: {
        IncludeDetails?: Array<"PanelTitle" | "StepTitle" | "StepPhase" | "ResponsibleUser" | "Contacts" | "CustomFields" | "LostReason">;
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        panelId: string;
        panelTitle: string | null;
        stepId: string;
        stepTitle: string | null;
        stepPhase: string;
        position: number;
        title: string;
        description: string | null;
        key: string;
        number: number;
        dueDate: string | null;
        isOverdue: boolean;
        tagIds: Array<string>;
        sessionId: string | null;
        monetaryAmount: number | null;
        responsibleUserId: string | null;
        responsibleUser: {
          id: string;
          name: string | null;
        } | null;
        contactIds: Array<string>;
        contacts: Array<{
          id: string;
          name: string | null;
        }>;
        customFields: Record<string, unknown>;
        metadata: Record<string, unknown>;
        status: string;
        archived: boolean;
        lostReason: Record<string, unknown> | null;
      };
    };
    put: {
      path: { id: string | number; };
      body: {
        title?: string;
        description?: string | null;
        position?: number;
        dueDate?: string | null;
        responsibleUserId?: string | null;
        tagIds?: Array<string>;
        tagNames?: Array<string>;
        contactIds?: Array<string>;
        sessionId?: string | null;
        monetaryAmount?: number | null;
        customFields?: Record<string, unknown>;
        metadata?: Record<string, unknown>;
        fields?: Array<"StepId" | "Title" | "Description" | "Position" | "DueDate" | "ResponsibleUserId" | "TagIds" | "TagNames" | "ContactIds" | "SessionId" | "MonetaryAmount" | "Archived" | "Status" | "LostReasonId" | "CustomFields" | "Metadata">;
        stepId?: string;
        status?: "OPEN" | "WON" | "LOST" | "ARCHIVED";
        archived?: boolean;
        lostReasonId?: string | null;
        options?: {
          upsertTagOperation?: "InsertIfNotExists" | "DeleteIfExists" | "ReplaceAll";
        };
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        panelId: string;
        panelTitle: string | null;
        stepId: string;
        stepTitle: string | null;
        stepPhase: string;
        position: number;
        title: string;
        description: string | null;
        key: string;
        number: number;
        dueDate: string | null;
        isOverdue: boolean;
        tagIds: Array<string>;
        sessionId: string | null;
        monetaryAmount: number | null;
        responsibleUserId: string | null;
        responsibleUser: {
          id: string;
          name: string | null;
        } | null;
        contactIds: Array<string>;
        contacts: Array<{
          id: string;
          name: string | null;
        }>;
        customFields: Record<string, unknown>;
        metadata: Record<string, unknown>;
        status: string;
        archived: boolean;
        lostReason: Record<string, unknown> | null;
      };
    };
  };
  "/crm/v1/panel/card/{id}/duplicate": {
    post: {
      path: { id: string | number; };
      body: {
        copyToStepId?: string;
        options?: {
          archiveOriginalCard?: boolean;
          fields?: Array<"Undefined" | "All" | "Amount" | "DueDate" | "Tags" | "MonetaryAmount" | "Contacts" | "ResponsibleUser" | "CustomFields" | "Notes">;
        };
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        panelId: string;
        panelTitle: string | null;
        stepId: string;
        stepTitle: string | null;
        stepPhase: string;
        position: number;
        title: string;
        description: string | null;
        key: string;
        number: number;
        dueDate: string | null;
        isOverdue: boolean;
        tagIds: Array<string>;
        sessionId: string | null;
        monetaryAmount: number | null;
        responsibleUserId: string | null;
        responsibleUser: {
          id: string;
          name: string | null;
        } | null;
        contactIds: Array<string>;
        contacts: Array<{
          id: string;
          name: string | null;
        }>;
        customFields: Record<string, unknown>;
        metadata: Record<string, unknown>;
        status: string;
        archived: boolean;
        lostReason: Record<string, unknown> | null;
      };
    };
  };
  "/crm/v1/panel/{id}": {
    get: {
      path: { id: string | number; };
      query: {
        IncludeDetails?: Array<"Tags" | "Steps" | "StepsFields" | "StepsCardCount" | "PanelCardOverdueCount" | "Cards">;
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        archived: boolean;
        scope: string;
        departmentIds: Array<string>;
        userId: string | null;
        title: string;
        description: string | null;
        thumbnailId: string | null;
        thumbnailFile: null | null;
        key: string;
        overdueCardCount: number | null;
        stepTitles: Array<string>;
        tags: Array<{
          id: string;
          createdAt: string | null;
          updatedAt: string | null;
          companyId: string;
          panelId: string;
          name: string;
          nameColor: string | null;
          bgColor: string | null;
        }> | null;
        steps: Array<{
          id: string;
          createdAt: string | null;
          updatedAt: string | null;
          companyId: string;
          panelId: string;
          archived: boolean;
          position: number;
          title: string;
          isInitial: boolean;
          isFinal: boolean;
          cardCount: number | null;
          overdueCardCount: number | null;
          monetaryAmount: number | null;
          fields: Array<{
            key: string;
            type: string;
            position: number;
            visible: boolean;
          }> | null;
        }> | null;
        type: string;
        autoLossDays: number | null;
      };
    };
    put: {
      path: { id: string | number; };
      body: {
        title?: string;
        description?: string | null;
        key?: string;
        type?: "MANAGEMENT" | "SALES";
        archived?: boolean;
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        archived: boolean;
        scope: string;
        departmentIds: Array<string>;
        userId: string | null;
        title: string;
        description: string | null;
        thumbnailId: string | null;
        thumbnailFile: null | null;
        key: string;
        overdueCardCount: number | null;
        stepTitles: Array<string>;
        tags: Array<{
          id: string;
          createdAt: string | null;
          updatedAt: string | null;
          companyId: string;
          panelId: string;
          name: string;
          nameColor: string | null;
          bgColor: string | null;
        }> | null;
        steps: Array<{
          id: string;
          createdAt: string | null;
          updatedAt: string | null;
          companyId: string;
          panelId: string;
          archived: boolean;
          position: number;
          title: string;
          isInitial: boolean;
          isFinal: boolean;
          cardCount: number | null;
          overdueCardCount: number | null;
          monetaryAmount: number | null;
          fields: Array<{
            key: string;
            type: string;
            position: number;
            visible: boolean;
          }> | null;
        }> | null;
        type: string;
        autoLossDays: number | null;
      };
    };
    delete: {
      path: { id: string | number; };
      response: unknown;
    };
  };
  "/crm/v1/panel/{id}/custom-fields": {
    get: {
      path: { id: string | number; };
      query: {
        NestedList?: boolean;
      };
      response: Array<{
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        parentId: string | null;
        type: string;
        entityType: string;
        scopeId: string | null;
        companyId: string;
        name: string;
        key: string;
        position: number;
        required: boolean;
        visible: boolean;
        isValueRange: boolean;
        options: Array<{
          id: string | null;
          name: string;
        }>;
        children: Array<unknown>;
      }>;
    };
    post: {
      path: { id: string | number; };
      body: {
        name: string;
        key?: string;
        type: "STRING" | "TEXT" | "INTEGER" | "FLOAT" | "SINGLESELECT" | "MULTISELECT" | "DATE" | "TIME" | "DATETIME" | "BOOLEAN";
        options?: Array<string>;
        required?: boolean;
      } | (Array<{
        name: string;
        key?: string;
        type: "STRING" | "TEXT" | "INTEGER" | "FLOAT" | "SINGLESELECT" | "MULTISELECT" | "DATE" | "TIME" | "DATETIME" | "BOOLEAN";
        options?: Array<string>;
        required?: boolean;
      }>);
      response: Array<{
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        parentId: string | null;
        type: string;
        entityType: string;
        scopeId: string | null;
        companyId: string;
        name: string;
        key: string;
        position: number;
        required: boolean;
        visible: boolean;
        isValueRange: boolean;
        options: Array<{
          id: string | null;
          name: string;
        }>;
        children: Array<unknown>;
      }>;
    };
  };
  "/crm/v1/panel/{id}/lost-reason": {
    get: {
      path: { id: string | number; };
      query: {
        PageNumber?: number;
        PageSize?: number;
        OrderBy?: string;
        OrderDirection?: "ASCENDING" | "DESCENDING";
        "CreatedAt.Before"?: string;
        "CreatedAt.After"?: string;
        "UpdatedAt.Before"?: string;
        "UpdatedAt.After"?: string;
      };
      response: {
        pageNumber: number;
        pageSize: number;
        orderBy: string | null;
        orderDirection: string | null;
        items: Array<{
          id: string;
          createdAt: string;
          updatedAt: string;
          companyId: string;
          panelId: string;
          description: string;
        }>;
        totalItems: number;
        totalPages: number;
        hasMorePages: boolean;
      };
    };
    post: {
      path: { id: string | number; };
      body: {
        description: string;
      };
      response: {
        id: string;
        createdAt: string;
        updatedAt: string;
        companyId: string;
        panelId: string;
        description: string;
      };
    };
  };
  "/crm/v1/panel/{id}/lost-reason/{reasonId}": {
    delete: {
      path: { id: string | number; reasonId: string | number; };
      response: unknown;
    };
  };
  "/crm/v1/panel/{id}/step": {
    post: {
      path: { id: string | number; };
      body: {
        title: string;
        position?: number;
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        panelId: string;
        archived: boolean;
        position: number;
        title: string;
        isInitial: boolean;
        isFinal: boolean;
        cardCount: number | null;
        overdueCardCount: number | null;
        monetaryAmount: number | null;
        fields: Array<{
          key: string;
          type: string;
          position: number;
          visible: boolean;
        }> | null;
      };
    };
  };
  "/crm/v1/panel/{id}/step/{stepId}": {
    put: {
      path: { id: string | number; stepId: string | number; };
      body: {
        title?: string;
        position?: number;
        archived?: boolean;
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        panelId: string;
        archived: boolean;
        position: number;
        title: string;
        isInitial: boolean;
        isFinal: boolean;
        cardCount: number | null;
        overdueCardCount: number | null;
        monetaryAmount: number | null;
        fields: Array<{
          key: string;
          type: string;
          position: number;
          visible: boolean;
        }> | null;
      };
    };
    delete: {
      path: { id: string | number; stepId: string | number; };
      response: unknown;
    };
  };
  "/crm/v2/panel": {
    get: {
      query: {
        PageNumber?: number;
        PageSize?: number;
        OrderBy?: string;
        OrderDirection?: "ASCENDING" | "DESCENDING";
        "CreatedAt.Before"?: string;
        "CreatedAt.After"?: string;
        "UpdatedAt.Before"?: string;
        "UpdatedAt.After"?: string;
        Title?: string;
        Type?: "MANAGEMENT" | "SALES";
        IncludeDetails?: Array<"Tags" | "Steps" | "StepsFields" | "StepsCardCount" | "PanelCardOverdueCount" | "Cards">;
      };
      response: {
        pageNumber: number;
        pageSize: number;
        orderBy: string | null;
        orderDirection: string | null;
        items: Array<{
          id: string;
          createdAt: string | null;
          updatedAt: string | null;
          companyId: string;
          archived: boolean;
          scope: string;
          departmentIds: Array<string>;
          userId: string | null;
          title: string;
          description: string | null;
          thumbnailId: string | null;
          thumbnailFile: null | null;
          key: string;
          overdueCardCount: number | null;
          stepTitles: Array<string>;
          tags: Array<{
            id: string;
            createdAt: string | null;
            updatedAt: string | null;
            companyId: string;
            panelId: string;
            name: string;
            nameColor: string | null;
            bgColor: string | null;
          }> | null;
          steps: Array<{
            id: string;
            createdAt: string | null;
            updatedAt: string | null;
            companyId: string;
            panelId: string;
            archived: boolean;
            position: number;
            title: string;
            isInitial: boolean;
            isFinal: boolean;
            cardCount: number | null;
            overdueCardCount: number | null;
            monetaryAmount: number | null;
            fields: Array<{
              key: string;
              type: string;
              position: number;
              visible: boolean;
            }> | null;
          }> | null;
          type: string;
          autoLossDays: number | null;
        }>;
        totalItems: number;
        totalPages: number;
        hasMorePages: boolean;
      };
    };
  };
  "/crm/v2/panel/card": {
    get: {
      query: {
        PageNumber?: number;
        PageSize?: number;
        OrderBy?: string;
        OrderDirection?: "ASCENDING" | "DESCENDING";
        "CreatedAt.Before"?: string;
        "CreatedAt.After"?: string;
        "UpdatedAt.Before"?: string;
        "UpdatedAt.After"?: string;
        PanelId: string;
        StepId?: string;
        ContactId?: string;
        ResponsibleUserId?: string;
        TextFilter?: string;
        Statuses?: Array<"OPEN" | "WON" | "LOST" | "ARCHIVED">;
        IncludeDetails?: Array<"PanelTitle" | "StepTitle" | "StepPhase" | "ResponsibleUser" | "Contacts" | "CustomFields" | "LostReason">;
      };
      response: {
        pageNumber: number;
        pageSize: number;
        orderBy: string | null;
        orderDirection: string | null;
        items: Array<{
          id: string;
          createdAt: string | null;
          updatedAt: string | null;
          companyId: string;
          panelId: string;
          panelTitle: string | null;
          stepId: string;
          stepTitle: string | null;
          stepPhase: string;
          position: number;
          title: string;
          description: string | null;
          key: string;
          number: number;
          dueDate: string | null;
          isOverdue: boolean;
          tagIds: Array<string>;
          sessionId: string | null;
          monetaryAmount: number | null;
          responsibleUserId: string | null;
          responsibleUser: {
            id: string;
            name: string | null;
          } | null;
          contactIds: Array<string>;
          contacts: Array<{
            id: string;
            name: string | null;
          }>;
          customFields: Record<string, unknown>;
          metadata: Record<string, unknown>;
          status: string;
          archived: boolean;
          lostReason: Record<string, unknown> | null;
        }>;
        totalItems: number;
        totalPages: number;
        hasMorePages: boolean;
      };
    };
    post: {
      body: {
        title: string;
        description?: string | null;
        position?: number;
        dueDate?: string | null;
        responsibleUserId?: string | null;
        tagIds?: Array<string>;
        tagNames?: Array<string>;
        contactIds?: Array<string>;
        sessionId?: string | null;
        monetaryAmount?: number | null;
        customFields?: Record<string, unknown>;
        metadata?: Record<string, unknown>;
        stepId: string;
        status?: "OPEN" | "WON" | "LOST" | "ARCHIVED";
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        panelId: string;
        panelTitle: string | null;
        stepId: string;
        stepTitle: string | null;
        stepPhase: string;
        position: number;
        title: string;
        description: string | null;
        key: string;
        number: number;
        dueDate: string | null;
        isOverdue: boolean;
        tagIds: Array<string>;
        sessionId: string | null;
        monetaryAmount: number | null;
        responsibleUserId: string | null;
        responsibleUser: {
          id: string;
          name: string | null;
        } | null;
        contactIds: Array<string>;
        contacts: Array<{
          id: string;
          name: string | null;
        }>;
        customFields: Record<string, unknown>;
        metadata: Record<string, unknown>;
        status: string;
        archived: boolean;
        lostReason: Record<string, unknown> | null;
      };
    };
  };
  "/crm/v2/panel/card/{id}": {
    get: {
      path: { id: string | number; };
      query: {
        IncludeDetails?: Array<"PanelTitle" | "StepTitle" | "StepPhase" | "ResponsibleUser" | "Contacts" | "CustomFields" | "LostReason">;
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        panelId: string;
        panelTitle: string | null;
        stepId: string;
        stepTitle: string | null;
        stepPhase: string;
        position: number;
        title: string;
        description: string | null;
        key: string;
        number: number;
        dueDate: string | null;
        isOverdue: boolean;
        tagIds: Array<string>;
        sessionId: string | null;
        monetaryAmount: number | null;
        responsibleUserId: string | null;
        responsibleUser: {
          id: string;
          name: string | null;
        } | null;
        contactIds: Array<string>;
        contacts: Array<{
          id: string;
          name: string | null;
        }>;
        customFields: Record<string, unknown>;
        metadata: Record<string, unknown>;
        status: string;
        archived: boolean;
        lostReason: Record<string, unknown> | null;
      };
    };
    put: {
      path: { id: string | number; };
      body: {
        title?: string;
        description?: string | null;
        position?: number;
        dueDate?: string | null;
        responsibleUserId?: string | null;
        tagIds?: Array<string>;
        tagNames?: Array<string>;
        contactIds?: Array<string>;
        sessionId?: string | null;
        monetaryAmount?: number | null;
        customFields?: Record<string, unknown>;
        metadata?: Record<string, unknown>;
        fields?: Array<"StepId" | "Title" | "Description" | "Position" | "DueDate" | "ResponsibleUserId" | "TagIds" | "TagNames" | "ContactIds" | "SessionId" | "MonetaryAmount" | "Archived" | "Status" | "LostReasonId" | "CustomFields" | "Metadata">;
        stepId?: string;
        status?: "OPEN" | "WON" | "LOST" | "ARCHIVED";
        archived?: boolean;
        lostReasonId?: string | null;
        options?: {
          upsertTagOperation?: "InsertIfNotExists" | "DeleteIfExists" | "ReplaceAll";
        };
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        panelId: string;
        panelTitle: string | null;
        stepId: string;
        stepTitle: string | null;
        stepPhase: string;
        position: number;
        title: string;
        description: string | null;
        key: string;
        number: number;
        dueDate: string | null;
        isOverdue: boolean;
        tagIds: Array<string>;
        sessionId: string | null;
        monetaryAmount: number | null;
        responsibleUserId: string | null;
        responsibleUser: {
          id: string;
          name: string | null;
        } | null;
        contactIds: Array<string>;
        contacts: Array<{
          id: string;
          name: string | null;
        }>;
        customFields: Record<string, unknown>;
        metadata: Record<string, unknown>;
        status: string;
        archived: boolean;
        lostReason: Record<string, unknown> | null;
      };
    };
  };
  "/crm/v2/panel/card/{id}/duplicate": {
    post: {
      path: { id: string | number; };
      body: {
        copyToStepId?: string;
        options?: {
          archiveOriginalCard?: boolean;
          fields?: Array<"Undefined" | "All" | "Amount" | "DueDate" | "Tags" | "MonetaryAmount" | "Contacts" | "ResponsibleUser" | "CustomFields" | "Notes">;
        };
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        panelId: string;
        panelTitle: string | null;
        stepId: string;
        stepTitle: string | null;
        stepPhase: string;
        position: number;
        title: string;
        description: string | null;
        key: string;
        number: number;
        dueDate: string | null;
        isOverdue: boolean;
        tagIds: Array<string>;
        sessionId: string | null;
        monetaryAmount: number | null;
        responsibleUserId: string | null;
        responsibleUser: {
          id: string;
          name: string | null;
        } | null;
        contactIds: Array<string>;
        contacts: Array<{
          id: string;
          name: string | null;
        }>;
        customFields: Record<string, unknown>;
        metadata: Record<string, unknown>;
        status: string;
        archived: boolean;
        lostReason: Record<string, unknown> | null;
      };
    };
  };
  "/crm/v3/panel/card/{id}": {
    put: {
      path: { id: string | number; };
      body: {
        title?: string;
        description?: string | null;
        position?: number;
        dueDate?: string | null;
        responsibleUserId?: string | null;
        tagIds?: Array<string>;
        tagNames?: Array<string>;
        contactIds?: Array<string>;
        sessionId?: string | null;
        monetaryAmount?: number | null;
        customFields?: Record<string, unknown>;
        metadata?: Record<string, unknown>;
        fields?: Array<"StepId" | "Title" | "Description" | "Position" | "DueDate" | "ResponsibleUserId" | "TagIds" | "TagNames" | "ContactIds" | "SessionId" | "MonetaryAmount" | "Archived" | "Status" | "LostReasonId" | "CustomFields" | "Metadata">;
        stepId?: string;
        status?: "OPEN" | "WON" | "LOST" | "ARCHIVED";
        archived?: boolean;
        lostReasonId?: string | null;
        options?: {
          upsertTagOperation?: "InsertIfNotExists" | "DeleteIfExists" | "ReplaceAll";
        };
      };
      response: {
        id: string;
        createdAt: string | null;
        updatedAt: string | null;
        companyId: string;
        panelId: string;
        panelTitle: string | null;
        stepId: string;
        stepTitle: string | null;
        stepPhase: string;
        position: number;
        title: string;
        description: string | null;
        key: string;
        number: number;
        dueDate: string | null;
        isOverdue: boolean;
        tagIds: Array<string>;
        sessionId: string | null;
        monetaryAmount: number | null;
        responsibleUserId: string | null;
        responsibleUser: {
          id: string;
          name: string | null;
        } | null;
        contactIds: Array<string>;
        contacts: Array<{
          id: string;
          name: string | null;
        }>;
        customFields: Record<string, unknown>;
        metadata: Record<string, unknown>;
        status: string;
        archived: boolean;
        lostReason: Record<string, unknown> | null;
      };
    };
  };
  "/hc/{slug}/{locale}/articles.json": {
    get: {
      path: { slug: string | number; locale: string | number; };
      query: {
        query?: string;
        page?: number;
        per_page?: number;
        sort?: string;
      };
      response: {
        payload: Array<{
          id: number;
          slug: string;
          category_id: number | null;
          title: string;
          content: string;
          description: string | null;
          status: string;
          account_id: number;
          last_updated_at: string;
          link: string;
          portal: {
            name: string;
            slug: string;
            color: string | null;
            custom_domain: string | null;
            homepage_link: string | null;
            page_title: string | null;
            header_text: string | null;
            config: {
              allowed_locales: Array<string>;
              default_locale: string;
            };
          };
          category?: {
            id: number;
            slug: string;
            locale: string;
          };
          views: number;
          author?: {
            name: string;
            available_name: string;
            thumbnail: string;
          };
          associated_articles: Record<string, unknown>;
        }>;
        meta: {
          articles_count: number;
        };
      };
    };
  };
  "/platform/api/v1/accounts": {
    get: {
      response: Array<{
        id: number;
        name: string;
        locale: string;
        domain: string | null;
        support_email: string | null;
        features: Record<string, unknown>;
        custom_attributes: Record<string, unknown>;
        limits: Record<string, unknown>;
        status: string;
      }>;
    };
    post: {
      body: {
        name: string;
        locale?: string;
        domain?: string | null;
        support_email?: string | null;
        status?: "active" | "suspended";
        features?: Record<string, boolean | string | number | (null | null)>;
        limits?: Record<string, unknown>;
        custom_attributes?: Record<string, unknown>;
      };
      response: {
        id: number;
        name: string;
        locale: string;
        domain: string | null;
        support_email: string | null;
        features: Record<string, unknown>;
        custom_attributes: Record<string, unknown>;
        limits: Record<string, unknown>;
        status: string;
      };
    };
  };
  "/platform/api/v1/accounts/{account_id}/account_users": {
    get: {
      path: { account_id: string | number; };
      response: Array<{
        id: number;
        account_id: number;
        user_id: number;
        role: string;
        inviter_id: number | null;
        created_at: string;
        updated_at: string;
        active_at: string | null;
        availability: string;
        auto_offline: boolean;
        custom_role_id: null | null;
        agent_capacity_policy_id: null | null;
      }>;
    };
    post: {
      path: { account_id: string | number; };
      body: {
        user_id: number;
        role?: "agent" | "administrator";
      };
      response: {
        id: number;
        account_id: number;
        user_id: number;
        role: string;
        inviter_id: number | null;
        created_at: string;
        updated_at: string;
        active_at: string | null;
        availability: string;
        auto_offline: boolean;
        custom_role_id: null | null;
        agent_capacity_policy_id: null | null;
      };
    };
    delete: {
      path: { account_id: string | number; };
      body: {
        user_id: number;
      };
      response: unknown;
    };
  };
  "/platform/api/v1/accounts/{id}": {
    get: {
      path: { id: string | number; };
      response: {
        id: number;
        name: string;
        locale: string;
        domain: string | null;
        support_email: string | null;
        features: Record<string, unknown>;
        custom_attributes: Record<string, unknown>;
        limits: Record<string, unknown>;
        status: string;
      };
    };
    put: {
      path: { id: string | number; };
      body: {
        name?: string;
        locale?: string;
        domain?: string | null;
        support_email?: string | null;
        status?: "active" | "suspended";
        features?: Record<string, boolean | string | number | (null | null)>;
        limits?: Record<string, unknown>;
        custom_attributes?: Record<string, unknown>;
      };
      response: {
        id: number;
        name: string;
        locale: string;
        domain: string | null;
        support_email: string | null;
        features: Record<string, unknown>;
        custom_attributes: Record<string, unknown>;
        limits: Record<string, unknown>;
        status: string;
      };
    };
    patch: {
      path: { id: string | number; };
      body: {
        name?: string;
        locale?: string;
        domain?: string | null;
        support_email?: string | null;
        status?: "active" | "suspended";
        features?: Record<string, boolean | string | number | (null | null)>;
        limits?: Record<string, unknown>;
        custom_attributes?: Record<string, unknown>;
      };
      response: {
        id: number;
        name: string;
        locale: string;
        domain: string | null;
        support_email: string | null;
        features: Record<string, unknown>;
        custom_attributes: Record<string, unknown>;
        limits: Record<string, unknown>;
        status: string;
      };
    };
    delete: {
      path: { id: string | number; };
      response: unknown;
    };
  };
  "/platform/api/v1/agent_bots": {
    get: {
      response: Array<{
        id: number;
        name: string;
        description: string | null;
        outgoing_url: string | null;
        account_id: number | null;
        access_token: string | null;
      }>;
    };
    post: {
      body: {
        name: string;
        description?: string | null;
        outgoing_url?: string | null;
        account_id?: number | null;
        avatar_url?: string | null;
      };
      response: {
        id: number;
        name: string;
        description: string | null;
        outgoing_url: string | null;
        account_id: number | null;
        access_token: string | null;
      };
    };
  };
  "/platform/api/v1/agent_bots/{id}": {
    get: {
      path: { id: string | number; };
      response: {
        id: number;
        name: string;
        description: string | null;
        outgoing_url: string | null;
        account_id: number | null;
        access_token: string | null;
      };
    };
    put: {
      path: { id: string | number; };
      body: {
        name?: string;
        description?: string | null;
        outgoing_url?: string | null;
        account_id?: number | null;
        avatar_url?: string | null;
      };
      response: {
        id: number;
        name: string;
        description: string | null;
        outgoing_url: string | null;
        account_id: number | null;
        access_token: string | null;
      };
    };
    patch: {
      path: { id: string | number; };
      body: {
        name?: string;
        description?: string | null;
        outgoing_url?: string | null;
        account_id?: number | null;
        avatar_url?: string | null;
      };
      response: {
        id: number;
        name: string;
        description: string | null;
        outgoing_url: string | null;
        account_id: number | null;
        access_token: string | null;
      };
    };
    delete: {
      path: { id: string | number; };
      response: unknown;
    };
  };
  "/platform/api/v1/agent_bots/{id}/avatar": {
    delete: {
      path: { id: string | number; };
      response: {
        id: number;
        name: string;
        description: string | null;
        outgoing_url: string | null;
        account_id: number | null;
        access_token: string | null;
      };
    };
  };
  "/platform/api/v1/users": {
    post: {
      body: {
        name?: string;
        display_name?: string | null;
        email: string;
        password?: string;
        custom_attributes?: Record<string, unknown>;
      };
      response: {
        access_token: string | null;
        account_id: number | null;
        available_name: string;
        avatar_url: string;
        confirmed: boolean;
        display_name: string | null;
        message_signature: string | null;
        email: string;
        id: number;
        name: string;
        provider: string;
        pubsub_token: string;
        custom_attributes?: Record<string, unknown>;
        role: string | null;
        ui_settings: Record<string, unknown>;
        uid: string;
        accounts: Array<{
          id: number;
          name: string;
          active_at: string | null;
          role: string;
        }>;
      };
    };
  };
  "/platform/api/v1/users/{id}": {
    get: {
      path: { id: string | number; };
      response: {
        access_token: string | null;
        account_id: number | null;
        available_name: string;
        avatar_url: string;
        confirmed: boolean;
        display_name: string | null;
        message_signature: string | null;
        email: string;
        id: number;
        name: string;
        provider: string;
        pubsub_token: string;
        custom_attributes?: Record<string, unknown>;
        role: string | null;
        ui_settings: Record<string, unknown>;
        uid: string;
        accounts: Array<{
          id: number;
          name: string;
          active_at: string | null;
          role: string;
        }>;
      };
    };
    put: {
      path: { id: string | number; };
      body: {
        name?: string;
        display_name?: string | null;
        email?: string;
        password?: string;
        custom_attributes?: Record<string, unknown>;
      };
      response: {
        access_token: string | null;
        account_id: number | null;
        available_name: string;
        avatar_url: string;
        confirmed: boolean;
        display_name: string | null;
        message_signature: string | null;
        email: string;
        id: number;
        name: string;
        provider: string;
        pubsub_token: string;
        custom_attributes?: Record<string, unknown>;
        role: string | null;
        ui_settings: Record<string, unknown>;
        uid: string;
        accounts: Array<{
          id: number;
          name: string;
          active_at: string | null;
          role: string;
        }>;
      };
    };
    patch: {
      path: { id: string | number; };
      body: {
        name?: string;
        display_name?: string | null;
        email?: string;
        password?: string;
        custom_attributes?: Record<string, unknown>;
      };
      response: {
        access_token: string | null;
        account_id: number | null;
        available_name: string;
        avatar_url: string;
        confirmed: boolean;
        display_name: string | null;
        message_signature: string | null;
        email: string;
        id: number;
        name: string;
        provider: string;
        pubsub_token: string;
        custom_attributes?: Record<string, unknown>;
        role: string | null;
        ui_settings: Record<string, unknown>;
        uid: string;
        accounts: Array<{
          id: number;
          name: string;
          active_at: string | null;
          role: string;
        }>;
      };
    };
    delete: {
      path: { id: string | number; };
      response: unknown;
    };
  };
  "/platform/api/v1/users/{id}/login": {
    get: {
      path: { id: string | number; };
      response: {
        url: string;
      };
    };
  };
  "/platform/api/v1/users/{id}/token": {
    post: {
      path: { id: string | number; };
      response: {
        access_token: string;
        expiry: null | null;
        user: {
          id: number;
          name: string;
          display_name: string | null;
          email: string;
          pubsub_token: string;
        };
      };
    };
  };
  "/public/api/v1/csat_survey/{id}": {
    get: {
      path: { id: string | number; };
      response: {
        id: number;
        csat_survey_response: {
          id: number;
          account_id: number;
          conversation_id: number;
          message_id: number;
          contact_id: number;
          assigned_agent_id: number | null;
          rating: number;
          feedback_message: string | null;
          created_at: string;
          updated_at: string;
        } | null;
        inbox_avatar_url: string | null;
        conversation_id: number;
        created_at: string;
      };
    };
    put: {
      path: { id: string | number; };
      body: {
        submitted_values: Array<unknown> | Record<string, unknown>;
      };
      response: {
        id: number;
        csat_survey_response: {
          id: number;
          account_id: number;
          conversation_id: number;
          message_id: number;
          contact_id: number;
          assigned_agent_id: number | null;
          rating: number;
          feedback_message: string | null;
          created_at: string;
          updated_at: string;
        } | null;
        inbox_avatar_url: string | null;
        conversation_id: number;
        created_at: string;
      };
    };
    patch: {
      path: { id: string | number; };
      body: {
        submitted_values: Array<unknown> | Record<string, unknown>;
      };
      response: {
        id: number;
        csat_survey_response: {
          id: number;
          account_id: number;
          conversation_id: number;
          message_id: number;
          contact_id: number;
          assigned_agent_id: number | null;
          rating: number;
          feedback_message: string | null;
          created_at: string;
          updated_at: string;
        } | null;
        inbox_avatar_url: string | null;
        conversation_id: number;
        created_at: string;
      };
    };
  };
  "/public/api/v1/inboxes/{inbox_identifier}": {
    get: {
      path: { inbox_identifier: string | number; };
      response: {
        identifier: string;
        identity_validation_enabled: boolean;
        name: string;
        timezone: string;
        working_hours: Array<Record<string, unknown>>;
        working_hours_enabled: boolean;
        csat_survey_enabled: boolean;
        greeting_enabled: boolean;
      };
    };
  };
  "/public/api/v1/inboxes/{inbox_identifier}/contacts": {
    post: {
      path: { inbox_identifier: string | number; };
      body: {
        source_id?: string;
        name?: string | null;
        email?: string | null;
        phone_number?: string | null;
        identifier?: string | null;
        identifier_hash?: string;
        avatar_url?: string | null;
        custom_attributes?: Record<string, unknown>;
        additional_attributes?: Record<string, unknown>;
      };
      response: {
        source_id: string;
        pubsub_token: string;
        id: number;
        name: string | null;
        email: string | null;
        phone_number: string | null;
      };
    };
  };
  "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}": {
    get: {
      path: { inbox_identifier: string | number; contact_identifier: string | number; };
      query: {
        identifier_hash?: string;
      };
      response: {
        source_id: string;
        pubsub_token: string;
        id: number;
        name: string | null;
        email: string | null;
        phone_number: string | null;
      };
    };
    put: {
      path: { inbox_identifier: string | number; contact_identifier: string | number; };
      body: {
        name?: string | null;
        email?: string | null;
        phone_number?: string | null;
        identifier?: string | null;
        identifier_hash?: string;
        avatar_url?: string | null;
        custom_attributes?: Record<string, unknown>;
        additional_attributes?: Record<string, unknown>;
      };
      response: {
        id: number;
        name: string | null;
        email: string | null;
        phone_number: string | null;
        account_id: number;
        created_at: string;
        updated_at: string;
        additional_attributes: Record<string, unknown>;
        identifier: string | null;
        custom_attributes: Record<string, unknown>;
        last_activity_at: string | null;
        contact_type: string;
        middle_name: string | null;
        last_name: string | null;
        location: string | null;
        country_code: string | null;
        blocked: boolean;
        company_id: number | null;
      };
    };
    patch: {
      path: { inbox_identifier: string | number; contact_identifier: string | number; };
      body: {
        name?: string | null;
        email?: string | null;
        phone_number?: string | null;
        identifier?: string | null;
        identifier_hash?: string;
        avatar_url?: string | null;
        custom_attributes?: Record<string, unknown>;
        additional_attributes?: Record<string, unknown>;
      };
      response: {
        id: number;
        name: string | null;
        email: string | null;
        phone_number: string | null;
        account_id: number;
        created_at: string;
        updated_at: string;
        additional_attributes: Record<string, unknown>;
        identifier: string | null;
        custom_attributes: Record<string, unknown>;
        last_activity_at: string | null;
        contact_type: string;
        middle_name: string | null;
        last_name: string | null;
        location: string | null;
        country_code: string | null;
        blocked: boolean;
        company_id: number | null;
      };
    };
  };
  "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations": {
    get: {
      path: { inbox_identifier: string | number; contact_identifier: string | number; };
      response: Array<{
        id: number;
        uuid: string;
        inbox_id: number;
        contact_last_seen_at: number;
        status: string;
        agent_last_seen_at: number;
        messages: Array<{
          id: number;
          content: string | null;
          message_type: number;
          content_type: string;
          content_attributes: Record<string, unknown>;
          created_at: number;
          conversation_id: number;
          attachments?: Array<{
            id: number;
            message_id: number;
            file_type: string;
            account_id: number;
            extension: string | null;
            data_url: string;
            thumb_url: string;
            file_size: number;
            width: number | null;
            height: number | null;
          }>;
          sender?: Record<string, unknown>;
        }>;
        contact: {
          id: number;
          name: string | null;
          email: string | null;
          phone_number: string | null;
          account_id: number;
          created_at: string;
          updated_at: string;
          additional_attributes: Record<string, unknown>;
          identifier: string | null;
          custom_attributes: Record<string, unknown>;
          last_activity_at: string | null;
          contact_type: string;
          middle_name: string | null;
          last_name: string | null;
          location: string | null;
          country_code: string | null;
          blocked: boolean;
          company_id: number | null;
        };
      }>;
    };
    post: {
      path: { inbox_identifier: string | number; contact_identifier: string | number; };
      body: {
        custom_attributes?: Record<string, unknown>;
      };
      response: {
        id: number;
        uuid: string;
        inbox_id: number;
        contact_last_seen_at: number;
        status: string;
        agent_last_seen_at: number;
        messages: Array<{
          id: number;
          content: string | null;
          message_type: number;
          content_type: string;
          content_attributes: Record<string, unknown>;
          created_at: number;
          conversation_id: number;
          attachments?: Array<{
            id: number;
            message_id: number;
            file_type: string;
            account_id: number;
            extension: string | null;
            data_url: string;
            thumb_url: string;
            file_size: number;
            width: number | null;
            height: number | null;
          }>;
          sender?: Record<string, unknown>;
        }>;
        contact: {
          id: number;
          name: string | null;
          email: string | null;
          phone_number: string | null;
          account_id: number;
          created_at: string;
          updated_at: string;
          additional_attributes: Record<string, unknown>;
          identifier: string | null;
          custom_attributes: Record<string, unknown>;
          last_activity_at: string | null;
          contact_type: string;
          middle_name: string | null;
          last_name: string | null;
          location: string | null;
          country_code: string | null;
          blocked: boolean;
          company_id: number | null;
        };
      };
    };
  };
  "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}": {
    get: {
      path: { inbox_identifier: string | number; contact_identifier: string | number; conversation_id: string | number; };
      response: {
        id: number;
        uuid: string;
        inbox_id: number;
        contact_last_seen_at: number;
        status: string;
        agent_last_seen_at: number;
        messages: Array<{
          id: number;
          content: string | null;
          message_type: number;
          content_type: string;
          content_attributes: Record<string, unknown>;
          created_at: number;
          conversation_id: number;
          attachments?: Array<{
            id: number;
            message_id: number;
            file_type: string;
            account_id: number;
            extension: string | null;
            data_url: string;
            thumb_url: string;
            file_size: number;
            width: number | null;
            height: number | null;
          }>;
          sender?: Record<string, unknown>;
        }>;
        contact: {
          id: number;
          name: string | null;
          email: string | null;
          phone_number: string | null;
          account_id: number;
          created_at: string;
          updated_at: string;
          additional_attributes: Record<string, unknown>;
          identifier: string | null;
          custom_attributes: Record<string, unknown>;
          last_activity_at: string | null;
          contact_type: string;
          middle_name: string | null;
          last_name: string | null;
          location: string | null;
          country_code: string | null;
          blocked: boolean;
          company_id: number | null;
        };
      };
    };
  };
  "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/messages": {
    get: {
      path: { inbox_identifier: string | number; contact_identifier: string | number; conversation_id: string | number; };
      query: {
        before?: number;
      };
      response: Array<{
        id: number;
        content: string | null;
        message_type: number;
        content_type: string;
        content_attributes: Record<string, unknown>;
        created_at: number;
        conversation_id: number;
        attachments?: Array<{
          id: number;
          message_id: number;
          file_type: string;
          account_id: number;
          extension: string | null;
          data_url: string;
          thumb_url: string;
          file_size: number;
          width: number | null;
          height: number | null;
        }>;
        sender?: Record<string, unknown>;
      }>;
    };
    post: {
      path: { inbox_identifier: string | number; contact_identifier: string | number; conversation_id: string | number; };
      body: {
        content?: string | null;
        echo_id?: string;
        attachments?: Array<unknown>;
      };
      response: {
        id: number;
        content: string | null;
        message_type: number;
        content_type: string;
        content_attributes: Record<string, unknown>;
        created_at: number;
        conversation_id: number;
        attachments?: Array<{
          id: number;
          message_id: number;
          file_type: string;
          account_id: number;
          extension: string | null;
          data_url: string;
          thumb_url: string;
          file_size: number;
          width: number | null;
          height: number | null;
        }>;
        sender?: Record<string, unknown>;
      };
    };
  };
  "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/messages/{message_id}": {
    patch: {
      path: { inbox_identifier: string | number; contact_identifier: string | number; conversation_id: string | number; message_id: string | number; };
      body: {
        submitted_values: Array<unknown> | Record<string, unknown>;
      };
      response: {
        id: number;
        content: string | null;
        message_type: number;
        content_type: string;
        content_attributes: Record<string, unknown>;
        created_at: number;
        conversation_id: number;
        attachments?: Array<{
          id: number;
          message_id: number;
          file_type: string;
          account_id: number;
          extension: string | null;
          data_url: string;
          thumb_url: string;
          file_size: number;
          width: number | null;
          height: number | null;
        }>;
        sender?: Record<string, unknown>;
      };
    };
  };
  "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/toggle_status": {
    post: {
      path: { inbox_identifier: string | number; contact_identifier: string | number; conversation_id: string | number; };
      response: {
        id: number;
        uuid: string;
        inbox_id: number;
        contact_last_seen_at: number;
        status: string;
        agent_last_seen_at: number;
        messages: Array<{
          id: number;
          content: string | null;
          message_type: number;
          content_type: string;
          content_attributes: Record<string, unknown>;
          created_at: number;
          conversation_id: number;
          attachments?: Array<{
            id: number;
            message_id: number;
            file_type: string;
            account_id: number;
            extension: string | null;
            data_url: string;
            thumb_url: string;
            file_size: number;
            width: number | null;
            height: number | null;
          }>;
          sender?: Record<string, unknown>;
        }>;
        contact: {
          id: number;
          name: string | null;
          email: string | null;
          phone_number: string | null;
          account_id: number;
          created_at: string;
          updated_at: string;
          additional_attributes: Record<string, unknown>;
          identifier: string | null;
          custom_attributes: Record<string, unknown>;
          last_activity_at: string | null;
          contact_type: string;
          middle_name: string | null;
          last_name: string | null;
          location: string | null;
          country_code: string | null;
          blocked: boolean;
          company_id: number | null;
        };
      };
    };
  };
  "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/toggle_typing": {
    post: {
      path: { inbox_identifier: string | number; contact_identifier: string | number; conversation_id: string | number; };
      body: {
        typing_status: "on" | "off";
      };
      response: unknown;
    };
  };
  "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/update_last_seen": {
    post: {
      path: { inbox_identifier: string | number; contact_identifier: string | number; conversation_id: string | number; };
      response: unknown;
    };
  };
  "/survey/responses/{conversation_uuid}": {
    get: {
      path: { conversation_uuid: string | number; };
      response: unknown;
    };
  };
}

/** Lists that page, with `page` (Chatwoot) or `PageNumber`/`PageSize` (WTS): what `client.paginate` walks. */
export const PAGED_PATHS = [
  '/api/v1/accounts/{account_id}/automation_rules',
  '/api/v1/accounts/{account_id}/automation_rules/{id}/runs',
  '/api/v1/accounts/{account_id}/chatbots',
  '/api/v1/accounts/{account_id}/contacts',
  '/api/v1/accounts/{account_id}/contacts/active',
  '/api/v1/accounts/{account_id}/contacts/search',
  '/api/v1/accounts/{account_id}/conversations',
  '/api/v1/accounts/{account_id}/conversations/meta',
  '/api/v1/accounts/{account_id}/conversations/search',
  '/api/v1/accounts/{account_id}/conversations/{conversation_id}/attachments',
  '/api/v1/accounts/{account_id}/csat_survey_responses',
  '/api/v1/accounts/{account_id}/csat_survey_responses/metrics',
  '/api/v1/accounts/{account_id}/integrations/hooks/{id}/deliveries',
  '/api/v1/accounts/{account_id}/portals/{portal_id}/articles',
  '/api/v1/accounts/{account_id}/webhooks/{id}/deliveries',
  '/api/v2/accounts/{account_id}/reports/conversations',
  '/chat/v1/chatbot',
  '/chat/v1/message',
  '/chat/v1/scheduled-message',
  '/chat/v1/sequence',
  '/chat/v1/session',
  '/chat/v1/session/{id}/message',
  '/chat/v1/session/{id}/note',
  '/chat/v1/template',
  '/chat/v2/sequence/{id}/contact',
  '/chat/v2/session',
  '/core/v1/contact',
  '/core/v1/portfolio',
  '/core/v1/portfolio/{id}/contact',
  '/crm/v1/panel',
  '/crm/v1/panel/card',
  '/crm/v1/panel/card/{cardId}/note',
  '/crm/v1/panel/{id}/lost-reason',
  '/crm/v2/panel',
  '/crm/v2/panel/card',
  '/hc/{slug}/{locale}/articles.json'
] as const;
