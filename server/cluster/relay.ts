import { randomUUID } from 'node:crypto';
import type { RedisClientType } from 'redis';
import { connectPubSub } from './redisAdapter.ts';

/**
 * Request and reply between nodes over Redis pub/sub: a node that does not own a meeting
 * hands a socket's command to the owner (server/cluster/ownership.ts) and passes the answer
 * back. Every node listens on its own channel; calls and replies both travel on the channel
 * of the node they are for. Bodies go as JSON: event name, payload and the socket's principal,
 * nothing that lives only in one process.
 *
 * Pub/sub keeps nothing: a message to a node that is not listening is gone. A call therefore
 * ends in one of three ways, and the caller must tell them apart:
 * - the reply;
 * - NodeGoneError: nobody listens on the node's channel, the command was NOT delivered (safe
 *   to take the meeting over and run it locally);
 * - RelayTimeoutError: delivered, but no reply in time. The owner may have run the command
 *   before it died; its outcome is unknown. Take over if the owner is gone, but answer the
 *   socket with an error rather than run the command a second time.
 */

export const nodeChannel = (nodeId: string): string => `hz:node:${nodeId}`;

type Envelope<Body, Reply> =
  | { kind: 'call'; id: string; from: string; body: Body }
  | { kind: 'reply'; id: string; from: string; body: Reply }
  | { kind: 'error'; id: string; from: string; message: string };

export class NodeGoneError extends Error {
  constructor(nodeId: string) {
    super(`node ${nodeId} is not listening: the call was not delivered`);
  }
}

export class RelayTimeoutError extends Error {
  constructor(nodeId: string, ms: number) {
    super(`node ${nodeId} did not reply within ${ms} ms`);
  }
}

/** The handler on the other node threw: its message, not its stack. */
export class RemoteError extends Error {}

export type RelayHandler<Body, Reply> = (body: Body, from: string) => Promise<Reply>;

interface Pending<Reply> {
  resolve(reply: Reply): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export class Relay<Body, Reply> {
  private readonly pending = new Map<string, Pending<Reply>>();
  private closed = false;

  private constructor(
    readonly nodeId: string,
    private readonly pub: RedisClientType,
    private readonly sub: RedisClientType,
    private readonly handler: RelayHandler<Body, Reply>,
    private readonly onError: (error: Error) => void,
  ) {}

  /**
   * Connects (a subscribing connection cannot publish, hence two) and listens for this node.
   * node-redis reconnects by itself and subscribes again; `onError` hears of each failure
   * meanwhile (and must be given: an unheard client error would end the process).
   */
  static async start<Body, Reply>(url: string, nodeId: string, handler: RelayHandler<Body, Reply>, onError: (error: Error) => void): Promise<Relay<Body, Reply>> {
    const { pub, sub } = await connectPubSub(url, onError);
    const relay = new Relay(nodeId, pub, sub, handler, onError);
    await sub.subscribe(nodeChannel(nodeId), (message) => relay.receive(message));
    return relay;
  }

  /** Sends `body` to the node's handler; resolves with its reply (see the class comment for the failures). */
  call(nodeId: string, body: Body, timeoutMs: number): Promise<Reply> {
    if (this.closed) return Promise.reject(new Error('relay closed'));
    const id = randomUUID();
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => this.settle(id)?.reject(new RelayTimeoutError(nodeId, timeoutMs)), timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      const call: Envelope<Body, Reply> = { kind: 'call', id, from: this.nodeId, body };
      // PUBLISH answers how many connections received the message: none means nobody listens.
      this.pub.publish(nodeChannel(nodeId), JSON.stringify(call)).then(
        (receivers) => {
          if (receivers === 0) this.settle(id)?.reject(new NodeGoneError(nodeId));
        },
        (error: Error) => this.settle(id)?.reject(error),
      );
    });
  }

  /** Stops listening and closes both connections; calls still waiting fail. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(new Error('relay closed'));
    await Promise.all([this.sub.close(), this.pub.close()]);
  }

  /** Takes a waiting call out of the table; undefined if it was already answered or given up. */
  private settle(id: string): Pending<Reply> | undefined {
    const pending = this.pending.get(id);
    if (!pending) return undefined;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    return pending;
  }

  private receive(raw: string): void {
    let message: Envelope<Body, Reply>;
    try {
      message = JSON.parse(raw) as Envelope<Body, Reply>;
    } catch (error) {
      return this.onError(new Error(`relay: unreadable message on ${nodeChannel(this.nodeId)}: ${String(error)}`));
    }
    if (message.kind === 'call') return void this.answer(message.id, message.from, message.body);
    // A reply after the call timed out finds nobody waiting, and is dropped.
    const pending = this.settle(message.id);
    if (message.kind === 'reply') pending?.resolve(message.body);
    else pending?.reject(new RemoteError(message.message));
  }

  private async answer(id: string, from: string, body: Body): Promise<void> {
    let reply: Envelope<Body, Reply>;
    try {
      reply = { kind: 'reply', id, from: this.nodeId, body: await this.handler(body, from) };
    } catch (error) {
      reply = { kind: 'error', id, from: this.nodeId, message: error instanceof Error ? error.message : String(error) };
    }
    if (this.closed) return;
    await this.pub.publish(nodeChannel(from), JSON.stringify(reply)).catch(this.onError);
  }
}
