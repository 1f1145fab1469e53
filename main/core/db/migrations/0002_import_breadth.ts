/**
 * Schema v2: import at real-world breadth. SHIPPED once `npm run db:schema`
 * records its checksum: never edit it afterwards; add a new migration.
 *
 * - articles.body_html: the sanitized HTML of an article imported from a web
 *   page (main/core/importers/sanitize.ts), shown by the reader instead of
 *   the plain text when present.
 * - Near-duplicates: each article's MinHash signature, its LSH band keys
 *   (to find candidates with an index lookup instead of a scan), and the
 *   link from a near-duplicate to the earlier article it repeats. All three
 *   go with the article (ON DELETE CASCADE) and are written in the same
 *   transaction as the article, so a killed import leaves none half-made.
 * - The outlets of SaudiNewsNet, with their Arabic names and the spellings
 *   they come under (dataset codes, English names, web domains), so that
 *   `source: "aawsat"` files under الشرق الأوسط. Existing sources that are
 *   one of these spellings are merged into the outlet, keeping their articles.
 *   The keys are normalizeForMatching() of each name, written out because
 *   a migration must not change when code does (importers/sources.test.ts
 *   checks them against the normalizer of the day).
 */
import type { Migration } from '../migrate';

export const migration0002: Migration = {
  version: 2,
  name: 'import_breadth',
  sql: `
ALTER TABLE articles ADD COLUMN body_html TEXT;

-- 128 minimum hashes, their low 16 bits each, little-endian (importers/minhash.ts).
CREATE TABLE article_minhash (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  signature BLOB NOT NULL CHECK (length(signature) = 256)
);

-- One row per LSH band: (band number * 2^24 + 24-bit hash of the band's 4 minimums).
CREATE TABLE minhash_bands (
  band_key INTEGER NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;
CREATE INDEX minhash_bands_article ON minhash_bands(article_id);

-- A near-duplicate points at the earlier article it repeats (its twin).
CREATE TABLE near_duplicates (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  twin_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  similarity REAL NOT NULL CHECK (similarity > 0 AND similarity <= 1),
  CHECK (article_id <> twin_id)
);
CREATE INDEX near_duplicates_twin ON near_duplicates(twin_id);

CREATE TEMP TABLE curated_outlets (name TEXT NOT NULL, name_key TEXT PRIMARY KEY);
CREATE TEMP TABLE curated_aliases (name_key TEXT NOT NULL, alias TEXT NOT NULL, alias_key TEXT PRIMARY KEY);
INSERT INTO temp.curated_outlets (name, name_key) VALUES
  ('الشرق الأوسط', 'الشرق الاوسط'),
  ('الاقتصادية', 'الاقتصاديه'),
  ('صحيفة الجزيرة', 'صحيفه الجزيره'),
  ('المدينة', 'المدينه'),
  ('الرياض', 'الرياض'),
  ('الوطن', 'الوطن'),
  ('الوئام', 'الويام'),
  ('اليوم', 'اليوم'),
  ('الرياضي', 'الرياضي'),
  ('الرياضية', 'الرياضيه'),
  ('عكاظ', 'عكاظ'),
  ('سبق', 'سبق'),
  ('عين اليوم', 'عين اليوم'),
  ('واس', 'واس');
INSERT INTO temp.curated_aliases (name_key, alias, alias_key) VALUES
  ('الشرق الاوسط', 'aawsat', 'aawsat'),
  ('الشرق الاوسط', 'Asharq Al-Awsat', 'asharq al-awsat'),
  ('الشرق الاوسط', 'Asharq Al Awsat', 'asharq al awsat'),
  ('الشرق الاوسط', 'Asharq Alawsat', 'asharq alawsat'),
  ('الشرق الاوسط', 'Al-Sharq Al-Awsat', 'al-sharq al-awsat'),
  ('الشرق الاوسط', 'aawsat.com', 'aawsat.com'),
  ('الشرق الاوسط', 'جريدة الشرق الأوسط', 'جريده الشرق الاوسط'),
  ('الاقتصاديه', 'aleqtisadiya', 'aleqtisadiya'),
  ('الاقتصاديه', 'Al Eqtisadiah', 'al eqtisadiah'),
  ('الاقتصاديه', 'Al-Eqtisadiah', 'al-eqtisadiah'),
  ('الاقتصاديه', 'Aleqtisadiah', 'aleqtisadiah'),
  ('الاقتصاديه', 'Al-Eqtisadiya', 'al-eqtisadiya'),
  ('الاقتصاديه', 'aleqt', 'aleqt'),
  ('الاقتصاديه', 'aleqt.com', 'aleqt.com'),
  ('الاقتصاديه', 'صحيفة الاقتصادية', 'صحيفه الاقتصاديه'),
  ('صحيفه الجزيره', 'aljazirah', 'aljazirah'),
  ('صحيفه الجزيره', 'Al-Jazirah', 'al-jazirah'),
  ('صحيفه الجزيره', 'Al Jazirah', 'al jazirah'),
  ('صحيفه الجزيره', 'al-jazirah.com', 'al-jazirah.com'),
  ('صحيفه الجزيره', 'جريدة الجزيرة', 'جريده الجزيره'),
  ('المدينه', 'almadina', 'almadina'),
  ('المدينه', 'Al-Madina', 'al-madina'),
  ('المدينه', 'Al Madina', 'al madina'),
  ('المدينه', 'al-madina.com', 'al-madina.com'),
  ('المدينه', 'صحيفة المدينة', 'صحيفه المدينه'),
  ('الرياض', 'alriyadh', 'alriyadh'),
  ('الرياض', 'Al Riyadh', 'al riyadh'),
  ('الرياض', 'Al-Riyadh', 'al-riyadh'),
  ('الرياض', 'alriyadh.com', 'alriyadh.com'),
  ('الرياض', 'جريدة الرياض', 'جريده الرياض'),
  ('الوطن', 'alwatan', 'alwatan'),
  ('الوطن', 'Al Watan', 'al watan'),
  ('الوطن', 'Al-Watan', 'al-watan'),
  ('الوطن', 'alwatan.com.sa', 'alwatan.com.sa'),
  ('الوطن', 'صحيفة الوطن', 'صحيفه الوطن'),
  ('الويام', 'alweeam', 'alweeam'),
  ('الويام', 'Al-Weeam', 'al-weeam'),
  ('الويام', 'Al Weeam', 'al weeam'),
  ('الويام', 'alweeam.com.sa', 'alweeam.com.sa'),
  ('الويام', 'صحيفة الوئام', 'صحيفه الويام'),
  ('اليوم', 'alyaum', 'alyaum'),
  ('اليوم', 'Al Yaum', 'al yaum'),
  ('اليوم', 'Al-Yaum', 'al-yaum'),
  ('اليوم', 'alyaum.com', 'alyaum.com'),
  ('اليوم', 'صحيفة اليوم', 'صحيفه اليوم'),
  ('الرياضي', 'arreyadi', 'arreyadi'),
  ('الرياضي', 'arreyadi.com.sa', 'arreyadi.com.sa'),
  ('الرياضي', 'صحيفة الرياضي', 'صحيفه الرياضي'),
  ('الرياضيه', 'arriyadiyah', 'arriyadiyah'),
  ('الرياضيه', 'Al Riyadiyah', 'al riyadiyah'),
  ('الرياضيه', 'arriyadiyah.com', 'arriyadiyah.com'),
  ('الرياضيه', 'صحيفة الرياضية', 'صحيفه الرياضيه'),
  ('عكاظ', 'okaz', 'okaz'),
  ('عكاظ', 'okaz.com.sa', 'okaz.com.sa'),
  ('عكاظ', 'صحيفة عكاظ', 'صحيفه عكاظ'),
  ('سبق', 'sabq', 'sabq'),
  ('سبق', 'sabq.org', 'sabq.org'),
  ('سبق', 'صحيفة سبق', 'صحيفه سبق'),
  ('عين اليوم', '3alyoum', '3alyoum'),
  ('عين اليوم', 'Ain Alyoum', 'ain alyoum'),
  ('عين اليوم', 'Ein Alyoum', 'ein alyoum'),
  ('عين اليوم', '3alyoum.com', '3alyoum.com'),
  ('عين اليوم', 'صحيفة عين اليوم', 'صحيفه عين اليوم'),
  ('واس', 'was', 'was'),
  ('واس', 'SPA', 'spa'),
  ('واس', 'Saudi Press Agency', 'saudi press agency'),
  ('واس', 'spa.gov.sa', 'spa.gov.sa'),
  ('واس', 'وكالة الأنباء السعودية', 'وكاله الانباء السعوديه');

INSERT INTO sources (name, name_key, created_at)
  SELECT name, name_key, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM temp.curated_outlets
  WHERE name_key NOT IN (SELECT name_key FROM sources);
UPDATE sources SET name = (SELECT name FROM temp.curated_outlets o WHERE o.name_key = sources.name_key)
  WHERE name_key IN (SELECT name_key FROM temp.curated_outlets);

-- A source created earlier under one of the spellings ("aawsat") hands its articles to the outlet.
UPDATE articles SET source_id = (
    SELECT s.id FROM sources s JOIN temp.curated_aliases a ON a.name_key = s.name_key
    WHERE a.alias_key = (SELECT name_key FROM sources WHERE id = articles.source_id))
  WHERE source_id IN (SELECT id FROM sources WHERE name_key IN (SELECT alias_key FROM temp.curated_aliases));
DELETE FROM sources WHERE name_key IN (SELECT alias_key FROM temp.curated_aliases)
  AND name_key NOT IN (SELECT name_key FROM temp.curated_outlets);

INSERT OR REPLACE INTO source_aliases (alias_key, alias, source_id)
  SELECT a.alias_key, a.alias, s.id FROM temp.curated_aliases a JOIN sources s ON s.name_key = a.name_key;

DROP TABLE temp.curated_aliases;
DROP TABLE temp.curated_outlets;
`,
};
