import type { OrganisationSize, ProfileVisibility as Visibility, SupportCategory } from '../server/src/db/schema.ts';
import { SUPPORT_CATEGORY_VALUES as SUPPORT_CATEGORIES } from '../server/src/db/schema.ts';
import { addDays, daysBetween, type Random } from './random.ts';

// Profiles for the demo people and the generated ones: who they are, where they work, what they
// can offer and what they need. Written for Hearth's demo; organisations are invented, and any
// likeness to a real one is by kind, not by detail.

/** Skills (lower case, as stored) a mentor can offer for each kind of support. */
export const SKILLS_BY_CATEGORY: Record<SupportCategory, readonly string[]> = {
  QUICK_TIP: ['canva', 'mailchimp', 'google workspace', 'microsoft 365', 'wordpress', 'templates'],
  SHORT_TERM_SKILLS: ['social media', 'email marketing', 'copywriting', 'seo', 'google analytics', 'video editing'],
  EXPANDING_POSSIBILITY: ['digital strategy', 'automation', 'ai tools', 'making the case to trustees', 'open data'],
  LONG_TERM_SKILLS: ['product management', 'service design', 'user research', 'agile delivery', 'hiring a team'],
  HANDS_ON_SUPPORT: ['website build', 'crm setup', 'salesforce', 'digital fundraising', 'funding bids for digital'],
  PERSONAL_VALIDATION: ['coaching', 'facilitation', 'peer support', 'testing ideas', 'change management'],
  RISK_MITIGATION: ['data protection', 'cyber security', 'accessibility', 'online safeguarding', 'case studies'],
  UNIQUE_PERSPECTIVES: [
    'charity governance',
    'lived experience',
    'inclusive design',
    'welsh language',
    'charity finance',
  ],
};

/** Skills whose usual spelling is more than a capital first letter: names of products, initials. */
const SKILL_SPELLINGS: Readonly<Record<string, string>> = {
  canva: 'Canva',
  mailchimp: 'Mailchimp',
  'google workspace': 'Google Workspace',
  'microsoft 365': 'Microsoft 365',
  wordpress: 'WordPress',
  seo: 'SEO',
  'google analytics': 'Google Analytics',
  'ai tools': 'AI tools',
  'crm setup': 'CRM setup',
  salesforce: 'Salesforce',
  gdpr: 'GDPR',
  'html and css': 'HTML and CSS',
  zapier: 'Zapier',
  excel: 'Excel',
  'plain english': 'Plain English',
  'welsh language': 'Welsh language',
};

/** A skill as a person would type it: the lists here are lower case, as Hearth matches them. */
export function skillAsTyped(skill: string): string {
  return SKILL_SPELLINGS[skill] ?? skill.charAt(0).toUpperCase() + skill.slice(1);
}

interface Specialism {
  roles: readonly string[];
  categories: readonly [SupportCategory, SupportCategory];
  /** Where people with this specialism work: organisation, its size and sector. */
  employers: ReadonlyArray<readonly [string, OrganisationSize, string]>;
  /** What they do every day; a mentor lists most of these and a skill or two from the categories. */
  core: readonly string[];
  offer: string;
}

/** What mentors do for a living, and the two kinds of support each is best placed to give. */
export const SPECIALISMS: readonly Specialism[] = [
  {
    roles: ['Service Designer', 'Senior Service Designer'],
    categories: ['LONG_TERM_SKILLS', 'PERSONAL_VALIDATION'],
    employers: [
      ['Fieldnote Design Studio', 'MEDIUM', 'digital agency'],
      ['Midshire County Council', 'LARGE', 'public sector'],
    ],
    core: ['service design', 'journey mapping', 'prototyping'],
    offer: 'mapping a service from the user’s side before anyone builds anything',
  },
  {
    roles: ['Product Manager', 'Head of Product'],
    categories: ['LONG_TERM_SKILLS', 'EXPANDING_POSSIBILITY'],
    employers: [
      ['Lanternfish Software', 'MEDIUM', 'technology'],
      ['Heartwise Health Charity', 'LARGE', 'health'],
    ],
    core: ['product management', 'roadmapping', 'agile delivery'],
    offer: 'working out what to build first and what to stop doing',
  },
  {
    roles: ['Digital Marketing Consultant', 'Social Media Manager'],
    categories: ['QUICK_TIP', 'SHORT_TERM_SKILLS'],
    employers: [
      ['Self-employed', 'MICRO', 'consultancy'],
      ['Wordsmith & Pixel', 'SMALL', 'digital agency'],
    ],
    core: ['social media', 'email marketing', 'copywriting'],
    offer: 'getting more out of the channels you already have, without buying anything new',
  },
  {
    roles: ['Web Developer', 'Freelance Web Developer'],
    categories: ['HANDS_ON_SUPPORT', 'QUICK_TIP'],
    employers: [
      ['Self-employed', 'MICRO', 'consultancy'],
      ['Tidewater Web Co-operative', 'SMALL', 'digital agency'],
    ],
    core: ['wordpress', 'website build', 'html and css'],
    offer: 'websites that a volunteer can keep up to date after I have gone',
  },
  {
    roles: ['CRM Consultant', 'Salesforce Administrator'],
    categories: ['HANDS_ON_SUPPORT', 'SHORT_TERM_SKILLS'],
    employers: [
      ['Openfield Data Partners', 'SMALL', 'consultancy'],
      ['Oakwell Housing Group', 'LARGE', 'housing'],
    ],
    core: ['crm setup', 'salesforce', 'data migration'],
    offer: 'getting supporter records out of five spreadsheets and into one place',
  },
  {
    roles: ['Data Protection Officer', 'Information Governance Lead'],
    categories: ['RISK_MITIGATION', 'UNIQUE_PERSPECTIVES'],
    employers: [
      ['Hartwell University', 'LARGE', 'higher education'],
      ['Self-employed', 'MICRO', 'consultancy'],
    ],
    core: ['data protection', 'gdpr', 'cyber security'],
    offer: 'data protection that is proportionate for a small charity, not a bank',
  },
  {
    roles: ['Head of Digital', 'Director of Digital and Communications'],
    categories: ['EXPANDING_POSSIBILITY', 'UNIQUE_PERSPECTIVES'],
    employers: [
      ['Brightstart Children’s Trust', 'LARGE', 'charity'],
      ['Northern Arts Development Agency', 'LARGE', 'public sector'],
    ],
    core: ['digital strategy', 'making the case to trustees', 'budgets for digital'],
    offer: 'making the case for digital to trustees and senior managers',
  },
  {
    roles: ['Accessibility Specialist', 'Accessibility Auditor'],
    categories: ['RISK_MITIGATION', 'SHORT_TERM_SKILLS'],
    employers: [
      ['Level Ground Accessibility', 'SMALL', 'consultancy'],
      ['Civic Digital Service', 'LARGE', 'public sector'],
    ],
    core: ['accessibility', 'assistive technology', 'plain english'],
    offer: 'checking a site or a form works for people using assistive technology',
  },
  {
    roles: ['Leadership Coach', 'Coach and Facilitator'],
    categories: ['PERSONAL_VALIDATION', 'UNIQUE_PERSPECTIVES'],
    employers: [
      ['Self-employed', 'MICRO', 'coaching'],
      ['Common Ground Coaching Co-operative', 'MICRO', 'coaching'],
    ],
    core: ['coaching', 'facilitation', 'testing ideas'],
    offer: 'an hour to think out loud about an idea before you take it to your manager',
  },
  {
    roles: ['Automation Specialist', 'Operations Engineer'],
    categories: ['EXPANDING_POSSIBILITY', 'QUICK_TIP'],
    employers: [
      ['Brightloom Technology', 'MEDIUM', 'technology'],
      ['Self-employed', 'MICRO', 'consultancy'],
    ],
    core: ['automation', 'zapier', 'ai tools'],
    offer: 'taking the copying and pasting out of a small team’s week',
  },
  {
    roles: ['Digital Fundraising Manager', 'Trusts and Grants Manager'],
    categories: ['HANDS_ON_SUPPORT', 'RISK_MITIGATION'],
    employers: [
      ['Evenlight Hospice Care', 'LARGE', 'charity'],
      ['Three Rivers Community Foundation', 'MEDIUM', 'funder'],
    ],
    core: ['digital fundraising', 'funding bids for digital', 'case studies'],
    offer: 'finding and writing funding bids for digital work, with case studies that convince',
  },
  {
    roles: ['User Researcher', 'Lead User Researcher'],
    categories: ['LONG_TERM_SKILLS', 'RISK_MITIGATION'],
    employers: [
      ['Westmoor NHS Trust', 'LARGE', 'health'],
      ['Fieldnote Design Studio', 'MEDIUM', 'digital agency'],
    ],
    core: ['user research', 'interviewing', 'usability testing'],
    offer: 'talking to the people you serve before you change anything',
  },
];

/** Charity sectors digital leads work in, with invented organisation names ("{place}": their town). */
export const CHARITY_SECTORS: ReadonlyArray<{ sector: string; organisations: readonly string[]; work: string }> = [
  {
    sector: 'youth',
    organisations: [
      '{place} Youth Project',
      'Next Step Youth Trust',
      'Skylark Young People’s Centre',
      'Open Door Youth Club',
    ],
    work: 'youth work',
  },
  {
    sector: 'housing and homelessness',
    organisations: [
      '{place} Tenants’ Advice',
      'Safe Harbour Housing Support',
      'Doorway Night Shelter',
      'Keystone Move-On',
    ],
    work: 'housing support',
  },
  {
    sector: 'arts and culture',
    organisations: [
      '{place} Community Arts',
      'Paper Lantern Theatre',
      'Threadwork Textiles Collective',
      'Loud Corner Music',
    ],
    work: 'community arts',
  },
  {
    sector: 'food banks',
    organisations: ['{place} Food Bank', 'Full Plate Community Pantry', 'Harvest Share', 'Kitchen Table Food Network'],
    work: 'emergency food',
  },
  {
    sector: 'mental health',
    organisations: ['{place} Wellbeing Hub', 'Quiet Harbour Peer Support', 'Talk It Through', 'Steady Ground'],
    work: 'mental health peer support',
  },
  {
    sector: 'environment',
    organisations: [
      '{place} Green Spaces Trust',
      'Riverbank Rescue',
      'Seedbank Community Gardens',
      'Cycle Back Workshop',
    ],
    work: 'environmental volunteering',
  },
  {
    sector: 'older people',
    organisations: ['Good Company Befriending', '{place} Older People’s Forum', 'Tea and Tech Club'],
    work: 'befriending',
  },
  {
    sector: 'refugees and migrants',
    organisations: ['{place} Welcome Network', 'New Roots Refugee Support', 'Common Table ESOL'],
    work: 'refugee support',
  },
  {
    sector: 'advice',
    organisations: ['{place} Community Advice Centre', 'Plain Facts Money Advice', 'Fair Say Advocacy'],
    work: 'advice',
  },
];

export const DIGITAL_LEAD_ROLES = [
  'Communications and Digital Officer',
  'Digital Lead',
  'Marketing and Communications Coordinator',
  'Fundraising and Communications Officer',
  'Operations Manager',
  'Volunteer Coordinator',
  'Office and Administration Manager',
  'Project Coordinator',
  'Communications Assistant',
  'Chief Executive',
] as const;

/** Skills a digital lead often already has. */
export const EVERYDAY_SKILLS = [
  'social media',
  'canva',
  'mailchimp',
  'wordpress',
  'newsletters',
  'photography',
  'excel',
  'event promotion',
  'volunteer management',
] as const;

/** Everyone else: trustees, volunteers, council and funder staff, students. */
export const OTHER_ROLES: ReadonlyArray<readonly [string, string | null, OrganisationSize | null, string | null]> = [
  ['Trustee', '{place} Community Trust', 'SMALL', 'charity governance'],
  ['Community Development Officer', '{place} Council', 'LARGE', 'public sector'],
  ['Grants Officer', 'Three Rivers Community Foundation', 'MEDIUM', 'funder'],
  ['Volunteer', null, null, null],
  ['Student', '{place} College', 'LARGE', 'education'],
  ['Digital Inclusion Officer', '{place} Libraries', 'LARGE', 'public sector'],
  ['Retired IT manager', null, null, null],
  ['Volunteer Centre Manager', '{place} Council for Voluntary Service', 'SMALL', 'infrastructure'],
];

/** What a digital lead would ask for, in the first person, by the kind of support. */
const NEED_SENTENCES: Record<SupportCategory, string> = {
  QUICK_TIP: 'A good template or a tool recommendation would save me hours.',
  SHORT_TERM_SKILLS: 'I want to get better at the channels we already use rather than add new ones.',
  EXPANDING_POSSIBILITY: 'I am looking for examples that will help me show our trustees what digital could do for us.',
  LONG_TERM_SKILLS: 'Longer term I would like to learn how to run a digital project properly, start to finish.',
  HANDS_ON_SUPPORT: 'We badly need hands: a volunteer, a tool that saves time, or funding for a few days of help.',
  PERSONAL_VALIDATION: 'Mostly I would like someone to sense-check my ideas before I take them to my manager.',
  RISK_MITIGATION: 'Case studies from similar charities would take the fear out of trying something new.',
  UNIQUE_PERSPECTIVES: 'An honest one-to-one conversation with someone who has been in my shoes would help.',
};

const SIZE_WORDS: Record<OrganisationSize, string> = {
  MICRO: 'tiny',
  SMALL: 'small',
  MEDIUM: 'medium-sized',
  LARGE: 'large',
};

// Pronouns are only given where the demo's names make them unsurprising; many people leave them blank.
const USUALLY_SHE = new Set(
  'Charlotte Emily Sophie Hannah Lucy Rebecca Laura Sarah Claire Helen Rachel Joanna Karen Gemma Alice Ruth Kate Ellie Jess Holly Chloe Megan Philippa Lorna Abigail Harriet Bridget Frances Cerys Siân Ffion Nia Llinos Bethan Carys Angharad Elin Manon Lowri Eilidh Isla Kirsty Morag Catriona Mhairi Ailsa Fiona Shona Kirsteen Aoife Niamh Siobhán Orla Róisín Sinéad Gráinne Caoimhe Clodagh Bronagh Maeve Aisha Priya Anjali Farah Nadia Deepa Sunita Zainab Ayesha Meera Salma Nisha Rukhsana Ngozi Abena Folake Adaeze Chiamaka Kemi Adwoa Ifeoma Efua Shanice Keisha Simone Marcia Tanya Mei Agnieszka Katarzyna Magdalena Ewa Ioana Jana Zsófia Fatima Leyla Amina Hodan Yasmin Elif Layla Sahra Amara'.split(
    ' ',
  ),
);
const USUALLY_HE = new Set(
  'Oliver George Harry Jack James Thomas Daniel Michael David Matthew Peter Stuart Ben Simon Tom Nick Graham Martin Toby Julian Rhys Gareth Dafydd Owain Gethin Huw Aled Iwan Geraint Osian Steffan Callum Fraser Ross Hamish Euan Alasdair Finlay Craig Lewis Gregor Ciarán Pádraig Declan Eoin Conor Séamus Darragh Gerard Colm Ravi Sanjay Imran Arjun Vikram Yusuf Bilal Rohan Tariq Hamza Anil Chidi Kwame Tunde Yaw Emeka Femi Kofi Segun Marcus Jermaine Tyrone Andre Leon Delroy Winston Kenji Piotr Tomasz Marek Paweł Andrei Darius Lukas Omar Hassan Mohamed Abdi Mustafa Emre Samir Karim'.split(
    ' ',
  ),
);

function pronounsFor(name: string, random: Random): string | null {
  const given = name.split(' ')[0]!;
  if (random.chance(0.03)) return 'they/them';
  if (!random.chance(0.5)) return null;
  if (USUALLY_SHE.has(given)) return random.chance(0.08) ? 'she/they' : 'she/her';
  if (USUALLY_HE.has(given)) return random.chance(0.05) ? 'he/they' : 'he/him';
  return null;
}

export interface DemoProfile {
  user_id: string;
  pronouns: string | null;
  bio: string | null;
  organisation: string | null;
  organisation_size: OrganisationSize | null;
  sector: string | null;
  role_title: string | null;
  is_digital_lead: boolean;
  is_mentor: boolean;
  /** Lower case, as Hearth matches them. */
  skills: string[];
  /** As the person would write them, which is how Hearth shows them. */
  skills_as_typed: string[];
  support_needs: SupportCategory[];
  visibility: Visibility;
  created_at: Date;
  updated_at: Date;
}

export interface ProfilePerson {
  id: string;
  name: string;
  created_at: Date;
  /** The town of their first network, or null when they have not joined one. */
  place: string | null;
  /** A fixed kind for the demo accounts, so the README can describe them. */
  kind?: 'mentor' | 'digitalLead' | 'both';
}

/** Distinct items, in the order first picked. */
function pickSome<T>(random: Random, items: readonly T[], count: number): T[] {
  const chosen: T[] = [];
  for (let tries = 0; chosen.length < Math.min(count, items.length) && tries < 100; tries += 1) {
    const item = random.pick(items);
    if (!chosen.includes(item)) chosen.push(item);
  }
  return chosen;
}

const NEED_WEIGHTS: ReadonlyArray<readonly [SupportCategory, number]> = [
  ['QUICK_TIP', 5],
  ['SHORT_TERM_SKILLS', 4],
  ['EXPANDING_POSSIBILITY', 3],
  ['LONG_TERM_SKILLS', 1.5],
  ['HANDS_ON_SUPPORT', 3],
  ['PERSONAL_VALIDATION', 3],
  ['RISK_MITIGATION', 2],
  ['UNIQUE_PERSPECTIVES', 1.5],
];

/**
 * A profile for one person, or null for someone who has not filled one in. About a fifth are
 * mentors, two fifths digital leads (a few both); a tenth keep their profile private.
 */
export function makeProfile(person: ProfilePerson, random: Random, reference: Date): DemoProfile | null {
  const roll = random.next();
  // Recent sign-ups who have joined no network yet: half have not written a profile.
  if (person.place === null && !person.kind && random.chance(0.5)) return null;
  const place = person.place ?? 'Manchester';
  const isMentor = person.kind ? person.kind !== 'digitalLead' : roll < 0.2;
  const isDigitalLead = person.kind ? person.kind !== 'mentor' : roll >= 0.18 && roll < 0.58;
  const visibilityRoll = random.next();
  const visibility: Visibility = person.kind
    ? 'MEMBERS'
    : visibilityRoll < 0.1
      ? 'PRIVATE'
      : visibilityRoll < 0.3
        ? 'PUBLIC'
        : 'MEMBERS';
  const pronouns = pronounsFor(person.name, random);

  let organisation: string | null;
  let size: OrganisationSize | null;
  let sector: string | null;
  let role: string | null;
  let skills: string[] = [];
  let needs: SupportCategory[] = [];
  let bio: string;

  if (isDigitalLead) {
    const kind = random.pick(CHARITY_SECTORS);
    organisation = random.pick(kind.organisations).replace('{place}', place);
    size = random.weighted<OrganisationSize>([
      ['MICRO', 4],
      ['SMALL', 4.5],
      ['MEDIUM', 1.5],
    ]);
    sector = kind.sector;
    role = random.pick(DIGITAL_LEAD_ROLES);
    skills = pickSome(random, EVERYDAY_SKILLS, random.int(0, 4));
    const needCount = random.weighted<number>([
      [1, 3],
      [2, 4],
      [3, 2],
      [4, 1],
    ]);
    const picked = new Set<SupportCategory>();
    while (picked.size < needCount) picked.add(random.weighted(NEED_WEIGHTS));
    needs = SUPPORT_CATEGORIES.filter((category) => picked.has(category));
    const main = role === 'Digital Lead' ? 'the digital lead' : `the ${role.toLowerCase()}`;
    bio =
      `I am ${main} at ${organisation}, a ${SIZE_WORDS[size]} ${kind.work} charity in ${place}` +
      `${role === 'Digital Lead' ? '' : ', and digital landed on my desk as well'}. ` +
      random.pick([
        'I am the only person there who does it, usually on two days a week.',
        'Nobody else on the team has time for it, so it is me and a lot of searching online.',
        'I picked it up as I went and would like to do it properly.',
      ]) +
      ` ${NEED_SENTENCES[random.pick(needs)]}`;
    if (isMentor) {
      const offered = random.pick(EVERYDAY_SKILLS);
      if (!skills.includes(offered)) skills.push(offered);
      bio += ` In return I am glad to help anyone starting out with ${offered}.`;
    }
  } else if (isMentor) {
    const specialism = random.pick(SPECIALISMS);
    const [employer, employerSize, employerSector] = random.pick(specialism.employers);
    organisation = employer;
    size = employerSize;
    sector = employerSector;
    role = random.pick(specialism.roles);
    const pool = specialism.categories.flatMap((category) => SKILLS_BY_CATEGORY[category]);
    skills = pickSome(random, specialism.core, random.int(2, 3));
    for (const skill of pickSome(random, pool, random.int(1, 3))) if (!skills.includes(skill)) skills.push(skill);
    const years = random.int(4, 22);
    const where = employer === 'Self-employed' ? 'working for myself' : `at ${employer}`;
    bio =
      `${role} ${where}, with ${years} years of digital work behind me. ` +
      `I mentor because I would have loved a mentor myself. Best with ${specialism.offer}. ` +
      random.pick([
        'I can give an hour a month, by video call or over coffee.',
        'One mentee at a time, an hour a fortnight, for about three months.',
        'Happy to answer quick questions any time; longer mentoring when I have a free slot.',
      ]);
  } else {
    const [otherRole, otherOrganisation, otherSize, otherSector] = random.pick(OTHER_ROLES);
    role = otherRole;
    organisation = otherOrganisation?.replace('{place}', place) ?? null;
    size = otherSize;
    sector = otherSector;
    if (random.chance(0.4)) skills = pickSome(random, EVERYDAY_SKILLS, random.int(1, 3));
    if (random.chance(0.2)) needs = [random.weighted(NEED_WEIGHTS)];
    bio =
      `${role}${organisation ? ` at ${organisation}` : ''}, ${place}. ` +
      random.pick([
        'I come along to hear what is working for other charities.',
        'Interested in how small charities can use digital without burning out their staff.',
        'Here to meet people and help at events where I can.',
      ]);
  }

  // Some people leave parts of the profile blank.
  const created = addDays(person.created_at, random.int(0, 30) + random.next());
  const latest = addDays(reference, -1);
  const createdAt = created < latest ? created : latest;
  const updatedAt = addDays(createdAt, Math.max(0, daysBetween(createdAt, latest)) * random.next() ** 3);
  return {
    user_id: person.id,
    pronouns,
    bio: random.chance(0.85) || person.kind ? bio : null,
    organisation,
    organisation_size: size,
    sector,
    role_title: role,
    is_digital_lead: isDigitalLead,
    is_mentor: isMentor,
    skills,
    skills_as_typed: skills.map(skillAsTyped),
    support_needs: needs,
    visibility,
    created_at: createdAt,
    updated_at: updatedAt,
  };
}
