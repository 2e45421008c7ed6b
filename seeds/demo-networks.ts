import type { LifecycleStage, NetworkFields } from '../server/src/modules/networks/service.ts';
import type { NamePool } from './names.ts';

// The seven demo networks: what each is for, how it got where it is, and who is in it.
// Written for Hearth's demo; any likeness to a real group is by kind, not by detail.

export type Stage = LifecycleStage;

export interface DemoNetwork extends NetworkFields {
  /** Who lives there: weights of the name pools its people are drawn from. */
  people: Partial<Record<NamePool, number>>;
  /** People whose first network this is (the demo accounts placed here included). */
  homeMembers: number;
  stewards: number;
  organisers: number;
  /** Share of members who have since left. */
  leavers: number;
  /** Above 1: most joined early; below 1: most joined recently. */
  joiningCurve: number;
  /** Stage changes, oldest first; `by` is the steward who set it (0: the founder). */
  history: ReadonlyArray<{ stage: Stage; on: string; by: number; note: string }>;
}

export const DEMO_NETWORKS: readonly DemoNetwork[] = [
  {
    name: 'Bristol Tech for Good',
    placeName: 'Bristol',
    region: 'South West England',
    latitude: 51.45523,
    longitude: -2.59665,
    purpose:
      "We bring together the people who look after digital work in Bristol's small charities and community groups, " +
      'and practitioners happy to lend them an hour. We meet once a month in a café near Temple Meads, so a lone ' +
      'digital lead can always find a peer who has already tried what they are about to try.',
    values:
      'Plain language, never jargon. Small steps that actually ship. Credit for every contribution, however small. ' +
      'Newcomers first: at every meet-up someone is there to say hello. We share what went wrong as readily as what went right.',
    codeOfConduct:
      'Be kind and patient: many people here do digital on top of another job.\n' +
      'No selling. Suppliers are welcome as people, not as pitches.\n' +
      'Ask before repeating anything someone shared in a session.\n' +
      'Harassment of any kind means you will be asked to leave. Tell any steward, in person or by message; ' +
      'we will act within a week and tell you what we did.',
    people: {
      english: 6,
      caribbean: 1.5,
      westAfrican: 1,
      southAsian: 1.5,
      somaliArabTurkish: 1,
      centralEuropean: 0.8,
      eastAsian: 0.6,
      welsh: 0.6,
    },
    homeMembers: 96,
    stewards: 3,
    organisers: 8,
    leavers: 0.12,
    joiningCurve: 0.9,
    history: [
      {
        stage: 'POTENTIAL',
        on: '2018-03-14',
        by: 0,
        note: 'A dozen of us stayed behind after a funding workshop and agreed we wanted a regular place to swap notes.',
      },
      {
        stage: 'COALESCING',
        on: '2018-06-20',
        by: 0,
        note: 'Three meet-ups in and the same faces keep coming back. We have written down our purpose, and five of us now share the organising.',
      },
      {
        stage: 'MATURING',
        on: '2019-05-02',
        by: 1,
        note: 'Monthly meet-ups with a waiting list, two new organisers, and members now bring their own projects to talk through.',
      },
      {
        stage: 'STEWARDSHIP',
        on: '2023-02-09',
        by: 0,
        note:
          'The organising rota now sits with a group of eight, and every account and venue contact has a named backup. ' +
          'The founders mostly look after partners and succession: the network no longer depends on any one of us.',
      },
    ],
  },
  {
    name: 'Leeds Charity Digital',
    placeName: 'Leeds',
    region: 'Yorkshire and the Humber',
    latitude: 53.79648,
    longitude: -1.54785,
    purpose:
      'Started online during lockdown, we help digital leads in West Yorkshire charities get unstuck: a lunchtime ' +
      'session on one tool, or an evening with people who have been through a bigger change such as a new website or CRM.',
    values:
      'Accessible by default: every session is captioned and recorded for people who cannot make the time. ' +
      'Honest about cost and effort. Everyone has something to teach. Led by the charities we serve, not by suppliers.',
    codeOfConduct:
      'Treat each other with respect and assume good intent.\n' +
      'Keep discussion about ideas, not people.\n' +
      "Keep personal details, yours and other people's, out of public threads.\n" +
      'If something makes you uncomfortable, contact a steward privately. Reports are handled in confidence.',
    people: {
      english: 5,
      southAsian: 3,
      caribbean: 1.2,
      westAfrican: 1,
      centralEuropean: 1,
      somaliArabTurkish: 0.6,
      eastAsian: 0.5,
      irish: 0.4,
    },
    homeMembers: 72,
    stewards: 2,
    organisers: 6,
    leavers: 0.08,
    joiningCurve: 0.7,
    history: [
      {
        stage: 'POTENTIAL',
        on: '2020-09-10',
        by: 0,
        note: 'Opened a group chat for digital leads who suddenly had to move everything online. Forty people joined in a week.',
      },
      {
        stage: 'COALESCING',
        on: '2021-06-17',
        by: 0,
        note: 'First meet-up in person, at a community centre in Chapeltown. Twenty people came, and most want to help run the next one.',
      },
      {
        stage: 'MATURING',
        on: '2022-10-05',
        by: 1,
        note: 'A session every month, forty regulars, and a second steward sharing the load.',
      },
    ],
  },
  {
    name: 'Glasgow Third Sector Digital',
    placeName: 'Glasgow',
    region: 'Scotland',
    latitude: 55.86515,
    longitude: -4.25763,
    purpose:
      "A new gathering for the people doing digital in Glasgow's third sector (comms officers, volunteer coordinators, " +
      'the accidental IT person) to learn from each other and stop rebuilding the same spreadsheets.',
    values:
      'Open to anyone who does digital for a good cause, whatever their job title. Practical over theoretical. ' +
      'We make room for quieter voices.',
    codeOfConduct:
      'Be welcoming, especially to anyone at their first meet-up.\n' +
      'Disagree kindly.\n' +
      'No recordings or photos without consent.\n' +
      'Report problems to the stewards: we will reply, act and keep you informed.',
    people: {
      scottish: 6,
      english: 1,
      southAsian: 1.5,
      irish: 0.8,
      centralEuropean: 1,
      eastAsian: 0.5,
      westAfrican: 0.5,
    },
    homeMembers: 36,
    stewards: 2,
    organisers: 3,
    leavers: 0.05,
    joiningCurve: 0.5,
    history: [
      {
        stage: 'POTENTIAL',
        on: '2024-01-22',
        by: 0,
        note: 'A few of us from different charities keep having the same conversation. Starting a list to see who else is out there.',
      },
      {
        stage: 'COALESCING',
        on: '2024-09-12',
        by: 1,
        note: 'Second meet-up done, with four of us taking turns to host. We are drafting our purpose together.',
      },
    ],
  },
  {
    name: 'Cardiff Digital Circle',
    placeName: 'Cardiff',
    region: 'Wales',
    latitude: 51.48,
    longitude: -3.18,
    purpose:
      "Since 2017 people carrying digital work in Cardiff's charities have met here to share what works. We are now " +
      'folding into a Wales-wide network, so that members outside the capital get the same support.',
    values:
      'Welsh and English are both welcome in every conversation. Share generously. ' +
      'Look after the volunteers who make it run, and let them stop when they need to.',
    codeOfConduct:
      'Croeso i bawb: everyone is welcome.\n' +
      'Be respectful in either language.\n' +
      'No sales pitches.\n' +
      'Raise any concern with a steward; we take every one seriously.',
    people: { welsh: 5, english: 2, somaliArabTurkish: 1, southAsian: 1, westAfrican: 0.6, caribbean: 0.4 },
    homeMembers: 42,
    stewards: 3,
    organisers: 3,
    leavers: 0.4,
    joiningCurve: 1.6,
    history: [
      {
        stage: 'POTENTIAL',
        on: '2017-05-04',
        by: 0,
        note: 'Invited every charity comms person I know in Cardiff to a pub quiz night. Eleven came.',
      },
      {
        stage: 'COALESCING',
        on: '2017-09-21',
        by: 0,
        note: 'We meet every six weeks now, and a core group of four shares the planning.',
      },
      {
        stage: 'MATURING',
        on: '2018-06-14',
        by: 0,
        note: 'Regular events, a shared drive of templates, and our first sessions run in Welsh.',
      },
      {
        stage: 'STEWARDSHIP',
        on: '2021-04-29',
        by: 1,
        note: 'Back in person after a year online. A steady group of organisers, a backup for every account, and newcomers at most events.',
      },
      {
        stage: 'TRANSFORMATION',
        on: '2026-06-11',
        by: 1,
        note:
          'After a year of falling turnout and two organisers moving away, members voted to merge with the Wales-wide network. ' +
          'We are handing over the mailing list and venue contacts over the summer.',
      },
    ],
  },
  {
    name: 'Norwich Digital for Good',
    placeName: 'Norwich',
    region: 'East of England',
    latitude: 52.62783,
    longitude: 1.29834,
    purpose:
      'A small, friendly group for Norfolk charity staff and volunteers who look after websites, social media and ' +
      'data, meeting every other month in Norwich and online.',
    values: 'No question is too basic. Online and in person count equally. Take what helps and leave the rest.',
    codeOfConduct:
      'Be kind, be patient, and keep confidences.\n' +
      'Anyone who makes others unsafe will be asked to leave.\n' +
      'Concerns go to the steward, who will respond within a few days.',
    people: { english: 6, centralEuropean: 1.5, eastAsian: 0.6, southAsian: 0.5, westAfrican: 0.4 },
    homeMembers: 13,
    stewards: 1,
    organisers: 2,
    leavers: 0.08,
    joiningCurve: 0.8,
    history: [
      {
        stage: 'POTENTIAL',
        on: '2025-02-03',
        by: 0,
        note: 'Moved here from London and could not find anyone to talk charity digital with, so I am starting something.',
      },
      {
        stage: 'COALESCING',
        on: '2026-03-19',
        by: 0,
        note: 'Our first proper event: fourteen people, and three of them offered to help with the next.',
      },
    ],
  },
  {
    name: 'Belfast Community Tech',
    placeName: 'Belfast',
    region: 'Northern Ireland',
    latitude: 54.59682,
    longitude: -5.92541,
    purpose:
      'Connecting community and voluntary sector workers across Belfast with volunteer technologists, so that small ' +
      'organisations get honest advice on tools, data protection and funding bids for digital projects.',
    values:
      'Cross-community and open to all. Independent of any supplier. Advice that fits the size and budget of the group asking.',
    codeOfConduct:
      'Respect everyone, whatever their background or community.\n' +
      'Keep politics about policy, never personal.\n' +
      'Volunteers give advice in good faith; check it before relying on it.\n' +
      'Tell a steward about any problem, in person or by message.',
    people: {
      irish: 7,
      english: 1,
      scottish: 0.6,
      centralEuropean: 1,
      eastAsian: 0.6,
      southAsian: 0.4,
      westAfrican: 0.3,
    },
    homeMembers: 38,
    stewards: 2,
    organisers: 4,
    leavers: 0.1,
    joiningCurve: 0.9,
    history: [
      {
        stage: 'POTENTIAL',
        on: '2021-11-08',
        by: 0,
        note: 'Two of us, one from a youth charity and one a developer, want to pair community groups with people who can help.',
      },
      {
        stage: 'COALESCING',
        on: '2022-04-27',
        by: 0,
        note: 'Four evenings held, a core group of six, and the first volunteer matches are working well.',
      },
      {
        stage: 'MATURING',
        on: '2024-03-06',
        by: 1,
        note: 'Evenings every month alternating between venues across the city, and more groups asking for help than ever.',
      },
    ],
  },
  {
    name: 'Cumbria Rural Digital',
    placeName: 'Penrith',
    region: 'Cumbria',
    latitude: 54.66579,
    longitude: -2.75757,
    purpose:
      'Connecting the few people who do digital for village halls, food banks and rural charities across Cumbria, ' +
      'where the nearest peer can be an hour away by road. For now this is one organiser and a mailing list; the hope ' +
      'is a quarterly online call.',
    values: 'Rural needs first. Online so that distance is no barrier. Small and unhurried.',
    codeOfConduct:
      'Be courteous and helpful.\nRespect that everyone here is giving their own time.\nConcerns go to the steward.',
    people: { english: 1 },
    homeMembers: 1,
    stewards: 1,
    organisers: 0,
    leavers: 0,
    joiningCurve: 1,
    history: [
      {
        stage: 'POTENTIAL',
        on: '2026-04-15',
        by: 0,
        note: 'Setting this up on my own after the county volunteering conference. If you look after digital anywhere in Cumbria, please join.',
      },
    ],
  },
];
