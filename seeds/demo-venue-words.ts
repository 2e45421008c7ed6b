// The words of the demo's venues (demo-venues.ts makes them rows): each network's places, as an
// organiser there would describe them.

export type Cost = 'FREE' | 'DONATION' | 'PAID';

/** Who holds a venue's relationship: a named demo account, any current organiser or steward, or nobody. */
type Holder = { email: string } | 'someone' | 'nobody';

export interface VenueSpec {
  name: string;
  address: string;
  stepFree: boolean;
  toilet: boolean;
  loop: boolean;
  quiet: boolean;
  capacity: number | null;
  cost: Cost;
  holder: Holder;
  notes: string;
  archived?: true;
}

const AMARA = { email: 'amara.okafor@example.org' };
const RHYS = { email: 'rhys.evans@example.org' };
const PRIYA = { email: 'priya.shah@example.org' };
export const NAMED_HOLDERS = [AMARA, RHYS, PRIYA];

/** Each demo network's venues, by its slug. */
export const DEMO_VENUES: Readonly<Record<string, readonly VenueSpec[]>> = {
  'bristol-tech-for-good': [
    {
      name: 'Station Yard Café, back room',
      address: '12 Cattle Market Road\nBristol BS1 6QR',
      stepFree: true,
      toilet: false,
      loop: false,
      quiet: false,
      capacity: 30,
      cost: 'FREE',
      holder: PRIYA,
      notes:
        'Our monthly meet-up, five minutes from Temple Meads. Free as long as we buy drinks; book with the manager a ' +
        'week ahead. The nearest accessible toilet is in the station.',
    },
    {
      name: 'Bedminster Library community room',
      address: '4 Cannon Street\nBedminster\nBristol BS3 1BN',
      stepFree: true,
      toilet: true,
      loop: true,
      quiet: false,
      capacity: 40,
      cost: 'FREE',
      holder: 'someone',
      notes: 'Free for voluntary groups; book at the library desk. The building closes at 7pm on Thursdays.',
    },
    {
      name: 'St Agnes Church Hall',
      address: 'Thomas Street\nSt Pauls\nBristol BS2 9LL',
      stepFree: true,
      toilet: true,
      loop: false,
      quiet: true,
      capacity: 80,
      cost: 'DONATION',
      holder: 'someone',
      notes:
        'The ramp is at the side door by the car park. They suggest £20 for an evening; the vestry is the quiet room.',
    },
    {
      name: 'Harbourside Hub co-working',
      address: 'Floor 3, 40 Anchor Road\nBristol BS1 5TT',
      stepFree: true,
      toilet: true,
      loop: false,
      quiet: true,
      capacity: 24,
      cost: 'PAID',
      holder: 'nobody',
      notes: '£60 for an evening. Twice a year they waive it for a charity event: ask for the community rate.',
    },
    {
      name: 'Tyndall Avenue seminar room',
      address: 'Tyndall Avenue\nClifton\nBristol BS8 1TH',
      stepFree: true,
      toilet: true,
      loop: true,
      quiet: false,
      capacity: 50,
      cost: 'FREE',
      holder: 'someone',
      notes: 'Free through a member who lectures here. Term time only; the building locks at 9pm.',
    },
  ],
  'leeds-charity-digital': [
    {
      name: 'Central Library meeting room',
      address: 'Calverley Street\nLeeds LS1 3AB',
      stepFree: true,
      toilet: true,
      loop: true,
      quiet: false,
      capacity: 30,
      cost: 'FREE',
      holder: AMARA,
      notes: 'Free for voluntary groups on weekday evenings. Book six weeks ahead: it goes fast.',
    },
    {
      name: 'Chapeltown Community Centre, main hall',
      address: 'Chapeltown Road\nLeeds LS7 3AP',
      stepFree: true,
      toilet: true,
      loop: true,
      quiet: true,
      capacity: 60,
      cost: 'DONATION',
      holder: 'someone',
      notes: 'Whatever we can give towards the heating. The small side room is kept free as a quiet room.',
    },
    {
      name: 'Holbeck co-working loft',
      address: 'Marshall Street\nHolbeck\nLeeds LS11 9YP',
      stepFree: false,
      toilet: false,
      loop: false,
      quiet: true,
      capacity: 20,
      cost: 'PAID',
      holder: 'nobody',
      notes: 'Up two flights of stairs with no lift, so only for sessions where we know everyone can manage stairs.',
    },
    {
      name: 'The Old Co-op Rooms',
      address: 'Harehills Lane\nLeeds LS8 5HS',
      stepFree: false,
      toilet: false,
      loop: false,
      quiet: false,
      capacity: 25,
      cost: 'FREE',
      holder: 'someone',
      notes: 'Closed for redevelopment; kept for the meet-ups we held there.',
      archived: true,
    },
  ],
  'glasgow-third-sector-digital': [
    {
      name: 'Partick Library community room',
      address: 'Dumbarton Road\nPartick\nGlasgow G11 6RH',
      stepFree: true,
      toilet: true,
      loop: true,
      quiet: false,
      capacity: 25,
      cost: 'FREE',
      holder: 'someone',
      notes: 'Free; book by phone. Near Partick station for trains and the subway.',
    },
    {
      name: 'Trongate café back room',
      address: 'Trongate\nGlasgow G1 5ES',
      stepFree: false,
      toilet: false,
      loop: false,
      quiet: false,
      capacity: 18,
      cost: 'DONATION',
      holder: 'someone',
      notes:
        'Two steps at the door; the staff have a portable ramp if we tell them ahead. Donations go to their food project.',
    },
    {
      name: 'Merchant City co-working space',
      address: 'Albion Street\nGlasgow G1 1LH',
      stepFree: true,
      toilet: true,
      loop: false,
      quiet: true,
      capacity: 40,
      cost: 'FREE',
      holder: 'nobody',
      notes: 'Lent free by a member’s employer after 5pm. Sign in at reception.',
    },
  ],
  'cardiff-digital-circle': [
    {
      name: 'Cathays Library community room',
      address: 'Fairoak Road\nCathays\nCardiff CF24 4PW',
      stepFree: true,
      toilet: true,
      loop: true,
      quiet: true,
      capacity: 35,
      cost: 'FREE',
      holder: RHYS,
      notes: 'Free; signs are in Welsh and English. Where the circle has met most months since 2017.',
    },
    {
      name: 'Tabernacle chapel vestry',
      address: 'The Hayes\nCardiff CF10 1AJ',
      stepFree: false,
      toilet: false,
      loop: true,
      quiet: true,
      capacity: 40,
      cost: 'DONATION',
      holder: 'someone',
      notes: 'Five steps up from the street and no ramp; the hearing loop covers the whole vestry.',
    },
    {
      name: 'Park Place seminar room',
      address: 'Park Place\nCardiff CF10 3AT',
      stepFree: true,
      toilet: true,
      loop: true,
      quiet: false,
      capacity: 60,
      cost: 'FREE',
      holder: 'someone',
      notes: 'Booked through the university’s community partnerships team; term time only.',
    },
  ],
  'norwich-digital-for-good': [
    {
      name: 'Millennium Library meeting room',
      address: 'Millennium Plain\nNorwich NR2 1TF',
      stepFree: true,
      toilet: true,
      loop: true,
      quiet: false,
      capacity: 20,
      cost: 'FREE',
      holder: 'someone',
      notes: 'Free for groups that are open to the public. Book at the help desk on the ground floor.',
    },
    {
      name: 'Magdalen Street café back room',
      address: 'Magdalen Street\nNorwich NR3 1JE',
      stepFree: true,
      toilet: false,
      loop: false,
      quiet: false,
      capacity: 15,
      cost: 'DONATION',
      holder: 'nobody',
      notes: 'Pay what we can in the jar. Good for the online-and-in-person meet-ups: the wifi holds up.',
    },
  ],
  'belfast-community-tech': [
    {
      name: 'Linen Quarter co-working space',
      address: 'Adelaide Street\nBelfast BT2 8GD',
      stepFree: true,
      toilet: true,
      loop: false,
      quiet: true,
      capacity: 30,
      cost: 'PAID',
      holder: 'someone',
      notes: '£40 an evening, half that for a charity that asks.',
    },
    {
      name: 'Ormeau Road church hall',
      address: 'Ormeau Road\nBelfast BT7 3GG',
      stepFree: true,
      toilet: true,
      loop: true,
      quiet: false,
      capacity: 70,
      cost: 'DONATION',
      holder: 'someone',
      notes: 'Used by groups from every community. Ask for the small hall; the big one echoes.',
    },
    {
      name: 'Central Library seminar room',
      address: 'Royal Avenue\nBelfast BT1 1EA',
      stepFree: true,
      toilet: true,
      loop: true,
      quiet: true,
      capacity: 25,
      cost: 'FREE',
      holder: 'nobody',
      notes: '',
    },
  ],
  'cumbria-rural-digital': [
    {
      name: 'Penrith Library meeting room',
      address: 'St Andrew’s Churchyard\nPenrith CA11 7YA',
      stepFree: true,
      toilet: true,
      loop: true,
      quiet: false,
      capacity: 12,
      cost: 'FREE',
      holder: 'someone',
      notes: 'Free. Next to the bus station, for people coming in from the villages.',
    },
    {
      name: 'Greystoke village hall',
      address: 'Church Road\nGreystoke\nPenrith CA11 0TP',
      stepFree: true,
      toilet: true,
      loop: false,
      quiet: true,
      capacity: null,
      cost: 'DONATION',
      holder: 'nobody',
      notes: '£10 towards the heating in winter. The key is kept at the village shop. Nobody has counted the chairs.',
    },
  ],
};
