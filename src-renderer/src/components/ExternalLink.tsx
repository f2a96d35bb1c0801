import type { ReactNode } from 'react';
import { EXTERNAL_HOSTS, isAllowedExternalUrl } from '../../../src-main/contract/external-links';

/**
 * A link out of Stillroom, to the user's own browser or mail client, only where the desktop
 * shell would open it (the same check, contract/external-links.ts); anything else, such as a
 * content pack's link to another site or a mail link with `?attach=`, is shown as its text. The
 * browser host has no shell to refuse a click, so the page must not offer one.
 */
export function ExternalLink({
  href,
  children,
  extraHosts = [],
}: {
  href: string;
  children: ReactNode;
  /** Hosts the organisation's policy adds (its crisis contacts), already checked by main. */
  extraHosts?: readonly string[];
}) {
  if (!isAllowedExternalUrl(href, [...EXTERNAL_HOSTS, ...extraHosts])) {
    return <span className="refused-link">{children}</span>;
  }
  return (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  );
}
