import type { ArticleFrontMatter, Markdown, PackInfo } from '../../contract';

/** One article as loaded: front matter, the parsed body and its plain text (for the index). */
export interface LibraryArticle extends ArticleFrontMatter {
  body: Markdown;
  text: string;
  /** 'shipped', or the id of the content pack that brought this version. */
  origin: string;
}

/**
 * The effective library: shipped content overlaid with applied content packs. Infra owns files
 * and signatures; the handlers only see this.
 */
export interface LibraryCatalog {
  articles(): readonly LibraryArticle[];
  /** Changes whenever any article's text or metadata does: the vault rebuilds its index then. */
  fingerprint(): string;
  /** A pack file's text, checked completely before anything changes. */
  importPack(text: string): { pack: PackInfo; added: string[] };
  packs(): { packs: PackInfo[]; problems: string[] };
}
