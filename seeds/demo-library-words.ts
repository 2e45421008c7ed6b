import type { LibrarySeed } from './demo-library-types.ts';

// The words of the demo's library (demo-library.ts makes them rows): case studies, templates and
// quick tips as members of the demo networks would write them, for the small charities they work
// in. Organisations are invented, and any likeness to a real one is by kind, not by detail; the
// tools, offers and links named are real. Each item says where it stands in review and who used it.

const AMARA = 'amara.okafor@example.org';
const PRIYA = 'priya.shah@example.org';
const RHYS = 'rhys.evans@example.org';

const CASE_STUDIES: readonly LibrarySeed[] = [
  {
    kind: 'CASE_STUDY',
    network: 'bristol-tech-for-good',
    author: 'hannah.green@example.org',
    audience: 'ALL_NETWORKS',
    status: 'PUBLISHED',
    reviewer: 'alice.moore@example.org',
    reviewComment:
      'Clear and honest, and the open-rate figures make it easy to take to a manager. Thank you for including the bit about the unsubscribes.',
    daysAgo: 214,
    title: 'Moving our email newsletter from Word attachments to Mailchimp',
    summary:
      'A volunteer centre sent its monthly newsletter as a Word file to 900 addresses from Outlook. Moving to Mailchimp took three weeks and £0, and doubled the number of people who read it.',
    categories: ['SHORT_TERM_SKILLS', 'RISK_MITIGATION'],
    sector: 'COMMUNITY',
    orgSize: 'SMALL',
    tools: ['Mailchimp', 'Microsoft 365', 'Canva'],
    orgName: 'Bristol Council for Voluntary Service',
    problem: `Our monthly newsletter to volunteers and member groups was a Word document attached to an email, sent from a shared Outlook inbox in batches of 50 so it would not be blocked. It took a morning each month, and we had no idea whether anyone opened it.

Worse, the mailing list was a spreadsheet with 900 rows, some of them people who had asked to be taken off years ago. Nobody could say where half the addresses came from.`,
    approach: `We moved to Mailchimp's free plan, which covered our list once we had cleaned it.

- We removed anyone we had no record of signing up, and anyone who had bounced twice: the list went from 900 to 612.
- We built one simple template in Mailchimp's editor, with our logo and a header image made in Canva, and kept the same sections as the Word version so readers would recognise it.
- We put a sign-up form on our website and in our email signatures, and wrote one line explaining what people would get and how often.
- The first issue went to the 612 with a short note saying why it looked different and how to unsubscribe.`,
    cost: `£0 in money (Mailchimp's free plan and Canva's free tier). About 20 hours of staff time to clean the list and build the template, then about 2 hours a month instead of 4.`,
    duration: 'Three weeks from deciding to the first issue, alongside other work.',
    outcome: `Each issue now takes one person about 2 hours. The list is smaller but real, and it grows: we have had 140 new sign-ups through the form in six months.

Member groups now send us their news for the newsletter because they can see it gets read.`,
    evidence: `- Opens: the first six issues averaged a 41% open rate and 6% click rate (Mailchimp's reports). We had no figure before, so we cannot compare opens, but replies to the newsletter went from one or two a month to about ten.
- 23 people unsubscribed from the first issue, which we took as a sign the cleaning was overdue rather than a failure.
- Time: our own timesheets, 4 hours a month before, 2 after.

Open rates are not exact, as some email apps report opens that did not happen; we watch clicks and replies as well.`,
    differently: `We would have cleaned the list first and sent one last Word-style email asking people to confirm they wanted to stay, instead of deciding for them. We would also have agreed who writes what before the first issue: the first two went out late because three of us were waiting for each other.`,
    happyToTalk: true,
    uses: [
      {
        person: PRIYA,
        note: 'We copied their sign-up wording and the list clean-up. Our pantry newsletter went from 480 addresses to 310, and about half of them now open it.',
      },
      {
        person: 'mustafa.ibrahim@example.org',
        note: 'Used the two-hours-a-month figure to get our manager to agree to try it.',
      },
      { person: 'deepa.mehta@example.org', note: '' },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'bristol-tech-for-good',
    author: 'tanya.thomas@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'ruth.clarke@example.org',
    reviewComment: 'Really practical. I liked that you said what the volunteers over 70 thought of it.',
    daysAgo: 168,
    title: 'A shared volunteer rota that replaced 40 WhatsApp messages a week',
    summary:
      'A community café with 35 volunteers ran its rota through a WhatsApp group and one coordinator’s memory. A shared Google Sheet and a weekly reminder cut the messages and the empty shifts.',
    categories: ['HANDS_ON_SUPPORT', 'QUICK_TIP'],
    sector: 'FOOD_AND_POVERTY',
    orgSize: 'SMALL',
    tools: ['Google Sheets', 'WhatsApp', 'Google Forms'],
    orgName: 'Easton Community Kitchen',
    problem: `Our café runs on 35 volunteers across 12 shifts a week. The rota lived in a WhatsApp group and in our coordinator's head. Swaps happened in private messages, so the coordinator was answering about 40 messages a week, and roughly one shift a fortnight had nobody turn up.

When the coordinator was off sick for two weeks, nobody else knew who was meant to be in.`,
    approach: `We set up one Google Sheet: a tab per month, one row per shift, volunteers' first names in the cells. Anyone with the link can view it; four shift leads can edit it.

- Volunteers who want a swap post it in the WhatsApp group, and whoever takes it writes their name in the sheet. The sheet, not the chat, is the rota.
- Every Sunday evening a shift lead posts the link and the week's gaps in the group.
- New volunteers give their availability through a Google Form, which feeds a second tab.
- Five volunteers who do not use smartphones get a printed copy on the café noticeboard, updated on Mondays.`,
    cost: `£0: Google Sheets and Forms on our free Google account, and WhatsApp. About 6 hours to set up and show the shift leads, then about 30 minutes a week for the Sunday post.`,
    duration: 'Two weeks to set up; a month before everyone used it.',
    outcome: `The coordinator now answers around 10 messages a week about the rota rather than 40. Empty shifts went from about two a month to one in the last three months. Four people can now run the rota, not one.`,
    evidence: `- Messages: the coordinator counted rota messages for two weeks before and two weeks after the change (83 and 19).
- Empty shifts: from our shift log, 9 in the four months before and 3 in the four months after.
- We asked the volunteers at our summer get-together: 22 of 26 said the sheet was easier; two of the three volunteers over 70 still prefer the noticeboard, which is why it stays.`,
    differently: `We should have asked the shift leads to design the sheet with us. Our first version had colour codes nobody understood and we changed it twice in the first month. We would also have kept a note of who has edit access from the start; we found a former volunteer still had it.`,
    happyToTalk: true,
    uses: [
      {
        person: PRIYA,
        note: 'Set this up for the pantry’s Saturday sessions. Two shift leads now share the rota with me, and no more Saturday-morning panics so far.',
      },
      { person: 'kemi.asante@example.org', note: 'We added a column for who holds the keys.' },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'bristol-tech-for-good',
    author: 'andrei.horvat@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'nisha.iqbal@example.org',
    reviewComment: 'Approved. The list of what went wrong on day one will save someone a lot of grief.',
    daysAgo: 131,
    title: 'Two-factor authentication and a password manager for 14 staff in a month',
    summary:
      'After a phishing email nearly emptied a bank account, a small housing charity turned on two-factor authentication in Microsoft 365 and gave everyone Bitwarden. What it took, and what went wrong.',
    categories: ['RISK_MITIGATION', 'SHORT_TERM_SKILLS'],
    sector: 'HOUSING',
    orgSize: 'MEDIUM',
    tools: ['Microsoft 365', 'Bitwarden', 'Microsoft Authenticator'],
    orgName: 'Harbourside Housing Support',
    problem: `A member of our finance team got an email that looked like it came from our chief executive, asking for an urgent payment to a new supplier. She checked by phone and it was fake, but when we looked further we found her Microsoft 365 password had been used to sign in from abroad a week earlier.

Our 14 staff used the same few passwords for everything, kept in a spreadsheet on the shared drive, and nobody had two-factor authentication (2FA).`,
    approach: `We followed the NCSC's Small Business Guide, which gave us the order to do things in.

1. Changed every password on the finance team's accounts the same day.
2. Turned on Microsoft's security defaults, which make everyone set up the Microsoft Authenticator app at their next sign-in. We gave people two weeks' notice and a one-page guide.
3. Bought Bitwarden's Teams plan and moved the shared passwords (bank, payroll, social media, the website) into shared collections, so each team sees only its own.
4. Deleted the spreadsheet, after checking with everyone that nothing was left in it.
5. Ran two 30-minute drop-in sessions for anyone stuck, and bought two cheap phones for staff who did not want a work app on their own phone.`,
    cost: `About £560 in the first year: Bitwarden Teams for 14 users (roughly £40 a month) and two basic Android phones at £40 each. About 35 hours of staff time, most of it mine.`,
    duration: 'One month from the scare to everyone set up.',
    outcome: `All 14 staff use 2FA and Bitwarden. Nobody has had to ask for a shared password by email since. When a project worker left in the summer we removed her access to everything in ten minutes instead of a day of changing passwords.`,
    evidence: `- Microsoft 365's sign-in logs show blocked sign-in attempts from abroad most weeks; each one would have needed only a password before.
- Bitwarden's reports show 212 passwords stored and 31 reused passwords replaced in the first two months.
- Leaver access removed in ten minutes, timed by our office manager.`,
    differently: `We under-estimated day one. Three people were locked out because they set up the app on a phone they then replaced, and we had not kept recovery codes: keep them, in the password manager, from the start. We would also have told our trustees before rather than after; one of them was worried by the sign-in prompts and rang the chair.`,
    happyToTalk: true,
    uses: [
      {
        person: 'harriet.taylor@example.org',
        note: 'We did the security defaults step only, for now. Eight staff on 2FA in a week.',
      },
      { person: 'andre.smith@example.org', note: '' },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'bristol-tech-for-good',
    author: 'kemi.asante@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'jack.johnson@example.org',
    reviewComment: 'Lovely piece. Approved — maybe add the base link when you next edit.',
    daysAgo: 96,
    title: 'Writing grant reports from data we already had, with Airtable',
    summary:
      'A youth charity spent four days on every grant report, digging figures out of email and paper registers. Keeping attendance in one Airtable base cut that to one day and made the numbers agree.',
    categories: ['HANDS_ON_SUPPORT', 'EXPANDING_POSSIBILITY'],
    sector: 'EDUCATION_AND_YOUTH',
    orgSize: 'SMALL',
    tools: ['Airtable', 'Google Forms', 'Microsoft Excel'],
    orgName: 'Southmead Young Makers',
    problem: `We run after-school and holiday sessions for about 120 young people a year, funded by five grants, each with its own report and its own questions. Attendance was on paper registers, feedback on paper forms, and demographics in a spreadsheet that two people kept slightly differently.

Each report took our manager about four days, and twice a funder pointed out that our figures did not match the previous report.`,
    approach: `A volunteer from this network, who uses Airtable at work, spent two evenings with us designing a base with three tables: young people, sessions and attendance.

- Session leaders tick attendance on a tablet in an Airtable form view; the paper register stays as a backup for when the wifi drops.
- End-of-term feedback is a Google Form, its answers pasted into Airtable each term.
- For each funder we made a saved view with only the fields and date range they ask about, so a report starts from the same numbers every time.

We kept personal details to what the funders and our safeguarding policy need, and limited editing to three staff.`,
    cost: `£0 so far: Airtable's free plan covers our size, though we will need a paid plan if we pass its record limit. About 12 hours of volunteer time and 20 hours of staff time to set up and enter the previous term's registers.`,
    duration: 'Six weeks, term time, including back-filling one term of data.',
    outcome: `The last two grant reports took a day each. The figures agree from report to report, because they come from the same place. Session leaders can see who has missed three sessions in a row and follow up.`,
    evidence: `- Report writing time: our manager's timesheets, four days per report before, one day for each of the last two.
- Attendance: 96% of sessions since January recorded in Airtable on the day, 4% from paper afterwards.
- One funder's officer said in writing that our report was "the clearest we have had this round". That is one opinion, but it was the funder that had queried our figures.`,
    differently: `We would start with the funders' questions and work back to the fields, not the other way round: we built fields nobody has used since. And we would write a one-page guide for session leaders before the first session, not after the first muddle.`,
    happyToTalk: false,
    uses: [{ person: 'rohan.gill@example.org', note: 'Built a similar base for our lunch club’s attendance.' }],
  },
  {
    kind: 'CASE_STUDY',
    network: 'leeds-charity-digital',
    author: AMARA,
    audience: 'ALL_NETWORKS',
    status: 'PUBLISHED',
    reviewer: 'deepa.chowdhury@example.org',
    reviewComment:
      'Approved. It is honest about the two people who still ring, which is what will make other small groups trust it.',
    daysAgo: 246,
    title: 'From a paper diary to online booking for our peer-support groups',
    summary:
      'A peer-support charity run on one part-time post took bookings by phone into a paper diary. A Google Form, a shared calendar and reminder texts halved no-shows and gave back a morning a week.',
    categories: ['HANDS_ON_SUPPORT', 'RISK_MITIGATION'],
    sector: 'HEALTH_AND_CARE',
    orgSize: 'MICRO',
    tools: ['Google Forms', 'Google Calendar', 'Google Workspace', 'WhatsApp'],
    orgName: 'Quiet Harbour Peer Support',
    problem: `We run six peer-support groups a week for people living with anxiety and low mood, with one part-time member of staff (me) and 14 volunteer facilitators. Bookings came by phone or text, and I wrote them in a paper diary in the office.

If I was off, nobody knew who was coming. About a third of booked places were not used, and facilitators sometimes set up a room for eight and met two.`,
    approach: `We had Google Workspace through Google for Nonprofits already, but used it only for email.

- A short Google Form for booking: first name, which group, a phone number for a reminder, and one optional question about anything that would help them take part. Nothing about their health.
- The form's answers go to a sheet only I and the two lead facilitators can open; each group is an event in a shared Google Calendar with the number booked in the title.
- A volunteer sends a reminder text the day before from the charity's phone, using a template message.
- Phone bookings still work: whoever answers fills in the form for the caller.

We wrote a plain-English note on the form saying who sees the answers and how long we keep them (three months).`,
    cost: `£0 in money: Google Workspace for Nonprofits is free, and the charity already had a phone. About 15 hours of my time over a month, plus an hour's training for facilitators.`,
    duration: 'One month, then a month of running the paper diary alongside in case.',
    outcome: `About 70% of bookings now come through the form, and the rest by phone. No-shows fell from about a third of bookings to about one in six. I get roughly a morning a week back, which I now spend on recruiting facilitators.

When I was off for a fortnight in the spring, the groups ran without a single call to my personal phone.`,
    evidence: `- No-shows: from the facilitators' attendance notes, 34% of booked places unused in the three months before, 16% in the three months after. The reminder texts probably did as much as the form.
- Bookings: 212 of 301 through the form in the last quarter.
- My time: I kept a rough diary for two weeks before and after.
- Two regular members told us they still prefer to ring, and always will. That is fine: the form is for us, not a rule for them.`,
    differently: `I would have asked two or three group members to try the form before launch. The first version asked for an email address, which several people do not use, and it put people off for a week before we noticed. I would also set up the shared calendar before the form, not after.`,
    happyToTalk: true,
    uses: [
      {
        person: 'laura.holt@example.org',
        note: 'Used for our bereavement café. We kept the phone line, added the form, and the reminder texts alone cut no-shows noticeably.',
      },
      { person: 'sunita.ali@example.org', note: 'Showed this to our trustees as proof a tiny charity can do it.' },
      { person: 'catriona.henderson@example.org', note: '' },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'leeds-charity-digital',
    author: AMARA,
    audience: 'NETWORK',
    status: 'DRAFT',
    reviewer: 'deepa.chowdhury@example.org',
    reviewComment:
      'I like this, but a manager reading it will want numbers: how many people got the printed copy, how many you lost when it stopped, and what printing cost. And say what you did for the members who are not online.',
    daysAgo: 38,
    title: 'What happened when we stopped printing our newsletter',
    summary:
      'A small peer-support charity stopped posting a printed quarterly newsletter and moved to a monthly email newsletter in Mailchimp, keeping a few printed copies for members who are not online.',
    categories: ['SHORT_TERM_SKILLS', 'RISK_MITIGATION'],
    sector: 'HEALTH_AND_CARE',
    orgSize: 'MICRO',
    tools: ['Mailchimp', 'Canva'],
    orgName: 'Quiet Harbour Peer Support',
    problem: `Our quarterly newsletter was printed and posted to members and supporters. It was expensive, always out of date by the time it arrived, and took me the best part of a week each quarter.`,
    approach: `We moved to a short monthly email newsletter in Mailchimp, designed with a Canva header, and asked everyone on the postal list whether they wanted to switch. A handful of members still get a printed copy, dropped off at the groups.`,
    cost: `Less than printing and postage, and about a day a month of my time.`,
    duration: 'About two months.',
    outcome: `Most people switched to email, and more people reply to the newsletter than ever wrote back to the printed one.`,
    evidence: `Replies and comments from members at the groups.`,
    differently: `I would have asked the members earlier.`,
    happyToTalk: true,
  },
  {
    kind: 'CASE_STUDY',
    network: 'leeds-charity-digital',
    author: 'laura.tennant@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'tobi.mensah@example.org',
    reviewComment: 'Approved. Good on you for writing up the accessibility problems you found in your own site.',
    daysAgo: 301,
    title: 'Rebuilding a tired charity website for £600 and twelve volunteer evenings',
    summary:
      'An advice charity’s website was built by a volunteer in 2014, could not be edited by staff, and failed basic accessibility checks. Rebuilding it on Squarespace cost £600 and a lot of cutting.',
    categories: ['HANDS_ON_SUPPORT', 'LONG_TERM_SKILLS'],
    sector: 'ADVICE_AND_ADVOCACY',
    orgSize: 'SMALL',
    tools: ['Squarespace', 'WAVE', 'Google Analytics', 'Canva'],
    orgName: 'Plain Facts Money Advice',
    problem: `Our website was built in 2014 by a volunteer who has since moved away. Only he knew how to change it, so our opening times were wrong for a year. It had 140 pages, most out of date, and it was hard to use on a phone, which is how about 70% of our visitors arrive.

A free accessibility checker found missing image descriptions, low-contrast text and a contact form that a screen reader could not use.`,
    approach: `We decided to build something small that staff could keep up to date, rather than something clever.

- We looked at what people actually visited: ten pages accounted for 85% of visits. Those ten, rewritten, became the new site; the rest were deleted or merged.
- Two members of this network helped us over twelve evenings: one on Squarespace, one on writing in plain English.
- We used one of Squarespace's standard templates, checked colour contrast, wrote image descriptions, and tested each page with the WAVE checker and by reading it on an old phone.
- Two staff were trained to edit pages, and both have their own logins.
- We moved the domain into an account owned by the charity, not a person.`,
    cost: `About £600 in the first year: Squarespace's annual plan (around £180), the domain, and £300 for photos of our advisers at work. About 40 hours of volunteer time and 30 hours of staff time.`,
    duration: 'Three months from first meeting to switching over.',
    outcome: `The site has 14 pages instead of 140. Staff changed opening times over Christmas in five minutes. Online enquiries through the contact form went up, and we get far fewer calls asking when we are open.`,
    evidence: `- Enquiry forms: 38 a month on average in the three months before, 61 in the three months after (our inbox, counted by hand).
- Phone calls asking only for opening hours: down from about 15 a week to about 5, from our reception log.
- WAVE reports no errors on the ten main pages; it still flags a few contrast alerts we are working on. We have not had the site tested by disabled users yet, and we should.`,
    differently: `We spent the first month arguing about colours and logos. Start with the words and the ten pages people need; the look can come last. And get the domain and hosting into the charity's name on day one: it took us five weeks to get the old domain transferred.`,
    happyToTalk: true,
    uses: [
      { person: 'nick.hodgson@example.org', note: 'The "ten pages people visit" exercise cut our sitemap by half.' },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'leeds-charity-digital',
    author: 'chiamaka.adeyemi@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'holly.gould@example.org',
    reviewComment: 'Approved. This will help anyone whose trustees are nervous about social media.',
    daysAgo: 150,
    title: 'Getting nervous trustees to agree a social media policy',
    summary:
      'A faith-based charity’s trustees had twice refused to let staff post on social media. A one-page policy, a three-month trial and a monthly report changed their minds.',
    categories: ['EXPANDING_POSSIBILITY', 'RISK_MITIGATION', 'PERSONAL_VALIDATION'],
    sector: 'FAITH',
    orgSize: 'SMALL',
    tools: ['Facebook', 'Instagram', 'Meta Business Suite', 'Canva'],
    orgName: null,
    problem: `Our trustees had said no to social media twice. They worried about abuse in the comments, staff saying something that would embarrass the charity, and the time it would take. Meanwhile the families we support were asking why they could not find us on Facebook, and a neighbouring charity's page was getting our volunteers' questions.`,
    approach: `Instead of a third proposal, I asked for a trial.

- I wrote a one-page social media policy (adapted from a template in this library): who posts, what we never post (anything about a named family, anything political), how we handle nasty comments, and who holds the passwords.
- The trustees agreed to three months on Facebook and Instagram, posting three times a week, scheduled in Meta Business Suite so it took one afternoon a week.
- Every month I gave the board a one-page report: what we posted, what people did, any problem and how we handled it.
- One trustee agreed to be our "second pair of eyes" for anything sensitive.`,
    cost: `£0 in money. About 3 hours a week of my time during the trial, and an hour a month for the report.`,
    duration: 'Two months to get agreement, then a three-month trial.',
    outcome: `At the end of the trial the trustees agreed to carry on, and asked for the monthly report to become quarterly. Two new volunteers said they found us on Facebook. We have had two unpleasant comments in six months; both were hidden within the hour, as the policy says.`,
    evidence: `- Page followers: 0 to 410 on Facebook and 0 to 180 on Instagram in three months (Meta Business Suite).
- Two of the eleven volunteers who joined in that time said social media was how they heard of us (our volunteer application form asks).
- The board minutes record the decision to continue; I cannot share them, but I can say the vote was unanimous.`,
    differently: `I would have asked for a trial the first time, rather than a permanent yes. I would also have set up the accounts with a shared charity email from day one: I set up the first page with my own account and had to move it over later.`,
    happyToTalk: false,
    uses: [
      { person: 'harry.white@example.org', note: 'Took the trial idea to our board. They said yes to three months.' },
      { person: 'ifeoma.boateng@example.org', note: '' },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'cardiff-digital-circle',
    author: 'llinos.pugh@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'mustafa.warsame@example.org',
    reviewComment: 'Approved, diolch. The translation glossary idea is gold.',
    daysAgo: 388,
    title: 'Bilingual social media posts without doubling the work',
    summary:
      'An arts charity posting in Welsh and English spent twice as long on every post. Writing both versions together in Canva, with a shared glossary and a weekly slot, cut the time by a third.',
    categories: ['SHORT_TERM_SKILLS', 'UNIQUE_PERSPECTIVES'],
    sector: 'ARTS_AND_CULTURE',
    orgSize: 'SMALL',
    tools: ['Canva', 'Meta Business Suite', 'Instagram', 'Facebook'],
    orgName: 'Theatr Fach Treganna',
    problem: `We post in Welsh and English, as our funders and our audiences expect. Each post was written in English, sent to a Welsh-speaking volunteer to translate, and posted when it came back, sometimes days later. Our two languages often went out on different days, and our part-time marketing officer spent about 8 hours a week on social media.`,
    approach: `- One Canva design per post with both languages on the image, Welsh first, so there is one image not two.
- A shared glossary in a Google Doc of the words we use all the time (show names, "pay what you can", access terms) in both languages, kept by the volunteer translator.
- A weekly one-hour slot where the marketing officer and translator write the week's posts together and schedule them in Meta Business Suite.
- For urgent posts, a short agreed form of words in both languages ("Tonight's show is sold out / Mae sioe heno wedi gwerthu allan").`,
    cost: `£0 extra: we already had Canva for Nonprofits and a volunteer translator. About 10 hours to set up the templates and glossary.`,
    duration: 'Six weeks to settle into the weekly slot.',
    outcome: `Social media now takes our marketing officer about 5 hours a week rather than 8. Both languages go out at the same time. Our translator says the weekly slot is easier than the trickle of requests.`,
    evidence: `- Time: the marketing officer's own estimate, checked against her diary for a month.
- Posts: 100% of posts in the last quarter went out in both languages on the same day, against about 60% before (counted from our pages).
- Engagement on Welsh-first images is about the same as English-only ones were; we had feared it would drop.`,
    differently: `We would have started the glossary years ago. And we would not have tried to translate hashtags: we now use one set, agreed with other Welsh arts organisations.`,
    happyToTalk: true,
    uses: [{ person: 'nia.howells@example.org', note: 'We started our own glossary for the youth club.' }],
  },
  {
    kind: 'CASE_STUDY',
    network: 'cardiff-digital-circle',
    author: 'huw.vaughan@example.org',
    audience: 'ALL_NETWORKS',
    status: 'PUBLISHED',
    reviewer: RHYS,
    reviewComment:
      'Approved. Every network has a version of this story; thank you for writing down the steps. I have added the account ownership policy to our templates so readers can go straight on to it.',
    daysAgo: 274,
    title: 'Taking back our Facebook page after the volunteer who ran it left',
    summary:
      'A sports charity lost control of its Facebook page and Gmail address when the volunteer who set them up moved away. Getting them back took seven weeks; making sure it never happens again took an afternoon.',
    categories: ['RISK_MITIGATION', 'UNIQUE_PERSPECTIVES'],
    sector: 'SPORT_AND_WELLBEING',
    orgSize: 'MICRO',
    tools: ['Facebook', 'Gmail', 'Bitwarden', 'Google Workspace'],
    orgName: 'Splott Walking Football Club',
    problem: `A volunteer set up our Facebook page, our Gmail address and our Eventbrite account in 2019, all with his own personal accounts as the admin. He moved to Scotland in 2023 and stopped replying. We could still post as editors for a while, until a Facebook change removed our access. Our page had 1,200 followers and was the only way many of our players knew about cancelled sessions.`,
    approach: `Getting back in:

- We found a second admin: a committee member who had been added years ago and forgotten. If there had not been one, Meta's help centre route would have been our only option, and others in this network told us it can take months.
- Our new chair wrote to the old volunteer by post as well as online. He replied after five weeks, apologised, and handed the Gmail address over.

Making sure it never happens again:

- Every account is now owned by a charity email address in Google Workspace, not a person.
- Each account has two named people with admin rights, written in our account register (we used the account ownership template in this library).
- Passwords live in a shared Bitwarden vault that two committee members can open.
- Handing over accounts is on the checklist for anyone leaving the committee.`,
    cost: `£0 in money (Bitwarden's free plan for two people and Google Workspace for Nonprofits). About 25 hours of volunteer time chasing, most of it waiting.`,
    duration: 'Seven weeks to get back in; one afternoon to set up the register and the vault.',
    outcome: `We have all our accounts back, each with two admins. When our secretary stepped down this spring, the handover took twenty minutes.`,
    evidence: `- Account register: nine accounts, every one with two admins, checked at our last AGM.
- Handover time: twenty minutes, timed by the secretary, for six accounts.
- We lost about 90 Facebook followers during the weeks we could not post; we cannot say whether any players stopped coming because of it.`,
    differently: `Honestly, this is the one we should have done on day one: two admins on everything, and nothing in anyone's personal name. We would also have asked the volunteer for a handover before he left instead of after.`,
    happyToTalk: true,
    uses: [
      {
        person: 'daniel.whitworth@example.org',
        note: 'Made our account register the same week. Found three accounts with one admin.',
      },
      {
        person: 'andre.campbell@example.org',
        note: 'Shared this at our stewards’ meeting; we now check each network account has two admins.',
      },
      { person: 'eoin.devlin@example.org', note: '' },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'cardiff-digital-circle',
    author: 'carys.roberts@example.org',
    audience: 'NETWORK',
    status: 'IN_REVIEW',
    daysAgo: 6,
    title: 'Swapping Eventbrite for a simple booking form at our lunch club',
    summary:
      'A community lunch club used Eventbrite for free weekly bookings, and older members struggled with it. A one-question Microsoft Form and a phone line made booking easier and the numbers more accurate.',
    categories: ['HANDS_ON_SUPPORT', 'QUICK_TIP'],
    sector: 'COMMUNITY',
    orgSize: 'MICRO',
    tools: ['Microsoft Forms', 'Eventbrite', 'Microsoft 365'],
    orgName: 'Grangetown Lunch Club',
    problem: `We serve a free hot lunch every Wednesday to about 40 people, most of them over 70. We used Eventbrite so the kitchen knew how many to cook for, but many members found the sign-up and the emails confusing, and about a third of the people who came had not booked. The kitchen cooked for the bookings and ran short.`,
    approach: `We replaced Eventbrite with a Microsoft Form with one question ("How many of you are coming on Wednesday?") and a name, shared by text and on a card at the door. Members can also ring our volunteer coordinator, who fills in the form for them. The cook checks the form's response count on Tuesday evening.`,
    cost: `£0: we already had Microsoft 365 through the community centre. About 4 hours to set up and tell everyone.`,
    duration: 'Three weeks, including a fortnight of running both.',
    outcome: `About 85% of people who come have now booked, against about two thirds before. The kitchen has not run out since the change.`,
    evidence: `- Bookings against headcount at the door, counted each Wednesday for eight weeks.
- Food waste: the cook estimates we throw away about 5 portions a week instead of 10, but we have not weighed it.`,
    differently: `We should have asked the members before choosing Eventbrite in the first place. It is a good tool, just not for this.`,
    happyToTalk: true,
  },
  {
    kind: 'CASE_STUDY',
    network: 'glasgow-third-sector-digital',
    author: 'callum.sinclair@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'anjali.kaur@example.org',
    reviewComment: 'Approved. Useful that you kept the phone-in option and said why.',
    daysAgo: 32,
    title: 'Online drop-ins for unpaid carers: what worked after six months on Zoom',
    summary:
      'A carers’ centre started fortnightly Zoom drop-ins for carers who cannot leave the house. Attendance was low until they added a phone-in number, a named host and a fixed agenda.',
    categories: ['EXPANDING_POSSIBILITY', 'SHORT_TERM_SKILLS'],
    sector: 'HEALTH_AND_CARE',
    orgSize: 'SMALL',
    tools: ['Zoom', 'Mailchimp', 'WhatsApp'],
    orgName: 'East End Carers Centre',
    problem: `Many of the carers we support cannot get to our centre because they cannot leave the person they care for. We tried online drop-ins in the evening, but in the first two months only three or four people came to each, and half of them dropped off when their connection did.`,
    approach: `- Bought a Zoom Pro licence so sessions were not cut off at 40 minutes, and turned on the dial-in numbers so carers could join by phone.
- Every session has a named host and a co-host who handles the waiting room and the chat, so the host can listen.
- A fixed shape: ten minutes of news, a short talk from a guest (benefits, respite, mental health), then open conversation. People knew what they were coming to.
- Reminders went out in our Mailchimp newsletter and by text the day before, with the phone number as well as the link.`,
    cost: `About £150 a year for one Zoom Pro licence. About 3 hours per session for two staff, including preparation.`,
    duration: 'Six months from the first session to a settled pattern.',
    outcome: `Drop-ins now average 12 carers, and about a third join by phone. Several carers who had not been in touch for over a year have come back to the centre's other support through the drop-ins.`,
    evidence: `- Attendance: 3.5 per session in the first two months, 12 in the last three (Zoom's reports plus the phone-in list).
- Seven carers referred on to our one-to-one support in the last quarter came through the drop-ins (our case records).
- We asked carers in a short text survey; 19 replied and 17 said they would keep coming. That is a small, friendly sample.`,
    differently: `We would have added the phone-in number from the first session. We assumed everyone had a laptop and a good connection; many of our carers use an old phone on pay-as-you-go data.`,
    happyToTalk: true,
    uses: [{ person: 'mhairi.gillespie@example.org', note: 'Added the phone-in number to our own online group.' }],
  },
  {
    kind: 'CASE_STUDY',
    network: 'glasgow-third-sector-digital',
    author: 'ailsa.murray@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'niamh.quinn@example.org',
    reviewComment:
      'Approved. A clear walk-through of Google for Nonprofits for anyone who is put off by the paperwork.',
    daysAgo: 118,
    title: 'Moving nine volunteers off personal Gmail accounts to Google Workspace',
    summary:
      'An environmental group ran on nine personal Gmail accounts and a shared password. Google Workspace for Nonprofits gave every role its own address and a shared drive, for free.',
    categories: ['RISK_MITIGATION', 'HANDS_ON_SUPPORT'],
    sector: 'ENVIRONMENT',
    orgSize: 'MICRO',
    tools: ['Google Workspace', 'Gmail', 'Google Drive'],
    orgName: 'Kelvin Green Spaces',
    problem: `Our group looks after three community gardens with nine active volunteers and no staff. Everything ran through volunteers' personal Gmail accounts: our documents were scattered across their Google Drives, and the "info@" address was a personal account whose password half the committee knew. When our treasurer stepped down, our grant files went with her for a month.`,
    approach: `- Applied to Google for Nonprofits. We are a registered Scottish charity, so we could verify through Goodstack (Google's verification partner). It took about two weeks and one round of extra documents.
- Set up Google Workspace for Nonprofits with role addresses (chair@, treasurer@, volunteers@) rather than personal names, so the address stays when the person changes.
- Made one shared drive, owned by the organisation, and moved everyone's files into it over two Saturday mornings.
- Turned on two-step verification for every account.`,
    cost: `£0 in money: Google Workspace for Nonprofits is free. About 20 hours of volunteer time.`,
    duration: 'Five weeks, including two weeks waiting for verification.',
    outcome: `Every document is in one shared drive the charity owns. When our chair stepped down in August, the new chair took over the chair@ address and everything in it on the same day.`,
    evidence: `- 1,140 files moved into the shared drive (Drive's own count).
- Handover of the chair's role: same day, against a month for the treasurer's files the year before.
- Nine of nine volunteers use two-step verification (the admin console shows it).`,
    differently: `We would have agreed the folder structure before moving files; we reorganised it twice. And we would not have left the old personal accounts running alongside for so long: people kept sending from them for weeks.`,
    happyToTalk: true,
  },
  {
    kind: 'CASE_STUDY',
    network: 'belfast-community-tech',
    author: 'holly.brown@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'roisin.mcaleer@example.org',
    reviewComment: 'Approved — good to see the retention period and the privacy notice written out.',
    daysAgo: 180,
    title: 'Replacing the paper sign-in sheet at our advice drop-ins, with data protection in mind',
    summary:
      'An advice centre’s drop-ins used a paper sign-in sheet that anyone could read. A tablet with a Microsoft Form, a privacy notice and a 90-day deletion rule fixed the privacy problem and the monthly counting.',
    categories: ['RISK_MITIGATION', 'QUICK_TIP'],
    sector: 'ADVICE_AND_ADVOCACY',
    orgSize: 'SMALL',
    tools: ['Microsoft Forms', 'Microsoft 365', 'Microsoft Excel'],
    orgName: 'Falls Road Community Advice',
    problem: `At our weekly drop-ins people wrote their name, phone number and the reason for their visit on a clipboard by the door, where the next person could read it. Someone complained, rightly. We also spent half a day each month typing the sheets into a spreadsheet for our funder.`,
    approach: `- A Microsoft Form on a tablet at reception with three questions: first name, phone number (optional) and the kind of advice needed, from a short list. A volunteer helps anyone who would rather not use the tablet.
- A short privacy notice on the form and on a printed card: what we collect, why, who sees it, and that we delete it after 90 days.
- Responses go to an Excel sheet only the two advice coordinators can open. On the first of each month one of them deletes rows older than 90 days, after taking the counts for the funder.
- We checked our approach against the ICO's guidance for small organisations and recorded it in our data protection log.`,
    cost: `About £120 for a basic tablet and a stand. Microsoft 365 came with our charity licences. About 8 hours to set up and write the notice.`,
    duration: 'Four weeks.',
    outcome: `Nobody's details are on show at the door. The monthly funder figures take 20 minutes instead of half a day. We have had no complaints since.`,
    evidence: `- Monthly reporting time: from half a day to about 20 minutes (coordinator's estimate).
- 94% of visitors signed in on the tablet in the last three months; the rest were helped by a volunteer.
- Deletion: the coordinators log the date of each monthly deletion; none has been missed in six months.`,
    differently: `We would have written the privacy notice first and built the form from it, rather than the other way round: our first form asked for an address we had no use for.`,
    happyToTalk: true,
    uses: [{ person: 'conor.ohare@example.org', note: 'We used their privacy notice wording as a starting point.' }],
  },
  {
    kind: 'CASE_STUDY',
    network: 'belfast-community-tech',
    author: 'aoife.brennan@example.org',
    audience: 'NETWORK',
    status: 'IN_REVIEW',
    daysAgo: 4,
    title: 'An email newsletter our older members actually open',
    summary:
      'A befriending charity’s Mailchimp newsletter was opened by fewer than one in five of its older members. Bigger text, one story per issue and a printed copy for some doubled the readers.',
    categories: ['SHORT_TERM_SKILLS'],
    sector: 'COMMUNITY',
    orgSize: 'SMALL',
    tools: ['Mailchimp', 'Canva'],
    orgName: 'Good Company Befriending',
    problem: `Our monthly email newsletter went to 350 members, most of them over 65. Mailchimp showed fewer than one in five opening it, and several told us at events that it was "too busy" to read on a phone.`,
    approach: `- One main story per issue instead of six, with a large photo and a short headline.
- Text at 18 point, high contrast, no text on images.
- The subject line says what the story is, not "April newsletter".
- We send it on Tuesday mornings, when our members told us they check email.
- 40 members who prefer paper get a printed copy at the befriending groups.`,
    cost: `£0 extra on Mailchimp's free plan. Printing about £15 a month. The newsletter now takes 3 hours to write instead of 6.`,
    duration: 'Three months of trying different versions.',
    outcome: `Opens went from about 18% to about 38% over four issues, and replies from members went up too.`,
    evidence: `- Mailchimp's reports for the four issues before and after.
- We know open rates are not exact; clicks on the "reply to us" link went from 2 to 11 an issue.`,
    differently: `We would have asked members what they wanted before redesigning, instead of after the first two issues.`,
    happyToTalk: true,
  },
  {
    kind: 'CASE_STUDY',
    network: 'norwich-digital-for-good',
    author: 'katarzyna.nowak@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'efua.owusu@example.org',
    reviewComment: 'Approved. The brand kit tip alone is worth it.',
    daysAgo: 97,
    title: 'Making our own posters and social media graphics with Canva for Nonprofits',
    summary:
      'A food pantry paid a local designer £60 a poster and waited a week for each. Canva for Nonprofits and a simple brand kit let three volunteers make their own in an hour.',
    categories: ['SHORT_TERM_SKILLS', 'HANDS_ON_SUPPORT'],
    sector: 'FOOD_AND_POVERTY',
    orgSize: 'SMALL',
    tools: ['Canva', 'Facebook', 'WhatsApp'],
    orgName: 'Harvest Share Norwich',
    problem: `Every poster, leaflet and social media graphic went to a kind local designer at £60 each. That was about £1,400 a year, and a week's wait each time, so our posts about urgent needs (we have run out of tinned fish) went out as plain text or not at all.`,
    approach: `- Applied for Canva for Nonprofits, which was approved in four days once we had uploaded our charity registration.
- Paid our designer for one last job: a brand kit in Canva with our colours, fonts and logo, and six templates (poster, Facebook post, Instagram story, WhatsApp image, leaflet, volunteer thank-you).
- Ran a one-hour session for three volunteers on changing words and photos without breaking the templates.
- Anything for print still gets a second pair of eyes before it goes to the printer.`,
    cost: `£180 for the designer's brand kit and templates. Canva for Nonprofits is free. About 6 hours of volunteer time to learn.`,
    duration: 'Three weeks.',
    outcome: `We now make about eight graphics a month in-house, the same day they are needed. We still use our designer for the annual report, which we think is money well spent.`,
    evidence: `- Spend: £1,380 on design in the year before, £180 plus £350 for the annual report in the year since (our accounts).
- Urgent appeals: our "we have run out of" posts on Facebook now go out the same day, and the pantry manager says donations of the named items usually arrive within two days. We have not measured it more carefully than that.`,
    differently: `We would have made fewer templates. Six was too many: volunteers use the Facebook post and the poster, and not much else.`,
    happyToTalk: true,
    uses: [
      {
        person: 'oliver.wood@example.org',
        note: 'Our sports club has applied for Canva for Nonprofits on the back of this.',
      },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'bristol-tech-for-good',
    author: 'courtney.williams@example.org',
    audience: 'ALL_NETWORKS',
    status: 'PUBLISHED',
    reviewer: 'andre.campbell@example.org',
    reviewComment:
      'Approved. The Gift Aid figures and the honest bit about Stripe fees are exactly what a treasurer will ask about.',
    daysAgo: 205,
    title: 'Monthly giving on our own website, with Gift Aid, for a small animal rescue',
    summary:
      'A cat rescue relied on cash tins and a JustGiving page. A donate page on its WordPress site with monthly giving and a Gift Aid box brought in £640 a month in regular gifts within a year.',
    categories: ['EXPANDING_POSSIBILITY', 'HANDS_ON_SUPPORT'],
    sector: 'COMMUNITY',
    orgSize: 'SMALL',
    tools: ['WordPress', 'GiveWP', 'Stripe', 'JustGiving', 'Mailchimp'],
    orgName: 'Whiskers & Paws Rescue Bristol',
    problem: `About two thirds of our income came from collection tins, the charity shop and one-off gifts through a JustGiving page set up years ago. People often asked how they could give every month, and we had no answer but a standing order form to print and post.

We also missed Gift Aid on most online gifts, because we could not match JustGiving donors to our own records and never followed up.`,
    approach: `A volunteer who builds WordPress sites for a living gave us four evenings.

- We added the free GiveWP plugin to our existing WordPress site, connected to a Stripe account in the charity's name, with card and Apple Pay/Google Pay.
- One donate page, three suggested amounts (£5, £10, £20 a month) each with a line on what it pays for ("£10 feeds a mum and kittens for a week"), and a Gift Aid tick box with the HMRC wording.
- GiveWP's paid recurring donations add-on for monthly gifts (about £200 a year).
- Every new donor gets a thank-you email, and monthly donors a short Mailchimp update each quarter with photos of the cats they helped.
- We kept the JustGiving page for sponsored events, where it works well, and linked to the new page from everywhere else.`,
    cost: `About £200 a year for the recurring-donations add-on. Stripe's charity rate takes roughly 1.2% plus 20p a gift. About 16 hours of volunteer time to build, and 2 hours a month of staff time on thank-yous and the Gift Aid claim.`,
    duration: 'Six weeks from the first conversation to the page going live; a year before we could judge it.',
    outcome: `After 12 months, 71 people give monthly, an average of £9 each: about £640 a month we can plan around. Gift Aid claims on online gifts went from almost nothing to about £1,900 in the year.

Monthly donors stay: most of the first 30 are still giving.`,
    evidence: `- Stripe and GiveWP reports: 71 active monthly donors at month 12; 9 cancelled in the year, mostly with expired cards.
- Gift Aid: our HMRC claims, £130 from online gifts the year before, £1,910 the year after.
- One-off online gifts stayed about the same, so the monthly gifts are new money rather than gifts moved from JustGiving, as far as we can tell.`,
    differently: `We would set up the card-expiry emails from day one: we lost five donors before we noticed their cards had lapsed. And we would ask the treasurer to check the Gift Aid declaration wording before launch rather than after, when we had to contact 20 donors to confirm.`,
    happyToTalk: true,
    uses: [
      {
        person: 'laura.holt@example.org',
        note: 'We used their three amounts with "what it pays for" on our Squarespace donate page. Average gift went up from £12 to £18.',
      },
      { person: 'padraig.fitzpatrick@example.org', note: 'Showed the treasurer the Gift Aid figures.' },
      { person: 'sam.harris@example.org', note: '' },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'bristol-tech-for-good',
    author: 'segun.ogunleye@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'jess.atkinson@example.org',
    reviewComment: 'Approved. I appreciated that you did not name and shame the people who clicked, and said why.',
    daysAgo: 142,
    title: 'Teaching 22 staff to spot phishing without making them feel stupid',
    summary:
      'After a fake invoice nearly got paid, a mental health charity ran short phishing sessions, added a "report phishing" button and practised with test emails. Clicks on the test emails fell from 9 to 2.',
    categories: ['RISK_MITIGATION', 'SHORT_TERM_SKILLS'],
    sector: 'HEALTH_AND_CARE',
    orgSize: 'MEDIUM',
    tools: ['Microsoft 365', 'Microsoft Defender', 'Microsoft Teams'],
    orgName: 'Riverside Minds',
    problem: `A supplier's email account was hacked, and the hackers replied in a real email thread with "new bank details" for an invoice of £4,300. Our finance officer noticed only because the sort code was for a bank in another city.

When we asked around, most of our 22 staff and sessional workers said they would not have spotted it, and several did not know who to tell if they clicked something they shouldn't have.`,
    approach: `- Two 40-minute sessions on Teams, built around the NCSC's free "Top Tips for Staff" training and three real emails we had received (with names removed).
- One rule, repeated everywhere: bank details never change by email; ring the number you already have.
- A "Report" button in Outlook (Microsoft Defender's reporting, included in our Microsoft 365 plan) so reporting takes one click.
- A promise, from the chief executive in writing, that nobody gets into trouble for clicking and reporting it quickly.
- Two rounds of test phishing emails, using Microsoft's attack simulation training, three months apart. Results went to staff as totals only.`,
    cost: `£0 in money: the NCSC training is free, and the simulation and report button were already in our Microsoft 365 Business Premium licences (donated). About 25 hours of my time over four months, and 80 minutes of each person's.`,
    duration: 'Four months, from the invoice scare to the second test.',
    outcome: `In the first test, 9 of 22 people clicked the link and 3 reported the email. In the second, 2 clicked and 14 reported it. Staff now forward anything odd, about three emails a week, and twice that has caught a real phishing attempt early.`,
    evidence: `- Microsoft attack simulation reports for both rounds (figures above).
- Reported-message counts from Defender: 0 a month before the button, 12 to 15 a month since.
- The finance procedure now needs a phone check for any change of bank details; it has been used four times.

Two rounds is a small sample, and the second email may simply have been easier to spot.`,
    differently: `We would tell staff in advance that test emails would happen (not when). Two people felt tricked by the first round and said so, fairly. And we would include our sessional workers' personal email habits: one of them was phished on her own account and it was still our data at risk.`,
    happyToTalk: true,
    uses: [
      { person: PRIYA, note: 'Adopted the "bank details never change by email" rule for the pantry treasurer.' },
      {
        person: 'yusuf.chaudhry@example.org',
        note: 'Ran the NCSC training with our 8 staff in one lunchtime, using their three example emails as a model.',
      },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'bristol-tech-for-good',
    author: 'rachel.whitworth@example.org',
    audience: 'NETWORK',
    status: 'DRAFT',
    reviewer: 'simon.jackson@example.org',
    reviewComment:
      'Good story and people need it. Before it goes out: can you say what the backup costs now, how long a restore takes, and whether you have actually tested one? Also please take out the volunteer’s surname in the problem section.',
    daysAgo: 26,
    title: 'The laptop that held our only copy of the accounts',
    summary:
      'A tenants’ association lost three years of accounts and minutes when the treasurer’s laptop died. How we got most of it back, and the backup we set up afterwards.',
    categories: ['RISK_MITIGATION'],
    sector: 'HOUSING',
    orgSize: 'MICRO',
    tools: ['Microsoft OneDrive', 'Microsoft 365'],
    orgName: 'Lawrence Weston Tenants Together',
    problem: `Our treasurer, Bob Harris, kept the accounts, minutes and membership list on his own laptop. When it stopped working the week before our AGM, there was no other copy.`,
    approach: `A repair shop recovered most of the files from the hard drive for £120. We then moved everything into OneDrive on a Microsoft 365 account in the association's name, shared with the chair and secretary, and bought an external drive for a monthly copy.`,
    cost: `£120 for the recovery, and the external drive.`,
    duration: 'About a month.',
    outcome: `Our files are now in one place that three of us can reach, and the AGM went ahead two weeks late.`,
    evidence: `We got back all but the last four months of the accounts, which the treasurer rebuilt from bank statements.`,
    differently: `Set up the shared folder on day one.`,
    happyToTalk: true,
  },
  {
    kind: 'CASE_STUDY',
    network: 'bristol-tech-for-good',
    author: 'amina.mansour@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: PRIYA,
    reviewComment:
      'Approved with thanks. The bit about interpreters at the sessions is something I had not thought about.',
    daysAgo: 88,
    title: 'Lending tablets with free data to families new to the UK',
    summary:
      'A refugee welcome project lent 25 tablets with free data SIMs and ran weekly help sessions with interpreters. Families used them for school apps, GP appointments and English classes.',
    categories: ['HANDS_ON_SUPPORT', 'EXPANDING_POSSIBILITY'],
    sector: 'COMMUNITY',
    orgSize: 'SMALL',
    tools: ['Android tablets', 'National Databank', 'Google Family Link', 'WhatsApp'],
    orgName: 'New Neighbours Bristol',
    problem: `Many of the families we support arrive with one phone between them, often on pay-as-you-go with little data. Children's schools expected parents to use apps for messages and payments, GP surgeries sent appointment links by text, and free English classes had moved online.

Staff were spending hours a week doing these things on families' behalf on our office computer.`,
    approach: `- We bought 25 refurbished Android tablets with a small grant and a donation from a local business.
- Free data SIMs came from the Good Things Foundation's National Databank, through our local library, which is a Databank hub.
- Each tablet was set up before lending: the family's languages, school and GP apps, the English class link, and a guest account for us to reset it.
- A one-page lending agreement, translated into Arabic, Dari, Tigrinya and Ukrainian, explained that the tablet is on loan for six months and what happens if it is lost (nothing bad).
- Weekly one-hour help sessions, with volunteer interpreters, where families bring the tablet and a question.`,
    cost: `£2,350 for 25 tablets with cases (£94 each). SIMs and data free through the National Databank. About 30 hours of staff time setting up the tablets, and two staff plus two volunteer interpreters for one hour a week.`,
    duration: 'Two months to set up; the lending scheme has now run for eight months.',
    outcome: `25 families have borrowed a tablet, and 19 have moved on to their own device or a better phone contract. Staff time spent doing online tasks for families fell from about 10 hours a week to about 3.

Families tell us the biggest change was being able to see the school's messages themselves.`,
    evidence: `- Lending log: 25 loans, 2 tablets lost (neither replaced by the family; we wrote them off), 1 broken screen.
- Staff time: a two-week diary before the scheme and again at month six.
- Help session attendance: 6 to 11 families a week.
- 14 parents told us at six months they now read school messages themselves; we did not ask the others.`,
    differently: `We would set the tablets up in the family's languages with them, at the first session, not before: several wanted English settings to practise, and we had to redo them. And we would budget for cases with screen protectors from the start; the broken screen was in week two.`,
    happyToTalk: true,
    uses: [
      { person: 'hamza.ahmed@example.org', note: '' },
      {
        person: 'efua.danquah@example.org',
        note: 'We are a National Databank hub now too, thanks to this. 40 SIMs given out in the first month.',
      },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'leeds-charity-digital',
    author: 'james.adebayo@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'holly.gould@example.org',
    reviewComment:
      'Approved. Nice to see the trustees’ paper from this library turn into a real project, and the data clean-up numbers are sobering.',
    daysAgo: 70,
    title: 'Moving 3,000 supporter records from five spreadsheets into Beacon CRM',
    summary:
      'A hospice-at-home charity kept donors, volunteers and event contacts in five spreadsheets. Moving to Beacon took four months and £3,100 in the first year, and the data clean-up was most of the work.',
    categories: ['LONG_TERM_SKILLS', 'RISK_MITIGATION'],
    sector: 'HEALTH_AND_CARE',
    orgSize: 'MEDIUM',
    tools: ['Beacon CRM', 'Microsoft Excel', 'Mailchimp', 'JustGiving', 'Stripe'],
    orgName: 'Aire Valley Hospice at Home',
    problem: `Our supporters lived in five spreadsheets: donors (kept by fundraising), volunteers, event entrants, shop Gift Aid sign-ups and the Mailchimp list. The same person could be in all five with different addresses. We thanked people twice, or not at all, and once wrote to a bereaved family asking them to sign up for a fun run for the service that had cared for their mother.

Nobody could answer a trustee's question as simple as "how many people gave to us more than once last year?"`,
    approach: `We took the trustees' paper template from this library, filled it in with three options, and the board chose Beacon because it is built for UK charities (Gift Aid, consent and JustGiving imports out of the box).

- Two months of cleaning before importing: merging duplicates, dropping records with no contact route, and recording a "do not contact" flag for bereaved families, checked by our family support lead.
- Beacon's onboarding package: three calls with their team to set up fields, the JustGiving and Stripe connections, and the Mailchimp sync.
- Imported one spreadsheet at a time, checking each before the next.
- Half a day's training for six staff, and a one-page "how we record things" guide.`,
    cost: `£3,100 in the first year: about £2,300 for the subscription at our size and £800 for onboarding. About 160 hours of staff time, over half of it on cleaning the spreadsheets.`,
    duration: 'Four months from the board decision to switching off the last spreadsheet.',
    outcome: `3,020 supporter records became 2,140 people once duplicates were merged. Gift Aid claims are now prepared in an afternoon instead of three days. Fundraising can finally see who gives more than once, and we have started thanking regular donors differently.

Most importantly, the "do not contact" flag now travels with the person to every list.`,
    evidence: `- Record counts from the import log: 3,020 rows in, 2,140 people out, 290 records with no usable contact removed.
- Gift Aid preparation: three days before, four hours for the last claim (our finance officer's timesheet).
- Repeat givers: we now know 410 people gave more than once last year. We have no earlier figure to compare.`,
    differently: `Start cleaning the data before choosing the CRM: it would have made every supplier demo more honest, as we could have shown them our real mess. And we would name one person as the CRM owner from day one; for the first month everyone assumed someone else was checking the imports.`,
    happyToTalk: true,
    uses: [
      {
        person: 'leyla.demir@example.org',
        note: 'Good to see the paper used. I have added a "clean the data first" line to it because of this.',
      },
      {
        person: 'sarah.moore@example.org',
        note: 'Our board asked for the first-year cost breakdown; this gave us the shape.',
      },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'leeds-charity-digital',
    author: 'zainab.singh@example.org',
    audience: 'ALL_NETWORKS',
    status: 'PUBLISHED',
    reviewer: 'tobi.mensah@example.org',
    reviewComment:
      'Approved. The point about conversions being the thing that keeps the account alive is worth the read on its own.',
    daysAgo: 160,
    title: 'Google Ad Grants for a small counselling service: 18 months on',
    summary:
      'A low-cost counselling service got up to $10,000 a month of free Google search ads. It took three tries to get the account working; now about a fifth of new enquiries come through the ads.',
    categories: ['EXPANDING_POSSIBILITY', 'LONG_TERM_SKILLS'],
    sector: 'HEALTH_AND_CARE',
    orgSize: 'SMALL',
    tools: ['Google Ad Grants', 'Google Ads', 'Google Analytics', 'WordPress'],
    orgName: 'Open Door Counselling Leeds',
    problem: `We offer counselling on a sliding scale from £5 a session, and our waiting list was short while people who needed us were paying £60 elsewhere because they had never heard of us. Our website came up on the third page of Google for "low cost counselling Leeds".`,
    approach: `We applied for Google for Nonprofits and then Google Ad Grants, which gives eligible charities up to $10,000 a month of search ads.

- The first account, set up by a well-meaning volunteer, was suspended after two months for missing Google's rule of at least a 5% click-through rate.
- The second try had better ads but tracked no "conversions", so we could not tell if anyone rang us.
- The third time we followed Google's Ad Grants training properly: four campaigns (low-cost counselling, young people, bereavement, couples), several ads each with local words, and conversions set up in Google Analytics for the enquiry form and the "call us" button.
- One staff member spends an hour a fortnight looking at the search terms and removing ones that bring the wrong people (for example "counselling courses").`,
    cost: `£0 in money: the ads are a grant. About 40 hours of staff time to set up properly, then about 2 hours a month. The failed first two tries cost about 30 hours we would like back.`,
    duration: 'Eight months from first application to an account that worked; 18 months in total so far.',
    outcome: `The ads now bring about 1,100 visits a month to our site. About 20% of new enquiries say they found us on Google, against about 5% before, and our waiting list is now the right length for our counsellors.

We do not spend anything like the full $10,000 a month, and we have stopped worrying about that.`,
    evidence: `- Google Ads: about 1,100 clicks a month, click-through rate between 7% and 9% for the last year.
- Google Analytics: 35 to 45 enquiry form submissions a month from ad visits.
- Our enquiry form asks "how did you hear about us?": "Google" went from about 1 in 20 answers to 1 in 5.`,
    differently: `Do the training before creating the account, not after it is suspended. And set up conversions on day one: without them you cannot tell good ads from busy ones, and Google's rules expect them.`,
    happyToTalk: true,
    uses: [
      {
        person: 'gurpreet.gill@example.org',
        note: 'Applied for Ad Grants for the food bank after reading this; we are on our second try, with conversions set up this time.',
      },
      { person: 'ailsa.murray@example.org', note: '' },
      {
        person: 'nick.holt@example.org',
        note: 'The tip about removing search terms cut our wasted clicks by a third.',
      },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'leeds-charity-digital',
    author: 'karen.atkinson@example.org',
    audience: 'NETWORK',
    status: 'ARCHIVED',
    reviewer: 'jo.king@example.org',
    reviewComment: 'Approved. A useful record of how we got through AGM season.',
    daysAgo: 620,
    title: 'Holding our AGM on Zoom for the first time',
    summary:
      'A community association had to hold its AGM online at short notice. Free Zoom, polls for the votes and a phone dial-in let 46 members take part, more than ever came to the hall.',
    categories: ['SHORT_TERM_SKILLS', 'HANDS_ON_SUPPORT'],
    sector: 'COMMUNITY',
    orgSize: 'SMALL',
    tools: ['Zoom', 'Google Forms', 'Mailchimp'],
    orgName: 'Chapeltown Residents’ Association',
    problem: `Our hall was closed for repairs in the month our constitution says the AGM must happen. We had never met online, several committee members had never used Zoom, and we needed formal votes on the accounts and three committee places.`,
    approach: `- Checked our constitution allowed an online meeting (it was silent, so the committee agreed it and we told members why).
- Used a donated Zoom Pro licence, so the meeting was not cut off after 40 minutes, with a phone dial-in number for members without internet.
- Two practice calls for the committee.
- Votes by Zoom polls, with the secretary asking phone members for their vote aloud and adding them by hand.
- Papers sent by Mailchimp a fortnight before, with printed copies posted to 12 members.`,
    cost: `£0: the Zoom licence was donated through a member's employer. About 15 hours of volunteer time, mostly the secretary's.`,
    duration: 'Three weeks from deciding to meet online to the AGM.',
    outcome: `46 members took part, against 25 to 30 at recent AGMs in the hall. Every vote was carried and recorded. Several members asked for future meetings to stay online, or to be hybrid.`,
    evidence: `- Zoom attendance report: 41 online and 5 by phone.
- Minutes record each vote's numbers from the polls.`,
    differently: `We would ask a member to be the "tech person" for the evening, so the chair could chair. Our chair did both and missed two raised hands.`,
    happyToTalk: false,
  },
  {
    kind: 'CASE_STUDY',
    network: 'leeds-charity-digital',
    author: 'gurpreet.gill@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'david.ward@example.org',
    reviewComment: 'Approved. Short and useful. Nobody would guess the opening hours on Google were the biggest fix.',
    daysAgo: 54,
    title: 'Getting our food bank found on Google with a Business Profile and plain page titles',
    summary:
      'People searching "food bank near me" found a closed church hall and old opening times. Claiming our Google Business Profile and renaming our web pages took a day and cut wasted journeys.',
    categories: ['QUICK_TIP', 'EXPANDING_POSSIBILITY'],
    sector: 'FOOD_AND_POVERTY',
    orgSize: 'SMALL',
    tools: ['Google Business Profile', 'Google Search Console', 'Wix'],
    orgName: 'Harehills Community Food Bank',
    problem: `When we moved to a new venue, Google kept showing the old church hall, with opening times from before the pandemic. People walked a mile to a locked door, sometimes with children, and some did not come back.

Our website's pages were called "Home", "Page 2" and "Info", so Google had little to go on.`,
    approach: `- Claimed our Google Business Profile (it had been created automatically from a review) with a postcard verification, and corrected the address, opening hours and phone number. Added photos of the entrance, so people know which door.
- Marked the old location as closed, after a request to Google's support.
- Renamed our Wix pages and their titles in plain words: "Food bank in Harehills: opening times and how to get a referral".
- Added the new address to the local council's and Citizens Advice's directories, which were also out of date.
- Set up Google Search Console to see what people actually search for.`,
    cost: `£0. About 8 hours of volunteer time, most of it waiting on hold and chasing the old listing.`,
    duration: 'One day of work spread across three weeks, waiting for Google to verify.',
    outcome: `People now arrive at the right door at the right time. The volunteers on the door used to meet two or three people a week who had been to the old hall; now it is rare.

Our page is now the first result for "food bank Harehills".`,
    evidence: `- Door volunteers' tally of "went to the old place" visitors: 11 in the month before, 1 in the second month after.
- Google Business Profile shows about 300 direction requests a month.
- Search Console: "food bank near me" and "food bank Harehills" are our top searches, and average position went from 14 to 2 for the second.`,
    differently: `Claim the Business Profile the day you sign a new lease. We did not know it existed, and somebody else had already written the listing for us.`,
    happyToTalk: true,
    uses: [
      { person: 'nia.bello@example.org', note: 'Our youth club listing had the wrong phone number for two years.' },
      {
        person: 'tyrone.henry@example.org',
        note: 'Claimed our community centre’s profile; the postcard took 12 days.',
      },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'cardiff-digital-circle',
    author: 'osian.pritchard@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'mustafa.warsame@example.org',
    reviewComment:
      'Approved. The warranty story is the most useful paragraph; please keep it when you update this next year.',
    daysAgo: 240,
    title: 'Twelve refurbished laptops for less than the price of five new ones',
    summary:
      'A disability advice charity needed to replace 12 laptops, some nine years old. Refurbished business laptops and donated Microsoft 365 licences cost £2,900 instead of about £7,800 new.',
    categories: ['HANDS_ON_SUPPORT', 'RISK_MITIGATION'],
    sector: 'ADVICE_AND_ADVOCACY',
    orgSize: 'MEDIUM',
    tools: ['Microsoft 365', 'Windows 11', 'Microsoft Intune'],
    orgName: 'Cardiff Disability Rights Advice',
    problem: `Our 12 advisers worked on laptops between five and nine years old. Four could not run Windows 11, so they would stop getting security updates, and one took seven minutes to start. Advisers were using their own laptops at home for client casework, which worried us far more than the slowness.

New business laptops were quoted at about £650 each, and we had no capital budget.`,
    approach: `- We bought 12 refurbished business laptops (three-year-old Lenovo ThinkPads, 16 GB memory, new batteries) from a refurbisher that offers charity pricing and a 12-month warranty.
- Checked each model was supported for Windows 11 before buying.
- Used our Microsoft nonprofit grant for Microsoft 365 Business Premium licences, which include Intune, so each laptop is set up, encrypted and can be wiped remotely if lost.
- A volunteer from this network spent two Saturdays with our office manager setting up the first laptop as a pattern and enrolling the rest.
- The old laptops were wiped by the refurbisher, who gave us a data-destruction certificate, and sold on; that covered about £300 of the cost.`,
    cost: `£2,900 for 12 laptops (about £240 each) after £300 back for the old ones. Licences were donated. About 30 hours of staff and volunteer time to set up and hand over.`,
    duration: 'Seven weeks from the first quote to the last laptop handed over.',
    outcome: `Every adviser has a laptop that starts in under a minute, runs Windows 11 and is encrypted. Nobody does casework on their own machine any more, and we can show a funder which devices hold client data.

One laptop's screen failed in month four and was replaced under warranty in a week.`,
    evidence: `- Invoice: £3,200 before the trade-in; the cheapest new quote was £7,800.
- Intune shows all 12 encrypted and up to date.
- Start-up time: timed on three laptops before and after (typically 4 to 7 minutes before, under a minute now).
- Staff survey: 11 of 12 said their laptop was "good" or "very good"; before, 3 of 12 did.`,
    differently: `We would ask for the same model for everyone. We took two models to get the price down, and now have two sets of chargers and two sets of driver problems. And we would set the first laptop up ourselves before buying the rest, to find the snags on one machine, not twelve.`,
    happyToTalk: true,
    uses: [
      {
        person: 'daniel.whitworth@example.org',
        note: 'Bought four from the same kind of refurbisher for our drop-in centre, same model each time as they advised.',
      },
      { person: 'jaspreet.singh@example.org', note: '' },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'cardiff-digital-circle',
    author: 'jaspreet.singh@example.org',
    audience: 'ALL_NETWORKS',
    status: 'PUBLISHED',
    reviewer: RHYS,
    reviewComment:
      'Approved. This is the clearest explanation of SPF, DKIM and DMARC I have seen for a non-technical reader. Sharing with all networks is right.',
    daysAgo: 115,
    title: 'Why our emails were going to spam, and the three settings that fixed it',
    summary:
      'A grants charity’s emails to applicants kept landing in junk folders. Setting up SPF, DKIM and DMARC for our domain took an afternoon and a volunteer’s help, and replies from applicants recovered.',
    categories: ['RISK_MITIGATION', 'SHORT_TERM_SKILLS'],
    sector: 'COMMUNITY',
    orgSize: 'SMALL',
    tools: ['Google Workspace', 'Mailchimp', 'Cloudflare', 'Gmail'],
    orgName: 'Tâf Community Grants',
    problem: `We give small grants to community groups, and we contact applicants by email. Over one winter, applicants started telling us they had never received our emails, including offers of money. They were in junk folders, or did not arrive at all.

Mailchimp showed our newsletter's open rate falling too, from about 45% to 28%, in three months.`,
    approach: `A volunteer from this circle explained that mailbox providers such as Gmail and Outlook had tightened their rules, and that our domain did not prove our emails were really from us.

- **SPF**: a line added to our domain's settings (in Cloudflare, where our domain is managed) listing who may send email for us: Google Workspace and Mailchimp.
- **DKIM**: turned on in Google Workspace's admin console and in Mailchimp's domain authentication, each giving a key to add to the domain settings.
- **DMARC**: a third line telling providers what to do with email that fails these checks. We started at "none" (just report), moved to "quarantine" after a month of clean reports.
- Checked each step with free online checkers and by sending test emails to Gmail and Outlook accounts.`,
    cost: `£0. About 5 hours: an afternoon with the volunteer, then half an hour a week reading DMARC reports for a month.`,
    duration: 'One afternoon to set up; six weeks until we moved DMARC to "quarantine".',
    outcome: `Applicants stopped telling us our emails were missing. Newsletter opens went back to about 44%. The DMARC reports also showed someone abroad sending email pretending to be us, which now gets quarantined.`,
    evidence: `- Complaints about missing emails: 14 in the three months before, 1 in the three months after (and that one had a full mailbox).
- Mailchimp open rate: 28% in the last issue before, 43% to 45% in the four after.
- DMARC reports: 300 to 400 messages a month failing from servers we do not use.

Open rates are a rough measure; the complaints fell more clearly.`,
    differently: `We would have done this when we set up the domain years ago: it is one afternoon's work. And we would keep a note of where the domain is managed and who can log in; it took us a week to find the login for Cloudflare.`,
    happyToTalk: true,
    uses: [
      {
        person: PRIYA,
        note: 'Our pantry’s Mailchimp emails were going to junk for Outlook users. SPF and DKIM done in an hour with a volunteer; DMARC next month.',
      },
      { person: 'holly.brown@example.org', note: 'Forwarded to our web host, who did all three in a day.' },
      { person: 'kirsteen.murray@example.org', note: '' },
      { person: 'ben.pemberton@example.org', note: 'Found a forgotten old newsletter tool still sending as us.' },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'cardiff-digital-circle',
    author: 'angharad.llewellyn@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'hassan.yilmaz@example.org',
    reviewComment: 'Approved. The folder structure picture in words is really helpful.',
    daysAgo: 62,
    title: 'From "New Folder (7)" to a shared drive people can find things in',
    summary:
      'An arts charity’s shared files were spread over a server, three people’s OneDrives and a USB stick. Moving to SharePoint with eight top-level folders took two months and ended the “which version?” question.',
    categories: ['HANDS_ON_SUPPORT', 'LONG_TERM_SKILLS'],
    sector: 'ARTS_AND_CULTURE',
    orgSize: 'SMALL',
    tools: ['SharePoint', 'Microsoft OneDrive', 'Microsoft Teams', 'Microsoft 365'],
    orgName: 'Bae Arts Collective',
    problem: `Our seven staff kept files on an old office server that nobody could reach from home, in their own OneDrives, and on a USB stick of photographs that lived in a drawer. The server had folders called "New Folder (7)", "Old stuff DO NOT DELETE" and "Sian's things". Grant applications were rewritten from scratch because nobody could find the last one.

The server was also out of warranty and backed up to a disk nobody had checked.`,
    approach: `- One workshop where the team sorted sticky notes of the things they look for into groups. We ended with eight top-level folders: Admin, Finance, Funding, Projects, Programme, People (restricted), Marketing and Archive.
- One SharePoint site, with these eight as libraries; People and Finance are restricted to the staff who need them.
- Each of us moved our own files over three weeks, with a "when in doubt, put it in Archive" rule.
- Names for files: date first, then what it is ("2026-03 Arts Council report final"), so they sort themselves.
- The server was switched off after a month of read-only, and the photos on the USB stick went into the Marketing library with their consent forms.`,
    cost: `£0 in money: SharePoint came with our donated Microsoft 365 licences. About 70 hours of staff time across the team, including the workshop.`,
    duration: 'Two months from the workshop to switching off the server.',
    outcome: `All our files are in one place, reachable from anywhere, and backed up by Microsoft 365's version history. Nobody has asked "which version is the latest?" in a team meeting since the move.

We found three past grant applications we reused, saving what we reckon was a week of writing.`,
    evidence: `- Server: 41,000 files, of which about 12,000 came across; the rest were duplicates or older than seven years, and went to an archive copy.
- A before-and-after test: we timed five people finding the same five documents. Average 6 minutes a document before, under 1 minute after.
- The annual server support contract (£480) has ended.`,
    differently: `Do not let everyone move their own files in the same week: SharePoint syncing slowed everyone down. And agree the naming rule before the move, not halfway through, or you will rename things twice.`,
    happyToTalk: true,
    uses: [
      { person: 'llinos.pugh@example.org', note: 'We ran the sticky-note workshop and ended up with seven folders.' },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'cardiff-digital-circle',
    author: 'nisha.hussain@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'llinos.morgan@example.org',
    reviewComment: 'Approved. The part about consent expiring when a child turns 13 is something most of us get wrong.',
    daysAgo: 190,
    title: 'Photo consent at a youth club: from a box of paper forms to a register we can check',
    summary:
      'A youth club could not tell which children it could show in photos. A consent register in Microsoft Lists, a yearly re-consent and coloured lanyards at events made it a 30-second check.',
    categories: ['RISK_MITIGATION', 'HANDS_ON_SUPPORT'],
    sector: 'EDUCATION_AND_YOUTH',
    orgSize: 'SMALL',
    tools: ['Microsoft Lists', 'Microsoft Forms', 'Microsoft 365', 'Instagram'],
    orgName: 'Splott Youth Project',
    problem: `We have about 150 young people on our books. Parents signed a paper photo consent form when their child joined, which went in a box file. When we wanted to post a photo from a trip, someone had to go through the box, and most of the time we just blurred faces or did not post.

Twice we posted a photo of a child whose parent had since withdrawn consent by telling a youth worker at pick-up. Nobody had written it down.`,
    approach: `- A consent form in Microsoft Forms, sent to every parent (and to young people aged 13 and over, who we ask directly, as well as their parent), with separate boxes for our website, social media, printed materials and funders' reports.
- The answers feed a Microsoft List: one row per young person, what they agreed to, and when it expires (one year on).
- Any change a parent tells us in person goes straight into the List on the youth worker's phone, there and then.
- At trips and events, young people who should not be photographed wear a different coloured lanyard. They chose the colour.
- Every September everyone re-consents; we chase by text.`,
    cost: `£0 in money (Microsoft 365 through our charity licences). About 20 hours to set up and chase the first round of forms; about 5 hours each September.`,
    duration: 'Six weeks, timed so the first round went out with the autumn term letters.',
    outcome: `Checking whether a photo can go out now takes about 30 seconds. 131 of 150 families returned the form in the first round. We post photos of activities most weeks now, instead of a couple of times a term, and have not posted anyone without consent since.`,
    evidence: `- Form returns: 131 of 150 in the first round, 142 of 155 in the second.
- No photos posted against someone's wishes in the 12 months since, against two the year before.
- Instagram posts with photos of young people: 9 in the year before, 46 in the year after.`,
    differently: `We would give young people a say in the design from the start; the lanyard idea was theirs and it is the part that works best. We would also have asked our safeguarding lead to sign off the form wording before sending, rather than sending a second version a week later.`,
    happyToTalk: true,
    uses: [
      {
        person: 'nia.howells@example.org',
        note: 'Copied the separate-boxes consent form and the yearly re-consent for our youth club.',
      },
      { person: 'fatima.warsame@example.org', note: 'The lanyards went down well at our summer fun day.' },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'glasgow-third-sector-digital',
    author: 'mhairi.grant@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'piotr.szabo@example.org',
    reviewComment:
      'Approved. Locking the templates is a small trick with a big effect; good that you said how the volunteers felt about it.',
    daysAgo: 140,
    title: 'One Canva brand kit for eleven community gardens',
    summary:
      'A network of community gardens had eleven looks, four logos and posters nobody recognised as ours. A shared Canva brand kit and six locked templates gave us one look in a month, made by volunteers.',
    categories: ['SHORT_TERM_SKILLS', 'EXPANDING_POSSIBILITY'],
    sector: 'ENVIRONMENT',
    orgSize: 'SMALL',
    tools: ['Canva', 'Facebook', 'Instagram'],
    orgName: 'Glasgow Growing Together',
    problem: `We support eleven community gardens across the north and east of the city. Each garden's volunteers made their own posters, in Word, PowerPoint or on their phones, with whichever of our four old logos they had. Funders and the council did not realise the gardens were part of one network, and our own volunteers did not always know either.

Making a poster took a volunteer an evening, and many gardens just did not bother.`,
    approach: `- We got Canva for Nonprofits, free for our team.
- A designer who volunteers with us made a simple brand kit: one logo (with a version for each garden's name), two colours, one font for headings and one for text, and a set of our own photos.
- Six templates: event poster, volunteer call, harvest share, Instagram post, Facebook cover and a thank-you card. Logos, colours and fonts are locked, so volunteers change only the words and photo.
- Each garden lead was invited to the Canva team and shown the templates in a 45-minute online session. Two gardens had a session in person at the garden shed, with a laptop.`,
    cost: `£0 in money (Canva for Nonprofits; the designer gave her time). About 30 hours of volunteer design time and 10 hours of staff time for the sessions.`,
    duration: 'One month from the first design to every garden having access.',
    outcome: `Nine of the eleven gardens now use the templates, and a poster takes 15 to 20 minutes instead of an evening. Our posts are recognisably ours, and the council's parks team now refers to us as one network in its own newsletter.`,
    evidence: `- Canva's team view: 9 gardens active, about 110 designs made in the first four months.
- Garden leads' estimate of poster time, asked at our quarterly meeting: 15 to 20 minutes, down from "an evening" or "I don't".
- Instagram: followers up from 640 to 1,050 in six months; we cannot say how much is the new look and how much is posting more often.`,
    differently: `We would start with three templates, not six; two of them are barely used. And we would ask one volunteer at each garden to be the "Canva person" rather than inviting everyone; two gardens have nobody who logs in.`,
    happyToTalk: true,
    uses: [
      {
        person: 'katarzyna.owusu@example.org',
        note: 'Locked our logo and colours in our templates the same afternoon.',
      },
      { person: 'eilidh.munro@example.org', note: '' },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'glasgow-third-sector-digital',
    author: 'fiona.henderson@example.org',
    audience: 'NETWORK',
    status: 'IN_REVIEW',
    daysAgo: 7,
    title: '"Bring your phone" mornings at the library for people over 65',
    summary:
      'A befriending charity and a local library ran weekly drop-in mornings where older people brought their own phones and tablets with a question. In six months, 84 people came at least once.',
    categories: ['HANDS_ON_SUPPORT', 'PERSONAL_VALIDATION'],
    sector: 'COMMUNITY',
    orgSize: 'SMALL',
    tools: ['Android phones', 'iPhone', 'NHS App', 'WhatsApp', 'Zoom'],
    orgName: 'Shettleston Friends Together',
    problem: `Our befrienders kept being asked for help with phones: how to see photos the grandchildren send, how to order a repeat prescription, how to join the church service on Zoom. They were not trained for it, and it took over the visits. Many of our members had smartphones, often passed on by family, and used them only for calls.`,
    approach: `- Every Tuesday morning, 10 till 12, in the library's community room, with tea.
- People bring their own device and one question. No course, no slides.
- Four volunteer "digital buddies", trained in a two-hour session using Good Things Foundation's free Learn My Way resources and a short talk on scams.
- Buddies never take the device away or type passwords; they show, then the person does it.
- A printed sheet for each common question (the NHS App, WhatsApp video calls, blocking spam texts), in large print.`,
    cost: `About £400 for the six months: tea, printing and volunteer travel. The room is free from the library. About 4 staff hours a week for the first month, then 1.`,
    duration: 'Six months so far.',
    outcome: `84 people came at least once, and about 20 come most weeks. The most common questions were photos and video calls, then the NHS App, then scam texts. Befrienders say the visits are about conversation again.`,
    evidence: `- Sign-in sheet: 84 different people, 412 visits in 26 sessions.
- A short survey after three visits: 31 of 38 said they now do something on their phone they could not do before, most often video calls (17) and repeat prescriptions (11).
- We have not asked those who came once and did not return why; we should.`,
    differently: `Start with two buddies per five people; we had four buddies for 15 people in week three and had to turn people away. And tell the GP practice from the start: once they heard, they started sending people with NHS App questions, which we were not ready for.`,
    happyToTalk: true,
  },
  {
    kind: 'CASE_STUDY',
    network: 'glasgow-third-sector-digital',
    author: 'kofi.boateng@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'emeka.adeyemi@example.org',
    reviewComment:
      'Approved. Honest about the two trustees who still prefer email, and the board pack figure is a good one.',
    daysAgo: 210,
    title: 'Getting our trustees off long email chains and onto Microsoft Teams',
    summary:
      'Nine trustees ran the board through reply-all email, with papers attached in several versions. A Teams channel for the board and papers in one folder halved the emails and ended the wrong-version votes.',
    categories: ['SHORT_TERM_SKILLS', 'HANDS_ON_SUPPORT'],
    sector: 'ADVICE_AND_ADVOCACY',
    orgSize: 'MEDIUM',
    tools: ['Microsoft Teams', 'SharePoint', 'Microsoft 365'],
    orgName: 'Clyde Money Advice',
    problem: `Our board of nine trustees did its business by email: papers attached, comments by reply-all, new versions attached again. Before each meeting the chair and I spent a day working out which version was current. Once, the board approved a budget that was two versions out of date, and we had to bring it back a month later.

Some trustees used their work email and could not open attachments from outside; others forwarded papers to personal accounts, which we were not comfortable with.`,
    approach: `- Gave each trustee a guest account in our Microsoft 365 (free), so they sign in with their own email but the papers stay with us.
- One Teams team, "Board", with a channel per committee and a Files tab holding one folder per meeting.
- Papers are edited in place, never attached; comments go in the file or the channel thread.
- I ran a 30-minute practice call with each trustee, on their own device, before the first meeting.
- The chair agreed a rule: if it is not in the Board team, it is not a board paper.`,
    cost: `£0 in money (Teams through our donated Microsoft 365 licences; guests are free). About 15 hours of my time, including the one-to-one calls.`,
    duration: 'Two board cycles (about four months) before it settled.',
    outcome: `Board email has roughly halved, and board packs are put together in an hour rather than a day. There has been no vote on a wrong version since. Seven of nine trustees use Teams for everything; two still prefer email, and the chair forwards them a link.`,
    evidence: `- Email: I counted board emails for the two months before (214) and two months after (97).
- Board pack time: my timesheets, about 7 hours a pack before, about 1 hour now.
- Trustees' own view at the annual board review: 7 of 9 said it was better; 1 said "no different", 1 said worse (too many notifications, which we then helped turn down).`,
    differently: `We would turn off most Teams notifications for trustees from the start; several were put off by a stream of alerts in the first week. And the practice calls were the best hour spent: we would do them in person where we could.`,
    happyToTalk: true,
    uses: [
      {
        person: 'callum.byrne@example.org',
        note: 'Set our board up with guest accounts; the "not in the team, not a board paper" rule did most of the work.',
      },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'glasgow-third-sector-digital',
    author: 'seamus.byrne@example.org',
    audience: 'ALL_NETWORKS',
    status: 'PUBLISHED',
    reviewer: 'niamh.quinn@example.org',
    reviewComment:
      'Approved, and shared with all networks: contracts asking for Cyber Essentials are coming to many of us, and the costs here are real.',
    daysAgo: 300,
    title: 'Getting Cyber Essentials because a council contract asked for it',
    summary:
      'A 20-person employability charity needed Cyber Essentials to bid for a council contract. It took ten weeks, £1,400 and an honest look at old laptops and shared passwords. We passed at the second attempt.',
    categories: ['RISK_MITIGATION', 'LONG_TERM_SKILLS'],
    sector: 'EDUCATION_AND_YOUTH',
    orgSize: 'MEDIUM',
    tools: ['Cyber Essentials', 'Microsoft 365', 'Microsoft Intune', 'Bitwarden'],
    orgName: 'Next Step Employability',
    problem: `A council contract we wanted to bid for, worth about £180,000 over three years, required Cyber Essentials certification. We had 20 staff, 26 laptops of mixed ages, a few personal phones used for work email, and an office router nobody had logged into since it was installed.

We had ten weeks before the bid deadline.`,
    approach: `We used the NCSC's Cyber Essentials guidance and the free readiness tool to see where we stood, then booked a certification body that works with charities.

- **Devices:** five laptops could not get security updates any more; we replaced three and retired two.
- **Phones:** staff who read work email on their own phones enrolled them in Intune's app protection, which keeps work data in the Outlook app and needs a PIN.
- **Admin rights:** removed from everyone's everyday accounts; two staff have separate admin accounts.
- **Passwords:** 2FA on Microsoft 365 for all, and Bitwarden for shared logins.
- **Router:** changed the default admin password and turned off remote management.
- **Software:** removed unsupported software we found on seven laptops.

We failed the first submission on two points (one unsupported laptop we had forgotten, and guest Wi-Fi on the same network as staff laptops), fixed them and passed within the time allowed.`,
    cost: `About £1,400: £320 for the certification (self-assessment, for a small organisation), about £900 for three refurbished laptops, and £180 for a second Wi-Fi network for guests. About 90 hours of staff time, mostly mine and our office manager's.`,
    duration: 'Ten weeks, with a week to spare before the bid deadline.',
    outcome: `We passed, bid for the contract and won it. Beyond the contract, we now know every device we own, and nobody works as an administrator day to day. We renew every year; the second year took about 15 hours.`,
    evidence: `- The certificate, and the contract award letter that lists Cyber Essentials as a requirement.
- Device list: 26 laptops before, 24 after, all supported.
- Our cyber insurance premium fell by about 10% at renewal; the insurer said the certificate was a factor.`,
    differently: `Start a year before anyone asks for it. Doing it against a deadline meant some rushed choices (we bought laptops we would have chosen differently). And read the question set early: the questions themselves are the best checklist we have seen.`,
    happyToTalk: true,
    uses: [
      {
        person: 'ffion.bowen@example.org',
        note: 'Used this to budget for our own certification. We are about halfway through.',
      },
      { person: 'andrei.horvat@example.org', note: 'The list of what failed first time saved us a resubmission.' },
      { person: 'gerard.mccann@example.org', note: '' },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'belfast-community-tech',
    author: 'craig.mckenzie@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'maeve.mccann@example.org',
    reviewComment: 'Approved. Clear, and the volunteers’ view at the end makes the case.',
    daysAgo: 230,
    title: 'Volunteer expenses paid in a week, not a month, with a form and an automatic approval',
    summary:
      'Volunteers at a community transport scheme waited up to six weeks for mileage money, with paper claims lost in trays. A Microsoft Form, a photo of the receipt and a Power Automate approval cut it to a week.',
    categories: ['HANDS_ON_SUPPORT', 'EXPANDING_POSSIBILITY'],
    sector: 'COMMUNITY',
    orgSize: 'SMALL',
    tools: ['Microsoft Forms', 'Power Automate', 'SharePoint', 'Microsoft 365'],
    orgName: 'North Belfast Community Transport',
    problem: `About 40 volunteer drivers claim mileage and parking each month. Claims were on paper, handed in at the office or posted, then signed off by a coordinator and passed to our part-time finance worker. Some waited six weeks; a few stopped claiming at all, which for volunteers on pensions is money they need.

Claims were often missing the journey details we need for our funder, so the finance worker chased them by phone.`,
    approach: `- A Microsoft Form: name, dates, journeys (from a drop-down of our regular runs, or "other"), miles, parking, and a photo of any receipt taken on the phone.
- Power Automate sends each claim to the driver's coordinator for approval by email (one click), then saves it with the receipt in a SharePoint list for finance.
- Finance pays every Friday by bank transfer from the approved list.
- Drivers without smartphones still hand in paper; a coordinator enters it into the form for them.
- Our miles rate and rules are at the top of the form, so fewer claims come back.`,
    cost: `£0 in money: Forms, Power Automate and SharePoint came with our Microsoft 365 licences. About 18 hours of a volunteer's time (from this network) to build and test the flow, and 6 hours of staff time.`,
    duration: 'Five weeks, including a month of running paper and the form side by side.',
    outcome: `Claims are paid within seven days, usually five. About 75% come through the form. Finance spends about half a day a month on expenses instead of two. Journey details for the funder's report come straight from the SharePoint list.`,
    evidence: `- Time to payment: from the finance log, median 31 days before, 5 days after (four months of claims each).
- Share online: 29 of 40 drivers use the form.
- Finance worker's estimate: 14 hours a month before, 4 after.
- Three drivers who had stopped claiming started again; one told us she had been "embarrassed to chase".`,
    differently: `We would have tested the flow with a coordinator who was about to go on holiday: approvals sat in her inbox for a week before we set up a deputy. And we would keep the form to one page; the first version had three and drivers gave up halfway.`,
    happyToTalk: true,
    uses: [
      {
        person: 'roisin.brennan@example.org',
        note: 'Built the same form for our befrienders’ bus fares; no Power Automate yet, just the form.',
      },
      { person: 'marek.popescu@example.org', note: '' },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'belfast-community-tech',
    author: 'niamh.brennan@example.org',
    audience: 'NETWORK',
    status: 'DRAFT',
    reviewer: 'roisin.quinn@example.org',
    reviewComment:
      'Thanks Niamh, a lot of groups will want this. Two things before I can approve: what did Xero cost you each month, and how much of the treasurer’s time did it save? And please say how you moved the old figures across, or whether you started fresh.',
    daysAgo: 19,
    title: 'Moving a community centre’s books from a spreadsheet to Xero',
    summary:
      'A community centre’s volunteer treasurer kept the accounts in a spreadsheet she had built over ten years. Moving to Xero with bank feeds made the year-end much easier.',
    categories: ['LONG_TERM_SKILLS', 'RISK_MITIGATION'],
    sector: 'COMMUNITY',
    orgSize: 'SMALL',
    tools: ['Xero', 'Microsoft Excel'],
    orgName: 'Ardoyne Community Hub',
    problem: `Our treasurer kept the books in a large Excel spreadsheet she had built herself. Only she understood it, and she wanted to stand down. Our independent examiner also said the year-end took longer than it should.`,
    approach: `We signed up for Xero, connected the bank account so transactions come in automatically, and set up categories matching our funders' budget lines. The treasurer trained her successor over three months.`,
    cost: `A monthly subscription, with a charity discount.`,
    duration: 'Three months, over the handover.',
    outcome: `The new treasurer is confident, and the independent examiner finished much faster this year.`,
    evidence: `The examiner's invoice was lower than last year.`,
    differently: `We would have started the handover sooner.`,
    happyToTalk: true,
  },
  {
    kind: 'CASE_STUDY',
    network: 'belfast-community-tech',
    author: 'sinead.oneill@example.org',
    audience: 'ALL_NETWORKS',
    status: 'PUBLISHED',
    reviewer: 'eoin.hughes@example.org',
    reviewComment:
      'Approved, and shared with every network. Testing with your own members rather than relying on a checker is the lesson, and you show why.',
    daysAgo: 175,
    title: 'Making our website work with a screen reader, tested by the people who use one',
    summary:
      'A sight loss charity’s own website was hard to use with a screen reader. Six members tested it with us, we fixed 23 problems over three months for £950, and the contact form finally works for everyone.',
    categories: ['UNIQUE_PERSPECTIVES', 'RISK_MITIGATION'],
    sector: 'HEALTH_AND_CARE',
    orgSize: 'SMALL',
    tools: ['WordPress', 'NVDA', 'VoiceOver', 'WAVE'],
    orgName: 'Clear Sight NI',
    problem: `Embarrassingly for a sight loss charity, members kept ringing to say they could not use our website. The automated checker we had run said there were only a few problems, so we had not taken it seriously.

When we watched members using it, we saw why: the menu could not be opened with a keyboard, the contact form's fields had no labels a screen reader could read, and our news was published as scanned PDFs.`,
    approach: `- Six members who use screen readers (NVDA on Windows, VoiceOver on iPhone) each spent an hour trying five tasks on the site while we watched and noted what went wrong. We paid them £25 each for their time.
- We listed 23 problems and ranked them by how often they stopped someone finishing a task.
- A freelance WordPress developer fixed the theme's menu, the form labels, the focus outline and the heading order (£800).
- Staff rewrote the PDFs as web pages, added alt text to every image, and replaced "click here" links with words that make sense on their own.
- The same members tried the same tasks again at the end.`,
    cost: `£950: £800 for the developer and £150 to the testers. About 45 hours of staff time, most of it turning PDFs into pages.`,
    duration: 'Three months, from the first testing session to the second.',
    outcome: `In the first round, the six testers finished 11 of 30 tasks. In the second, they finished 27 of 30. Calls from members who could not use the website have almost stopped, and the contact form has had messages from screen reader users for the first time.`,
    evidence: `- Task completion: 11 of 30 before, 27 of 30 after, same testers, same tasks.
- Calls logged as "website problem": about 6 a month before, 1 in the last three months.
- WAVE errors on our top ten pages went from 48 to 3; but WAVE had found only 6 of the 23 problems our members found.

We also published an accessibility statement saying what still does not work.`,
    differently: `Test with people from the start, not a checker; we lost a year believing the checker. And pay testers properly and say so in the invitation: more members came forward once they knew their time would be paid.`,
    happyToTalk: true,
    uses: [
      {
        person: 'laura.tennant@example.org',
        note: 'We paid two of our own service users to test our new site. They found the menu problem too.',
      },
      { person: 'stuart.wood@example.org', note: 'The PDF-to-pages point convinced our manager.' },
      { person: 'nia.howells@example.org', note: '' },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'belfast-community-tech',
    author: 'padraig.fitzpatrick@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'gerard.mccann@example.org',
    reviewComment:
      'Approved. The breakdown of where the money came from is gold for anyone thinking about crowdfunding.',
    daysAgo: 265,
    title: 'Crowdfunding £14,000 for a minibus in six weeks',
    summary:
      'A junior football club needed a minibus to get players to away games. A JustGiving crowdfunding page, a video made on a phone and a match-funding pledge raised £14,200 from 380 people.',
    categories: ['EXPANDING_POSSIBILITY', 'PERSONAL_VALIDATION'],
    sector: 'SPORT_AND_WELLBEING',
    orgSize: 'MICRO',
    tools: ['JustGiving', 'Facebook', 'WhatsApp', 'CapCut'],
    orgName: 'Falls Park Juniors FC',
    problem: `We run teams for 120 children aged 7 to 16. Away games meant asking parents for lifts, and children whose parents did not drive or worked weekends missed out. A second-hand minibus would cost about £14,000. We had never raised more than £2,000 at once, from a bag pack.`,
    approach: `- A JustGiving crowdfunding page with a clear target, a photo of the actual minibus we wanted, and what would happen if we raised more or less.
- A 90-second video, filmed on a phone and edited in CapCut by one of the under-16s, of players saying why they wanted to play away games.
- A local business pledged to match the first £3,000, which we announced on launch day.
- Every team's parents' WhatsApp group got the link with a personal message from their coach, not a general appeal.
- Weekly updates on the page and Facebook, with the total and a new player's face each time.`,
    cost: `JustGiving's crowdfunding fees and card charges came to about £650 of the total. About 35 volunteer hours, mostly the two of us who ran the campaign.`,
    duration: 'Six weeks of campaign, after two weeks of preparation.',
    outcome: `We raised £14,200 from 380 people, plus the £3,000 match, bought the minibus, and have used it for 31 away trips this season. Eleven children who used to miss away games now travel with the team.`,
    evidence: `- JustGiving's report: 380 supporters, median gift £20; 45% of the money came in the first week.
- Where supporters came from (JustGiving's sources): WhatsApp about 55%, Facebook about 30%, direct and email the rest.
- The coaches' travel log: 31 away trips in the season, with the children on each.`,
    differently: `We would line up the match funding before launch, as we did, but also a second pledge for the last week: the middle three weeks were slow and we were worried. And we would ask the bus insurer for a quote before the campaign; insurance for young drivers' clubs was more than we budgeted, and we had to fundraise again for it.`,
    happyToTalk: true,
    uses: [
      {
        person: 'colm.mclaughlin@example.org',
        note: 'Used the coach-by-coach WhatsApp idea for our kit appeal. £3,400 in three weeks.',
      },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'norwich-digital-for-good',
    author: 'matthew.palmer@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'efua.owusu@example.org',
    reviewComment:
      'Approved. Good that you kept the in-person welcome and said why; it stops this reading as "replace people with a video".',
    daysAgo: 150,
    title: 'A 20-minute online induction for volunteers, with a quiz that checks the important bits',
    summary:
      'A charity shop chain spent two staff hours inducting each new volunteer, one at a time. A short video, a Google Forms quiz on safety and data, and a shorter in-person welcome freed up 60 hours a quarter.',
    categories: ['SHORT_TERM_SKILLS', 'HANDS_ON_SUPPORT'],
    sector: 'HEALTH_AND_CARE',
    orgSize: 'MEDIUM',
    tools: ['Google Forms', 'YouTube', 'Canva', 'Google Workspace'],
    orgName: 'Wensum Hospice Shops',
    problem: `Our six shops take on about 30 new volunteers a quarter. Each had a two-hour induction from a shop manager: health and safety, handling cash, Gift Aid forms, what to do with personal items found in donations, and data protection. Managers did it between customers, so it was often rushed, and we could not show our insurer that every volunteer had covered the same things.`,
    approach: `- We filmed a 20-minute video in our biggest shop on a phone with a clip-on microphone: five short chapters, each led by a different volunteer or manager.
- Put it on YouTube as "unlisted" (only people with the link can see it), with checked captions.
- A Google Forms quiz of ten questions, set to show the right answer and why after each one; the three about Gift Aid and personal data must be right before it counts as passed.
- New volunteers watch and do the quiz at home or on the shop's tablet, then have a 30-minute welcome with their manager: a tour, the till, and a cup of tea.
- Quiz results go to a Google Sheet, which is our induction record.`,
    cost: `£35 for the microphone. About 25 hours of staff time to plan, film and edit (in Canva's video editor, through Canva for Nonprofits), and 3 hours to build the quiz.`,
    duration: 'Two months from first script to the first volunteers using it.',
    outcome: `Manager time per new volunteer went from about two hours to 30 minutes: roughly 45 to 60 hours a quarter across the shops. Every volunteer has now covered the same content, and we can show it. The Gift Aid error rate on forms filled in by new volunteers has dropped.`,
    evidence: `- Induction records: 94 volunteers through the new induction in three quarters; 88 passed the quiz first time, 6 on the second try.
- Managers' time, estimated by each manager: 2 hours before, 30 to 40 minutes now.
- Gift Aid forms returned by our claims checker as incomplete: about 1 in 12 before, about 1 in 30 after; other changes may have helped.`,
    differently: `We would film in shorter pieces: when our Gift Aid rules changed, we had to re-film a whole chapter. And we would check the captions ourselves from the start; YouTube's automatic ones turned "Gift Aid" into "gift aide" throughout.`,
    happyToTalk: true,
    uses: [
      {
        person: 'oliver.wood@example.org',
        note: 'Made a five-question quiz for our sports club’s safeguarding basics.',
      },
      { person: 'sam.harris@example.org', note: '' },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'norwich-digital-for-good',
    author: 'kate.atkinson@example.org',
    audience: 'NETWORK',
    status: 'IN_REVIEW',
    daysAgo: 5,
    title: 'A shared inbox for our helpline emails instead of one person’s Outlook',
    summary:
      'A domestic abuse support service’s helpline emails arrived in one worker’s inbox. A Microsoft 365 shared mailbox with categories and an out-of-hours reply means nobody waits because someone is on leave.',
    categories: ['RISK_MITIGATION', 'HANDS_ON_SUPPORT'],
    sector: 'ADVICE_AND_ADVOCACY',
    orgSize: 'SMALL',
    tools: ['Microsoft 365', 'Outlook', 'Microsoft Teams'],
    orgName: null,
    problem: `Emails to our helpline address were forwarded to one support worker's own inbox. When she was on leave or off sick, messages from people in danger could wait days. Other workers replied from their own addresses, so there was no record in one place of what the person had been told.`,
    approach: `- A shared mailbox in Microsoft 365 (free; it needs no licence of its own), which four support workers can open in Outlook.
- Categories for "new", "replied", "needs a call back" and "passed to manager", so anyone can see what is waiting.
- Replies go from the helpline address, with a signature that gives the phone number and opening times.
- An automatic reply out of hours, with emergency numbers.
- A daily check at 10am and 3pm, on the team rota in Teams.
- We left the person's name out of this write-up, and ours, for the safety of the people we support.`,
    cost: `£0 in money. About 6 hours of our IT volunteer's time to set up, and a one-hour session for the team.`,
    duration: 'Two weeks.',
    outcome: `No helpline email has waited more than four working hours for a reply since the change, and any worker can pick up a conversation where someone else left it.`,
    evidence: `- Response times from the mailbox, checked weekly for three months: median 1 hour 40 minutes, longest 3 hours 50 minutes. Before, the longest we know of was four days.
- Sickness cover: two periods of staff absence in the three months, with no delay in replies.`,
    differently: `We would have set up categories before moving the old emails across; the first day was chaos. And we would have checked who could read the mailbox; an ex-volunteer's account still had access to the old forwarding rule.`,
    happyToTalk: false,
  },
  {
    kind: 'CASE_STUDY',
    network: 'norwich-digital-for-good',
    author: 'sanjay.ali@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'sophie.ashworth@example.org',
    reviewComment:
      'Approved. Brave to write this up, and the "map of where data lives" is something every one of us should make before our first request, not after.',
    daysAgo: 120,
    title: 'Our first subject access request, and what it taught us about where our data lives',
    summary:
      'A tenants’ advice project got its first subject access request and had one month to answer. Finding everything about one person took 26 hours across email, WhatsApp and paper. Now we have a data map.',
    categories: ['RISK_MITIGATION', 'PERSONAL_VALIDATION'],
    sector: 'HOUSING',
    orgSize: 'SMALL',
    tools: ['Google Workspace', 'Gmail', 'WhatsApp', 'Google Drive'],
    orgName: 'Norwich Renters’ Advice Project',
    problem: `A former client asked, in writing, for a copy of all the personal data we held about them: a subject access request. We had one calendar month to answer. We had never had one, and did not know where to look: casework notes were in Google Docs, but advisers also had emails in their own Gmail inboxes, WhatsApp messages on work phones, and handwritten notes in a filing cabinet.`,
    approach: `- We read the ICO's guidance on subject access requests and rang its helpline for small organisations, which was genuinely helpful.
- Confirmed the person's identity, and logged the request and the deadline.
- Searched every place we could think of: Google Drive and every adviser's Gmail (using the admin search in Google Workspace), the three work phones' WhatsApp chats, and the paper files.
- Removed other people's personal data from what we found, for example a landlord's details and other tenants' names, as the guidance explains.
- Sent it securely, with a cover letter explaining what each part was, three days before the deadline.

Afterwards, we made a one-page data map: every place we keep personal data, who can see it, and how long we keep it.`,
    cost: `£0 in money. 26 hours of staff time for the request, most of it searching and removing other people's details. About 6 hours to make the data map.`,
    duration: 'The request took 27 days; the data map another fortnight.',
    outcome: `We answered in time and heard nothing more, which we take as a good sign. More useful, the data map showed us personal data in places it should not be: we have stopped using WhatsApp for casework, moved paper notes into our case records, and deleted files older than our six-year keeping period.`,
    evidence: `- 26 hours logged on the request.
- The data map lists 14 places we held personal data; we are down to 6.
- 1,900 old files deleted from Google Drive under our keeping rules, checked by our chair.
- A second, smaller request in the summer took 5 hours.`,
    differently: `Make the data map before the first request, not after. And agree with advisers which phone apps are for casework: the WhatsApp search was the slowest and most awkward part, because it was mixed with their rota chats.`,
    happyToTalk: true,
    uses: [
      {
        person: 'matthew.palmer@example.org',
        note: 'We made our data map at a team meeting after reading this. Found personal data in a Facebook group we had forgotten.',
      },
      { person: 'katarzyna.nowak@example.org', note: '' },
    ],
  },
  {
    kind: 'CASE_STUDY',
    network: 'cumbria-rural-digital',
    author: 'simon.marshall@example.org',
    audience: 'NETWORK',
    status: 'DRAFT',
    daysAgo: 21,
    title: 'Village hall bookings on a shared calendar instead of the diary behind the bar',
    summary:
      'A village hall’s bookings lived in a paper diary kept by one trustee. A shared Google Calendar and a booking enquiry form mean anyone can see what is free. Draft: figures to add after the first full quarter.',
    categories: ['HANDS_ON_SUPPORT', 'QUICK_TIP'],
    sector: 'COMMUNITY',
    orgSize: 'MICRO',
    tools: ['Google Calendar', 'Google Forms', 'Google Workspace'],
    orgName: 'Threlkeld Village Hall',
    problem: `The hall's bookings were in a paper diary behind the bar, kept by our bookings trustee. People who wanted to hire the hall rang her, often in the evening, and she had to be in the hall to check the diary. Twice this year two groups turned up for the same slot.`,
    approach: `We set up a Google Calendar for the hall on our free Google account, which the three trustees can edit. A public view, without names, is linked from the village website. Hire enquiries come in through a Google Form. The paper diary stays, copied from the calendar each week, for the older hirers who drop in.`,
    cost: `£0. About 6 hours so far. [Add the hours after the first quarter.]`,
    duration: 'Set up over two weekends; we are three months in.',
    outcome: `No double bookings since. [Add enquiry numbers and what the hirers think.]`,
    evidence: `[To add: enquiries through the form, and how many bookings came from people who saw the calendar.]`,
    differently: `[To write when the quarter is done.]`,
    happyToTalk: true,
  },
];

const SOCIAL_MEDIA_POLICY_V1 = `# Social media policy

## Who posts
Only staff and volunteers named by the manager post on our accounts.

## What we never post
- Anything that identifies a person we support, without their written consent.
- Party political views.

## Comments
We hide or delete abusive comments.`;

const SOCIAL_MEDIA_POLICY = `# Social media policy for [Charity name]

Agreed by the trustees on [date]. Review it every year, or sooner if something goes wrong.

## Why we use social media
To tell people what we do, to reach people who need us, and to thank our volunteers and supporters. We use [Facebook, Instagram, …].

## Who posts
- Only people named in our account register post on our accounts: [names or roles].
- Each account has at least two admins, both named in the register, and is set up with a charity email address, never a personal one.
- Passwords are kept in our password manager, not in documents or messages.

## What we post
- News, events, volunteer calls, thank-yous, and useful information from trusted sources.
- Photos of people only with their consent, recorded on our consent form. Never photos of children without written consent from a parent or carer.

## What we never post
- Anything that identifies someone we support, unless they have asked us to and agreed the words.
- Party political views, or opinions on candidates. We can talk about issues that affect the people we support.
- Anything we would not be happy to see read out at our AGM.

## Comments and messages
- We reply to messages within [two working days].
- We hide or delete comments that are abusive, discriminatory, or share someone's personal details, and we ban repeat offenders.
- If a comment worries us about someone's safety, we follow our safeguarding policy.
- If something goes wrong (a post we regret, a hacked account), tell [role] at once; we would rather know early.

## Staff and volunteers' own accounts
You may say you work or volunteer with us. Please do not speak for the charity on your own accounts, and never share anything about the people we support.`;

const ACCOUNT_POLICY_V1 = `# Account ownership policy

Every account belongs to the charity, not a person. Keep a list of accounts and who can get in.`;

const ACCOUNT_POLICY_V2 = `# Account ownership and password policy

1. Every account is set up with a charity email address.
2. Every account has two people who can get in.
3. Passwords are kept in a password manager.
4. When someone leaves, we remove their access the same day.`;

const ACCOUNT_POLICY = `# Account ownership and password policy for [Charity name]

Agreed on [date] by [committee or trustees]. Owner of this policy: [role].

## Why
Many small charities have lost their social media pages, website or mailing list when the one person who set them up moved on. This policy makes sure our accounts belong to the charity and never depend on one person.

## The rules
1. **The charity owns every account.** Each account (social media, website and domain, email, mailing list, online banking, shared drive, booking systems) is set up with a charity email address, never a personal one.
2. **Two people on everything.** Each account has at least two people with full admin rights, from different roles where possible.
3. **One register.** We keep a register of every account: what it is, the email it is set up with, the two admins, where the password is kept, and when it was last checked.
4. **Passwords in a password manager.** We use [Bitwarden / another password manager]. Passwords are long, different for every account, and never sent by email, text or WhatsApp.
5. **Two-factor authentication wherever it is offered**, with the recovery codes kept in the password manager.
6. **Leaving.** When someone with access leaves, their access is removed and shared passwords they knew are changed within [two working days]. Handing over accounts is part of every leaver's checklist.
7. **Checking.** [Role] checks the register every [six months] and reports to the [committee / trustees].

## Account register

| Account | Set up with | Admin 1 | Admin 2 | Password kept in | 2FA on? | Last checked |
| --- | --- | --- | --- | --- | --- | --- |
| Facebook page | [email] | [name] | [name] | Password manager | Yes | [date] |
| Website and domain | [email] | [name] | [name] | Password manager | Yes | [date] |
| Mailing list | [email] | [name] | [name] | Password manager | Yes | [date] |`;

const TEMPLATES: readonly LibrarySeed[] = [
  {
    kind: 'TEMPLATE',
    network: 'bristol-tech-for-good',
    author: 'ruth.johnson@example.org',
    audience: 'ALL_NETWORKS',
    status: 'PUBLISHED',
    reviewer: 'matthew.walker@example.org',
    reviewComment: 'Approved. The second version is much more usable; good call adding who holds the passwords.',
    daysAgo: 330,
    title: 'Social media policy for a small charity',
    summary:
      'A one-page social media policy trustees can agree in one meeting: who posts, what never gets posted, how to handle nasty comments, and who holds the accounts.',
    categories: ['RISK_MITIGATION', 'QUICK_TIP'],
    tools: ['Facebook', 'Instagram'],
    body: SOCIAL_MEDIA_POLICY,
    earlierBodies: [SOCIAL_MEDIA_POLICY_V1],
    uses: [
      { person: PRIYA, note: 'Our trustees agreed it at the first reading, with two small changes.' },
      {
        person: 'chiamaka.adeyemi@example.org',
        note: 'The starting point for the policy that won our trustees round.',
      },
      { person: 'farah.mistry@example.org', note: '' },
      { person: 'callum.sinclair@example.org', note: 'Adapted for our carers’ centre.' },
    ],
  },
  {
    kind: 'TEMPLATE',
    network: 'cardiff-digital-circle',
    author: RHYS,
    audience: 'ALL_NETWORKS',
    status: 'PUBLISHED',
    reviewer: 'mustafa.warsame@example.org',
    reviewComment: 'Approved. The register table is what people will actually use.',
    daysAgo: 290,
    title: 'Account ownership and password policy, with an account register',
    summary:
      'So your accounts never leave with a volunteer: every account owned by the charity, two admins on each, passwords in a password manager, and a register to check twice a year.',
    categories: ['RISK_MITIGATION'],
    tools: ['Bitwarden'],
    body: ACCOUNT_POLICY,
    earlierBodies: [ACCOUNT_POLICY_V1, ACCOUNT_POLICY_V2],
    uses: [
      {
        person: PRIYA,
        note: 'Filling in the register showed two accounts were still set up on a former volunteer’s email. Both moved to the pantry’s address the same week.',
      },
      { person: 'huw.vaughan@example.org', note: 'Our club’s register is based on this.' },
      { person: 'tobi.mensah@example.org', note: '' },
    ],
  },
  {
    kind: 'TEMPLATE',
    network: 'leeds-charity-digital',
    author: 'deepa.chowdhury@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: AMARA,
    reviewComment: 'Approved. One page really is enough.',
    daysAgo: 260,
    title: 'Digital strategy on a page',
    summary:
      'A one-page digital strategy for a small charity: where you are, three things to change this year, what you will stop, and how you will know it worked.',
    categories: ['LONG_TERM_SKILLS', 'EXPANDING_POSSIBILITY'],
    tools: [],
    body: `# Digital strategy on a page: [Charity name], [year]

**Our purpose in one sentence:** [what the charity is for]

## Where we are now
- What works: [e.g. our newsletter is read; bookings by phone are reliable]
- What does not: [e.g. our website is out of date; one person holds every password]
- What the people we support tell us: [e.g. most use a phone, not a computer; some are not online]

## Three things we will change this year
| What | Why it matters to the people we support | Who leads | By when | Roughly what it costs |
| --- | --- | --- | --- | --- |
| 1. [e.g. move bookings online, keeping the phone line] | | | | |
| 2. | | | | |
| 3. | | | | |

## What we will stop doing
[e.g. printing the quarterly newsletter; the Twitter account nobody updates]

## What we need
Skills, time, money or help from others: [e.g. a volunteer who knows Airtable; a mentor from our local tech-for-good network]

## How we will know it worked
[One or two numbers for each change, with where they come from, e.g. no-shows, hours spent, enquiries.]

## Who keeps this page up to date
[Role], reviewed with the trustees every [six months].`,
    uses: [{ person: 'rukhsana.ali@example.org', note: 'We filled it in at a team away day in an hour.' }],
  },
  {
    kind: 'TEMPLATE',
    network: 'bristol-tech-for-good',
    author: 'sunita.ali@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'andre.campbell@example.org',
    reviewComment: 'Approved. Good that it is clear about time and about support.',
    daysAgo: 190,
    title: 'Volunteer digital role description',
    summary:
      'A role description for a volunteer who helps with social media, the website or the newsletter: what they do, how much time it takes, and what they get back.',
    categories: ['HANDS_ON_SUPPORT'],
    tools: [],
    body: `# Volunteer role: digital helper at [Charity name]

## About us
[Two sentences on what the charity does and for whom.]

## What you would do
Help with one or two of these, depending on what you enjoy:
- writing and scheduling social media posts, using our social media policy;
- keeping our website's events and opening times up to date;
- putting together our monthly email newsletter;
- helping staff with everyday digital questions.

## Time
About [2 to 4] hours a week, mostly from home, at times that suit you. Please give us a month's notice if you need to stop, so you can hand over.

## What you need
Confidence with a computer or phone, and care with words. No experience of our tools needed: we will show you.

## What you will get
- A named contact: [name, role].
- Training on our tools, and a reference after three months.
- Expenses paid, under our volunteer expenses policy.

## Accounts and passwords
You will get your own login wherever we can give one. Shared passwords are in our password manager, and you will never be asked to use your personal accounts for the charity.`,
  },
  {
    kind: 'TEMPLATE',
    network: 'belfast-community-tech',
    author: 'maeve.mccann@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'gerard.boyle@example.org',
    reviewComment: 'Approved. Clear, and it points to the ICO rather than pretending to be legal advice.',
    daysAgo: 140,
    title: 'Data protection checklist for events',
    summary:
      'A checklist for running an event without collecting more personal data than you need: sign-up forms, access and dietary needs, photos, sign-in sheets and deleting it all afterwards.',
    categories: ['RISK_MITIGATION', 'QUICK_TIP'],
    tools: ['Eventbrite', 'Microsoft Forms', 'Google Forms'],
    body: `# Data protection checklist for events

This is a checklist, not legal advice. The ICO's guidance for small organisations (ico.org.uk) is the place to check.

## Before the event
- [ ] We ask only for what we need: usually a name and one way to contact people.
- [ ] The sign-up form says who we are, why we ask, who sees the answers and when we delete them.
- [ ] Access needs and dietary needs are optional, and only the organisers can see them.
- [ ] Anyone who wants our newsletter ticks a separate box; it is not ticked for them.
- [ ] The sign-up list is in one place (the booking system or one spreadsheet), not copied into emails.

## On the day
- [ ] The sign-in sheet does not show other people's details: one sheet per person, or names only, or a tablet.
- [ ] Photos: we say at the start that we are taking photos, and give people an easy way to opt out (a coloured lanyard works).
- [ ] Photos of children only with a parent's or carer's written consent.

## After the event
- [ ] Attendance counts and feedback are kept; personal details are deleted after [30 / 90] days unless people agreed to hear from us.
- [ ] Access and dietary needs are deleted straight after the event.
- [ ] Anyone who asks what we hold about them gets an answer within a month.
- [ ] If something goes wrong (a list emailed to the wrong people), tell [role] the same day.`,
    uses: [
      { person: 'aoife.brennan@example.org', note: 'Used for our summer fun day sign-ups.' },
      { person: 'holly.brown@example.org', note: '' },
    ],
  },
  {
    kind: 'TEMPLATE',
    network: 'leeds-charity-digital',
    author: 'leyla.demir@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: AMARA,
    reviewComment: 'Approved. The "what happens if we do nothing" section is the one trustees will read.',
    daysAgo: 120,
    title: 'The case for a new CRM: a paper for trustees',
    summary:
      'A short paper to ask trustees for a supporter database (CRM) such as Beacon: the problem, the options, costs in money and time, risks, and what happens if you do nothing.',
    categories: ['EXPANDING_POSSIBILITY', 'LONG_TERM_SKILLS'],
    tools: ['Beacon CRM', 'Salesforce', 'Airtable', 'Microsoft Excel'],
    body: `# Paper for trustees: a supporter database (CRM)

**From:** [name, role] **Meeting:** [date] **Decision asked for:** [approve £X and Y hours of staff time to set up a CRM]

## The problem
Our information about supporters, volunteers and donors is in [number] spreadsheets and inboxes. As a result:
- [e.g. we cannot say how many people gave more than once last year];
- [e.g. Gift Aid claims take N days];
- [e.g. we email people who asked us not to].

## What we are proposing
A CRM: one database for the people we work with. We have looked at:

| Option | Cost a year | Set-up time | Good at | Less good at |
| --- | --- | --- | --- | --- |
| Beacon CRM | [£] | [weeks] | built for charities: donations, Gift Aid | cost as we grow |
| Salesforce Nonprofit | [discounted licences] | [months] | very flexible | needs a specialist to set up |
| Airtable | [£0 to £] | [weeks] | cheap, easy to start | we would build the charity parts ourselves |

We recommend [option] because [reason].

## What it will cost
- Money: [£ in year one, £ a year after].
- Staff time: [hours] to set up and move the data, [hours a month] to keep it tidy.

## Risks and how we will handle them
- Data moved wrongly: we will clean the data first and test with a sample.
- Nobody uses it: [named person] owns it; training for every user.
- Data protection: we will update our privacy notice and record the change.

## What happens if we do nothing
[e.g. Gift Aid we do not claim, donors we lose track of, and the risk of breaking data protection law.]

## Who else has done this
[Link peer case studies from the library.]`,
  },
  {
    kind: 'TEMPLATE',
    network: 'glasgow-third-sector-digital',
    author: 'linh.tran@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'emeka.adeyemi@example.org',
    reviewComment: 'Approved. This will save our members a lot of blank-page staring.',
    daysAgo: 25,
    title: 'Email newsletter plan: a year of monthly newsletters',
    summary:
      'A planning sheet for a monthly email newsletter: a fixed shape, a year of themes, who writes what, and the few figures worth watching in Mailchimp.',
    categories: ['SHORT_TERM_SKILLS', 'QUICK_TIP'],
    tools: ['Mailchimp'],
    body: `# Email newsletter plan for [Charity name]

## The shape of every issue
1. One main story (a person, a change, a result), 150 words and a photo.
2. Dates for the month: events, drop-ins, deadlines.
3. One ask: volunteer, donate, share, come along.
4. A thank-you.

Keep it short enough to read on a phone in two minutes.

## The year
| Month | Main story theme | The ask | Writer | Send date |
| --- | --- | --- | --- | --- |
| January | What we did last year, in numbers | Volunteer with us | | |
| February | A volunteer's story | Share this newsletter | | |
| March | Behind the scenes | Come to our open day | | |
| April to December | [your own] | | | |

## Before you send
- [ ] Subject line says what the main story is.
- [ ] Sent a test to two people, one reading on a phone.
- [ ] Every link works.
- [ ] Only people who signed up are on the list.

## What to watch
Clicks and replies, more than opens (open figures are not exact). Unsubscribes after an issue tell you something too.`,
  },
  {
    kind: 'TEMPLATE',
    network: 'norwich-digital-for-good',
    author: 'abigail.horvat@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'sophie.ashworth@example.org',
    reviewComment: 'Approved, thank you.',
    daysAgo: 60,
    title: 'Grant report: the digital section',
    summary:
      'Wording and a structure for the digital part of a grant report: what you set out to do, what you did, the numbers, what you learned, and what comes next.',
    categories: ['HANDS_ON_SUPPORT', 'SHORT_TERM_SKILLS'],
    tools: [],
    body: `# Grant report: digital work

## What we set out to do
[Copy the digital outcome from the application, word for word, so the funder can match it.]

## What we did
[Three to five bullets: what changed, for whom, and when.]

## The numbers
| Measure | Before | Now | Where the figure comes from |
| --- | --- | --- | --- |
| [e.g. people booking online] | | | [e.g. booking form] |
| [e.g. staff hours on admin a month] | | | [e.g. timesheets] |

Say where a number is an estimate.

## What we learned
[One thing that went well and one that did not, honestly. Funders trust reports that include both.]

## What comes next
[How the work carries on after the grant: who owns it, and what it costs to keep going.]`,
  },
  {
    kind: 'TEMPLATE',
    network: 'bristol-tech-for-good',
    author: 'bridget.smith@example.org',
    audience: 'NETWORK',
    status: 'ARCHIVED',
    reviewer: 'simon.jackson@example.org',
    reviewComment: 'Approved.',
    daysAgo: 150,
    title: 'Volunteer rota sign-up sheet (printable)',
    summary:
      'A printable weekly volunteer rota for a noticeboard. Archived: most members now use a shared spreadsheet, as in the volunteer rota case study.',
    categories: ['QUICK_TIP'],
    tools: [],
    body: `# Volunteer rota: week beginning [date]

| Shift | Monday | Tuesday | Wednesday | Thursday | Friday | Saturday |
| --- | --- | --- | --- | --- | --- | --- |
| Morning (9 to 12) | | | | | | |
| Afternoon (12 to 3) | | | | | | |

Write your first name in a free slot. Can't make it? Cross your name out and tell [coordinator] on [phone number].`,
  },
  {
    kind: 'TEMPLATE',
    network: 'cardiff-digital-circle',
    author: 'nia.howells@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'llinos.morgan@example.org',
    reviewComment: 'Approved. Useful for anyone whose website has grown like ours did.',
    daysAgo: 75,
    title: 'Website content review checklist',
    summary:
      'A twice-yearly checklist for keeping a small charity website accurate, accessible and owned: out-of-date pages, broken links, image descriptions, and who holds the domain.',
    categories: ['QUICK_TIP', 'RISK_MITIGATION'],
    tools: ['WAVE', 'Google Analytics'],
    body: `# Website content review: [month, year]

Done by: [name]. Takes about two hours for a site of 20 pages.

## Accurate
- [ ] Opening times, addresses, phone numbers and names of staff are right.
- [ ] Events that have passed are removed or marked as past.
- [ ] Every page has been looked at by someone who knows that subject.

## Easy to use
- [ ] The ten most visited pages (from your analytics) are easy to reach from the home page.
- [ ] Pages read well on a phone.
- [ ] Headings, link text and image descriptions make sense on their own (check with the WAVE checker).
- [ ] The contact form works: send yourself a test.

## Owned
- [ ] The domain and hosting are in the charity's name, with two people who can log in.
- [ ] The domain renewal date is in the shared calendar.
- [ ] Nobody who has left still has a login.

## Next review
[Date, six months on], by [name].`,
  },
  {
    kind: 'TEMPLATE',
    network: 'glasgow-third-sector-digital',
    author: 'kirsty.horvat@example.org',
    audience: 'NETWORK',
    status: 'IN_REVIEW',
    daysAgo: 3,
    title: 'I clicked a link I shouldn’t have: a one-page guide for staff',
    summary:
      'What to do in the first ten minutes after clicking a phishing link or typing a password into the wrong page, written so a worried person can follow it. Print it and put it by every desk.',
    categories: ['RISK_MITIGATION', 'QUICK_TIP'],
    tools: ['Microsoft 365', 'Google Workspace'],
    body: `# I clicked a link I shouldn't have. What now?

**You are not in trouble.** Telling us quickly is the most useful thing you can do. Most phishing works because it is good at looking real.

## In the first ten minutes
1. **Stop.** Do not type anything more into the page. Close it.
2. **If you typed a password:** change it now, from a new browser tab you open yourself (not from any link in the email). If you use that password anywhere else, change it there too.
3. **If you opened an attachment or something downloaded:** disconnect from the internet (turn off Wi-Fi or unplug the cable). Leave the computer switched on.
4. **Tell [name, phone number] straight away**, or if they are not around, [second name, phone number]. Say what you clicked, when, and what you typed.
5. **Report the email** with the Report button in Outlook / "Report phishing" in Gmail, and forward it to report@phishing.gov.uk.

## If it involved money
- If you made a payment or shared bank details, ring our bank on [number from the back of the card, not from the email] at once, and then tell [finance lead].
- Report it to Action Fraud (Police Scotland on 101 in Scotland).

## What [name] will do
- Check the sign-in history of your account and sign you out everywhere.
- Check whether anything was forwarded, sent or changed from your account.
- Tell anyone else who received the same email.

## Next time
- Bank details never change by email. Ring the number you already have.
- Hover over a link to see where it goes before clicking.
- If it's urgent and unexpected, it's worth a phone call.

More help: https://www.ncsc.gov.uk/collection/phishing-scams`,
  },
  {
    kind: 'TEMPLATE',
    network: 'norwich-digital-for-good',
    author: 'jun.chen@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: 'abigail.horvat@example.org',
    reviewComment:
      'Approved. Short enough that people will finish it, and the "what would help you most" question is the one that matters.',
    daysAgo: 58,
    title: 'Digital skills and confidence survey for staff and volunteers',
    summary:
      'Twelve questions, ten minutes, to find out what your team can already do, what worries them and what training would help, before you choose a new tool or plan training.',
    categories: ['LONG_TERM_SKILLS', 'PERSONAL_VALIDATION'],
    tools: ['Google Forms', 'Microsoft Forms'],
    body: `# Digital skills and confidence survey

*Put this into Google Forms or Microsoft Forms. Make it anonymous unless you have a reason not to, and say so at the top. Tell people what you will do with the answers and when they will hear back.*

**Intro text:** We are planning [training / a new system] and want to start from what you already know and what would help. This takes about ten minutes. There are no wrong answers, and it is [anonymous].

## About you
1. Are you: staff / volunteer / trustee / prefer not to say
2. Which devices do you use for your role with us? (tick all) Work laptop / own laptop / own phone / work phone / shared office computer / none

## How confident are you?
*For each: Very confident / Fairly confident / Not very confident / Never tried*

3. Sending and organising email, including attachments
4. Finding, saving and sharing files in our shared drive
5. Joining and speaking in a video call (Zoom or Teams)
6. Filling in online forms and spreadsheets
7. Spotting a scam or phishing email
8. Keeping passwords safe and using two-factor authentication
9. Posting on social media for [Charity name]

## What would help
10. What part of your role with us takes longer than it should because of technology? (free text)
11. How would you most like to learn? (tick up to two) A short session in person / a video to watch when it suits me / a one-page guide / someone sitting with me / learning from a colleague
12. Is there anything about technology at work that worries you? (free text)

## After the survey
- Share a summary with everyone within [four weeks], including what you will do.
- Count "not very confident" and "never tried" by question: that is your training list.
- Run it again in [a year] to see what changed.`,
    uses: [
      {
        person: 'ewa.kaczmarek@example.org',
        note: 'Sent to 26 volunteers; 19 replied. Phishing came out top, so that is our first session.',
      },
    ],
  },
  {
    kind: 'TEMPLATE',
    network: 'belfast-community-tech',
    author: 'rohan.ahmed@example.org',
    audience: 'ALL_NETWORKS',
    status: 'PUBLISHED',
    reviewer: 'roisin.quinn@example.org',
    reviewComment:
      'Approved for all networks. Version 2 with the restore test is far better; a backup nobody has restored is a hope, not a plan.',
    daysAgo: 200,
    title: 'Backup plan on a page',
    summary:
      'Write down what you back up, where, how often, and who checks it, on one page. Based on the 3-2-1 rule, with a restore test every quarter. Fits a charity with one office or none.',
    categories: ['RISK_MITIGATION', 'LONG_TERM_SKILLS'],
    tools: ['Microsoft OneDrive', 'Google Drive', 'SharePoint'],
    earlierBodies: [
      `# Backup plan

- Everything important is in [OneDrive / Google Drive].
- Once a month, [name] copies it to an external drive kept at [place].
- The accounts are backed up by [accounting software].`,
    ],
    body: `# Backup plan for [Charity name]

Agreed on [date]. Owner: [role]. Checked every [quarter].

## The rule we follow: 3-2-1
- **3** copies of anything important,
- on **2** different kinds of storage,
- with **1** copy somewhere else (off site, or a separate online service).

## What we back up

| What | Where it lives | Copy 2 | Copy 3 (off site) | How often | Who |
| --- | --- | --- | --- | --- | --- |
| Shared files | [SharePoint / Google Drive] | Version history (kept [30/90] days) | [Backup service or encrypted external drive at [place]] | [Daily / weekly] | [name] |
| Email | [Microsoft 365 / Google Workspace] | Deleted items kept [X] days | [Backup service, if any] | [Daily] | [name] |
| Accounts | [Xero / QuickBooks / spreadsheet] | Provider's own backups | Monthly export to shared files | Monthly | [treasurer] |
| Supporter / client database | [CRM] | Provider's own backups | Monthly export, encrypted | Monthly | [name] |
| Website | [host] | Host's backups | Download of the site [quarterly] | [Quarterly] | [name] |

## Things that are not backups
- A file that syncs to a laptop: if it is deleted or encrypted by ransomware in one place, it goes everywhere.
- A USB stick in someone's bag.

## Restore test (every quarter)
1. Pick one file from each row, at random.
2. Restore it from copy 2 or 3 to a test folder.
3. Open it. Note how long it took, and anything that went wrong.
4. Record it below and tell [the committee / trustees] if a restore failed.

| Date | What we restored | From | Did it work? | Time taken | By |
| --- | --- | --- | --- | --- | --- |
| [date] | [file] | [copy] | [yes/no] | [minutes] | [name] |

## If we lose data
Tell [role] at once. Do not try to fix it by restoring over the top of the only copy. If personal data may be lost or seen by someone who should not, we have 72 hours to decide whether to report it to the ICO.

Guidance: https://www.ncsc.gov.uk/collection/small-business-guide`,
    uses: [
      {
        person: 'rachel.whitworth@example.org',
        note: 'We wish we had had this before our treasurer’s laptop died. Filled it in at the next committee meeting.',
      },
      { person: 'sinead.boyle@example.org', note: 'Our first restore test failed: the external drive was empty.' },
      { person: 'wei.tran@example.org', note: '' },
    ],
  },
  {
    kind: 'TEMPLATE',
    network: 'cardiff-digital-circle',
    author: 'hassan.pugh@example.org',
    audience: 'NETWORK',
    status: 'PUBLISHED',
    reviewer: RHYS,
    reviewComment: 'Approved. The "the learner’s hands on the device" rule is exactly right. Diolch, Hassan.',
    daysAgo: 105,
    title: 'Digital inclusion session plan: a first hour with a tablet or phone',
    summary:
      'A plan for a volunteer’s first one-to-one hour with someone new to using a tablet or phone: what to ask, what to try, what to leave for next time, and how to note progress.',
    categories: ['HANDS_ON_SUPPORT', 'SHORT_TERM_SKILLS'],
    tools: ['Android tablets', 'iPhone', 'WhatsApp', 'NHS App'],
    body: `# A first hour with a tablet or phone

*For volunteer digital helpers. One helper, one learner, about an hour. Bring a pen, this sheet, and a spare charger.*

## Before you start (5 minutes)
- Introduce yourself and how long you have.
- Ask: **"What would you like to be able to do?"** Write it down in their words. It might be "see photos of my grandson", not "use WhatsApp".
- Ask what device it is, whose it is, and whether they know the PIN or password. If not, stop there and help them find it (a family member, the shop). Never guess or reset a PIN for them.

## Rules for helpers
- **The learner's hands on the device.** You explain and point; they tap.
- One thing at a time. If they want three things, choose one today.
- Never ask for or type their passwords. If they need to, look away.
- Say "we" not "you": "shall we try the button at the bottom?"

## The hour
1. **Holding and waking it (10 minutes):** turning on, the lock screen, volume, charging, making the text bigger.
2. **Their one thing (30 to 35 minutes):** do it together three times, the third time with you not speaking.
3. **Staying safe (10 minutes):** "Nobody genuine asks for your PIN, bank details or a code by text." Show them how to block a number.
4. **Next time (5 minutes):** what they would like to do next, written on the back of this sheet for them to keep.

## Notes for the next helper
| Date | What we did | What they can now do alone | Next time | Helper |
| --- | --- | --- | --- | --- |
| [date] | [what] | [in their words] | [what] | [name] |

## Where to send people next
- Free data or a device: ask [staff name] about the National Databank and device lending.
- Free online learning: https://www.learnmyway.com/
- Worried about a scam: Action Fraud, 0300 123 2040.`,
    uses: [
      {
        person: 'rhys.howells@example.org',
        note: 'Used it for our library help sessions. The hands-on-the-device rule changed how our helpers work.',
      },
      { person: 'tyrone.henry@example.org', note: '' },
    ],
  },
  {
    kind: 'TEMPLATE',
    network: 'leeds-charity-digital',
    author: 'chloe.rahman@example.org',
    audience: 'ALL_NETWORKS',
    status: 'PUBLISHED',
    reviewer: 'deepa.chowdhury@example.org',
    reviewComment:
      'Approved. The timings are realistic, and the note about checking the constitution first is right at the top where it should be.',
    daysAgo: 330,
    title: 'Online or hybrid AGM: running order and host’s script',
    summary:
      'A running order for an AGM on Zoom or Teams, with who does what, the words for opening, voting and closing, and what to do when someone joins by phone. Check your constitution first.',
    categories: ['SHORT_TERM_SKILLS', 'RISK_MITIGATION'],
    tools: ['Zoom', 'Microsoft Teams'],
    body: `# Online or hybrid AGM: running order and script

**Before anything else:** check your governing document allows meetings online or hybrid, how much notice you must give, and what counts as a quorum. If it is silent or unclear, ask your regulator's guidance or an adviser. The Charity Commission's guidance on meetings is a good start for charities in England and Wales.

## Roles (three people at least)
- **Chair:** runs the meeting. Does nothing technical.
- **Host:** runs the platform: admits people, mutes, opens polls, shares slides.
- **Secretary:** takes minutes, counts votes (including phone and in-room votes), keeps time.

## Three weeks before
- Send the notice, papers and joining details, with a phone dial-in number and a contact for help.
- Offer a 15-minute practice call the week before.

## On the day

| Time | Item | Who | Notes |
| --- | --- | --- | --- |
| -30 min | Host opens the meeting, tests sound and polls | Host | Waiting room on; admit members by name |
| 0 | Welcome and how the meeting works | Chair | Script below |
| +5 | Apologies, quorum, minutes of last AGM | Chair, Secretary | Secretary confirms quorum aloud |
| +10 | Annual report | Chair or staff | Max 10 minutes |
| +20 | Accounts, questions, vote to receive | Treasurer | Poll + phone + room |
| +30 | Election of trustees | Chair | One poll per place if contested |
| +40 | Appointment of examiner or auditor | Treasurer | Poll |
| +45 | Any other business, close | Chair | |

## Script: opening
"Welcome to [Charity name]'s AGM. A few things before we start: please stay on mute unless you are speaking. To ask a question, use the raise hand button, or type it in the chat, and [host] will read it out. If you are on the phone, press *9 to raise your hand. Votes will be by poll: a window will appear on your screen. [Secretary] will take votes from people on the phone and in the room."

## Script: voting
"The motion is [words]. [Host] is opening the poll now. If you are on the phone, please say 'for', 'against' or 'abstain' when [secretary] calls your name." Read out the result: "For [n], against [n], abstentions [n]. The motion is carried."

## If something goes wrong
- Host loses connection: co-host takes over (make a co-host before the start).
- Chair loses connection: the vice-chair chairs until they are back.
- Quorum lost: the chair adjourns the meeting to a date named there and then.`,
    uses: [
      {
        person: 'seamus.byrne@example.org',
        note: 'Ran our first hybrid AGM from this; the phone-vote script saved the secretary.',
      },
      { person: 'manon.fletcher@example.org', note: 'Added a Welsh-language opening.' },
      { person: 'ioana.nowak@example.org', note: '' },
    ],
  },
  {
    kind: 'TEMPLATE',
    network: 'cumbria-rural-digital',
    author: 'simon.marshall@example.org',
    audience: 'NETWORK',
    status: 'DRAFT',
    daysAgo: 9,
    title: 'Wi-Fi notice for a village hall',
    summary:
      'A short notice for the hall wall: how to join the guest Wi-Fi, what it is for, and what we ask of users. Draft, to check with the trustees.',
    categories: ['QUICK_TIP', 'RISK_MITIGATION'],
    tools: [],
    body: `# Free Wi-Fi at [hall name]

**Network:** [HallGuest]  **Password:** [changed every [quarter], on the board by the door]

This Wi-Fi is for hirers and visitors. It is separate from the hall's own computer.

Please:
- do not use it for anything illegal or that you would not want the committee to see;
- remember it is a shared network, so use websites that start with https, and do not do your banking on it if you can avoid it.

Problems? Ring [name] on [number].

[To check with the trustees: do we need a line about filtering for the youth club?]`,
  },
];

/** A tip's fields, most of them the same from tip to tip. */
function tip(
  network: string,
  author: string,
  reviewer: string,
  daysAgo: number,
  fields: Pick<LibrarySeed, 'title' | 'summary' | 'categories' | 'tools'> & {
    body: string;
    audience?: 'NETWORK' | 'ALL_NETWORKS';
    /** A tip that has gone out of date is archived rather than left to mislead. */
    status?: 'PUBLISHED' | 'ARCHIVED';
    uses?: LibrarySeed['uses'];
  },
): LibrarySeed {
  return {
    kind: 'TIP',
    network,
    author,
    audience: fields.audience ?? 'NETWORK',
    status: fields.status ?? 'PUBLISHED',
    reviewer,
    reviewComment: 'Approved, thank you.',
    daysAgo,
    ...fields,
  };
}

const TIPS: readonly LibrarySeed[] = [
  tip('bristol-tech-for-good', 'jess.atkinson@example.org', 'andre.campbell@example.org', 240, {
    audience: 'ALL_NETWORKS',
    title: 'How do we turn on two-factor authentication for everything?',
    summary: 'Start with email, then banking, then social media. The NCSC’s small business guide gives the order.',
    categories: ['QUICK_TIP', 'RISK_MITIGATION'],
    tools: ['Microsoft 365', 'Google Workspace', 'Microsoft Authenticator'],
    body: `Start with the accounts that unlock the others: **email first** (anyone in your email can reset every other password), then online banking, then social media and the website.

- In Microsoft 365, turning on *security defaults* asks everyone to set up two-factor authentication (2FA) at their next sign-in.
- In Google Workspace, turn on 2-Step Verification in the admin console and set a date by which everyone must use it.
- Keep the recovery codes in your password manager.

The NCSC's guide for small organisations sets out the order: https://www.ncsc.gov.uk/collection/small-business-guide`,
    uses: [{ person: 'harriet.taylor@example.org', note: 'Did email first, as it says. Done in a week.' }],
  }),
  tip('bristol-tech-for-good', 'graham.clarke@example.org', PRIYA, 220, {
    title: 'Can a charity get Google Workspace for free?',
    summary:
      'Yes: Google for Nonprofits includes Google Workspace for Nonprofits at no cost for eligible registered charities.',
    categories: ['QUICK_TIP', 'HANDS_ON_SUPPORT'],
    tools: ['Google Workspace'],
    body: `Yes. Registered charities can apply to Google for Nonprofits, which includes Google Workspace for Nonprofits (email on your own domain, shared drives, Meet) at no cost. You verify your charity first, which can take a couple of weeks.

Apply here: https://www.google.com/nonprofits/

Set up role addresses (info@, volunteers@) rather than personal ones, so they stay when people change.`,
  }),
  tip('bristol-tech-for-good', 'harpreet.khan@example.org', 'sunita.ali@example.org', 200, {
    title: 'Where do charities get Microsoft 365 cheaply?',
    summary:
      'Microsoft’s nonprofit programme offers donated and discounted Microsoft 365 licences to eligible charities.',
    categories: ['QUICK_TIP'],
    tools: ['Microsoft 365'],
    body: `Microsoft runs a nonprofit programme with donated and discounted Microsoft 365 licences for eligible charities. What is on offer changes from time to time, so check the current offers before you plan a budget:

https://www.microsoft.com/en-gb/nonprofits

Charity Digital's guides explain the options in plain English: https://www.charitydigital.org.uk/`,
  }),
  tip('leeds-charity-digital', 'sophie.booth@example.org', 'david.ward@example.org', 185, {
    title: 'How do we get Canva for Nonprofits?',
    summary:
      'Apply with your charity registration; approval usually takes a few days, and it gives the paid features free for a team.',
    categories: ['QUICK_TIP', 'SHORT_TERM_SKILLS'],
    tools: ['Canva'],
    body: `Apply at https://www.canva.com/canva-for-nonprofits/ with your charity's registration details. Approval usually takes a few days. It gives eligible charities Canva's paid features (brand kit, background remover, scheduling) for a team, free.

Tip: set it up with a charity email address, and make a brand kit (colours, fonts, logo) before anyone starts designing.`,
    uses: [{ person: 'rukhsana.ali@example.org', note: 'Applied the same day; approved four days later.' }],
  }),
  tip('leeds-charity-digital', 'oliver.pearson@example.org', 'jo.king@example.org', 170, {
    audience: 'ALL_NETWORKS',
    title: 'Do we need consent to send our email newsletter?',
    summary:
      'Usually yes, for supporters and donors. Ask clearly, record when and how they agreed, and make unsubscribing easy.',
    categories: ['QUICK_TIP', 'RISK_MITIGATION'],
    tools: ['Mailchimp'],
    body: `For an email newsletter to individual supporters, usually yes: electronic marketing rules (PECR) mean charities need people's consent to send them promotional emails, including fundraising and campaigning. That means:

- a clear sign-up box that is not ticked for them;
- a record of when and how they signed up (Mailchimp keeps this for its own forms);
- an unsubscribe link in every email.

Service messages (your booking is confirmed) are different. The ICO explains it for small organisations: https://ico.org.uk/`,
    uses: [{ person: 'hannah.green@example.org', note: 'Helped us decide who to remove when we cleaned our list.' }],
  }),
  tip('leeds-charity-digital', 'hamza.mistry@example.org', 'tomasz.szabo@example.org', 110, {
    title: 'Which password manager for a team of five?',
    summary:
      'Bitwarden is a good start: free for two people, cheap for teams, and it lets you share only what each person needs.',
    categories: ['QUICK_TIP', 'RISK_MITIGATION'],
    tools: ['Bitwarden'],
    body: `Bitwarden is a good start for a small team: its free plan covers two people sharing passwords, and its Teams plan adds more people for a few pounds each a month. Put shared logins in collections by team, so volunteers see only what they need.

Whatever you choose, the NCSC's advice on passwords and password managers is worth ten minutes: https://www.ncsc.gov.uk/collection/small-business-guide`,
  }),
  tip('leeds-charity-digital', 'ifeoma.boateng@example.org', 'leyla.demir@example.org', 45, {
    title: 'How do we check our website is accessible, quickly?',
    summary:
      'Run a free checker, try the site with only a keyboard, and read it on an old phone. It will not catch everything, but it finds the worst.',
    categories: ['QUICK_TIP'],
    tools: ['WAVE'],
    body: `Three checks that take an hour:

1. Run a free checker such as WAVE on your five busiest pages and fix the errors it lists (missing image descriptions, low contrast, unlabelled form fields).
2. Use the site with only the Tab and Enter keys: can you reach every link and send the contact form?
3. Read it on an old phone with the text size turned up.

The W3C's introduction explains the rest: https://www.w3.org/WAI/`,
  }),
  tip('cardiff-digital-circle', 'farah.mistry@example.org', RHYS, 160, {
    title: 'How do we keep a volunteers’ WhatsApp group manageable?',
    summary: 'Two admins, an "only admins post" announcements group, and the rota somewhere else.',
    categories: ['QUICK_TIP', 'HANDS_ON_SUPPORT'],
    tools: ['WhatsApp'],
    body: `- Make a WhatsApp Community with an announcements group where only admins post, and a separate chat group for chatter.
- Have at least two admins, so the group survives when one leaves.
- Keep the volunteer rota in a shared spreadsheet and post the link, rather than running it in the chat.
- Agree a quiet time (no messages after 9pm) and pin it.

Not everyone uses WhatsApp: keep a text or phone route for volunteers who do not.`,
    uses: [{ person: 'tyrone.henry@example.org', note: 'The announcements group cut our chat by half.' }],
  }),
  tip('cardiff-digital-circle', 'geraint.morgan@example.org', 'mustafa.warsame@example.org', 130, {
    title: 'A volunteer has left with our passwords. What now?',
    summary:
      'Change what you can today, ask the platforms for help with the rest, and set up an account register so it never happens again.',
    categories: ['QUICK_TIP', 'RISK_MITIGATION'],
    tools: ['Bitwarden'],
    body: `1. Today: change every password you still can, starting with email and banking, and remove the volunteer's admin access where you have another admin.
2. Ask them politely, in writing, to hand over the rest. Most people do.
3. For social media pages with no other admin, use the platform's help centre; it can take weeks.
4. Then make an account register and give every account two admins: see the account ownership template in this library.

The NCSC's small charity guide covers the basics: https://www.ncsc.gov.uk/collection/charity`,
  }),
  tip('glasgow-third-sector-digital', 'eilidh.munro@example.org', 'niamh.quinn@example.org', 100, {
    title: 'How do we stop our Zoom meetings being gatecrashed?',
    summary:
      'Use a waiting room or passcode, do not post the link publicly, and give a co-host the job of watching the door.',
    categories: ['QUICK_TIP', 'RISK_MITIGATION'],
    tools: ['Zoom'],
    body: `- Turn on the waiting room or a passcode, and send the link only to people who booked.
- Make someone co-host, with the job of letting people in and removing anyone who should not be there.
- Set screen sharing to "host only" until you need it.
- If it happens anyway, the Security button lets the host suspend participant activities at once.

Zoom's own security settings are explained in its help centre: https://support.zoom.com/`,
  }),
  tip('glasgow-third-sector-digital', 'catriona.henderson@example.org', 'piotr.szabo@example.org', 70, {
    title: 'Where can I learn digital basics for charities for free?',
    summary:
      'Charity Digital’s guides and webinars, and the NCSC’s cyber security guides, are free and written for small charities.',
    categories: ['QUICK_TIP', 'SHORT_TERM_SKILLS'],
    tools: [],
    body: `- Charity Digital publishes free guides, webinars and tool comparisons for charities: https://www.charitydigital.org.uk/
- The NCSC's guide for small organisations is the clearest place to start on cyber security: https://www.ncsc.gov.uk/collection/small-business-guide

And ask in this network: someone here has probably done it already.`,
  }),
  tip('belfast-community-tech', 'conor.magee@example.org', 'eoin.hughes@example.org', 125, {
    title: 'How long should we keep event sign-up data?',
    summary:
      'Only as long as you need it: decide a period, say it on the sign-up form, and delete on a set day each month.',
    categories: ['QUICK_TIP', 'RISK_MITIGATION'],
    tools: ['Eventbrite', 'Microsoft Forms'],
    body: `The law does not give a number of days: it says keep personal data no longer than you need it. For most events, that means:

- delete access and dietary needs straight after the event;
- keep names and contact details for [30 to 90] days, for follow-up and funder counts, then delete them;
- keep the counts (how many came) for as long as you like.

Say your period on the sign-up form and put a monthly reminder in the calendar to delete. The ICO's guidance: https://ico.org.uk/`,
  }),
  tip('belfast-community-tech', 'siobhan.mcaleer@example.org', 'james.clarke@example.org', 80, {
    title: 'How do we make our Mailchimp newsletter readable on phones?',
    summary: 'One column, big text, short paragraphs, and always preview it on a phone before sending.',
    categories: ['QUICK_TIP', 'SHORT_TERM_SKILLS'],
    tools: ['Mailchimp'],
    body: `Most people will read your newsletter on a phone.

- Use a one-column layout and body text of at least 16 pixels.
- Keep paragraphs to two or three sentences, and buttons big enough for a thumb.
- Never put important words only in an image: some email apps hide images.
- Use Mailchimp's preview and send a test to your own phone before every send.`,
    uses: [{ person: 'aoife.brennan@example.org', note: 'Part of how we redesigned our newsletter.' }],
  }),
  tip('norwich-digital-for-good', 'sam.harris@example.org', 'abigail.horvat@example.org', 40, {
    title: 'How do we write a social media post that gets shared locally?',
    summary: 'Name the place, show a face, ask for one thing, and post when your neighbours are online.',
    categories: ['QUICK_TIP', 'SHORT_TERM_SKILLS'],
    tools: ['Facebook', 'Canva'],
    body: `- Name the place: the street, the estate, the community centre. Local groups share local posts.
- A photo of a real person (with their consent) beats a graphic.
- Ask for one thing only: come along, share, donate tins.
- Post in your area's community Facebook groups as well as your page, following their rules.
- Evenings and Sunday mornings tend to work for local groups; check your own page's figures.`,
  }),
  tip('bristol-tech-for-good', 'folake.obi@example.org', 'alice.moore@example.org', 150, {
    audience: 'ALL_NETWORKS',
    title: 'How do we apply for Google Ad Grants?',
    summary:
      'Join Google for Nonprofits first, make sure your website is secure and useful, then apply. Keep your ads’ click-through rate above 5% or the account is paused.',
    categories: ['QUICK_TIP', 'EXPANDING_POSSIBILITY'],
    tools: ['Google Ad Grants', 'Google Ads', 'Google Analytics'],
    body: `Google Ad Grants gives eligible charities up to $10,000 a month of search ads on Google.

1. Join Google for Nonprofits (you verify your charity first): https://www.google.com/nonprofits/
2. Check your website: it must be your own domain, use https, and have real content about your work.
3. Apply for Ad Grants from your Google for Nonprofits account, then build the account using Google's own training.

To keep it: at least a 5% click-through rate across the account, conversions set up (an enquiry form, a donation, a sign-up), and someone looking at it every month. Accounts that break the rules are paused, so set a calendar reminder.`,
    uses: [
      {
        person: 'oliver.wood@example.org',
        note: 'Verified and applied in a fortnight. We set up conversions first, as it says.',
      },
      { person: 'zainab.singh@example.org', note: '' },
    ],
  }),
  tip('bristol-tech-for-good', 'wei.tran@example.org', 'ruth.clarke@example.org', 90, {
    title: 'Is OneDrive or Google Drive a backup?',
    summary:
      'Not on its own: syncing copies mistakes and ransomware too. Version history helps; a separate copy you have tested helps more.',
    categories: ['QUICK_TIP', 'RISK_MITIGATION'],
    tools: ['Microsoft OneDrive', 'Google Drive', 'SharePoint'],
    body: `Not quite. OneDrive, SharePoint and Google Drive keep your files safe from a lost laptop, but they sync: a file deleted or scrambled by ransomware on one computer is deleted or scrambled everywhere.

What helps:
- **Version history and the recycle bin** let you undo most mistakes, usually for 30 to 93 days. Find out how long yours keeps them.
- **A separate copy**: a backup service, or an encrypted external drive updated monthly and kept off site.
- **A restore test** every few months: pick a file and get it back. A backup nobody has restored is a hope, not a plan.

The NCSC's guide explains backups for small organisations: https://www.ncsc.gov.uk/collection/small-business-guide`,
    uses: [{ person: 'rachel.whitworth@example.org', note: 'Found our version history only went back 30 days.' }],
  }),
  tip('bristol-tech-for-good', 'helen.clarke@example.org', 'matthew.walker@example.org', 175, {
    title: 'How do we spot a phishing email?',
    summary:
      'Urgency, a request for money or a login, and a link that goes somewhere unexpected. When in doubt, check by phone, and report it.',
    categories: ['QUICK_TIP', 'RISK_MITIGATION'],
    tools: ['Microsoft 365', 'Gmail'],
    body: `Warning signs:
- **Urgency or pressure:** "today", "your account will be closed", "the chief executive needs this now".
- **A request for money, bank detail changes, gift cards, or a login.**
- **A link that goes somewhere odd:** hover over it (or press and hold on a phone) and read the address before you tap.
- **A sender that is nearly right**, or a reply-to address that is different from the sender.

What to do:
- Check by phone, using a number you already have, not one in the email.
- Forward suspicious emails to report@phishing.gov.uk, and use the Report button in Outlook or Gmail.
- If you clicked, tell someone at once; nobody should get into trouble for that.

The NCSC's advice: https://www.ncsc.gov.uk/collection/phishing-scams`,
    uses: [
      { person: 'segun.ogunleye@example.org', note: 'Used the list of warning signs in our staff session.' },
      { person: PRIYA, note: 'Printed it for the pantry’s office wall.' },
    ],
  }),
  tip('leeds-charity-digital', 'ben.pemberton@example.org', 'tomasz.szabo@example.org', 95, {
    title: 'Why are our emails going to spam?',
    summary:
      'Usually because your domain does not prove your emails are yours. Set up SPF, DKIM and DMARC for every service that sends as you.',
    categories: ['QUICK_TIP', 'RISK_MITIGATION'],
    tools: ['Google Workspace', 'Microsoft 365', 'Mailchimp'],
    body: `The usual cause is that your domain does not prove your emails really come from you. Gmail and Outlook now expect three settings on your domain:

- **SPF**: lists the services allowed to send email as you (your email provider, Mailchimp, your booking system).
- **DKIM**: a signature each service adds; you turn it on in each one and add its key to your domain.
- **DMARC**: tells other providers what to do with email that fails, and sends you reports. Start with "p=none", then tighten.

Whoever manages your domain (often your web host) can add them in an afternoon. Also: do not send to old, unchecked lists, and include an unsubscribe link.

The NCSC's guide: https://www.ncsc.gov.uk/collection/email-security-and-anti-spoofing`,
    uses: [{ person: 'chloe.begum@example.org', note: 'Our web host added all three for free when asked.' }],
  }),
  tip('leeds-charity-digital', 'stuart.wood@example.org', 'holly.gould@example.org', 140, {
    title: 'Does our charity website need an accessibility statement?',
    summary:
      'Most small charities are not required to have one by law, but it helps: say what works, what does not yet, and how people can get information another way.',
    categories: ['QUICK_TIP', 'UNIQUE_PERSPECTIVES'],
    tools: ['WAVE', 'WordPress'],
    body: `The UK's website accessibility regulations apply to public sector bodies, and charities are mostly outside them unless they are largely publicly funded or provide services for a public body. Your funder's contract may still ask for it. Either way, a short statement is good practice and costs an hour:

- what standard you aim for (WCAG 2.2 AA is usual);
- what you know does not work yet (for example, older PDFs), and when you plan to fix it;
- how someone can get the information another way (phone, large print, email), and how to tell you about a problem.

The W3C's free generator walks you through it: https://www.w3.org/WAI/planning/statements/`,
  }),
  tip('leeds-charity-digital', 'michael.patel@example.org', 'jo.king@example.org', 900, {
    status: 'ARCHIVED',
    title: 'How do we schedule tweets for free?',
    summary: 'Use TweetDeck: it is free and lets several volunteers schedule posts to the charity’s Twitter account.',
    categories: ['QUICK_TIP', 'SHORT_TERM_SKILLS'],
    tools: ['TweetDeck', 'Twitter'],
    body: `TweetDeck is free and lets you schedule tweets from the charity's Twitter account, and add team members without sharing the password.

1. Sign in at https://tweetdeck.twitter.com with the charity's account.
2. Add volunteers through Teams in the account settings.
3. Use the calendar icon when writing a tweet to pick a time.

*Archived: TweetDeck is no longer free, and Twitter is now X. For scheduling, Meta Business Suite (Facebook and Instagram) and Canva's content planner are free options for charities.*`,
  }),
  tip('cardiff-digital-circle', 'kofi.mensah@example.org', 'llinos.morgan@example.org', 260, {
    title: 'Where can we get low-cost laptops for staff?',
    summary:
      'Refurbished business laptops from a refurbisher with a warranty, and donated or discounted software through the nonprofit programmes.',
    categories: ['QUICK_TIP', 'HANDS_ON_SUPPORT'],
    tools: ['Microsoft 365', 'Windows 11'],
    body: `- **Refurbished business laptops** (ThinkPad, Latitude, EliteBook, two to four years old) often cost a third of new. Choose a refurbisher that gives at least a 12-month warranty, a new battery, and a data-wiping certificate for your old machines.
- Check the model can run **Windows 11** before buying, or it will stop getting updates.
- Buy the same model for everyone if you can.
- **Software**: Microsoft's nonprofit programme has donated and discounted licences: https://www.microsoft.com/en-gb/nonprofits
- Charity Digital's exchange lists discounted hardware and software for charities: https://www.charitydigital.org.uk/`,
    uses: [{ person: 'osian.pritchard@example.org', note: 'Started here before we bought our twelve.' }],
  }),
  tip('cardiff-digital-circle', 'ffion.bowen@example.org', 'mustafa.warsame@example.org', 320, {
    audience: 'ALL_NETWORKS',
    title: 'Do we need Cyber Essentials?',
    summary:
      'Only if a contract or funder asks, but its five controls are a good checklist for any charity. The self-assessment level costs a few hundred pounds a year.',
    categories: ['QUICK_TIP', 'RISK_MITIGATION'],
    tools: ['Cyber Essentials'],
    body: `You need the certificate if a contract asks for it (many public contracts that handle personal data do). Otherwise, it is worth using as a checklist even if you never certify. The five controls:

1. A firewall on your internet connection and devices.
2. Secure settings: no default passwords, no software you do not use.
3. Control of who has admin rights.
4. Protection from malware.
5. Software kept up to date, and unsupported devices replaced.

The basic certificate is a self-assessment checked by a certification body; the cost depends on your size (a few hundred pounds for small organisations). Start a few months before you need it. https://www.ncsc.gov.uk/cyberessentials/overview`,
    uses: [
      { person: 'seamus.byrne@example.org', note: 'The five-point list was our starting plan.' },
      { person: 'craig.mckenzie@example.org', note: '' },
    ],
  }),
  tip('cardiff-digital-circle', 'manon.fletcher@example.org', 'hassan.yilmaz@example.org', 180, {
    title: 'How do we add captions to our videos?',
    summary:
      'Use the automatic captions in YouTube, Canva or your phone’s editor, then correct them yourself. Check names, places and Welsh words especially.',
    categories: ['QUICK_TIP', 'UNIQUE_PERSPECTIVES'],
    tools: ['YouTube', 'Canva', 'CapCut', 'Instagram'],
    body: `Most people watch social media videos with the sound off, and captions are essential for Deaf and hard-of-hearing viewers.

- **YouTube** makes automatic captions after upload; open YouTube Studio, then Subtitles, and correct them.
- **Canva**, **CapCut** and Instagram's editor can add captions that appear on the video itself.
- Always read them through: automatic captions get names, places and Welsh words wrong, sometimes embarrassingly.
- Keep captions to two short lines, high contrast, away from the bottom edge where apps put their buttons.

The W3C explains captions and other accessible media: https://www.w3.org/WAI/media/av/`,
    uses: [{ person: 'llinos.pugh@example.org', note: 'Now in our bilingual posting checklist.' }],
  }),
  tip('glasgow-third-sector-digital', 'ayesha.ali@example.org', 'anjali.kaur@example.org', 80, {
    title: 'How do we get free mobile data for people who cannot afford it?',
    summary:
      'The National Databank gives free SIMs with data through local hubs. Your charity can become a hub, or refer people to one nearby.',
    categories: ['QUICK_TIP', 'HANDS_ON_SUPPORT'],
    tools: ['National Databank'],
    body: `The National Databank, run by Good Things Foundation with mobile networks, gives free SIM cards with mobile data, texts and calls to people on low incomes, through local community organisations ("hubs").

- Find a hub near you, or apply for your organisation to become one, at https://www.goodthingsfoundation.org/
- Hubs give out SIMs directly; the person does not need a credit check or a bank account.
- A SIM is only half of it: pair it with a device (your own lending scheme, or a device bank) and help to use it.`,
    uses: [
      {
        person: 'fiona.henderson@example.org',
        note: 'Our library partner was already a hub; we refer people from the phone mornings.',
      },
    ],
  }),
  tip('glasgow-third-sector-digital', 'craig.kerr@example.org', 'emeka.adeyemi@example.org', 150, {
    title: 'What is the simplest safe way to share files with volunteers?',
    summary:
      'A shared drive owned by the charity, with volunteers invited by email to just the folder they need. Not email attachments, not personal accounts.',
    categories: ['QUICK_TIP', 'RISK_MITIGATION'],
    tools: ['Google Drive', 'SharePoint', 'Google Workspace'],
    body: `- Keep files in a shared drive owned by the charity (a Google shared drive, or a SharePoint site), not in someone's personal "My Drive".
- Make a folder for volunteers, and invite each by email to that folder only. Avoid "anyone with the link" for anything with names in it.
- Give "view" access by default, and "edit" only where someone needs it.
- When a volunteer leaves, remove them; put it on the leaver's checklist.

Google Workspace for Nonprofits and Microsoft's nonprofit offers both include shared drives at no cost for eligible charities: https://www.google.com/nonprofits/ and https://www.microsoft.com/en-gb/nonprofits`,
  }),
  tip('glasgow-third-sector-digital', 'gregor.doherty@example.org', 'piotr.szabo@example.org', 240, {
    title: 'How do we write alt text for our images?',
    summary:
      'Say what the image is for, not just what is in it, in a sentence. Leave decorative images blank, and never put important words only in a picture.',
    categories: ['QUICK_TIP', 'UNIQUE_PERSPECTIVES'],
    tools: ['WordPress', 'Facebook', 'Instagram'],
    body: `Alt text is read aloud by screen readers in place of an image.

- **Say what it is for**, in one sentence: "Volunteers planting fruit trees at our Possilpark garden" rather than "image1.jpg" or "people outside".
- Do not start with "image of"; screen readers already say it is an image.
- **Decorative images** (a border, a background) get empty alt text, so they are skipped.
- **Posters with words**: put the words (date, time, place) in the post or the page itself, not only in the picture.
- Facebook, Instagram and WordPress all let you write your own alt text; look for "alt text" or "accessibility" in the settings when you add the image.

The W3C's images tutorial has examples: https://www.w3.org/WAI/tutorials/images/`,
    uses: [{ person: 'mhairi.grant@example.org', note: 'Added an alt text line to every Canva template brief.' }],
  }),
  tip('belfast-community-tech', 'bridget.edwards@example.org', 'gerard.boyle@example.org', 210, {
    audience: 'ALL_NETWORKS',
    title: 'Can we use WhatsApp to message the people we support?',
    summary:
      'You can, with care: use a work phone, get agreement, keep sensitive details out of it, and decide how long chats are kept. Record decisions in your case notes, not the chat.',
    categories: ['QUICK_TIP', 'RISK_MITIGATION'],
    tools: ['WhatsApp', 'WhatsApp Business'],
    body: `Data protection law does not ban WhatsApp, but you are responsible for the personal data in it. If you use it:

- Use **work phones** or WhatsApp Business on a work number, never staff's personal numbers.
- **Ask people** whether they are happy to be contacted this way, and record it.
- Keep **sensitive details** (health, immigration status, safeguarding concerns) out of chats; ring instead.
- Put anything that matters in your **case notes**; the chat is not the record.
- Decide how long chats are kept, turn on disappearing messages if it fits, and wipe phones when staff leave.
- Never add service users to group chats where they can see each other's numbers.

The ICO has guidance for small organisations: https://ico.org.uk/`,
    uses: [
      {
        person: 'sanjay.ali@example.org',
        note: 'This is why we stopped using WhatsApp for casework after our subject access request.',
      },
    ],
  }),
  tip('belfast-community-tech', 'orla.kelly@example.org', 'james.clarke@example.org', 66, {
    title: 'How do we make our social media posts accessible?',
    summary:
      'Alt text on images, captions on videos, capitals in hashtags, emoji at the end, and plain words. Five habits, a minute a post.',
    categories: ['QUICK_TIP', 'UNIQUE_PERSPECTIVES'],
    tools: ['Facebook', 'Instagram', 'Canva'],
    body: `Five habits that take a minute a post:

1. **Alt text** on every image (Facebook and Instagram both let you write it).
2. **Captions** on every video, checked by a person.
3. **Capitals in hashtags**: #CommunityLunchClub, not #communitylunchclub, so screen readers read the words.
4. **Emoji at the end**, and not too many: each one is read aloud ("smiling face with heart eyes").
5. **Plain words and short sentences**, with the date, time and place in the text, not only on the poster image.

Charity Digital has more on accessible social media: https://www.charitydigital.org.uk/`,
    uses: [{ person: 'aoife.brennan@example.org', note: '' }],
  }),
  tip('norwich-digital-for-good', 'oliver.wood@example.org', 'sophie.ashworth@example.org', 200, {
    title: 'How do we get our charity on Google Maps?',
    summary:
      'Claim or create a free Google Business Profile, verify it, and keep the opening hours right. It is often the first thing people see.',
    categories: ['QUICK_TIP', 'EXPANDING_POSSIBILITY'],
    tools: ['Google Business Profile', 'Google Maps'],
    body: `Search for your charity on Google Maps. If a listing exists, claim it; if not, create one. Both are free: https://www.google.com/business/

- Verify it (by post, phone or video, depending on what Google offers you).
- Set the opening hours, including holiday closures, and a phone number someone answers.
- Add photos of the entrance and the inside, so people know where to go.
- If you do not have a public address (a helpline, or a service that must stay private), choose "service area" and hide the address.
- Set a reminder to check it every quarter: anyone can suggest changes, and some go through without you.`,
    uses: [
      {
        person: 'kate.atkinson@example.org',
        note: 'The "check it every quarter" line: someone had changed our hours to Sundays.',
      },
    ],
  }),
  tip('norwich-digital-for-good', 'ewa.kaczmarek@example.org', 'efua.owusu@example.org', 35, {
    title: 'How do we take card donations at a stall or event?',
    summary:
      'A card reader such as SumUp or Zettle costs a few tens of pounds and a small fee per payment. Set suggested amounts and a Gift Aid form alongside.',
    categories: ['QUICK_TIP', 'EXPANDING_POSSIBILITY'],
    tools: ['SumUp', 'Zettle'],
    body: `- A card reader (SumUp, Zettle and others) costs a few tens of pounds, then a percentage of each payment; no monthly fee on their basic plans. Check for charity rates.
- It connects to a phone by Bluetooth and takes contactless, chip and pin, and phone payments.
- Set up two or three **suggested amounts** as buttons, so people tap rather than type.
- Card gifts can qualify for Gift Aid if you take a declaration: have a short form or QR code beside the reader.
- Charge it the night before, and check the signal at the venue.

HMRC's guidance on claiming Gift Aid: https://www.gov.uk/claim-gift-aid`,
  }),
];

/** Every item of the demo library, in no particular order. */
export const DEMO_LIBRARY: readonly LibrarySeed[] = [...CASE_STUDIES, ...TEMPLATES, ...TIPS];
