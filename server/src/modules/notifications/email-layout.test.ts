import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors.ts';
import { renderEmail } from './email-layout.ts';

const PUBLIC_URL = new URL('https://hearth.example.org');

describe('renderEmail', () => {
  it('should escape what people typed in the HTML part and keep the text part as typed', () => {
    const typed = 'Tom & Jerry <script>alert("hi")</script>';
    const email = renderEmail(
      {
        subject: `${typed} invited you`,
        paragraphs: [`${typed} asked to join Tech for Good Bristol.`],
        footer: ['You get this email because you are a steward.'],
      },
      PUBLIC_URL,
    );
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain(
      '<p style="margin:0 0 16px;">Tom &amp; Jerry &lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; asked to join Tech for Good Bristol.</p>',
    );
    expect(email.html).toContain(
      '<title>Tom &amp; Jerry &lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; invited you</title>',
    );
    expect(email.text).toBe(
      'Tom & Jerry <script>alert("hi")</script> asked to join Tech for Good Bristol.\n\n' +
        '--\nYou get this email because you are a steward.\n',
    );
    expect(email.subject).toBe('Tom & Jerry <script>alert("hi")</script> invited you');
  });

  it('should build the action link from PUBLIC_URL, with real link text, and write the address out', () => {
    const email = renderEmail(
      {
        subject: 'Reset your password',
        paragraphs: ['Someone asked to reset your password.', 'If it was not you, ignore this email.'],
        action: { label: 'Choose a new password', url: '/reset-password?token=a&b' },
      },
      PUBLIC_URL,
    );
    expect(email.text).toBe(
      'Someone asked to reset your password.\n\nIf it was not you, ignore this email.\n\n' +
        'Choose a new password:\nhttps://hearth.example.org/reset-password?token=a&b\n',
    );
    expect(email.html).toContain(
      '<a href="https://hearth.example.org/reset-password?token=a&amp;b" style="color:#1d4ed8;font-weight:bold;text-decoration:underline;">Choose a new password</a>',
    );
    expect(email.html).toContain(
      'Or copy this address into your browser: https://hearth.example.org/reset-password?token=a&amp;b',
    );
  });

  it('should make a simple page: English (UK), one column, no images, line breaks kept', () => {
    const email = renderEmail({ subject: 'Hello', paragraphs: ['First line\nsecond line'] }, PUBLIC_URL);
    expect(email.html.startsWith('<!doctype html>\n<html lang="en-GB">\n')).toBe(true);
    expect(email.html).toContain('<meta charset="utf-8">');
    expect(email.html).toContain('<div style="max-width:600px;margin:0 auto;padding:24px 16px;">');
    expect(email.html).not.toMatch(/<img|<table|<script/);
    expect(email.html).toContain('First line<br>\nsecond line');
    expect(email.text).toBe('First line\nsecond line\n');
  });

  it('should make the subject one line', () => {
    expect(renderEmail({ subject: '  New\r\nmember\tjoined ', paragraphs: ['x'] }, PUBLIC_URL).subject).toBe(
      'New member joined',
    );
  });

  it('should refuse a link away from Hearth, and an empty subject', () => {
    const away = () =>
      renderEmail(
        { subject: 'Hi', paragraphs: ['x'], action: { label: 'Look', url: 'https://elsewhere.example/' } },
        PUBLIC_URL,
      );
    expect(away).toThrow(DomainError);
    expect(away).toThrow(
      'An email links only to Hearth (https://hearth.example.org), not to https://elsewhere.example.',
    );
    expect(() => renderEmail({ subject: ' \n ', paragraphs: ['x'] }, PUBLIC_URL)).toThrow('An email needs a subject.');
  });
});
