/**
 * A finding's sentence as a message id (`code`) and its arguments (`args`, plain JSON values), so that
 * JSON users and the pane can render or restyle it: `message === render(code, args)` for every finding.
 * The ids are the names of the sentences in the messages modules of the checks and of proofreading.
 */
import { messages } from './messages';
import { proofreadMessages } from './proofread/messages';

type Sentence = (...args: never[]) => string;
type SentencesOf<T> = { [K in keyof T as T[K] extends Sentence ? K : never]: T[K] };

type CheckSentences = SentencesOf<typeof messages>;
type ProofSentences = SentencesOf<typeof proofreadMessages>;
export type CheckMessageCode = keyof CheckSentences & string;
export type ProofMessageCode = keyof ProofSentences & string;
export type MessageCode = CheckMessageCode | ProofMessageCode;

/** A sentence: its id, its arguments and its text. */
export interface CodedMessage<C extends string = string> {
  code: C;
  args: readonly unknown[];
  text: string;
}

const SENTENCES: Readonly<Record<string, Sentence | undefined>> = Object.fromEntries(
  [...Object.entries(messages), ...Object.entries(proofreadMessages)].filter(([, value]) => typeof value === 'function'),
) as Record<string, Sentence>;

/** The sentence a message id and its arguments stand for; undefined for an id no messages module has. */
export function render(code: string, args: readonly unknown[]): string | undefined {
  const sentence = Object.prototype.hasOwnProperty.call(SENTENCES, code) ? SENTENCES[code] : undefined;
  return sentence?.(...(args as never[]));
}

/** Optional arguments left out are absent, not undefined, so that the arguments survive JSON as they are. */
function coded<C extends string>(code: C, sentence: Sentence, given: readonly unknown[]): CodedMessage<C> {
  let end = given.length;
  while (end > 0 && given[end - 1] === undefined) end--;
  const args = given.slice(0, end);
  return { code, args, text: sentence(...(args as never[])) };
}

/** One of the checks' sentences, with its id and arguments. */
export function say<C extends CheckMessageCode>(code: C, ...args: Parameters<CheckSentences[C]>): CodedMessage<C> {
  return coded(code, messages[code] as Sentence, args);
}

/** One of proofreading's sentences, with its id and arguments. */
export function sayProof<C extends ProofMessageCode>(code: C, ...args: Parameters<ProofSentences[C]>): CodedMessage<C> {
  return coded(code, proofreadMessages[code] as Sentence, args);
}
