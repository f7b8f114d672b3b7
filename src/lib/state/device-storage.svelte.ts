/** How much this device stores for Kohero, and whether the browser may evict it. */
class DeviceStorage {
	usage = $state<number | null>(null);
	quota = $state<number | null>(null);
	persisted = $state<boolean | null>(null);

	async refresh(): Promise<void> {
		if (!navigator.storage) return;
		const estimate = await navigator.storage.estimate();
		this.usage = estimate.usage ?? null;
		this.quota = estimate.quota ?? null;
		this.persisted = navigator.storage.persisted ? await navigator.storage.persisted() : null;
	}

	/** Asks the browser to keep our data under storage pressure. */
	async requestPersistence(): Promise<void> {
		if (!navigator.storage?.persist) return;
		this.persisted = await navigator.storage.persist();
	}
}

export const deviceStorage = new DeviceStorage();
