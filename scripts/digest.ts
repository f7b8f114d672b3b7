/**
 * `npm run digest -- --frequency daily|weekly`: sends the due digests of that
 * frequency now, from the database in DATA_DIR (the server may be running:
 * items are claimed before sending, so nothing is mailed twice).
 */
import { closeStore, openStore } from '$store/db';
import { sendDigests } from '$lib/server/notify/digest';

const index = process.argv.indexOf('--frequency');
const frequency = index >= 0 ? process.argv[index + 1] : process.argv.find((a) => a.startsWith('--frequency='))?.split('=')[1];
if (frequency !== 'daily' && frequency !== 'weekly') {
	console.error('Usage: npm run digest -- --frequency daily|weekly');
	process.exit(2);
}
openStore();
const sent = await sendDigests(frequency);
console.log(`${sent} digest(s) sent (${frequency})`);
closeStore();
