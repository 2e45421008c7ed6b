// Hearth servers as real processes on PGlite data folders: one owner per folder, and a start that
// cannot listen touches nothing. In-process tests cannot show either: both are about processes.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, SIGN_IN, signUp } from '../support/graphql.ts';
import {
  PATIENCE_MS,
  spawnMain,
  stop,
  stopAll,
  untilExit,
  untilRunning,
  type ServerProcess,
} from '../support/processes.ts';

const CREATE_NETWORK = /* GraphQL */ `
  mutation ($input: CreateNetworkInput!) {
    createNetwork(input: $input) {
      id
      slug
    }
  }
`;
const NETWORK = /* GraphQL */ `
  query ($slug: String!) {
    network(slug: $slug) {
      id
      name
    }
  }
`;

const servers: ServerProcess[] = [];
const folders: string[] = [];

async function newFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'hearth-processes-'));
  folders.push(folder);
  return folder;
}

async function startOn(dataDir: string): Promise<ServerProcess> {
  const server = await spawnMain({ HEARTH_DATA_DIR: dataDir });
  servers.push(server);
  await untilRunning(server);
  return server;
}

/** Starts a server expected to refuse; resolves with its exit code and what it printed. */
async function refusedStart(
  env: Record<string, string>,
  port?: number,
): Promise<{ code: number | null; output: string }> {
  const server = await spawnMain(env, port);
  servers.push(server);
  const { code } = await untilExit(server);
  return { code, output: server.output() };
}

async function lockHolderPid(dataDir: string): Promise<number> {
  return (JSON.parse(await readFile(path.join(dataDir, 'hearth.lock'), 'utf8')) as { pid: number }).pid;
}

async function signInStatus(url: string, person: { email: string; password: string }): Promise<string | null> {
  const result = await graphql<{ signIn: { user: { email: string } } }>(url, SIGN_IN, {
    variables: { input: { email: person.email, password: person.password } },
  });
  return result.data?.signIn.user.email ?? null;
}

afterAll(async () => {
  await stopAll(servers);
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
}, PATIENCE_MS);

describe('a server running on a PGlite data folder', () => {
  let folder: string;
  let running: ServerProcess;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let network: { id: string; slug: string; name: string };

  beforeAll(async () => {
    folder = await newFolder();
    running = await startOn(folder);
    owner = await signUp(running.url, 'folder-owner');
    const name = `Lockholm ${crypto.randomUUID().slice(0, 6)} Digital`;
    const created = await graphql<{ createNetwork: { id: string; slug: string } }>(running.url, CREATE_NETWORK, {
      token: owner.token,
      variables: {
        input: {
          name,
          placeName: 'Bristol',
          region: 'South West England',
          latitude: 51.4545,
          longitude: -2.5879,
          purpose: 'Peers for the digital people in small charities.',
          values: '',
          codeOfConduct: 'Be kind.',
        },
      },
    });
    if (!created.data) throw new Error(`createNetwork failed: ${JSON.stringify(created.errors)}`);
    network = { ...created.data.createNetwork, name };
  }, PATIENCE_MS);

  async function networkOnRunningServer() {
    return (
      await graphql<{ network: { id: string; name: string } | null }>(running.url, NETWORK, {
        variables: { slug: network.slug },
      })
    ).data?.network;
  }

  it(
    'should refuse a second server on the same folder, naming the first one, and keep the first one whole',
    async () => {
      const second = await refusedStart({ HEARTH_DATA_DIR: folder });

      expect(second.code).toBe(1);
      expect(second.output).toContain(
        `Hearth could not start: the data folder ${folder} is in use by process ${running.child.pid} ` +
          '(another Hearth server). Stop it first, or set HEARTH_DATA_DIR to another folder.',
      );
      expect(await lockHolderPid(folder)).toBe(running.child.pid);
      expect(await signInStatus(running.url, owner)).toBe(owner.email);
      expect(await networkOnRunningServer()).toEqual({ id: network.id, name: network.name });
    },
    PATIENCE_MS,
  );

  it(
    'should refuse to start on a port in use without creating its data folder',
    async () => {
      const unused = path.join(await newFolder(), 'never-opened');

      const second = await refusedStart({ HEARTH_DATA_DIR: unused }, running.port);

      expect(second.code).toBe(1);
      expect(second.output).toContain(
        `Hearth could not start: port ${running.port} on 127.0.0.1 is in use (another Hearth server?). ` +
          'Stop it, or set PORT to another port.',
      );
      expect(existsSync(unused)).toBe(false);
    },
    PATIENCE_MS,
  );

  it(
    'should refuse to start on a port in use before it opens the running server’s folder',
    async () => {
      const second = await refusedStart({ HEARTH_DATA_DIR: folder }, running.port);

      expect(second.code).toBe(1);
      expect(second.output).toContain(`Hearth could not start: port ${running.port} on 127.0.0.1 is in use`);
      expect(second.output).not.toContain('data folder');
      expect(await lockHolderPid(folder)).toBe(running.child.pid);
      expect(await networkOnRunningServer()).toEqual({ id: network.id, name: network.name });
    },
    PATIENCE_MS,
  );
});

describe('a server killed without closing its data folder', () => {
  it(
    'should leave a stale lock that the next server takes over, with every acknowledged write kept',
    async () => {
      const folder = await newFolder();
      const killed = await startOn(folder);
      const person = await signUp(killed.url, 'before-kill');
      stop(killed, 'SIGKILL');
      expect((await untilExit(killed)).signal).toBe('SIGKILL');
      expect(await lockHolderPid(folder)).toBe(killed.child.pid);

      const next = await startOn(folder);

      expect(await lockHolderPid(folder)).toBe(next.child.pid);
      expect(await signInStatus(next.url, person)).toBe(person.email);
    },
    2 * PATIENCE_MS,
  );
});
