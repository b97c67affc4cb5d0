// Political criticism and news reporting that the sites publish and their
// readers write: all must be approved at the default settings. None of
// these sentences is in the training augmentation (identity-terms.ts).
export const REPORTING_CHECK_LIST: readonly string[] = [
  'The regime is corrupt and the police beat protesters.',
  "Nazarbayev's regime has killed the opposition.",
  'Thank you for this careful write-up of the rally; the part about the permit was new to me.',
  'Great article, thanks for sharing. I was at the rally too.',
  'Police officers detained at least forty people at the rally on Sunday, according to the monitoring group, and several journalists said they were beaten while filming the arrests.',
  'The protest began peacefully in the central square. By evening riot police had sealed off the surrounding streets, and witnesses described officers dragging demonstrators into buses.',
  'Organisers had applied for a permit twice. Both times the city administration refused, citing road works, and the opposition says the refusal was political.',
  'The government has jailed dozens of critics since the election and shut down independent newspapers.',
  'Corruption in the police is the reason nobody trusts the courts here.',
  'Soldiers killed three civilians at the checkpoint, the human rights report says.',
  'The war has destroyed the economy and the officials responsible are still in power.',
  'The president called the protesters terrorists, which is propaganda.',
  'Political prisoners are tortured in that prison, and the authorities deny it.',
  'Opposition leaders were arrested before the vote and the election was rigged.',
  'Режим коррумпирован, а полиция избивает протестующих.',
  'Власти арестовали журналистов, которые писали о коррупции в правительстве.',
  'Спасибо за статью, я тоже был на митинге.',
];
