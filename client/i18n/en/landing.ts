import type german from '../de/landing.ts';

/** English: The landing page. Typed against the German keys: a missing key fails the type check. */
export default {
  'landing.title': 'Voting by tablet – as simple as a show of hands',
  'landing.lead': 'Digital voting for councils and committees: members vote on tablets, the chair runs the meeting, the room display shows the result.',
  'landing.todo': 'This page is only the entrance. Please open the personal link or scan the QR code you received from the clerk.',
  'landing.rolesHeading': 'What to do',
  'landing.member.title': 'As a member',
  'landing.member.text': 'Scan the QR code on your card with the tablet. You see the current agenda item; during a vote you tap Yes, No or Abstain.',
  'landing.chair.title': 'As the chair',
  'landing.chair.text': 'Open your chair link on a laptop or tablet. The agenda is on the left, the current item on the right, with the next step as a large button.',
  'landing.display.title': 'For the room display',
  'landing.display.text': 'Open the display link on the projector’s computer. Language and colours can be set in the link, for example with ?\u2060lang=en or ?\u2060theme=dark.',
  'landing.trustHeading': 'What you can rely on',
  'landing.fact.saved': 'A vote counts as cast only once the server has stored it durably – the tablet then says “saved”.',
  'landing.fact.tally': 'During a vote the room sees only how many have voted, never an interim tally.',
  'landing.fact.minutes': 'The result is ready for the minutes in the wording of the council information system.',
  'landing.footer': 'Handzeichen – the clerk answers questions about the meeting.',
} satisfies Record<keyof typeof german, string>;
