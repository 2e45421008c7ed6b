/** Networks for tests that need one to exist: each test starts its own, so none depends on another. */
import type { Page } from 'playwright-core';
import type { NetworkFields } from '../../server/src/modules/networks/service.ts';

export type { NetworkFields };
import { graphqlAs } from './browser.ts';

/** A made-up word, so a search finds this test's network and nothing else. */
export function uniqueWord(prefix: string): string {
  return `${prefix}${Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 6)}`;
}

/** A network in Bristol named after `word`, which is also its place name. */
export function networkFields(word: string): NetworkFields {
  return {
    name: `${word} Tech for Good`,
    placeName: word,
    region: 'South West England',
    latitude: 51.4545,
    longitude: -2.5879,
    purpose: 'Helping the one digital person in each small charity find peers, answers and a mentor.',
    values: 'Open, kind and practical.',
    codeOfConduct: 'Be kind. Assume good intent. No selling at meetups.',
  };
}

export interface StartedNetwork {
  id: string;
  slug: string;
  /** Its page, e.g. `/networks/quillmoor-tech-for-good`. */
  path: string;
}

/** Starts a network through the API as the person signed in on `page`, who becomes its steward. */
export async function startNetwork(page: Page, baseUrl: string, fields: NetworkFields): Promise<StartedNetwork> {
  const { createNetwork } = await graphqlAs<{ createNetwork: { id: string; slug: string } }>(
    page,
    baseUrl,
    'mutation ($input: CreateNetworkInput!) { createNetwork(input: $input) { id slug } }',
    { input: fields },
  );
  return { ...createNetwork, path: `/networks/${createNetwork.slug}` };
}

/** Sets the stage through the API, as a steward signed in on `page`. */
export async function setStage(
  page: Page,
  baseUrl: string,
  networkId: string,
  stage: string,
  note: string,
): Promise<void> {
  await graphqlAs(
    page,
    baseUrl,
    'mutation ($id: ID!, $stage: LifecycleStage!, $note: String!) { setLifecycleStage(networkId: $id, stage: $stage, note: $note) { id } }',
    { id: networkId, stage, note },
  );
}
