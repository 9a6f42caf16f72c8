import { describe, expect, test } from 'vitest';
import { inline, renderMarkdown } from '../../web/site/markdown';

describe('inline Markdown', () => {
  test('code spans, strong, emphasis and links', () => {
    expect(inline('Run `docker ps -a` to see **all** of them, *even* stopped ones.')).toBe('Run <code>docker ps -a</code> to see <strong>all</strong> of them, <em>even</em> stopped ones.');
    expect(inline('[the lessons](/lessons/ "All lessons")')).toBe('<a href="/lessons/" title="All lessons">the lessons</a>');
    expect(inline('<https://docs.docker.com/>')).toBe('<a href="https://docs.docker.com/">https://docs.docker.com/</a>');
    expect(inline('a [`docker run`](/reference/commands/#container-run) link')).toBe('a <a href="/reference/commands/#container-run"><code>docker run</code></a> link');
  });

  test('what looks like markup in code stays literal', () => {
    expect(inline('`**not bold**` and `<b>`')).toBe('<code>**not bold**</code> and <code>&lt;b&gt;</code>');
    expect(inline('``a ` b``')).toBe('<code>a ` b</code>');
    // a code span may run over a line break: the break becomes a space
    expect(inline('`docker\nstart`')).toBe('<code>docker start</code>');
  });

  test('underscores inside words and lone stars are text', () => {
    expect(inline('a_b_c and 2 * 3 * 4')).toBe('a_b_c and 2 * 3 * 4');
    expect(inline('MAX_RETRY_COUNT')).toBe('MAX_RETRY_COUNT');
    expect(inline('_word_')).toBe('<em>word</em>');
  });

  test('escapes HTML and refuses script URLs', () => {
    expect(inline('<script>alert(1)</script> & "q"')).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;');
    expect(inline('[x](javascript:alert(1))')).toBe('<a href="#">x</a>');
    expect(inline('\\*not em\\*')).toBe('*not em*');
  });

  test('hard breaks', () => {
    expect(inline('one  \ntwo')).toBe('one<br>\ntwo');
    expect(inline('one\\\ntwo')).toBe('one<br>\ntwo');
  });
});

describe('block Markdown', () => {
  test('headings get unique ids, levels can be shifted', () => {
    const ids = new Set<string>();
    expect(renderMarkdown('## Exit codes\n\n## Exit codes', { ids })).toBe('<h2 id="exit-codes">Exit codes</h2>\n<h2 id="exit-codes-2">Exit codes</h2>');
    expect(renderMarkdown('# Title', { headingOffset: 1 })).toBe('<h2 id="title">Title</h2>');
  });

  test('paragraphs join their lines; blank lines separate them', () => {
    expect(renderMarkdown('one\ntwo\n\nthree')).toBe('<p>one\ntwo</p>\n<p>three</p>');
  });

  test('lists: bullets, numbers, continuation lines, nesting, loose items', () => {
    expect(renderMarkdown('- one\n  more\n- two\n  - nested\n- three')).toBe('<ul>\n<li>one\nmore</li>\n<li>two\n<ul>\n<li>nested</li>\n</ul></li>\n<li>three</li>\n</ul>');
    expect(renderMarkdown('3. c\n4. d')).toBe('<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>');
    expect(renderMarkdown('- a\n\n- b')).toBe('<ul>\n<li><p>a</p></li>\n<li><p>b</p></li>\n</ul>');
    // a list item's text may be followed by a paragraph outside the list
    expect(renderMarkdown('- a\n\nafter')).toBe('<ul>\n<li>a</li>\n</ul>\n<p>after</p>');
  });

  test('fenced code keeps its text and language; a hook may render it', () => {
    expect(renderMarkdown('```sh\necho "<hi>" && ls\n```')).toBe('<pre><code class="language-sh">echo &quot;&lt;hi&gt;&quot; &amp;&amp; ls</code></pre>');
    const seen: string[] = [];
    const html = renderMarkdown('```sh run\ndocker ps\n```\n\n~~~\nplain\n~~~', {
      code: (b) => {
        seen.push(`${b.index}:${b.info}:${b.code}`);
        return b.info.includes('run') ? `<RUN>${b.code}</RUN>` : undefined;
      },
    });
    expect(seen).toEqual(['0:sh run:docker ps', '1::plain']);
    expect(html).toBe('<RUN>docker ps</RUN>\n<pre><code>plain</code></pre>');
  });

  test('a fence inside a list item stays in the item', () => {
    expect(renderMarkdown('1. run this:\n\n   ```sh\n   docker ps\n   ```\n2. then')).toBe(
      '<ol>\n<li><p>run this:</p>\n<pre><code class="language-sh">docker ps</code></pre></li>\n<li><p>then</p></li>\n</ol>',
    );
  });

  test('block quotes, rules and tables', () => {
    expect(renderMarkdown('> **Note**\n> text')).toBe('<blockquote>\n<p><strong>Note</strong>\ntext</p>\n</blockquote>');
    expect(renderMarkdown('---')).toBe('<hr>');
    expect(renderMarkdown('| state | meaning |\n|---|:-:|\n| `created` | no process \\| yet |')).toBe(
      '<div class="table-wrap"><table><thead><tr><th>state</th><th style="text-align:center">meaning</th></tr></thead><tbody><tr><td><code>created</code></td><td style="text-align:center">no process | yet</td></tr></tbody></table></div>',
    );
  });

  test('raw HTML is text', () => {
    expect(renderMarkdown('<div onclick="x()">hi</div>')).toBe('<p>&lt;div onclick=&quot;x()&quot;&gt;hi&lt;/div&gt;</p>');
  });
});
