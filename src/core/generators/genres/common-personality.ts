/** Personality fragments that fit any genre; each genre adds its own on top. */

export const COMMON_TRAITS = [
  'speaks in a whisper, as if always sharing a secret', 'laughs too loudly at their own jokes', 'never makes eye contact', 'is unfailingly polite, even to enemies',
  'counts things when nervous', 'asks far too many questions', 'is convinced they are being followed', 'treats every stranger like an old friend', 'keeps a meticulous diary',
  'finishes other people\'s sentences', 'cannot sit still', 'answers questions with questions', 'remembers every name and face', 'is blunt to the point of rudeness',
  'gives everyone a nickname', 'hums when thinking', 'is suspicious of kindness', 'tells long stories that go nowhere', 'is fiercely punctual', 'collects odd trinkets',
];
export const COMMON_IDEALS = ['Tradition', 'Charity', 'Power', 'Freedom', 'Greed', 'Honour', 'Knowledge', 'Family', 'Redemption', 'Independence', 'Fairness', 'Faith', 'Loyalty', 'Survival', 'Truth', 'Ambition'];
export const COMMON_BONDS = [
  'owes a life debt to a stranger', 'protects a younger sibling', 'keeps a promise made to the dying', 'searches for a lost love', 'hides a child who is not theirs',
  'would do anything for an old mentor', 'is loyal to a crew that scattered years ago', 'sends money home every month', 'keeps a letter they have never opened',
];
export const COMMON_FLAWS = [
  'cannot keep a secret', 'gambles away everything', 'lies when the truth would do', 'holds grudges forever', 'is a coward in a real fight', 'drinks too much',
  'trusts the wrong people', 'cannot resist a dare', 'takes credit for others\' work', 'panics when plans change', 'is too proud to ask for help', 'envies anyone with more',
];
export const VOICES = [
  'a low, gravelly voice', 'a bright, quick voice that tumbles over itself', 'a soft lilt from somewhere far away', 'a flat monotone', 'a booming voice made for crowds',
  'a nasal drawl', 'a clipped, precise voice', 'a warm, rumbling laugh behind every word', 'a hoarse whisper', 'a sing-song cadence', 'a stammer that vanishes when angry',
  'a syrupy, persuasive purr', 'a dry, sardonic tone', 'a breathy, hurried voice', 'a careful, formal diction',
];
export const MANNERISMS = [
  'taps a finger on the table while listening', 'rubs the back of the neck', 'smiles without showing teeth', 'cracks knuckles before answering', 'tilts the head like a bird',
  'never turns their back to a door', 'fiddles with a ring', 'chews on something at all times', 'repeats the last word you said', 'looks at the ceiling to think',
  'pats their pockets as if missing something', 'speaks with their hands', 'sighs before every sentence', 'stands far too close', 'keeps glancing at the exits',
  'winks at the wrong moments', 'straightens objects nearby', 'laughs at nothing in particular',
];
export const BUILDS = ['tall and wiry', 'short and broad', 'heavyset', 'lean and weathered', 'slight and quick', 'stooped', 'muscular', 'gaunt', 'stocky', 'lanky', 'soft-spoken and round', 'athletic'];
