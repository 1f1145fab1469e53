/**
 * The event criterion on English headlines, with headlines and first
 * sentences of ECB+ articles (Cybulska & Vossen, LREC 2014, CC BY 3.0; file
 * names given). Its frame reader (subject, kind of act, object) is built on
 * Arabic headlines: on English ones only recurring reports, people and
 * numbers decide.
 */
import { describe, expect, it } from 'vitest';
import { differentEvents, type EventArticle } from './events';
import { eventKeys, storyFeatures } from './features';

function article(title: string, lead: string, day = 16_036): EventArticle {
  return { event: eventKeys(title, lead), terms: storyFeatures(title, lead).terms, day };
}

describe('differentEvents on English headlines', () => {
  it('keeps one hit-and-run death one event though one headline "leaves" and the other "killed"', () => {
    // 21_12ecb.xml and 21_2ecb.xml: "leaves" read as a departure and "killed" as an incident split them.
    const struck = article(
      'Woman struck, killed in Bloomington',
      "Authorities have released the name of a 66-year-old woman who was walking outside the Sam's Club in Bloomington when she was struck and killed by a motorist.",
    );
    const hitAndRun = article(
      "Hit and run outside Bloomington Sam's Club leaves woman dead",
      'A woman died Wednesday night after being struck by a hit-and-run driver outside a store in Bloomington, according to a report from WCCO-TV Channel 4.',
    );
    expect(differentEvents(struck, hitAndRun)).toBeNull();
  });

  it('reads no quoted speaker in an English headline that opens with a quotation', () => {
    // 19_4ecbplus.xml and 19_5ecbplus.xml: the words before the colon were two speakers, so two events.
    const witness = article(
      "Brooklyn riot over teen's death: 16 - year - old shot by cops did not have a gun, says witness",
      "Tishana King says she saw the whole incident from a bird's eye view in her Brooklyn apartment.",
    );
    const vigil = article(
      "'There ’ s a lot of anger here': Riot breaks out in Brooklyn following candlelight vigil for 16 - year - old shot by cops",
      "Memorial for Kimani 'Kiki' Gray, who was fatally wounded by police Saturday after allegedly pointing a gun in their direction, turned ugly as nearly 100 angry mourners clashed with cops.",
    );
    expect(differentEvents(witness, vigil)).toBeNull();
  });

  it("still tells two games apart by their scores (ECB+'s twin events)", () => {
    // 29_1ecbplus.xml and 29_10ecb.xml: the Colts' playoff berths of two seasons.
    const chiefs = article(
      'Colts beat Chiefs 20 - 13 to clinch playoff berth',
      'The expectations placed upon Andrew Luck almost seemed unfair.',
    );
    const jaguars = article(
      'Colts Clinch Playoff Berth With 31-24 Victory Against Jaguars',
      'Keiwan Ratliff scored on a 35-yard interception return last night to give the Indianapolis Colts a 31-24 win over the Jacksonville Jaguars.',
    );
    expect(differentEvents(chiefs, jaguars)).toBe('entities');
  });

  it("reads a lead sentence's numbers as told by the way, not as the event's", () => {
    // 11_11ecb.xml and 11_4ecb.xml: ECB's files open with a lead sentence; "8: 00", "0300" and "fourth" against
    // "first" made Turkmenistan's one election two.
    const ballots = article(
      "Voters in Turkmenistan began to cast their ballots at 8: 00 am local time (0300 GMT) on Sunday in the country's fourth parliamentary election, said reports from Ashgabat, Turkmenistan's capital.",
      'Over 2.5 million Turkmens are eligible to vote at more than 2,000 booths in the country, while there are 27 overseas booths.',
    );
    const voted = article(
      'The people of Turkmenistan have voted in the first parliamentary election held after the adoption of a new constitution earlier this year.',
      'The Central Election Commission said that turnout was almost 90%.',
    );
    expect(differentEvents(ballots, voted)).toBeNull();
  });

  it("still reads an English forecast as a recurring report: each day's is another", () => {
    const today = article('Weather forecast: rain in London', 'Rain is expected across the capital.', 16_036);
    const tomorrow = article('Weather forecast: rain in London', 'Rain is expected across the capital.', 16_037);
    expect(differentEvents(today, tomorrow)).toBe('recurring');
    expect(differentEvents(today, { ...tomorrow, day: 16_036 })).toBeNull();
  });
});
