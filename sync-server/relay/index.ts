/** The y-websocket relay: protocol loop (createRelay) and the seams it plugs into. */
export { createRelay, type Relay, type RelayOptions } from './relay';
export { CloseCode, SERVER_ORIGIN, type Access, type DocKind, type DocRole, type DocStore, type Fanout, type FanoutFrame, type RelayHooks } from './hooks';
export { createLocalFanout } from './local-fanout';
export { metrics, registerGauge } from './metrics';
