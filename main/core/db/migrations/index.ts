import type { Migration } from '../migrate';
import { migration0001 } from './0001_initial';
import { migration0002 } from './0002_import_breadth';
import { migration0003 } from './0003_search';
import { migration0004 } from './0004_compare';
import { migration0005 } from './0005_dossier_sections';
import { migration0006 } from './0006_memory_bands';
import { migration0007 } from './0007_story_threads';
import { migration0008 } from './0008_collection_index_data';
import { migration0009 } from './0009_saved_searches';
import { migration0010 } from './0010_entity_index';
import { migration0011 } from './0011_search_tokenizer';
import { migration0012 } from './0012_search_totals';
import { migration0013 } from './0013_entity_meta';

/** Every migration, in order. Append only. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
];
