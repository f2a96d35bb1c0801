import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src-main/core/security/csp';
import { isAllowedExternalUrl, isAppUrl, loopbackOrigins } from '../../src-main/core/security/url-policy';

describe('isAppUrl', () => {
  it.each(['app://stillroom/index.html', 'app://stillroom/', 'app://stillroom/assets/x.js?v=1#top'])(
    'accepts the app page %s',
    (url) => expect(isAppUrl(url)).toBe(true),
  );

  it.each([
    'file:///etc/passwd',
    'http://127.0.0.1/index.html',
    'https://stillroom/index.html',
    'app://evil/index.html',
    'app://stillroom.evil.com/',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    '',
    'not a url',
    undefined,
    42,
    `app://stillroom/${'a'.repeat(5000)}`,
  ])('refuses %s', (url) => expect(isAppUrl(url)).toBe(false));
});

describe('isAllowedExternalUrl', () => {
  const hosts = ['samaritans.org', 'nhs.uk'];

  it.each([
    'https://www.samaritans.org/how-we-can-help/',
    'https://samaritans.org',
    'https://111.nhs.uk/',
    'mailto:jo@samaritans.org',
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url, hosts)).toBe(true));

  it.each([
    'http://www.samaritans.org/',
    'https://samaritans.org.evil.com/',
    'https://evilsamaritans.org/',
    'https://user:pass@samaritans.org/',
    'https://samaritans.org:8443/',
    'https://example.com/',
    'javascript:alert(1)//samaritans.org',
    'file:///C:/Windows/System32/calc.exe',
    'ms-settings:privacy',
    'smb://samaritans.org/share',
    'data:text/html,hi',
    'mailto:',
    'mailto:a@b.c?attach=/etc/passwd',
    'mailto:a@b.c/../x',
    'mailto:someone@evil.example',
    'mailto:%a@samaritans.org',
    ' https://samaritans.org',
    null,
    {},
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url, hosts)).toBe(false));

  it('refuses everything https when no host is allowed', () => {
    expect(isAllowedExternalUrl('https://samaritans.org/', [])).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows only our own scripts and nothing inline or remote', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('adds the host socket to connect-src only', () => {
    const csp = contentSecurityPolicy({ connectSources: ['ws://127.0.0.1:9'] });
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:9");
    expect(csp.match(/ws:\/\//g)).toHaveLength(1);
  });
});

describe('loopbackOrigins', () => {
  it('lists only loopback names for the port', () => {
    expect(loopbackOrigins(4321)).toEqual({
      hosts: ['127.0.0.1:4321', 'localhost:4321'],
      origins: ['http://127.0.0.1:4321', 'http://localhost:4321'],
    });
  });
});
