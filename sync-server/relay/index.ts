/** The y-websocket relay: protocol loop (createRelay) and the seams it plugs into. */
export { createRelay, type Relay, type RelayOptions } from './relay';
export { CloseCode, type Access, type DocStore, type Fanout, type FanoutFrame, type RelayHooks } from './hooks';
export { createLocalFanout } from './local-fanout';
export { metrics } from './metrics';
