// Uploaded files: a template's attachment. Kept in the database (see the files migration), typed
// from their bytes rather than their names, and served only to the uploader or to whoever the
// module that attached the file says may read it (the files module cannot know who that is).
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { ServiceContext } from '../../core/context.ts';
import { badInput, rateLimited } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import { requireViewer } from '../accounts/service.ts';
import * as repo from './repository.ts';
import type { FileRecord } from './repository.ts';

export type { FileRecord };

/** 10 MiB, as the files table's check allows. */
export const MAX_FILE_SIZE = 10 * 1024 * 1024;
export const NAME_MAX = 200;

/** Enough for anyone attaching templates, and a ceiling on what one account can pour in: 600 MiB an hour. */
export const UPLOADS_PER_HOUR = 60;
const HOUR_MS = 60 * 60 * 1000;

/** The types a template may attach, with the extension each is saved under (first) and others it may have. */
const ALLOWED: ReadonlyMap<string, readonly string[]> = new Map([
  ['application/pdf', ['pdf']],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', ['docx']],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ['xlsx']],
  ['application/vnd.oasis.opendocument.text', ['odt']],
  ['application/vnd.oasis.opendocument.spreadsheet', ['ods']],
  ['image/png', ['png']],
  ['image/jpeg', ['jpg', 'jpeg']],
]);

const ALLOWED_LIST = 'a PDF, Word, OpenDocument, Excel, PNG or JPEG file';

/** What people call the types they are most likely to attach by mistake. */
const TYPE_NAMES: Readonly<Record<string, string>> = {
  'application/zip': 'a ZIP archive',
  'application/x-msdownload': 'a Windows program',
  'application/x-elf': 'a program',
  'application/msword': 'an old-style Word document (.doc)',
  'application/vnd.ms-excel': 'an old-style Excel workbook (.xls)',
  'application/x-cfb': 'an old-style Office document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'a PowerPoint presentation',
  'application/vnd.oasis.opendocument.presentation': 'an OpenDocument presentation',
  'image/gif': 'a GIF image',
  'image/webp': 'a WebP image',
  'image/heic': 'a HEIC photo',
  'image/svg+xml': 'an SVG image',
  'application/rtf': 'a Rich Text document',
};

// Refused.

const ACCEPTED_HINT = `attach ${ALLOWED_LIST}.`;

function notAllowed(kind: { ext: string; mime: string } | undefined): never {
  if (!kind) {
    throw badInput('file', `We could not tell what kind of file this is; ${ACCEPTED_HINT}`);
  }
  const name = TYPE_NAMES[kind.mime] ?? `a ${kind.ext.toUpperCase()} file`;
  throw badInput('file', `This file is ${name}; ${ACCEPTED_HINT}`);
}

// Names.

/**
 * Characters that never belong in a file name a browser saves: controls (C0, DEL, C1), the
 * direction overrides that make `evil‮fdp.exe` read as `evilexe.pdf`, and zero-width ones.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;
const EXTENSION = /\.[\p{L}\p{N}]{1,10}$/u;

/**
 * The uploader's name, safe to hand back in a download: its last path part only, without
 * control or direction characters, at most NAME_MAX characters, ending in the extension of
 * what the bytes are (so `report.pdf` that is really a Word file downloads as `report.docx`).
 */
export function safeFileName(raw: string, contentType: string): string {
  const extensions = ALLOWED.get(contentType) ?? ['bin'];
  const lastPart = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = lastPart.replace(/\s+/g, ' ').replace(UNSAFE_IN_NAME, '').trim();
  const extension = EXTENSION.exec(cleaned)?.[0] ?? '';
  const keeps = extensions.includes(extension.slice(1).toLowerCase());
  // Leading dots would hide the file on Unix; trailing dots and spaces Windows drops itself.
  const stem = (extension ? cleaned.slice(0, -extension.length) : cleaned).replace(/^[.\s]+|[.\s]+$/g, '');
  const suffix = keeps ? extension : `.${extensions[0]}`;
  const room = NAME_MAX - [...suffix].length;
  const shortened = [...(stem || 'attachment')].slice(0, room).join('').trimEnd();
  return `${shortened}${suffix}`;
}

// Uploading.

/**
 * Refuses a person who may not upload now: signed out, or past the hourly allowance. Checked by
 * the route before it reads a byte of the body, and again when storing.
 */
export async function ensureMayUpload(ctx: ServiceContext): Promise<void> {
  const viewer = requireViewer(ctx);
  const since = new Date(ctx.clock.now().getTime() - HOUR_MS);
  if ((await repo.countUploadsSince(ctx.db, viewer.userId, since)) >= UPLOADS_PER_HOUR) {
    throw rateLimited(`You have uploaded ${UPLOADS_PER_HOUR} files in the last hour. Wait a while, then try again.`);
  }
}

/** Stores a file the viewer uploaded, once it is of an allowed type and size. */
export async function storeUpload(
  ctx: ServiceContext,
  upload: { name: string; bytes: Uint8Array },
): Promise<FileRecord> {
  const viewer = requireViewer(ctx);
  const { bytes } = upload;
  if (bytes.byteLength === 0) throw badInput('file', `This file is empty; ${ACCEPTED_HINT}`);
  if (bytes.byteLength > MAX_FILE_SIZE) {
    throw badInput('file', 'This file is larger than 10 MB; attach a smaller one, or link to it instead.');
  }
  const kind = await fileTypeFromBuffer(bytes);
  if (!kind || !ALLOWED.has(kind.mime)) notAllowed(kind);
  await ensureMayUpload(ctx);
  return repo.insertFile(ctx.db, {
    uploadedBy: viewer.userId,
    name: safeFileName(upload.name, kind.mime),
    contentType: kind.mime,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    createdAt: ctx.clock.now(),
  });
}

// Reading.

/** Files by id, without asking who may see them: the caller decides (for loaders). */
export async function filesByIds(ctx: ServiceContext, ids: readonly string[]): Promise<Map<string, FileRecord>> {
  const found = await repo.getFilesByIds(ctx.db, [...new Set(ids)].filter(isUuid));
  return new Map(found.map((file) => [file.id, file]));
}

/** Whether this person uploaded the file (a template may attach only its author's own uploads). */
export async function fileUploadedBy(ctx: ServiceContext, fileId: string, userId: string): Promise<boolean> {
  return isUuid(fileId) && repo.isUploadedBy(ctx.db, fileId, userId);
}

/** Decides, for anyone but the uploader, whether they may read a file (the library knows). */
export type MayReadFile = (ctx: ServiceContext, fileId: string) => Promise<boolean>;

/**
 * The file and its bytes for the viewer, or null when there is no such file or they may not
 * read it: the same answer, so an id tells an outsider nothing. The bytes are read only once the
 * viewer may have them.
 */
export async function readFileForDownload(
  ctx: ServiceContext,
  fileId: string,
  mayRead: MayReadFile,
): Promise<{ record: FileRecord; bytes: Uint8Array } | null> {
  if (!isUuid(fileId)) return null;
  const record = (await filesByIds(ctx, [fileId])).get(fileId);
  if (!record) return null;
  const isUploader = ctx.viewer !== null && record.uploadedBy === ctx.viewer.userId;
  if (!isUploader && !(await mayRead(ctx, fileId))) return null;
  return (await repo.getFileWithBytes(ctx.db, fileId)) ?? null;
}

// Erasure.

/**
 * Deletes the files a person uploaded that nothing uses, when their account goes: an upload never
 * attached is theirs alone. Files attached somewhere stay, as part of the network's library, and
 * lose their uploader when the account row goes (the foreign key sets it null). `attached` says
 * which of the ids something uses; run inside the erasing transaction.
 */
/** The files the person uploaded, without their bytes, for their data export. */
export async function filesForExport(ctx: ServiceContext, userId: string) {
  const files = await repo.getFilesByIds(ctx.db, await repo.getFileIdsUploadedBy(ctx.db, userId));
  return files.map((file) => ({
    id: file.id,
    name: file.name,
    contentType: file.contentType,
    size: file.size,
    uploadedAt: file.createdAt,
  }));
}

export async function eraseUnattachedFilesOf(
  ctx: ServiceContext,
  userId: string,
  attached: (ctx: ServiceContext, fileIds: readonly string[]) => Promise<ReadonlySet<string>>,
): Promise<number> {
  const ids = await repo.getFileIdsUploadedBy(ctx.db, userId);
  if (ids.length === 0) return 0;
  const kept = await attached(ctx, ids);
  return repo.deleteFiles(
    ctx.db,
    ids.filter((id) => !kept.has(id)),
  );
}
