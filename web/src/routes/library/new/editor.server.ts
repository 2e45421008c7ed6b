// What the new and edit pages' actions share: reading the editor's form, passing a chosen file on
// to POST /files, previewing Markdown through the API, and turning the API's errors into the
// form's. The HTML of a preview comes from the API, sanitised; the page never renders Markdown.
import { fail, type RequestEvent } from '@sveltejs/kit';
import { LibraryEditorPreviewDocument, type LibraryItemKind } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import type { HearthGraphqlError } from '#lib/server/contract.ts';
import { failureStatus, problemFromErrors, type FormProblem } from '#lib/server/forms.ts';
import { redirectToSignIn } from '#lib/server/session.ts';
import {
  ITEM_FIELDS,
  MARKDOWN_FIELDS,
  readValues,
  type ItemField,
  type ItemValues,
  type MarkdownField,
} from './editor.ts';

/** What the editor's action gives back when it did not save: a preview, or the problems. */
export interface EditorState extends FormProblem<ItemField> {
  values: ItemValues;
  /** Sanitised HTML of each Markdown field previewed, from the API. */
  previews?: Partial<Record<MarkdownField, string>>;
}

const DEFAULT_API_URL = 'http://127.0.0.1:3000/graphql';

/** Where POST /files is under `vite dev`, and the Origin it trusts: the API HEARTH_API_URL names. */
function filesEndpoint(): { url: URL; origin: string } {
  const origin = new URL(process.env.HEARTH_API_URL ?? DEFAULT_API_URL).origin;
  return { url: new URL('/files', origin), origin };
}

/**
 * Passes a file the form carried on to POST /files as the person (their session cookie, our
 * Origin), so the page works with JavaScript off. The API checks size and type from the content.
 */
async function uploadFile(event: RequestEvent, file: File): Promise<{ id: string; name: string } | { error: string }> {
  const inProcess = event.platform?.req.hearthApi;
  if (inProcess) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { status, body } = await inProcess.upload({ name: file.name, type: file.type, bytes });
    if (status === 201 && body.id) return { id: body.id, name: body.name ?? file.name };
    return { error: body.error?.message ?? 'The file could not be uploaded. Please try again.' };
  }
  const { url, origin } = filesEndpoint();
  const body = new FormData();
  body.append('file', file, file.name);
  const cookie = event.request.headers.get('cookie');
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { origin, ...(cookie ? { cookie } : {}) }, body });
  } catch {
    return { error: 'The file could not be uploaded just now. Please try again.' };
  }
  const answer = (await response.json().catch(() => null)) as {
    id?: string;
    name?: string;
    error?: { message?: string };
  } | null;
  if (response.status === 201 && answer?.id) return { id: answer.id, name: answer.name ?? file.name };
  return { error: answer?.error?.message ?? 'The file could not be uploaded. Please try again.' };
}

/** The Markdown fields of a kind that a preview shows. */
function markdownFieldsOf(kind: LibraryItemKind): readonly MarkdownField[] {
  return kind === 'CASE_STUDY' ? MARKDOWN_FIELDS.filter((field) => field !== 'body') : ['body'];
}

/** Each Markdown field that has words, as the library will show it. */
async function previewsOf(event: RequestEvent, kind: LibraryItemKind, values: ItemValues) {
  const fields = markdownFieldsOf(kind).filter((field) => (values[field] ?? '').trim() !== '');
  const rendered = await Promise.all(
    fields.map(async (field) => {
      const { data, errors } = await graphql(event, LibraryEditorPreviewDocument, { markdown: values[field] ?? '' });
      if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      return [field, data?.libraryPreview ?? null, errors[0]?.message] as const;
    }),
  );
  const previews: Partial<Record<MarkdownField, string>> = {};
  const errors: Partial<Record<ItemField, string>> = {};
  for (const [field, html, problem] of rendered) {
    if (html !== null) previews[field] = html;
    else errors[field] = problem ?? 'This could not be previewed.';
  }
  return { previews, errors };
}

/**
 * Reads the editor's form. A file it carries is uploaded first, so it is kept (as its id) when the
 * save fails or the page previews. Returns what to send the page when there is nothing to save
 * yet (a preview, or a file refused), else the values to save.
 */
export async function readEditor(
  event: RequestEvent,
  kind: LibraryItemKind,
): Promise<{ values: ItemValues } | { answer: ReturnType<typeof fail<EditorState>> | EditorState }> {
  const form = await event.request.formData();
  const values = readValues(form);
  const file = form.get('file');
  if (kind === 'TEMPLATE' && file instanceof File && file.size > 0) {
    const uploaded = await uploadFile(event, file);
    if ('error' in uploaded) return { answer: fail(400, { values, errors: { file: uploaded.error } }) };
    values.fileId = uploaded.id;
    values.fileName = uploaded.name;
    delete values.removeFile;
  }
  if (form.has('preview')) {
    const { previews, errors } = await previewsOf(event, kind, values);
    if (Object.keys(errors).length > 0) return { answer: fail(400, { values, errors, previews }) };
    return { answer: { values, errors: {}, previews } };
  }
  return { values };
}

/** The API names the file by its id; the form by its file input. */
function onFormFields(errors: HearthGraphqlError[]): HearthGraphqlError[] {
  return errors.map((error) =>
    error.extensions?.field === 'fileId' ? { ...error, extensions: { ...error.extensions, field: 'file' } } : error,
  );
}

/** A failed save: back to the form with what was sent and the API's problems by field. */
export function saveFailed(event: RequestEvent, errors: HearthGraphqlError[], values: ItemValues) {
  if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
  const problem: EditorState = { ...problemFromErrors(onFormFields(errors), ITEM_FIELDS, values), values };
  return fail(failureStatus(errors), problem);
}
