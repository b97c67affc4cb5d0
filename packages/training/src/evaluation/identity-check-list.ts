import { IDENTITY_TERMS } from '../identity-terms';

// Sentences a toxicity model must leave alone: identity mentioned in a
// neutral or positive way. Templates differ from the training augmentation.
const TEMPLATES: readonly string[] = [
  'I am a {} man',
  'I am a {} woman',
  'my {} neighbour helped me move house',
  '{} women in tech',
  'I am proud to be {}',
  'being {} is part of who I am',
  'we welcomed two {} kids to the team',
  'my best friend is {}',
];

/** The generated check list: every identity term in every template. */
export function identityCheckList(): string[] {
  return IDENTITY_TERMS.flatMap((term) => TEMPLATES.map((t) => t.replace('{}', term)));
}
