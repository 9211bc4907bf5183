/**
 * Reads one multipart upload with bounded memory: a request whose Content-Length is already too
 * big is refused before a byte is read; otherwise the file is read into a buffer that multipart
 * stops filling at the byte limit (then 413). Fields are short text only.
 */
import type { FastifyRequest } from 'fastify';
import { MediaError } from '../service.js';

export interface Upload {
  data: Buffer;
  filename: string;
  mimetype: string;
  fields: Record<string, string>;
}

export const UPLOAD_FIELDS = ['alt', 'caption', 'credit', 'focalX', 'focalY'] as const;
const MAX_FIELD = 1000;

export function multipartLimits(maxBytes: number) {
  return { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 4 * MAX_FIELD, parts: 12, headerPairs: 100 };
}

export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  const tooBig = new MediaError(`The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`, 413);
  const declaredLength = Number(request.headers['content-length'] ?? 0);
  // Room for the form's other fields and the multipart framing.
  if (declaredLength > maxBytes + 64 * 1024) throw tooBig;
  if (!request.isMultipart()) throw new MediaError('Send the image as multipart/form-data with one file field.', 415);
  let file: Omit<Upload, 'fields'> | null = null;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (file) throw new MediaError('Send one file at a time.');
        file = { data: await part.toBuffer(), filename: part.filename ?? '', mimetype: part.mimetype ?? '' };
      } else if ((UPLOAD_FIELDS as readonly string[]).includes(part.fieldname)) {
        const value = typeof part.value === 'string' ? part.value : '';
        if (value.length > MAX_FIELD) throw new MediaError(`The ${part.fieldname} is longer than ${MAX_FIELD} characters.`);
        fields[part.fieldname] = value;
      }
    }
  } catch (error) {
    if (error instanceof MediaError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooBig;
    if (code === 'FST_FILES_LIMIT') throw new MediaError('Send one file at a time.');
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new MediaError('The form has too many fields.');
    throw new MediaError('The upload could not be read (the multipart body is malformed or was cut off).');
  }
  if (!file) throw new MediaError('No file was sent: add the image as a file field.');
  return { ...file, fields };
}

/** A 0..1 focal coordinate from a form field; undefined when absent, an error when out of range. */
export function focalField(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new MediaError(`The ${name} must be a number from 0 to 1.`);
  return n;
}
