import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { MARKDOWN_LINK, type Markdown, type MarkdownBlock, type MarkdownInline } from '../../contract';

/**
 * Markdown → the small tree the page renders (contract/markdown.ts). mdast-util-from-markdown is
 * the CommonMark parser of the unified project (micromark): well kept, exact, and it gives line
 * numbers, so a writer is told where a construct Stillroom does not show (raw HTML, images,
 * code, tables) sits, rather than finding it silently missing.
 */
export interface ParsedMarkdown {
  tree: Markdown;
  /** Plain text of the whole document, for search indexes. */
  text: string;
  /** "line 12: …" for each construct that is not shown; empty when all is well. */
  problems: string[];
}

export function parseMarkdown(source: string): ParsedMarkdown {
  const root = fromMarkdown(source);
  const problems: string[] = [];
  const tree = blocks(root.children, problems);
  return { tree, text: plainText(root), problems };
}

/**
 * The document's words for the search index, one block per line. mdast-util-to-string joins
 * sibling blocks with nothing between them, so "…in meetings." and "Find…" in two list items
 * became one token ("meetingsfind") that no search could find and every snippet showed.
 */
function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return '\n';
  if (node.type === 'html' || !('children' in node)) return '';
  const parts = (node.children as Nodes[]).map(plainText);
  return BLOCK_PARENTS.has(node.type) ? parts.filter((part) => part !== '').join('\n') : parts.join('');
}
/** Nodes whose children are blocks, so each child is a line of its own. */
const BLOCK_PARENTS = new Set<Nodes['type']>(['root', 'list', 'listItem', 'blockquote']);

function blocks(nodes: readonly RootContent[], problems: string[]): MarkdownBlock[] {
  const out: MarkdownBlock[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph':
        out.push({ t: 'p', c: inlines(node.children, problems) });
        break;
      case 'heading':
        if (node.depth === 1 || node.depth > 4)
          problem(problems, node, 'use ## to #### for headings (the title is the page heading)');
        out.push({
          t: 'h',
          level: Math.min(4, Math.max(2, node.depth)) as 2 | 3 | 4,
          c: inlines(node.children, problems),
        });
        break;
      case 'list': {
        const items = node.children.map((item) => blocks(item.children, problems));
        out.push(node.ordered ? { t: 'ol', start: node.start ?? 1, items } : { t: 'ul', items });
        break;
      }
      case 'blockquote':
        out.push({ t: 'quote', c: blocks(node.children, problems) });
        break;
      case 'thematicBreak':
        break;
      default:
        problem(problems, node, `${describe(node)} is not shown in Stillroom`);
    }
  }
  return out;
}

function inlines(nodes: readonly PhrasingContent[], problems: string[]): MarkdownInline[] {
  const out: MarkdownInline[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push({ t: 'text', v: node.value });
        break;
      case 'strong':
        out.push({ t: 'strong', c: inlines(node.children, problems) });
        break;
      case 'emphasis':
        out.push({ t: 'em', c: inlines(node.children, problems) });
        break;
      case 'break':
        out.push({ t: 'br' });
        break;
      case 'link':
        if (MARKDOWN_LINK.test(node.url))
          out.push({ t: 'link', href: node.url, c: inlines(node.children, problems) });
        else {
          problem(
            problems,
            node,
            `the link "${node.url.slice(0, 80)}" must be https:, a plain mailto: address (no ?query), article:<id> or module:<id>`,
          );
          out.push(...inlines(node.children, problems));
        }
        break;
      case 'inlineCode':
        out.push({ t: 'text', v: node.value });
        break;
      default:
        problem(problems, node, `${describe(node)} is not shown in Stillroom`);
    }
  }
  return out;
}

function describe(node: Nodes): string {
  const names: Partial<Record<Nodes['type'], string>> = {
    html: 'raw HTML',
    image: 'an image',
    imageReference: 'an image',
    code: 'a code block',
    table: 'a table',
    linkReference: 'a reference-style link',
    definition: 'a link definition',
    footnoteReference: 'a footnote',
  };
  return names[node.type] ?? `"${node.type}"`;
}

function problem(problems: string[], node: Nodes, message: string): void {
  const line = node.position?.start.line;
  problems.push(line === undefined ? message : `line ${line}: ${message}`);
}

/** All the link targets of a tree, so tests can check that every article:/module: id resolves. */
export function markdownLinks(tree: Markdown): string[] {
  const found: string[] = [];
  const walkInline = (nodes: MarkdownInline[]) => {
    for (const node of nodes) {
      if (node.t === 'link') found.push(node.href);
      if ('c' in node) walkInline(node.c);
    }
  };
  const walk = (nodes: MarkdownBlock[]) => {
    for (const node of nodes) {
      if (node.t === 'p' || node.t === 'h') walkInline(node.c);
      else if (node.t === 'quote') walk(node.c);
      else node.items.forEach(walk);
    }
  };
  walk(tree);
  return found;
}
