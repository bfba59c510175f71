import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/summarize/text.ts';

describe('splitSentences', () => {
  it('splits at sentence ends but not after abbreviations or initials', () => {
    expect(splitSentences('Talks resumed on Monday. Mr. Rubio met J. Smith in Geneva. They agreed.')).toEqual(
      ['Talks resumed on Monday.', 'Mr. Rubio met J. Smith in Geneva.', 'They agreed.'],
    );
  });

  it('keeps a quoted passage of several sentences in the sentence that quotes it', () => {
    const text =
      'The minister said that “Both delegations were tired. Nobody wanted to leave.” The talks went on. She added: "We stay. We talk." Then the session closed.';
    expect(splitSentences(text)).toEqual([
      'The minister said that “Both delegations were tired. Nobody wanted to leave.”',
      'The talks went on.',
      'She added: "We stay. We talk."',
      'Then the session closed.',
    ]);
  });

  it('does not let a quotation mark that never closes swallow the rest of the paragraph', () => {
    expect(splitSentences('A stray “ mark stands here. The next sentence follows. And one more.')).toEqual([
      'A stray “ mark stands here.',
      'The next sentence follows.',
      'And one more.',
    ]);
  });
});
