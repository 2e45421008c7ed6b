// The words of the demo's events (demo-events.ts makes them rows, with their registrations): each
// network's recent and coming gatherings, as its organisers would write them up. Days count from
// the day the demo is loaded (negative: past), at an evening time on the London clock.

export type EventFormat = 'TALKS_AND_NETWORKING' | 'WORKSHOP' | 'TRAINING' | 'VIRTUAL_COFFEE' | 'SOCIAL';
type Category =
  | 'QUICK_TIP'
  | 'SHORT_TERM_SKILLS'
  | 'EXPANDING_POSSIBILITY'
  | 'LONG_TERM_SKILLS'
  | 'HANDS_ON_SUPPORT'
  | 'PERSONAL_VALIDATION'
  | 'RISK_MITIGATION'
  | 'UNIQUE_PERSPECTIVES';

export interface EventSpec {
  title: string;
  description: string;
  format: EventFormat;
  /** Days from the day the demo loads; negative for a past event. */
  day: number;
  /** Start on the London clock, "HH:MM". */
  start: string;
  minutes: number;
  /** A venue of the network's directory, by name; none for an online-only event. */
  venue: string | null;
  onlineUrl?: string;
  capacity: number;
  categories: readonly Category[];
  /**
   * People registered, not counting the cancelled ones: for a past event those who held a seat
   * (attended or not); for an upcoming one those confirmed, offered and waiting together.
   */
  registered: number;
  /** Of `registered`, those on the waitlist (a full event). */
  waiting?: number;
  /** CLAIM_WITHIN_HOURS with this many hours; one seat is on offer to the first person who waited. */
  claimHours?: number;
  /** People registered by an organiser: name and phone or email, no account. */
  onBehalf?: ReadonlyArray<{
    name: string;
    phone?: string;
    email?: string;
    accessNeeds?: string;
    dietaryNeeds?: string;
  }>;
  /** Cancelled, a day or two ago, with this reason. */
  cancelled?: string;
  /** Who must be registered (the README's accounts): email → what they hold. */
  demoPeople?: Readonly<Record<string, 'CONFIRMED' | 'WAITLISTED' | 'ATTENDED'>>;
}

const AMARA = 'amara.okafor@example.org';
const PRIYA = 'priya.shah@example.org';
const RHYS = 'rhys.evans@example.org';

/** Access and dietary needs as people write them in the form: plain, and private to them and the organisers. */
export const ACCESS_NEEDS = [
  'I use a wheelchair, so I need step-free access and a space at a table.',
  'I am hard of hearing: a seat near the front, please, and the hearing loop on if there is one.',
  'I may need to step out to a quiet space for a few minutes.',
  'Large-print copies of any handouts, please.',
  'I will come with my assistance dog.',
  'I would like a chair with arms; I cannot stand for long.',
];

export const DIETARY_NEEDS = [
  'Vegetarian',
  'Vegan',
  'Gluten-free, please',
  'Halal',
  'No nuts (allergy)',
  'Dairy-free',
  'Vegetarian, no mushrooms',
];

/** Each network's events, by its slug. */
export const DEMO_EVENTS: Readonly<Record<string, readonly EventSpec[]>> = {
  'bristol-tech-for-good': [
    {
      title: 'Autumn meet-up: getting your charity’s data in order',
      description:
        'Two short talks and time to talk. Sam from a Bristol food bank shows how they moved volunteer rotas out of ' +
        'twelve spreadsheets; then a ten-minute guide to what GDPR really asks of a small charity’s mailing list. ' +
        'Tea, coffee and sandwiches from 6pm.',
      format: 'TALKS_AND_NETWORKING',
      day: -96,
      start: '18:00',
      minutes: 120,
      venue: 'St Agnes Church Hall',
      capacity: 60,
      categories: ['SHORT_TERM_SKILLS', 'RISK_MITIGATION'],
      registered: 41,
    },
    {
      title: 'Hands-on: write a page people can find',
      description:
        'Bring a laptop and one page of your charity’s website that nobody reads. We work through plain headings, ' +
        'link text and the words people actually search for, and you leave with the page rewritten.',
      format: 'WORKSHOP',
      day: -54,
      start: '18:30',
      minutes: 120,
      venue: 'Harbourside Hub co-working',
      capacity: 20,
      categories: ['SHORT_TERM_SKILLS', 'QUICK_TIP'],
      registered: 20,
      demoPeople: { [PRIYA]: 'ATTENDED' },
    },
    {
      title: 'Christmas social at Station Yard',
      description:
        'No talks, no slides: a drink and a mince pie with people who do the same job as you. Soft drinks on us. ' +
        'Partners and colleagues welcome.',
      format: 'SOCIAL',
      day: -12,
      start: '18:30',
      minutes: 150,
      venue: 'Station Yard Café, back room',
      capacity: 30,
      categories: [],
      registered: 24,
    },
    {
      title: 'Small-charity digital clinic',
      description:
        'Twenty-minute one-to-one slots with volunteer mentors: a stuck website, a donation form that does not work, ' +
        'a board that needs convincing. Tell us your question when you register so we can pair you with the right ' +
        'person. Twelve places only: the café’s back room is small.',
      format: 'WORKSHOP',
      day: 9,
      start: '18:00',
      minutes: 120,
      venue: 'Station Yard Café, back room',
      capacity: 12,
      categories: ['QUICK_TIP', 'UNIQUE_PERSPECTIVES', 'PERSONAL_VALIDATION'],
      registered: 17,
      waiting: 5,
      onBehalf: [
        {
          name: 'Margaret Hollis',
          phone: '0117 496 0735',
          accessNeeds: 'I would like a chair with arms; I cannot stand for long.',
        },
      ],
      demoPeople: { [PRIYA]: 'CONFIRMED', [AMARA]: 'WAITLISTED' },
    },
    {
      title: 'Virtual coffee: what worked this year',
      description:
        'An hour on video for anyone who cannot get into Bristol in the evening. Bring one thing that worked for your ' +
        'charity this year and one that did not. Cameras optional.',
      format: 'VIRTUAL_COFFEE',
      day: 23,
      start: '19:00',
      minutes: 60,
      venue: null,
      onlineUrl: 'https://meet.example.org/bristol-tech-for-good-coffee',
      capacity: 40,
      categories: ['PERSONAL_VALIDATION', 'EXPANDING_POSSIBILITY'],
      registered: 14,
    },
    {
      title: 'New year meet-up: making the case to your trustees',
      description:
        'Three digital leads tell how they won their board round to a new CRM, a website rebuild and a first paid ' +
        'digital post: what they showed, what it cost and what changed. Then questions and time to talk.',
      format: 'TALKS_AND_NETWORKING',
      day: 44,
      start: '18:00',
      minutes: 120,
      venue: 'Tyndall Avenue seminar room',
      capacity: 50,
      categories: ['EXPANDING_POSSIBILITY', 'RISK_MITIGATION'],
      registered: 19,
    },
  ],
  'leeds-charity-digital': [
    {
      title: 'Social media on two hours a week',
      description:
        'A practical evening for people handed the charity’s social media on top of their day job: planning a month ' +
        'in one sitting, free scheduling tools, and what to stop doing.',
      format: 'TRAINING',
      day: -83,
      start: '18:00',
      minutes: 120,
      venue: 'Central Library meeting room',
      capacity: 30,
      categories: ['SHORT_TERM_SKILLS', 'QUICK_TIP'],
      registered: 27,
      demoPeople: { [AMARA]: 'ATTENDED' },
    },
    {
      title: 'Leeds meet-up: funding your digital work',
      description:
        'A grants officer from a local funder explains what they look for in a bid for digital work, and two members ' +
        'share bids that succeeded. Food from a Chapeltown kitchen.',
      format: 'TALKS_AND_NETWORKING',
      day: -33,
      start: '18:00',
      minutes: 150,
      venue: 'Chapeltown Community Centre, main hall',
      capacity: 60,
      categories: ['HANDS_ON_SUPPORT', 'EXPANDING_POSSIBILITY'],
      registered: 46,
      demoPeople: { [AMARA]: 'ATTENDED' },
    },
    {
      title: 'Accessible documents workshop',
      description:
        'Make a Word document and a PDF that work with a screen reader: headings, alt text, tables and colour. Bring a ' +
        'laptop and a document your charity sends out. Twenty places; if a place frees up, the first person waiting ' +
        'is offered it and has a day to take it.',
      format: 'WORKSHOP',
      day: 6,
      start: '18:00',
      minutes: 120,
      venue: 'Central Library meeting room',
      capacity: 20,
      categories: ['SHORT_TERM_SKILLS', 'RISK_MITIGATION'],
      registered: 22,
      waiting: 2,
      claimHours: 24,
      onBehalf: [
        { name: 'Denise Pickering', email: 'denise.pickering@example.net', dietaryNeeds: 'Vegetarian' },
        { name: 'Yusuf Rahman', phone: '0113 496 0528' },
      ],
    },
    {
      title: 'Leeds winter meet-up: your first year as a digital lead',
      description:
        'For everyone who became “the digital person” this year without asking to. Short stories from three members, ' +
        'then small tables by topic: websites, fundraising tools, data. Amara hosts.',
      format: 'TALKS_AND_NETWORKING',
      day: 16,
      start: '18:00',
      minutes: 120,
      venue: 'Chapeltown Community Centre, main hall',
      capacity: 60,
      categories: ['PERSONAL_VALIDATION', 'LONG_TERM_SKILLS'],
      registered: 28,
      demoPeople: { [AMARA]: 'CONFIRMED' },
    },
    {
      title: 'Virtual coffee for Yorkshire digital leads',
      description: 'Forty-five minutes on video to swap questions and tips. No agenda, no recording.',
      format: 'VIRTUAL_COFFEE',
      day: 37,
      start: '19:30',
      minutes: 45,
      venue: null,
      onlineUrl: 'https://meet.example.org/leeds-charity-digital-coffee',
      capacity: 25,
      categories: ['QUICK_TIP', 'PERSONAL_VALIDATION'],
      registered: 9,
    },
  ],
  'glasgow-third-sector-digital': [
    {
      title: 'Show and tell: tools that saved us time',
      description:
        'Five members, five minutes each, one tool each: an online form, a shared calendar, a free design tool and more. ' +
        'Then time to ask them how it really went.',
      format: 'TALKS_AND_NETWORKING',
      day: -61,
      start: '18:00',
      minutes: 120,
      venue: 'Merchant City co-working space',
      capacity: 40,
      categories: ['QUICK_TIP', 'EXPANDING_POSSIBILITY'],
      registered: 22,
    },
    {
      title: 'Cyber security basics for small charities',
      description:
        'Passwords, two-step sign-in, phishing emails and who should hold the keys to your accounts when a volunteer ' +
        'leaves. An evening with a volunteer from a local security firm; no selling.',
      format: 'TRAINING',
      day: -19,
      start: '18:00',
      minutes: 120,
      venue: 'Partick Library community room',
      capacity: 25,
      categories: ['RISK_MITIGATION', 'SHORT_TERM_SKILLS'],
      registered: 18,
    },
    {
      title: 'Winter social in the Trongate café',
      description: 'An informal evening before the holidays. Come and meet the people behind the mailing list.',
      format: 'SOCIAL',
      day: 11,
      start: '18:30',
      minutes: 120,
      venue: 'Trongate café back room',
      capacity: 18,
      categories: [],
      registered: 6,
      cancelled:
        'The café has closed its back room for repairs after a leak, and we could not find another room in time. ' +
        'We will set a new date in January; sorry to everyone who signed up.',
    },
    {
      title: 'Virtual coffee: planning next year',
      description:
        'Help shape next year’s events: what you want more of, what to drop, and who might host. An hour on video.',
      format: 'VIRTUAL_COFFEE',
      day: 30,
      start: '19:00',
      minutes: 60,
      venue: null,
      onlineUrl: 'https://meet.example.org/glasgow-third-sector-digital-planning',
      capacity: 30,
      categories: ['PERSONAL_VALIDATION'],
      registered: 8,
    },
  ],
  'cardiff-digital-circle': [
    {
      title: 'Handing over: what we built together',
      description:
        'As we merge with the Wales-wide network, an evening to look back at nine years of the Circle, hand over the ' +
        'templates and venue contacts, and thank everyone who ran something. Croeso i bawb.',
      format: 'SOCIAL',
      day: -75,
      start: '18:00',
      minutes: 150,
      venue: 'Tabernacle chapel vestry',
      capacity: 40,
      categories: [],
      registered: 26,
      demoPeople: { [RHYS]: 'ATTENDED' },
    },
    {
      title: 'Digital skills in Welsh and English',
      description:
        'How small charities run bilingual websites and social media without doubling the work. A session in both ' +
        'languages with time for questions.',
      format: 'TRAINING',
      day: -26,
      start: '18:00',
      minutes: 120,
      venue: 'Cathays Library community room',
      capacity: 35,
      categories: ['SHORT_TERM_SKILLS', 'UNIQUE_PERSPECTIVES'],
      registered: 17,
    },
    {
      title: 'Meet the Wales-wide network',
      description:
        'Our last evening as the Circle: the Wales-wide network’s organisers explain how their events, mentoring and ' +
        'mailing list will work for Cardiff members, and answer your questions. Rhys hosts.',
      format: 'TALKS_AND_NETWORKING',
      day: 13,
      start: '18:00',
      minutes: 120,
      venue: 'Park Place seminar room',
      capacity: 60,
      categories: ['EXPANDING_POSSIBILITY'],
      registered: 21,
      onBehalf: [
        { name: 'Gwen Pritchard', phone: '029 2018 0642', accessNeeds: 'Large-print copies of any handouts, please.' },
      ],
    },
    {
      title: 'Virtual coffee: questions about the merger',
      description: 'Half an hour on video with the stewards for anyone who cannot come in person.',
      format: 'VIRTUAL_COFFEE',
      day: 20,
      start: '19:00',
      minutes: 45,
      venue: null,
      onlineUrl: 'https://meet.example.org/cardiff-digital-circle-merger',
      capacity: 20,
      categories: ['PERSONAL_VALIDATION'],
      registered: 7,
    },
  ],
  'norwich-digital-for-good': [
    {
      title: 'Second meet-up: newsletters people open',
      description:
        'Our second evening together. A member from a Norwich arts charity shares how their newsletter went from 12% ' +
        'to 40% opened, then we swap what works.',
      format: 'TALKS_AND_NETWORKING',
      day: -68,
      start: '18:30',
      minutes: 90,
      venue: 'Millennium Library meeting room',
      capacity: 20,
      categories: ['SHORT_TERM_SKILLS', 'QUICK_TIP'],
      registered: 12,
    },
    {
      title: 'Virtual coffee for Norfolk',
      description: 'An hour on video for members across the county. Bring a question or just listen.',
      format: 'VIRTUAL_COFFEE',
      day: -20,
      start: '19:00',
      minutes: 60,
      venue: null,
      onlineUrl: 'https://meet.example.org/norwich-digital-for-good-coffee',
      capacity: 20,
      categories: ['PERSONAL_VALIDATION'],
      registered: 7,
    },
    {
      title: 'Canva and free design tools: a beginners’ session',
      description:
        'Posters, social media images and reports that look the same every time, with free tools. Laptops helpful; a ' +
        'couple of spares available.',
      format: 'WORKSHOP',
      day: 15,
      start: '18:00',
      minutes: 120,
      venue: 'Magdalen Street café back room',
      capacity: 15,
      categories: ['SHORT_TERM_SKILLS'],
      registered: 9,
    },
    {
      title: 'Norwich winter meet-up',
      description: 'Planning next year’s evenings together, and a short talk on free Google tools for charities.',
      format: 'TALKS_AND_NETWORKING',
      day: 42,
      start: '18:30',
      minutes: 90,
      venue: 'Millennium Library meeting room',
      capacity: 20,
      categories: ['QUICK_TIP', 'EXPANDING_POSSIBILITY'],
      registered: 5,
    },
  ],
  'belfast-community-tech': [
    {
      title: 'Volunteer tech matches: an evening of pairings',
      description:
        'Community groups bring a problem; volunteer technologists bring an evening. We pair you up at tables and ' +
        'you leave with a next step and a contact.',
      format: 'WORKSHOP',
      day: -89,
      start: '18:00',
      minutes: 150,
      venue: 'Ormeau Road church hall',
      capacity: 50,
      categories: ['HANDS_ON_SUPPORT', 'UNIQUE_PERSPECTIVES'],
      registered: 38,
    },
    {
      title: 'Data protection for community groups',
      description:
        'What you must do, what you can stop worrying about, and a template privacy notice to take away. Led by a ' +
        'volunteer who advises voluntary groups across the city.',
      format: 'TRAINING',
      day: -40,
      start: '18:00',
      minutes: 120,
      venue: 'Central Library seminar room',
      capacity: 25,
      categories: ['RISK_MITIGATION', 'QUICK_TIP'],
      registered: 24,
    },
    {
      title: 'Belfast monthly: funding bids for digital projects',
      description:
        'Two groups who won funding for digital work share their bids, and a funder talks through what makes a bid ' +
        'easy to say yes to.',
      format: 'TALKS_AND_NETWORKING',
      day: -7,
      start: '18:00',
      minutes: 120,
      venue: 'Linen Quarter co-working space',
      capacity: 30,
      categories: ['HANDS_ON_SUPPORT', 'EXPANDING_POSSIBILITY'],
      registered: 27,
    },
    {
      title: 'Belfast monthly: websites on a shoestring',
      description:
        'Free and cheap ways to keep a community group’s website up to date, and how to avoid being locked in to one ' +
        'person’s account.',
      format: 'TALKS_AND_NETWORKING',
      day: 22,
      start: '18:00',
      minutes: 120,
      venue: 'Ormeau Road church hall',
      capacity: 50,
      categories: ['SHORT_TERM_SKILLS', 'RISK_MITIGATION'],
      registered: 16,
    },
    {
      title: 'Virtual coffee: questions for the volunteers',
      description: 'An hour on video with two of our volunteer technologists. Bring any question.',
      format: 'VIRTUAL_COFFEE',
      day: 50,
      start: '19:00',
      minutes: 60,
      venue: null,
      onlineUrl: 'https://meet.example.org/belfast-community-tech-coffee',
      capacity: 20,
      categories: ['QUICK_TIP', 'UNIQUE_PERSPECTIVES'],
      registered: 4,
    },
  ],
  // One person for now, still in its first stage: no events held yet, just the first two planned
  // (the online call the purpose hopes for, and a first meeting in Penrith). People sign up by
  // phone, so the steward registers them.
  'cumbria-rural-digital': [
    {
      title: 'First online call for Cumbria',
      description:
        'The first of what we hope becomes a quarterly call for people who look after digital in village halls, food ' +
        'banks and rural charities. An hour on video; you can join by phone too.',
      format: 'VIRTUAL_COFFEE',
      day: 18,
      start: '19:00',
      minutes: 60,
      venue: null,
      onlineUrl: 'https://meet.example.org/cumbria-rural-digital-call',
      capacity: 20,
      categories: ['PERSONAL_VALIDATION', 'QUICK_TIP'],
      registered: 3,
      onBehalf: [
        { name: 'Alan Threlkeld', phone: '01768 960 214' },
        { name: 'Susan Armstrong', email: 'susan.armstrong@example.net' },
      ],
    },
    {
      title: 'Meet up in Penrith',
      description: 'Tea and a chat in the library for anyone who would rather meet in person. Parking nearby.',
      format: 'SOCIAL',
      day: 47,
      start: '18:00',
      minutes: 90,
      venue: 'Penrith Library meeting room',
      capacity: 12,
      categories: [],
      registered: 2,
      onBehalf: [
        {
          name: 'Alan Threlkeld',
          phone: '01768 960 214',
          accessNeeds: 'I use a wheelchair, so I need step-free access and a space at a table.',
        },
      ],
    },
  ],
};
