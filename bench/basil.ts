/**
 * BASIL (Fan et al., EMNLP 2019, "In Plain Sight: Media Bias Through the Lens of Factual Reporting"; github
 * launchnlp/BASIL): 300 English articles, 100 events each told by Fox News, the New York Times and the Huffington
 * Post, 2010-2019. Gold stories are the triplets (one event each). Kept aside from tuning: an independent check of
 * settings chosen on ECB+'s dev half. Read from a folder holding the repository's `articles/<year>/<id>_<n>.json`
 * (e.g. `git -C <mirror> archive HEAD articles | tar -x -C <folder>`), never from the repository.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dayNumber } from '../main/core/compare/clusterer';

export interface BasilArticle {
  /** The triplet's id: the gold event. */
  event: string;
  title: string;
  body: string;
  /** Days since 1970-01-01 of the article's date. */
  day: number;
}

interface BasilFile {
  title: string;
  date: string;
  'triplet-uuid': string;
  'body-paragraphs': string[][];
}

/** Every article under `folder`/articles, in path order. */
export function readBasil(folder: string): BasilArticle[] {
  const root = join(folder, 'articles');
  const out: BasilArticle[] = [];
  for (const year of readdirSync(root).sort()) {
    for (const name of readdirSync(join(root, year)).sort()) {
      if (!name.endsWith('.json')) continue;
      const file = JSON.parse(readFileSync(join(root, year, name), 'utf8')) as BasilFile;
      const body = file['body-paragraphs'].map((p) => p.join(' ')).join('\n');
      out.push({ event: file['triplet-uuid'], title: file.title, body, day: dayNumber(file.date) });
    }
  }
  return out;
}
