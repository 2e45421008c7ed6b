import { EventEmitter } from 'node:events';
import { buildSchema, type GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from './limits.ts';
import { guardSubscriptions, type GuardedSocket } from './subscription-guard.ts';

const schema = buildSchema(`
  type Query { version: String }
  type Ping { at: String }
  type Subscription { ping: Ping }
`);
const rules = { schema: () => schema, validationRules: [], maxTokens: 2000, maxDepth: 10, limits: DEFAULT_LIMITS };

/** A socket as `ws` hands it over: messages come in as events, answers go out through send. */
class FakeSocket extends EventEmitter implements GuardedSocket {
  readonly protocol = 'graphql-transport-ws';
  readonly sent: unknown[] = [];
  send(data: unknown): void {
    this.sent.push(JSON.parse(String(data)));
  }
}

function guarded() {
  const socket = new FakeSocket();
  const logged: GraphQLFormattedError[] = [];
  const handedOn: unknown[] = [];
  guardSubscriptions(socket, rules, {
    format: (error) => ({ message: error.message, extensions: { code: 'BAD_USER_INPUT' } }),
    unexpected: (error) => {
      logged.push(error);
      return { message: 'hidden', extensions: { code: 'INTERNAL', requestId: 'r1' } };
    },
  });
  socket.on('message', (raw) => handedOn.push(JSON.parse(String(raw))));
  return { socket, logged, handedOn };
}

const message = (value: unknown) => Buffer.from(JSON.stringify(value));

describe(guardSubscriptions.name, () => {
  it('should hand every message on until the connection is acknowledged', () => {
    const { socket, handedOn } = guarded();
    socket.emit('message', message({ type: 'subscribe', id: '1', payload: { query: '{' } }), false);
    expect(handedOn).toEqual([{ type: 'subscribe', id: '1', payload: { query: '{' } }]);
    expect(socket.sent).toEqual([]);
  });

  it('should hand on a valid subscription and answer an invalid one itself', () => {
    const { socket, handedOn } = guarded();
    socket.send(JSON.stringify({ type: 'connection_ack' }));
    const valid = { type: 'subscribe', id: '1', payload: { query: 'subscription { ping { at } }' } };
    socket.emit('message', message(valid), false);
    socket.emit(
      'message',
      message({ type: 'subscribe', id: '2', payload: { query: 'subscription { nothing }' } }),
      false,
    );
    expect(handedOn).toEqual([valid]);
    expect(socket.sent).toEqual([
      { type: 'connection_ack' },
      {
        type: 'error',
        id: '2',
        payload: [
          { message: 'Cannot query field "nothing" on type "Subscription".', extensions: { code: 'BAD_USER_INPUT' } },
        ],
      },
    ]);
  });

  it('should send an error that has no code of ours as INTERNAL, and report it', () => {
    const { socket, logged } = guarded();
    socket.send(JSON.stringify({ type: 'error', id: '1', payload: [{ message: 'Graphql validation error' }] }));
    socket.send(JSON.stringify({ type: 'next', id: '1', payload: { data: null, errors: [{ message: 'boom' }] } }));
    expect(socket.sent).toEqual([
      { type: 'error', id: '1', payload: [{ message: 'hidden', extensions: { code: 'INTERNAL', requestId: 'r1' } }] },
      {
        type: 'next',
        id: '1',
        payload: { data: null, errors: [{ message: 'hidden', extensions: { code: 'INTERNAL', requestId: 'r1' } }] },
      },
    ]);
    expect(logged).toEqual([{ message: 'Graphql validation error' }, { message: 'boom' }]);
  });

  it('should leave coded errors as they are', () => {
    const { socket, logged } = guarded();
    const coded = {
      type: 'error',
      id: '1',
      payload: [{ message: 'Sign in.', extensions: { code: 'UNAUTHENTICATED' } }],
    };
    socket.send(JSON.stringify(coded));
    expect(socket.sent).toEqual([coded]);
    expect(logged).toEqual([]);
  });
});
