import * as parser from 'socket.io-parser';

/**
 * Payloads serialized to JSON before they are emitted. Socket.IO's encoder walks every payload
 * looking for binary data and then serializes it, per emit: a snapshot to 720 tablets was 720
 * walks and 720 JSON.stringify calls of the same agenda and polls. The broadcaster serializes
 * what is common once (see snapshotJson.ts) and emits the text wrapped in a `PreEncoded`; this
 * module's encoder writes that text into the packet as it stands. The wire format is Socket.IO's
 * own, so clients decode it with the stock parser.
 */

/** A plain object, not a class: it must survive the Redis adapter's msgpack between nodes. */
const KEY = '\u0000preEncodedJson';

/** JSON text standing in for a payload of type T (T is for the emitter's type checks only). */
export interface PreEncoded<T> {
  readonly [KEY]: string;
  /** Never set: ties the text to the type it was made from. */
  readonly __type?: T;
}

export const preEncoded = <T>(json: string): PreEncoded<T> => ({ [KEY]: json });

/** The JSON text a PreEncoded carries. */
export const textOf = (encoded: PreEncoded<unknown>): string => encoded[KEY];

/** Serializes a payload once, for emitting to many rooms. */
export const encodeOnce = <T>(payload: T): PreEncoded<T> => preEncoded<T>(JSON.stringify(payload));

const isPreEncoded = (x: unknown): x is PreEncoded<unknown> =>
  typeof x === 'object' && x !== null && typeof (x as Record<string, unknown>)[KEY] === 'string';

class PreEncodingEncoder extends parser.Encoder {
  override encode(packet: parser.Packet): ReturnType<parser.Encoder['encode']> {
    const data: unknown = packet.data;
    if (packet.type !== parser.PacketType.EVENT || !Array.isArray(data) || !data.some(isPreEncoded)) return super.encode(packet);
    // The same layout as socket.io-parser's encodeAsString: type, namespace, ack id, JSON array.
    let text = String(parser.PacketType.EVENT);
    if (packet.nsp && packet.nsp !== '/') text += `${packet.nsp},`;
    if (packet.id !== undefined && packet.id !== null) text += packet.id;
    text += `[${data.map((x) => (isPreEncoded(x) ? x[KEY] : JSON.stringify(x))).join(',')}]`;
    return [text];
  }
}

/** The `parser` option for the Socket.IO server. */
export const preEncodingParser = { ...parser, Encoder: PreEncodingEncoder };

/** Hands pre-encoded text to a typed emit in place of the payload it encodes. */
export const asPayload = <T>(encoded: PreEncoded<T>): T => encoded as unknown as T;
