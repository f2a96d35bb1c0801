import type { ReactNode } from 'react';
import type { Markdown as MarkdownTree, MarkdownBlock, MarkdownInline } from '../../../src-main/contract';
import { useNavigation } from '../app/navigation';
import { ExternalLink } from './ExternalLink';

/**
 * Renders the Markdown tree main parsed (contract/markdown.ts) as plain React elements: no HTML
 * strings, so nothing in content can run. `article:` and `module:` links move inside the app;
 * web and mail links open outside it only where the allow-list allows (ExternalLink).
 */
export function Markdown({ tree }: { tree: MarkdownTree }) {
  return <>{tree.map((block, index) => renderBlock(block, index))}</>;
}

function renderBlock(block: MarkdownBlock, key: number): ReactNode {
  switch (block.t) {
    case 'p':
      return <p key={key}>{renderInlines(block.c)}</p>;
    case 'h': {
      const Heading = `h${block.level}` as const;
      return <Heading key={key}>{renderInlines(block.c)}</Heading>;
    }
    case 'ul':
      return <ul key={key}>{block.items.map(renderItem)}</ul>;
    case 'ol':
      return (
        <ol key={key} start={block.start}>
          {block.items.map(renderItem)}
        </ol>
      );
    case 'quote':
      return <blockquote key={key}>{block.c.map(renderBlock)}</blockquote>;
  }
}

function renderItem(item: MarkdownBlock[], key: number): ReactNode {
  // A tight list item is one paragraph: show its text without the paragraph's margins.
  const only = item.length === 1 ? item[0] : undefined;
  return <li key={key}>{only?.t === 'p' ? renderInlines(only.c) : item.map(renderBlock)}</li>;
}

function renderInlines(nodes: MarkdownInline[]): ReactNode[] {
  return nodes.map((node, key) => {
    switch (node.t) {
      case 'text':
        return node.v;
      case 'strong':
        return <strong key={key}>{renderInlines(node.c)}</strong>;
      case 'em':
        return <em key={key}>{renderInlines(node.c)}</em>;
      case 'br':
        return <br key={key} />;
      case 'link':
        return (
          <MarkdownLink key={key} href={node.href}>
            {renderInlines(node.c)}
          </MarkdownLink>
        );
    }
  });
}

function MarkdownLink({ href, children }: { href: string; children: ReactNode }) {
  const { navigate } = useNavigation();
  const [scheme, id] = href.split(':', 2);
  if ((scheme === 'article' || scheme === 'module') && id) {
    return (
      <a
        href={`#${href}`}
        onClick={(event) => {
          event.preventDefault();
          navigate({ section: scheme === 'article' ? 'library' : 'course', item: id });
        }}
      >
        {children}
      </a>
    );
  }
  return <ExternalLink href={href}>{children}</ExternalLink>;
}
