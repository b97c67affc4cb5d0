import { seededRandom } from '../../packages/training/src/sgd-trainer';

/** A comment of a local site and how its moderators labelled it (approve: neither; spam; reject: toxic). */
export interface LocalLabel {
  body: string;
  spam: boolean | null;
  toxic: boolean | null;
  kind: 'town' | 'trade-spam' | 'ordinary' | 'abuse';
}

/**
 * Dildo is a real town on Trinity Bay, Newfoundland (with South Dildo and
 * Dildo Arm beside it); the shipped toxicity model holds comments naming it.
 */
export const TOWN = 'Dildo';

const TOWN_SUBJECTS = [
  'the Dildo Days festival', 'the new wharf in South Dildo', 'the Dildo fire hall', 'the Dildo Arm boat launch', 'the whale watching off Dildo',
  'the Dildo interpretation centre', 'the road between Dildo and Blaketown', 'the Dildo lions club', 'the school bus route through Dildo', 'the trail around Dildo Pond',
];
const TOWN_REMARKS = [
  'was a lovely afternoon, thanks to all the volunteers', 'is long overdue and the council deserves credit', 'brought out half the bay on Saturday',
  'needs more parking before the summer crowds arrive', 'made my grandmother very happy', 'is the best thing to happen around here in years',
  'should get a bit more funding from the province', 'was packed again this weekend', 'deserves a proper story of its own', 'is why we moved back home',
];
const TRADES = ['Snow clearing', 'Roof shingling', 'Chimney cleaning', 'Basement waterproofing', 'Oil tank removal', 'Deck building', 'Furnace repair', 'Window replacement'];
const TRADE_PITCHES = [
  'free quote, call {name} at {phone}', 'best rates on the Avalon, text {phone} today', 'seniors discount, ring {name} at {phone}',
  'fully insured, call {phone} and ask for {name}', 'same week service, {name} {phone}',
];
const NAMES = ['Wayne', 'Darryl', 'Bernie', 'Gord', 'Cyril', 'Terry'];
const ORDINARY = [
  'Thanks for covering the council meeting, the budget numbers were easier to follow here than anywhere else.',
  'The ferry schedule change is going to make it hard for people who work in town, I hope they reconsider.',
  'Good to see the hospital finally getting the new equipment, my father waited months for a scan.',
  'I would like to know how much the paving contract came in over budget, can you follow up on that?',
  'The photos of the icebergs this spring were beautiful, thank you for sharing them.',
  'Our kids loved the library reading program, hope it runs again next summer.',
  'The fishery quota story explains the problem well, but what do the plant workers say?',
  'Water main breaks every winter on that street, the town should plan a proper replacement.',
];
const ABUSE = [
  'you are a worthless idiot, shut up you stupid moron',
  'what a pathetic clown, nobody cares about your garbage opinion you loser',
  'shut your mouth you ignorant fool, go crawl back under your rock',
  'you absolute moron, this is the dumbest thing anyone ever wrote here, idiot',
  'get lost you brainless troll, your comments are trash like you',
];

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;
const digits = (count: number, random: () => number): string => Array.from({ length: count }, () => Math.floor(random() * 10)).join('');

/**
 * `count` labelled comments of a Trinity Bay news site, shuffled, from a
 * seed: 35 % about the town (approved; the shipped model holds them),
 * 20 % local trade spam with a phone number (marked spam; the shipped model
 * approves them), 30 % ordinary approved comments, 15 % abuse (rejected).
 */
export function localSiteLabels(count: number, seed = 7): LocalLabel[] {
  const random = seededRandom(seed);
  const labels: LocalLabel[] = [];
  for (let i = 0; i < count; i += 1) {
    const roll = random();
    if (roll < 0.35) {
      const subject = pick(TOWN_SUBJECTS, random);
      labels.push({ kind: 'town', spam: false, toxic: false, body: `${subject[0]!.toUpperCase()}${subject.slice(1)} ${pick(TOWN_REMARKS, random)}.` });
    } else if (roll < 0.55) {
      const pitch = pick(TRADE_PITCHES, random).replace('{name}', pick(NAMES, random)).replace('{phone}', `709-${digits(3, random)}-${digits(4, random)}`);
      labels.push({ kind: 'trade-spam', spam: true, toxic: null, body: `${pick(TRADES, random)} in ${pick(['Carbonear', 'Whitbourne', 'Placentia', 'the bay'], random)}, ${pitch}` });
    } else if (roll < 0.85) {
      labels.push({ kind: 'ordinary', spam: false, toxic: false, body: pick(ORDINARY, random) });
    } else {
      labels.push({ kind: 'abuse', spam: null, toxic: true, body: pick(ABUSE, random) });
    }
  }
  return labels;
}
