import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { App } from '../../../types.ts';
import type { Account } from '../../../../db/types.ts';
import { AppError, unprocessable } from '../../../../errors.ts';
import { UNKNOWN_TYPE } from '../../../../domain/attachments/media-type.ts';
import { importContacts } from '../../../../domain/contacts/import.ts';
import { isUploadedFile } from '../../../multipart.ts';
import { contactFilter } from '../../../../domain/contacts/filter.ts';
import {
  contactsCsv,
  exportFileName,
  mailContactsCsv,
  type ExportOptions,
} from '../../../../domain/contacts/export.ts';
import { contentDisposition } from '../../../system/content-disposition.ts';
import { sendEmpty } from '../../presenters/schema-helpers.ts';
import { ExportBody, ExportQuery, ImportBody, ImportResponse } from './schema.ts';

const tags = ['Contacts'];

/** The CSV as a download, streamed page by page as the client reads it. */
function sendCsv(reply: FastifyReply, account: Account, csv: AsyncGenerator<string>) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', contentDisposition('attachment', exportFileName(account)))
    .header('cache-control', 'private, no-store')
    .send(Readable.from(csv));
}

export default async function contactImportExport(app: App): Promise<void> {
  const { db, mailer, storage } = app.deps;

  app.post(
    '/contacts/import',
    {
      config: { policy: 'contacts.import', uploadField: 'import_file' },
      schema: {
        tags,
        summary:
          'Import contacts from a CSV file (multipart import_file): upserted at once, up to 10,000 rows; administrators only',
        body: ImportBody,
        response: { 200: ImportResponse },
      },
    },
    async (request) => {
      const file = request.body.import_file;
      if (!isUploadedFile(file) || file.size === 0) throw unprocessable('File is blank', ['import_file']);
      // Sniffed from the bytes: only media types are recognised, and none of them is a CSV.
      if (file.contentType !== UNKNOWN_TYPE)
        throw new AppError('unsupported_media_type', `import_file must be a CSV file, not ${file.contentType}`, [
          'import_file',
        ]);
      const stored = await storage.get(file.storageKey);
      if (!stored) throw unprocessable('File is blank', ['import_file']);
      return importContacts(db, request.auth.account.id, stored.body);
    },
  );

  app.get(
    '/contacts/export',
    {
      config: { policy: 'contacts.export' },
      schema: {
        tags,
        summary: 'Export contacts as CSV (a Switchboard addition: the file itself; administrators only)',
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const { label, column_names } = request.query;
      return sendCsv(
        reply,
        request.auth.account,
        contactsCsv(db, request.auth.account.id, { label, columns: column_names }),
      );
    },
  );

  app.post(
    '/contacts/export',
    {
      config: { policy: 'contacts.export' },
      schema: {
        tags,
        summary:
          'Export contacts as CSV: emailed to the caller when SMTP is configured (Chatwoot’s behaviour), else answered as the file',
        body: ExportBody,
      },
    },
    async (request, reply) => {
      const { account } = request.auth;
      const { label, column_names, payload } = request.body;
      const options: ExportOptions = { label, columns: column_names };
      if (payload?.length) options.where = await contactFilter(db, account.id, payload);
      const csv = contactsCsv(db, account.id, options);
      // The policy admits administrators only, so a user (never a bot) is asking.
      if (!mailer.configured || !request.auth.user) return sendCsv(reply, account, csv);
      try {
        await mailContactsCsv(mailer, account, request.auth.user.email, exportFileName(account), csv);
      } catch (error) {
        request.log.warn({ err: error }, 'contacts export not mailed');
        throw new AppError(
          'unavailable',
          'The export could not be sent by email: try again, or download it with GET /contacts/export',
        );
      }
      return sendEmpty(reply);
    },
  );
}
