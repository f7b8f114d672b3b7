import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	dialect: 'sqlite',
	schema: './sync-server/store/schema.ts',
	out: './drizzle'
});
