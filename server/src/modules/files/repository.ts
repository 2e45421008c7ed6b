import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Executor = Kysely<Database>;

/** A stored file as the service reads it, without its bytes. */
export interface FileRecord {
  id: string;
  name: string;
  contentType: string;
  size: number;
  uploadedBy: string | null;
  createdAt: Date;
}

export interface NewFile {
  uploadedBy: string;
  name: string;
  contentType: string;
  bytes: Uint8Array;
  sha256: string;
  createdAt: Date;
}

const FILE_COLUMNS = [
  'id',
  'name',
  'content_type as contentType',
  'size',
  'uploaded_by as uploadedBy',
  'created_at as createdAt',
] as const;

export async function insertFile(db: Executor, file: NewFile): Promise<FileRecord> {
  return db
    .insertInto('files')
    .values({
      uploaded_by: file.uploadedBy,
      name: file.name,
      content_type: file.contentType,
      size: file.bytes.byteLength,
      sha256: file.sha256,
      content: file.bytes,
      created_at: file.createdAt,
    })
    .returning(FILE_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function getFilesByIds(db: Executor, ids: readonly string[]): Promise<FileRecord[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('files')
    .select(FILE_COLUMNS)
    .where('id', 'in', [...ids])
    .execute();
}

export async function getFileWithBytes(
  db: Executor,
  id: string,
): Promise<{ record: FileRecord; bytes: Uint8Array } | undefined> {
  const row = await db
    .selectFrom('files')
    .select([...FILE_COLUMNS, 'content'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { content, ...record } = row;
  return { record, bytes: content };
}

export async function isUploadedBy(db: Executor, fileId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('files')
    .select('id')
    .where('id', '=', fileId)
    .where('uploaded_by', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** How many files the person has uploaded since `since`. */
export async function countUploadsSince(db: Executor, userId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('files')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('uploaded_by', '=', userId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function getFileIdsUploadedBy(db: Executor, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('files').select('id').where('uploaded_by', '=', userId).execute();
  return rows.map((row) => row.id);
}

export async function deleteFiles(db: Executor, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .deleteFrom('files')
    .where('id', 'in', [...ids])
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
