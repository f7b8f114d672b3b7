/**
 * What pages read, as last seen on this device (feed, initiatives, my list,
 * profile, the map's GeoJSON, the gazetteer), so an offline start shows it.
 */
export { readFeed, saveFeed, readInitiative, saveInitiative, readMyInitiatives, saveMyInitiatives, setViewerRole, readMe, saveMe } from './store';
export { readLocalCreations, withLocalCreations, readCachedFeed, saveCachedFeed } from './feed';
export { readLocalMine, mergeServerMine, type MyInitiative } from './my-initiatives';
export { lastCachedGeojson } from './map';
export { loadPlaces } from './gazetteer';
