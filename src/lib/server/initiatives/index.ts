/**
 * Initiatives: creating, reading, editing, membership, the proximity feed
 * and the open-data GeoJSON. Routes call these; none of them touch SQL.
 */
export { createInitiative, type Created } from './create';
export { loadInitiative, toInitiative } from './present';
export { patchInitiative } from './update';
export { joinInitiative, joinVisibleInitiative, leaveInitiative, listMembers, roleOf, setMemberRole } from './membership';
export { listMyInitiatives, type MyInitiative } from './mine';
export { findInitiativesNear, type NearPage } from './near';
export { initiativesGeoJson, GEOJSON_FEATURE_CAP, type FeatureCollection } from './geojson';
export { listPublicInitiatives, publicOnly, SITEMAP_LIMIT, type PublicInitiativeEntry } from './public-list';
