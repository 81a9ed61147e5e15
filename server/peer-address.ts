import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { PEER_ADDRESS_HEADER } from '@/lib/client-address';

const installedKey = Symbol.for('portal.peer-address');
type GlobalWithFlag = typeof globalThis & { [installedKey]?: boolean };

/**
 * Stamps every incoming request with the address of its TCP connection, before Next reads it.
 * Next's request handlers never see the socket, and the X-Forwarded-For it passes on is whatever
 * the client sent. Node publishes each request on this documented diagnostics channel before the
 * server's 'request' event, so the header is set (over any copy a client sent) for everything
 * after: the proxy, pages and route handlers.
 */
export function stampPeerAddresses(): void {
  const store = globalThis as GlobalWithFlag;
  if (store[installedKey]) return;
  store[installedKey] = true;
  subscribe('http.server.request.start', (message) => {
    const { request } = message as { request: IncomingMessage };
    request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? '';
  });
}
