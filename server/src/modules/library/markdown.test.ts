import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from './markdown.ts';
import { libraryBodyText, libraryMarkdown } from './text.ts';

/** Payloads from the usual XSS cheat sheets, each of which must come out harmless. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](java\tscript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](javascript:alert(1))',
  '![x](https://tracker.example/pixel.gif)',
  '<iframe src="https://evil.example"></iframe>',
  '<style>body{display:none}</style>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<div onclick="alert(1)">x</div>',
  '<details open ontoggle=alert(1)>',
  '<form action="https://evil.example"><button>Go</button></form>',
  '[x](https://ok.example "title" onclick=alert(1))',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
];

describe('renderMarkdown', () => {
  it('should render the Markdown people write: emphasis, lists, links, tables, code', () => {
    const html = renderMarkdown(
      '**Bold** and _italic_\n\n- one\n- two\n\n1. first\n\n[ICO](https://ico.org.uk/)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n`code`',
    );
    expect(html).toContain('<strong>Bold</strong>');
    expect(html).toContain('<em>italic</em>');
    expect(html).toContain('<ul>\n<li>one</li>');
    expect(html).toContain('<a href="https://ico.org.uk/" rel="nofollow noopener noreferrer">ICO</a>');
    expect(html).toContain('<td>1</td>');
    expect(html).toContain('<code>code</code>');
  });

  it('should link bare addresses and keep mailto links', () => {
    expect(renderMarkdown('See https://www.ncsc.gov.uk/ now')).toContain('href="https://www.ncsc.gov.uk/"');
    expect(renderMarkdown('[Write](mailto:hello@example.org)')).toContain('href="mailto:hello@example.org"');
  });

  it('should put headings below the page and section headings', () => {
    expect(renderMarkdown('# Top\n\n## Next')).toBe('<h3>Top</h3>\n<h4>Next</h4>');
  });

  it.each(PAYLOADS)('should leave no script, handler, frame or foreign link in %s', (payload) => {
    const html = renderMarkdown(`Before\n\n${payload}\n\nAfter`).toLowerCase();
    expect(html).not.toMatch(/<script|<img|<svg|<iframe|<style|<form|<math|<details|<div/);
    // Inside a tag, not in text shown as text (&lt;img onerror=…&gt; is harmless words).
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/);
    expect(html).not.toMatch(/<a [^>]*href="(?!https?:|mailto:)/);
    expect(html).not.toMatch(/<[a-z][^>]*style=/);
    expect(html).toContain('after');
  });

  it('should show raw HTML as the text it is, not as markup', () => {
    expect(renderMarkdown('<b>hi</b>')).toBe('<p>&lt;b&gt;hi&lt;/b&gt;</p>');
  });

  it('should give nothing for blank text', () => {
    expect(renderMarkdown('  \n ')).toBe('');
  });
});

describe('markdownToText', () => {
  it('should keep the words and drop the markup, a line per block', () => {
    expect(
      markdownToText('## Why\n\nWe **moved** the [newsletter](https://x.example) to `Mailchimp`.\n\n- one\n- two'),
    ).toBe('Why\nWe moved the newsletter to Mailchimp.\none\ntwo');
  });
});

describe('library text', () => {
  const caseStudy = {
    orgName: 'Grangetown Food Bank',
    problem: 'Rotas on **paper**.',
    approach: 'A shared sheet.',
    cost: '',
    duration: 'Six weeks',
    outcome: 'Fewer gaps.',
    evidence: '',
    differently: 'Start sooner.',
    happyToTalk: true,
  };

  it('should join a case study under its headings, leaving out empty sections', () => {
    expect(libraryMarkdown('CASE_STUDY', caseStudy)).toBe(
      '## The problem\n\nRotas on **paper**.\n\n## What they tried\n\nA shared sheet.\n\n## How long it took\n\nSix weeks\n\n## What came of it\n\nFewer gaps.\n\n## What they would do differently\n\nStart sooner.',
    );
  });

  it('should give search the organisation, the words and the tools, with no control characters', () => {
    const text = libraryBodyText('CASE_STUDY', { ...caseStudy, problem: 'Rotas\u0002 on paper' }, ['Google Sheets']);
    expect(text.startsWith('Grangetown Food Bank\nRotas  on paper\nA shared sheet.')).toBe(true);
    expect(text).not.toContain('The problem');
    expect(text.endsWith('Google Sheets')).toBe(true);
    expect(libraryBodyText('TIP', { body: 'Use [2FA](https://x.example)' }, [])).toBe('Use 2FA');
  });
});
