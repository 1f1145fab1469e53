/** Which files are web archives, without loading their reader (warcio): the import service asks for every file. */
export function isWebArchive(path: string): boolean {
  return /\.(warc|warc\.gz|wacz)$/i.test(path);
}
