import { describe, expect, it } from 'vitest';
import { detokenize, ecbDocument, isUrlOrDateline } from '../../bench/ecbPlus';

/** The opening tokens of ECB+ 1_10ecbplus.xml (Cybulska & Vossen 2014, CC BY 3.0), as the file has them. */
function tokens(sentence: number, words: string): string {
  return words
    .split(' ')
    .map((w, i) => `<token t_id="${i}" sentence="${sentence}" number="${i}">${w}</token>`)
    .join('\n');
}

const lohan = [
  '<Document doc_name="1_10ecbplus.xml" doc_id="DOC1">',
  tokens(
    0,
    'http : / / articles . latimes . com / 2013 / may / 03 / local / la - me - 0504 - lohan - rehab - 20130504',
  ),
  tokens(1, 'Lindsay Lohan checks into Betty Ford Center'),
  tokens(2, 'May 03 , 2013'),
  tokens(3, 'Lohan was previously at Betty Ford from September 2010 to January 2011 after a probation violation .'),
  tokens(4, '`` We appreciate your respect , &apos;&apos; her rep told People &amp; Us .'),
  '<Markables><ACTION_OCCURRENCE m_id="31"><token_anchor t_id="3"/></ACTION_OCCURRENCE></Markables>',
  '</Document>',
].join('\n');

describe('ECB+ reader', () => {
  it('reads the gold event from the file name: the ECB subtopic and its ECB+ twin are two events of one topic', () => {
    expect(ecbDocument('1_10ecbplus.xml', lohan)).toMatchObject({ topic: 1, subtopic: '1+' });
    expect(ecbDocument('1_10ecb.xml', lohan)).toMatchObject({ topic: 1, subtopic: '1' });
    expect(ecbDocument('notes.txt', lohan)).toBeNull();
  });

  it('drops the source URL and the dateline, so the two subtopics are told apart by what they report', () => {
    const doc = ecbDocument('1_10ecbplus.xml', lohan)!;
    expect(doc.title).toBe('Lindsay Lohan checks into Betty Ford Center');
    expect(doc.body).not.toMatch(/latimes|May 03/u);
    expect(doc.body.split('\n')).toEqual([
      'Lohan was previously at Betty Ford from September 2010 to January 2011 after a probation violation.',
      '"We appreciate your respect," her rep told People & Us.',
    ]);
  });

  it('tells datelines from sentences that hold a date', () => {
    expect(isUrlOrDateline('November 28th, 2005, 09: 11 GMT')).toBe(true);
    expect(isUrlOrDateline('May 03, 2013')).toBe(true);
    expect(isUrlOrDateline('5. 9 Earthquake Jolts Iran')).toBe(false);
    expect(isUrlOrDateline('Voting for MPs began in Turkmenistan on Dec. 14.')).toBe(false);
  });

  it('joins tokens back into text', () => {
    expect(detokenize(['Reid', "'s", 'rep', '(', 'Jack', ')', 'said', 'it', 'was', "n't", 'so', ',', 'ok', '?'])).toBe(
      "Reid's rep (Jack) said it wasn't so, ok?",
    );
  });
});
