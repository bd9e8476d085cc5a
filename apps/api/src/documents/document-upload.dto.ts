import { z } from 'zod';
import { SUPPORTED_MEDIA_TYPES } from '#libs/contracts';

/** `POST /v1/collections/:c/documents` with a JSON body (text formats; use multipart for PDFs and large files). */
export const JsonDocumentUploadSchema = z.strictObject({
  title: z.string().min(1).max(500).optional(),
  /** The document text (markdown, HTML or plain text). */
  content: z.string().min(1, 'content must not be empty'),
  media_type: z.enum(SUPPORTED_MEDIA_TYPES).optional(),
  /** Stable name (e.g. a path); uploading the same name again replaces the document's content. */
  source_name: z.string().min(1).max(1000).optional(),
});
export type JsonDocumentUpload = z.infer<typeof JsonDocumentUploadSchema>;
