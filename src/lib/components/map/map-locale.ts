/** MapLibre's own control labels in the interface language. */
import type { MessageKey } from '$lib/i18n/catalog';

const KEYS = {
	'AttributionControl.ToggleAttribution': 'mapControls.toggleAttribution',
	'AttributionControl.MapFeedback': 'mapControls.feedback',
	'GeolocateControl.FindMyLocation': 'mapControls.findMe',
	'GeolocateControl.LocationNotAvailable': 'mapControls.noLocation',
	'Map.Title': 'mapControls.map',
	'Marker.Title': 'mapControls.marker',
	'NavigationControl.ResetBearing': 'mapControls.resetBearing',
	'NavigationControl.ZoomIn': 'mapControls.zoomIn',
	'NavigationControl.ZoomOut': 'mapControls.zoomOut',
	'Popup.Close': 'mapControls.close',
	'FullscreenControl.Enter': 'mapControls.fullscreen',
	'FullscreenControl.Exit': 'mapControls.exitFullscreen',
	'CooperativeGesturesHandler.WindowsHelpText': 'mapControls.ctrlScroll',
	'CooperativeGesturesHandler.MacHelpText': 'mapControls.cmdScroll',
	'CooperativeGesturesHandler.MobileHelpText': 'mapControls.twoFingers'
} as const satisfies Record<string, MessageKey>;

/** The `locale` option of a MapLibre map, translated with `t`. */
export function mapLocale(t: (key: MessageKey) => string): Record<string, string> {
	return Object.fromEntries(Object.entries(KEYS).map(([control, key]) => [control, t(key)]));
}
