/** The browser's install offer (beforeinstallprompt), kept until the person uses it. */

interface BeforeInstallPromptEvent extends Event {
	prompt(): Promise<void>;
	userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

class InstallPrompt {
	#event = $state<BeforeInstallPromptEvent | null>(null);
	/** The browser offers installation right now. */
	available = $derived(this.#event !== null);
	installed = $state(false);

	/** Starts listening (root layout, once). */
	listen(): void {
		window.addEventListener('beforeinstallprompt', (event) => {
			event.preventDefault(); // we show our own button instead of the mini-infobar
			this.#event = event as BeforeInstallPromptEvent;
		});
		window.addEventListener('appinstalled', () => {
			this.installed = true;
			this.#event = null;
		});
	}

	/** Shows the browser's install dialog. */
	async install(): Promise<void> {
		const event = this.#event;
		if (!event) return;
		this.#event = null;
		await event.prompt();
		const choice = await event.userChoice;
		this.installed = choice.outcome === 'accepted';
	}
}

export const installPrompt = new InstallPrompt();
