import { Type, type Static } from 'typebox';
import type { Attachment } from '../../../db/types.ts';
import { Nullable } from './schema-helpers.ts';
import { attachmentUrl } from '../../system/attachments.ts';

export const AttachmentSchema = Type.Object({
  id: Type.Integer(),
  message_id: Type.Integer(),
  file_type: Type.String(),
  account_id: Type.Integer(),
  extension: Nullable(Type.String()),
  data_url: Type.String(),
  thumb_url: Type.String(),
  file_size: Type.Integer(),
  width: Nullable(Type.Integer()),
  height: Nullable(Type.Integer()),
});

export function presentAttachment(attachment: Attachment, publicUrl: string): Static<typeof AttachmentSchema> {
  const url = attachmentUrl(publicUrl, attachment);
  return {
    id: attachment.id,
    message_id: attachment.message_id,
    file_type: attachment.file_type,
    account_id: attachment.account_id,
    extension: attachment.extension,
    data_url: url,
    thumb_url: attachment.file_type === 'image' ? url : '',
    file_size: attachment.file_size,
    width: attachment.width,
    height: attachment.height,
  };
}
