import { describe, expect, it } from 'vitest';
import { markdownText, renderMarkdown } from './markdown.ts';

describe('article markdown', () => {
  it('renders headings, lists, emphasis, code, quotes and links', () => {
    const html = renderMarkdown(
      '# Setup\n\nInstall **fast** and *well*.\n\n- one\n- `two`\n\n1. first\n2. second\n\n> a quote\n\n```\nnpm start\n```\n\n[Docs](https://example.com/docs?a=1&b=2)',
    );
    expect(html).toContain('<h2>Setup</h2>');
    expect(html).toContain('<p>Install <strong>fast</strong> and <em>well</em>.</p>');
    expect(html).toContain('<ul><li>one</li><li><code>two</code></li></ul>');
    expect(html).toContain('<ol><li>first</li><li>second</li></ol>');
    expect(html).toContain('<blockquote><p>a quote</p></blockquote>');
    expect(html).toContain('<pre><code>npm start</code></pre>');
    expect(html).toContain('<a href="https://example.com/docs?a=1&amp;b=2" rel="noopener nofollow">Docs</a>');
  });

  it('escapes every tag, attribute and entity the author wrote', () => {
    const attacks = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:alert(1)">x</a>',
      '<svg/onload=alert(1)>',
      '&lt;script&gt;',
      '```\n</code></pre><script>alert(1)</script>\n```',
      '`<b onmouseover=alert(1)>`',
      '[click](javascript:alert(1))',
      '![x](javascript:alert(1))',
      '[x](https://a.example/"onmouseover="alert(1))',
      '[x](//evil.example/)',
    ];
    for (const source of attacks) {
      const html = renderMarkdown(source);
      expect(html, source).not.toMatch(/<(script|svg|iframe|b)[\s>/]/i);
      expect(html, source).not.toMatch(/<[^>]+\son\w+=/i);
      expect(html, source).not.toMatch(/href="(?!https?:|mailto:|\/|#)/i);
      expect(html, source).not.toContain('javascript:alert(1)"');
    }
    expect(renderMarkdown('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(renderMarkdown('&lt;script&gt;')).toBe('<p>&amp;lt;script&amp;gt;</p>');
    expect(renderMarkdown('[x](https://a.example/"onmouseover="alert(1))')).toContain(
      'href="https://a.example/&quot;onmouseover=&quot;alert(1"',
    );
  });

  it('gives plain text for snippets', () => {
    expect(markdownText('# Title\n\nSome **bold** [link](https://x.example)')).toBe('Title Some bold link');
  });
});
