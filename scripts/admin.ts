/**
 * `npm run admin -- moderator add|remove|list [email]`: the operator grants or
 * withdraws the moderator role (same DATA_DIR as the server).
 */
import { closeStore, openStore } from '$store/db';
import { grantModerator, listModerators, revokeModerator } from '$lib/server/moderation/moderators';

const USAGE = 'Usage : npm run admin -- moderator add|remove <email> | moderator list';

function run(args: string[]): number {
	const [area, command, email] = args;
	if (area !== 'moderator') {
		console.error(USAGE);
		return 2;
	}
	if (command === 'list') {
		const list = listModerators();
		if (list.length === 0) console.log('Aucun modérateur ni modératrice.');
		for (const m of list) console.log(`${m.email}\t${m.displayName}\tdepuis le ${new Date(m.grantedAt).toISOString().slice(0, 10)}`);
		return 0;
	}
	if ((command !== 'add' && command !== 'remove') || !email) {
		console.error(USAGE);
		return 2;
	}
	const done = command === 'add' ? grantModerator(email) : revokeModerator(email);
	if (!done) {
		console.error(`Aucun compte avec l’adresse ${email}.`);
		return 1;
	}
	console.log(command === 'add' ? `${email} est maintenant modérateur·rice.` : `${email} n’est plus modérateur·rice.`);
	return 0;
}

openStore();
const code = run(process.argv.slice(2));
closeStore();
process.exit(code);
