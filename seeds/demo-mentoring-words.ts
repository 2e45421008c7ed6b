import type { SupportCategory } from '../server/src/db/schema.ts';

// What the demo's mentoring says: offers' commitments, needs by the kind of support they ask
// for, and the messages, notes and outcomes between leads and mentors. Written for Hearth's demo.

export const COMMITMENTS = [
  'An hour a month for three months.',
  'An hour a fortnight by video, for as long as it helps.',
  'Quick questions any time; a longer call once a month.',
  'Two or three calls over a couple of months.',
  'Half a day a quarter, in person if you are nearby.',
  'One conversation to start, then we see.',
] as const;

interface NeedText {
  title: string;
  description: string;
  brief: string;
}

/** Needs a lead might post, by the kind of support they most want. */
export const NEEDS_BY_CATEGORY: Record<SupportCategory, readonly NeedText[]> = {
  QUICK_TIP: [
    {
      title: 'A better way to make our social media graphics',
      description: 'I make every post from scratch and it takes most of a morning each week.',
      brief: 'Which templates or tools would you use in my place, and what would you stop doing?',
    },
    {
      title: 'Tidy up our shared drive',
      description: 'Nobody can find anything: five versions of every form, folders named after people who have left.',
      brief: 'How would you organise it so a new volunteer finds things on their first day?',
    },
  ],
  SHORT_TERM_SKILLS: [
    {
      title: 'Write emails people actually open',
      description: 'Our appeal emails go to 2,000 supporters and about one in ten opens them.',
      brief: 'Read our last appeal with me and tell me what you would change first.',
    },
    {
      title: 'Start using our analytics',
      description: 'We have Google Analytics on the website but I have never looked at it properly.',
      brief: 'Which three numbers should a small charity watch, and where do I find them?',
    },
  ],
  EXPANDING_POSSIBILITY: [
    {
      title: 'Show our trustees what digital could do',
      description: 'The board sees digital as the website. I want them to see it as part of how we work.',
      brief: 'Examples from charities our size that I could put in front of the board.',
    },
    {
      title: 'Automate our volunteer sign-up',
      description: 'Every sign-up is copied by hand from a form into a spreadsheet and then into emails.',
      brief: 'Is this worth automating, and what would it take for a team with no developer?',
    },
  ],
  LONG_TERM_SKILLS: [
    {
      title: 'Learn to run a digital project properly',
      description: 'Our last website project ran a year late. I want to do the next one differently.',
      brief: 'How would you plan the first month of a small project like ours?',
    },
  ],
  HANDS_ON_SUPPORT: [
    {
      title: 'Move our supporter records into one place',
      description: 'Supporters live in four spreadsheets and an old address book. We are choosing a CRM.',
      brief: 'Which questions to ask suppliers, and what to do before we move anything.',
    },
    {
      title: 'Find funding for a website rebuild',
      description: 'The site is eight years old and breaks on phones. We need a bid for a few days of help.',
      brief: 'Which funders pay for digital work, and what makes a bid for it convincing?',
    },
  ],
  PERSONAL_VALIDATION: [
    {
      title: 'Sense-check my digital plan',
      description: 'I have written a one-page plan for next year and nobody at work can tell me if it is any good.',
      brief: 'Read the plan and tell me honestly what is missing or too much.',
    },
  ],
  RISK_MITIGATION: [
    {
      title: 'Get our data protection in order',
      description: 'We hold details of people we support and I am not sure we do it properly.',
      brief: 'What a small charity must do, and what can wait.',
    },
    {
      title: 'Make our online sessions safe for young people',
      description: 'We are moving some youth sessions online and need a safeguarding approach that works.',
      brief: 'What other youth charities do, and what we should have in place before the first session.',
    },
  ],
  UNIQUE_PERSPECTIVES: [
    {
      title: 'Talk to someone who has been a lone digital lead',
      description: 'I am the only person doing digital in a team of six and it can be lonely.',
      brief: 'How did you decide what to say no to?',
    },
  ],
};

export const REQUEST_MESSAGES = [
  'Hello! Your offer looks like a good fit for what we are stuck on. Could we have a first call?',
  'Hi, I read your offer and would love an hour of your time on this. I have put what I want from a first call in the brief.',
  'We are a small team and this is new to us. Would you be willing to help? Any time in the next few weeks suits me.',
] as const;

export const DECLINE_NOTES = [
  'Thank you for asking, and it sounds like a great project. I am short of time this month; do ask again in the new year.',
  'This is a little outside what I know well, and I would not want to steer you wrong. Good luck, and do post it again.',
  'I am at capacity just now, sorry. Someone here will be a better fit sooner than I could be.',
] as const;

export const GOALS = [
  'Agree what to try first, try it for a month, then check in on what changed.',
  'Leave with a plan on one page that the team can follow without me.',
  'Decide what to stop doing, and make the rest take half the time.',
] as const;

export const CHECK_IN_NOTES = [
  'First call: went through the brief and agreed two things to try before we speak again.',
  'Tried the new template; it saved about an hour this week. Next: the sign-up form.',
  'Looked at the numbers together. Fewer posts, better ones, is the plan for the next month.',
  'Short call to unblock the supplier question. Three suppliers to ask, with the questions written down.',
  'Reviewed the draft with the trustees’ questions in mind. Two sections to cut.',
] as const;

export const OUTCOME_NOTES = [
  'We now send a newsletter every month and people reply to it. I feel confident doing it alone.',
  'The trustees agreed the plan at their next meeting, with a small budget for next year.',
  'We chose a system and moved our records over in a fortnight, with nothing lost.',
  'Most of what I wanted. The last part needs money we do not have yet, but I know what to ask for.',
] as const;

export const EARLY_CLOSE_NOTES = [
  'My work has changed and I cannot give this the time it deserves. I am sorry; you are in good shape to carry on.',
] as const;
