// Library text is written in Markdown and shown as HTML. markdown-it parses it with raw HTML
// turned off, and sanitize-html then keeps only an allow-list of harmless elements, so neither a
// parser gap nor a future option can let a script, an event handler or a javascript: link
// through. Images are left out: an image from another site tells that site who is reading.
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const parser = new MarkdownIt({ html: false, linkify: true, typographer: false }).disable(['image']);

/** Headings inside an item sit below the page's own (h1) and the item's sections (h2). */
const HEADING_SHIFT: Record<string, string> = { h1: 'h3', h2: 'h4', h3: 'h5', h4: 'h6', h5: 'h6', h6: 'h6' };

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'strong',
    'em',
    's',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'h3',
    'h4',
    'h5',
    'h6',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'], th: ['style'], td: ['style'] },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    ...HEADING_SHIFT,
    // Links lead away from Hearth: the other site learns nothing of the page or its opener.
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow noopener noreferrer' } }),
  },
};

/** Markdown as safe HTML. */
export function renderMarkdown(markdown: string): string {
  if (markdown.trim() === '') return '';
  return sanitizeHtml(parser.render(markdown), SANITIZE).trim();
}

type Token = ReturnType<typeof parser.parse>[number];

/** The words of a Markdown text without its markup: for search and snippets. */
export function markdownToText(markdown: string): string {
  const pieces: string[] = [];
  const collect = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === 'inline' && token.children) collect(token.children);
      else if (token.type === 'text' || token.type === 'code_inline') pieces.push(token.content);
      else if (token.type === 'code_block' || token.type === 'fence') pieces.push(token.content);
      else if (token.type === 'softbreak' || token.type === 'hardbreak') pieces.push(' ');
      else if (token.block && token.nesting === -1) pieces.push('\n');
    }
  };
  collect(parser.parse(markdown, {}));
  return pieces
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}
