/**
 * The few web-standard globals core/ and contract/ may use. They exist in every runtime Stillroom
 * runs in (Node, Electron, the browser) and do no I/O. Declared here rather than pulling in the
 * DOM or Node type libraries, which would let I/O APIs creep into the core unnoticed.
 */
declare class URL {
  constructor(url: string, base?: string | URL);
  readonly href: string;
  readonly origin: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class TextDecoder {
  decode(input?: Uint8Array): string;
}

declare const console: {
  error(...data: unknown[]): void;
  warn(...data: unknown[]): void;
};
