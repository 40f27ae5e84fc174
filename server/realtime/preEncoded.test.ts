import { decode as unpack, encode as pack } from 'notepack.io';
import * as parser from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { memberSnapshotParts, snapshotFor } from '../../shared/meeting/project.ts';
import type { MeetingState } from '../../shared/meeting/state.ts';
import { encodeOnce, preEncoded, preEncodingParser, textOf } from './preEncoded.ts';
import { memberSnapshotsJson } from './snapshotJson.ts';

const stock = new parser.Encoder();
const ours = new preEncodingParser.Encoder();
const decoded = (frames: unknown[]) =>
  new Promise<parser.Packet>((resolve) => {
    const decoder = new parser.Decoder();
    decoder.on('decoded', resolve);
    for (const f of frames) decoder.add(f as string);
  });

describe('the pre-encoding Socket.IO encoder', () => {
  const snapshot = { role: 'member', agenda: [{ id: 'i1', name: 'Haushalt „2027“ – Ü', public: true }], polls: [], serverTime: 'now' };

  it('writes pre-encoded text exactly as the stock encoder writes the payload, with namespace and ack id', async () => {
    for (const packet of [
      { type: parser.PacketType.EVENT, nsp: '/', data: ['meeting:snapshot', snapshot] },
      { type: parser.PacketType.EVENT, nsp: '/admin', id: 7, data: ['meeting:snapshot', snapshot, 3] },
    ]) {
      const frames = ours.encode({ ...packet, data: packet.data.map((x) => (x === snapshot ? encodeOnce(snapshot) : x)) });
      expect(frames).toEqual(stock.encode(packet));
      expect((await decoded(frames)).data).toEqual(packet.data);
    }
  });

  it('leaves every other packet to the stock encoder, binary ones too', () => {
    const plain = { type: parser.PacketType.EVENT, nsp: '/', data: ['poll:progress', { castCount: 3 }] };
    expect(ours.encode(plain)).toEqual(stock.encode(plain));
    const binary = { type: parser.PacketType.EVENT, nsp: '/', data: ['file', Buffer.from([1, 2, 3])] };
    expect(ours.encode(binary)).toEqual(stock.encode(binary));
    const ack = { type: parser.PacketType.ACK, nsp: '/', id: 4, data: [{ ok: true }] };
    expect(ours.encode(ack)).toEqual(stock.encode(ack));
  });

  it('still knows the text after the Redis adapter carried the packet to another node (msgpack)', () => {
    const packet = { type: parser.PacketType.EVENT, nsp: '/', data: ['meeting:snapshot', preEncoded(JSON.stringify(snapshot))] };
    const carried = unpack(pack(packet)) as parser.Packet;
    expect(ours.encode(carried)).toEqual(stock.encode({ ...packet, data: ['meeting:snapshot', snapshot] }));
  });
});

describe("tablets' snapshots serialized once for all", () => {
  const NOW = '2026-12-03T10:00:00.000Z';
  const state: MeetingState = {
    meeting: {
      id: 'm',
      body: 'Landkreis Peine',
      organization: 'Ausschuss',
      name: '2. Sitzung',
      start: '2026-12-03T17:00:00+01:00',
      location: '',
      rules: 'NKomVG',
      members: [
        { id: 'a', name: 'Frau A', role: 'chair', votingRight: true },
        { id: 'b', name: 'Herr B', role: 'member', votingRight: true, group: 'SPD' },
        { id: 'c', name: 'Frau C', role: 'advisory', votingRight: false },
      ],
      agenda: [{ id: 'i1', number: 'Ö 1', name: 'Eins', public: true, paper: null }],
      currentItemId: 'i1',
    },
    statutoryMembers: 3,
    polls: [],
    ballots: new Map(),
    secretCounts: new Map(),
    decisionKinds: new Map(),
    attendance: new Map([['b', [{ from: NOW, to: null }]]]),
    exclusions: new Map(),
    quorumChecks: [],
  };

  it("parse to each member's own snapshotFor, and to an empty entry for someone not on the roster", () => {
    const json = memberSnapshotsJson(memberSnapshotParts(state, NOW));
    for (const memberId of ['a', 'b', 'c', 'nobody']) {
      expect(JSON.parse(textOf(json(memberId)))).toEqual(snapshotFor(state, { role: 'member', memberId }, NOW));
    }
  });
});
