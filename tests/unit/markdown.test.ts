import { describe, expect, it } from 'vitest';
import { markdownSchema } from '../../src-main/contract';
import { markdownLinks, parseMarkdown } from '../../src-main/infra/content/markdown';

describe('content Markdown', () => {
  it('keeps paragraphs, headings, emphasis, lists, quotes and links as a tree the contract accepts', () => {
    const { tree, text, problems } = parseMarkdown(
      [
        '## Why it helps',
        '',
        'Take **one** slow breath, *then* read [more](article:breathing-for-calm).',
        '',
        '- first',
        '- second',
        '',
        '3. three',
        '',
        '> a quote',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(markdownSchema.safeParse(tree).success).toBe(true);
    expect(tree[0]).toEqual({ t: 'h', level: 2, c: [{ t: 'text', v: 'Why it helps' }] });
    expect(tree[1]).toEqual({
      t: 'p',
      c: [
        { t: 'text', v: 'Take ' },
        { t: 'strong', c: [{ t: 'text', v: 'one' }] },
        { t: 'text', v: ' slow breath, ' },
        { t: 'em', c: [{ t: 'text', v: 'then' }] },
        { t: 'text', v: ' read ' },
        { t: 'link', href: 'article:breathing-for-calm', c: [{ t: 'text', v: 'more' }] },
        { t: 'text', v: '.' },
      ],
    });
    expect(tree[2]).toMatchObject({ t: 'ul', items: [[{ t: 'p' }], [{ t: 'p' }]] });
    expect(tree[3]).toMatchObject({ t: 'ol', start: 3 });
    expect(tree[4]).toMatchObject({ t: 'quote' });
    expect(text).toContain('Take one slow breath, then read more.');
    expect(markdownLinks(tree)).toEqual(['article:breathing-for-calm']);
  });

  it('gives the search index every block as a line of its own, so words of two blocks never run together', () => {
    const { text } = parseMarkdown(
      [
        '## Long meetings',
        '',
        '- Stand up in meetings',
        '- Find a quiet room',
        '',
        '> Breathe out',
        'Then go on',
      ].join('\n'),
    );
    expect(text.split('\n')).toEqual([
      'Long meetings',
      'Stand up in meetings',
      'Find a quiet room',
      'Breathe out',
      'Then go on',
    ]);
  });

  it('names the line of anything it will not show, and never passes raw HTML or script links on', () => {
    const { tree, problems } = parseMarkdown(
      [
        '# Title',
        '',
        '<script>alert(1)</script>',
        '',
        '[x](javascript:alert(1)) ![i](https://a.b/c.png)',
      ].join('\n'),
    );
    expect(problems).toEqual([
      'line 1: use ## to #### for headings (the title is the page heading)',
      'line 3: raw HTML is not shown in Stillroom',
      'line 5: the link "javascript:alert(1)" must be https:, a plain mailto: address (no ?query), article:<id> or module:<id>',
      'line 5: an image is not shown in Stillroom',
    ]);
    expect(JSON.stringify(tree)).not.toMatch(/script|javascript/);
    expect(markdownSchema.safeParse(tree).success).toBe(true);
  });

  it('refuses a tree with a hostile link even if one were built by hand', () => {
    const hostile = [{ t: 'p', c: [{ t: 'link', href: 'javascript:alert(1)', c: [] }] }];
    expect(markdownSchema.safeParse(hostile).success).toBe(false);
  });
});
