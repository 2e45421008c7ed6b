// The one layout of every email Hearth sends: a plain-text part and a simple HTML part made from
// the same words. Pure: no I/O, so it is tested alone.
//
// The HTML part is for people first: one column, language set, no images (many clients block
// them, and a message must read the same without), real link text rather than "click here",
// the link's address written out too for clients that hide links. Everything a person typed
// (names, a network's name, messages) is escaped there; the text part keeps it as typed.
import { badInput } from '../../core/errors.ts';

export interface EmailAction {
  /** What following the link does, as link text: "Reset your password". */
  label: string;
  /** A path on Hearth ("/reset-password?token=…") or an address of Hearth itself. */
  url: string;
}

export interface EmailContent {
  subject: string;
  /** Paragraphs of plain text; a line break inside one is kept. */
  paragraphs: readonly string[];
  /** The one thing the email asks of the reader, if any. */
  action?: EmailAction;
  /** Why the reader got this email, and what they can do about it. */
  footer?: readonly string[];
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

/** A subject is one header line: line breaks and runs of spaces become one space. */
export function subjectLine(subject: string): string {
  return subject.replace(/\s+/g, ' ').trim();
}

/** Line endings as \n, and no blank lines at either end. */
function tidy(paragraph: string): string {
  return paragraph.replace(/\r\n?/g, '\n').trim();
}

/**
 * The action's address, made from PUBLIC_URL. An email from Hearth links only to Hearth: an
 * address elsewhere is refused, so a link a person typed can never become the email's button.
 */
export function actionUrl(url: string, publicUrl: URL): URL {
  let resolved: URL;
  try {
    resolved = new URL(url, publicUrl);
  } catch {
    throw badInput('action', `The link "${url}" is not an address.`);
  }
  if (resolved.origin !== publicUrl.origin) {
    throw badInput('action', `An email links only to Hearth (${publicUrl.origin}), not to ${resolved.origin}.`);
  }
  return resolved;
}

function textPart(content: EmailContent, link: URL | null): string {
  const blocks = content.paragraphs.map(tidy);
  if (content.action && link) blocks.push(`${tidy(content.action.label)}:\n${link.href}`);
  if (content.footer?.length) blocks.push(['--', ...content.footer.map(tidy)].join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

const BODY_STYLE =
  'margin:0;padding:0;background:#ffffff;color:#0b0c0c;font-family:Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;';
const COLUMN_STYLE = 'max-width:600px;margin:0 auto;padding:24px 16px;';
const LINK_STYLE = 'color:#1d4ed8;font-weight:bold;text-decoration:underline;';
const FOOTER_STYLE = 'margin:0 0 8px;color:#505a5f;font-size:14px;';

const paragraphHtml = (text: string, style = 'margin:0 0 16px;') =>
  `<p style="${style}">${escapeHtml(tidy(text)).replace(/\n/g, '<br>\n')}</p>`;

function htmlPart(content: EmailContent, subject: string, link: URL | null): string {
  const parts = [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title>`,
    '</head>',
    `<body style="${BODY_STYLE}">`,
    `<div style="${COLUMN_STYLE}">`,
    ...content.paragraphs.map((paragraph) => paragraphHtml(paragraph)),
  ];
  if (content.action && link) {
    const href = escapeHtml(link.href);
    parts.push(
      `<p style="margin:24px 0 8px;"><a href="${href}" style="${LINK_STYLE}">${escapeHtml(tidy(content.action.label))}</a></p>`,
      `<p style="margin:0 0 24px;font-size:14px;">Or copy this address into your browser: ${href}</p>`,
    );
  }
  if (content.footer?.length) {
    parts.push('<hr style="border:0;border-top:1px solid #b1b4b6;margin:24px 0 16px;">');
    parts.push(...content.footer.map((line) => paragraphHtml(line, FOOTER_STYLE)));
  }
  parts.push('</div>', '</body>', '</html>', '');
  return parts.join('\n');
}

/** Lays an email out as text and HTML; the action's link is built from `publicUrl`. */
export function renderEmail(content: EmailContent, publicUrl: URL): RenderedEmail {
  const subject = subjectLine(content.subject);
  if (subject === '') throw badInput('subject', 'An email needs a subject.');
  const link = content.action ? actionUrl(content.action.url, publicUrl) : null;
  return { subject, text: textPart(content, link), html: htmlPart(content, subject, link) };
}
