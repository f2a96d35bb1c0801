import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface SocketInfo {
  protocol: 'tcp' | 'tcp6' | 'udp' | 'udp6';
  local: string;
  remote: string;
  state: string;
}

/** "0100007F:1F90" (little-endian IPv4 hex) → "127.0.0.1:8080"; IPv6 likewise. */
function decodeAddress(hex: string, v6: boolean): string {
  const [addressHex = '', portHex = '0'] = hex.split(':');
  const port = parseInt(portHex, 16);
  if (!v6) {
    const bytes =
      addressHex
        .match(/../g)
        ?.map((b) => parseInt(b, 16))
        .reverse() ?? [];
    return `${bytes.join('.')}:${port}`;
  }
  // Four little-endian 32-bit words.
  const words = addressHex.match(/.{8}/g) ?? [];
  const bytes = words.flatMap((word) => (word.match(/../g) ?? []).reverse().map((b) => parseInt(b, 16)));
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
  return `[${groups.join(':')}]:${port}`;
}

const TCP_STATES: Record<string, string> = {
  '01': 'ESTABLISHED',
  '02': 'SYN_SENT',
  '0A': 'LISTEN',
  '06': 'TIME_WAIT',
};

/**
 * Every TCP/UDP socket a Linux process holds, with its addresses, read from /proc. Used to show
 * that Stillroom's processes talk to nothing but loopback.
 */
export function socketsOf(pid: number): SocketInfo[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      const match = /^socket:\[(\d+)\]$/.exec(target);
      if (match?.[1]) inodes.add(match[1]);
    } catch {
      // The descriptor closed while we looked.
    }
  }
  const sockets: SocketInfo[] = [];
  for (const protocol of ['tcp', 'tcp6', 'udp', 'udp6'] as const) {
    const lines = readFileSync(`/proc/${pid}/net/${protocol}`, 'utf8').trim().split('\n').slice(1);
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      const [, local = '', remote = '', state = ''] = fields;
      const inode = fields[9];
      if (!inode || !inodes.has(inode)) continue;
      const v6 = protocol.endsWith('6');
      sockets.push({
        protocol,
        local: decodeAddress(local, v6),
        remote: decodeAddress(remote, v6),
        state: TCP_STATES[state] ?? state,
      });
    }
  }
  return sockets;
}

/** Loopback or unconnected (a listening socket's remote is all zeros). */
export function isLoopbackOrUnconnected(address: string): boolean {
  const host = address.slice(0, address.lastIndexOf(':'));
  return (
    host.startsWith('127.') ||
    host === '0.0.0.0' ||
    host === '[0:0:0:0:0:0:0:1]' ||
    host === '[0:0:0:0:0:0:0:0]' ||
    /^\[0:0:0:0:0:ffff:7f/.test(host)
  );
}
