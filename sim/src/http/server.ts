/**
 * The HTTPS listener and its `apiserver-down` behaviour. Going down closes the listening
 * socket (new connections are refused) and destroys every open connection, except one still
 * answering a `/_sim` call (so the request that switched the fault gets its reply). Coming back
 * up listens again on the same port with a fresh server object.
 */
import { createServer, type Server } from 'node:https';
import type { RequestListener } from 'node:http';
import type { Socket } from 'node:net';
import type { TlsMaterial } from '../tls.js';

export interface ListenerOptions {
  tls: TlsMaterial;
  handler: RequestListener;
  host: string;
}

const RELISTEN_ATTEMPTS = 20;
const RELISTEN_DELAY_MS = 100;

export class ApiListener {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  /** Sockets with a request in flight -> whether that request is a `/_sim` call. */
  private readonly busy = new Map<Socket, boolean>();
  private down = false;
  /** The last requested state, which may differ from `down` while a re-listen is running. */
  private wantDown = false;
  private relistening = false;
  private closed = false;
  private boundPort = 0;

  constructor(private readonly options: ListenerOptions) {}

  /** The bound port (after {@link listen}). */
  get port(): number {
    return this.boundPort;
  }

  get isDown(): boolean {
    return this.down;
  }

  /** Listen on `port` (0 = pick a free one); resolves with the bound port. */
  async listen(port: number): Promise<number> {
    const server = this.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', (err) =>
      process.stderr.write(`kubeglance-sim: listener error: ${err.message}\n`),
    );
    this.server = server;
    const address = server.address();
    this.boundPort = typeof address === 'object' && address ? address.port : port;
    return this.boundPort;
  }

  /** Stop accepting and cut every connection (see the module comment for the one exception). */
  goDown(): void {
    this.wantDown = true;
    // A re-listen in flight checks `wantDown` when it completes and comes straight back down.
    if (this.down || this.relistening) return;
    this.down = true;
    this.server?.close();
    this.server = undefined;
    for (const socket of this.sockets) {
      if (this.busy.get(socket) !== true) socket.destroy();
    }
  }

  /** Listen again on the same port, retrying briefly if the port is still being released. */
  async goUp(): Promise<void> {
    this.wantDown = false;
    if (!this.down || this.relistening || this.closed) return;
    this.relistening = true;
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await this.listen(this.boundPort);
          break;
        } catch (err) {
          if (attempt >= RELISTEN_ATTEMPTS || this.closed) throw err;
          await new Promise((resolve) => setTimeout(resolve, RELISTEN_DELAY_MS));
        }
      }
    } finally {
      this.relistening = false;
    }
    this.down = false;
    // Switched back on (or stopped) while we were re-listening: honour the latest wish.
    if (this.closed) await this.close();
    else if (this.wantDown) this.goDown();
  }

  /** Close for good: no more connections, existing ones destroyed. */
  async close(): Promise<void> {
    this.closed = true;
    const server = this.server;
    this.server = undefined;
    this.down = true;
    for (const socket of this.sockets) socket.destroy();
    if (server) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    }
  }

  private createServer(): Server {
    const { tls, handler } = this.options;
    const server = createServer(
      { cert: tls.certPem, key: tls.keyPem, ca: tls.caPem },
      (req, res) => {
        const socket = req.socket;
        if (this.down) {
          socket.destroy(); // a connection accepted just before going down
          return;
        }
        this.busy.set(socket, (req.url ?? '').startsWith('/_sim'));
        res.once('close', () => {
          this.busy.delete(socket);
          if (this.down) socket.destroy();
        });
        handler(req, res);
      },
    );
    // TLS sockets are what requests arrive on (and what `busy` is keyed by). A connection
    // still handshaking when we go down is cut by the `down` check when its request arrives.
    server.on('secureConnection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    // Watches stream for many minutes; never let Node's request timeouts cut them.
    server.requestTimeout = 0;
    server.headersTimeout = 60_000;
    server.keepAliveTimeout = 60_000;
    return server;
  }
}
