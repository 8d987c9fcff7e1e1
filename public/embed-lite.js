// station-scorecards embed loader, former "lite" name: an alias of embed.js, kept for portals
// that already load it. There is one bundle for every page now: the comparison, the league
// table and the charts are loaded only when they are first shown (docs/embedding.md).
// Importing embed.js runs it once, however many of the two names a page uses.
export * from './embed.js';
