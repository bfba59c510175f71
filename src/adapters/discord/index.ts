export { type DiscordBot, startDiscordBot, UNAUTHORIZED_MESSAGE } from './client.ts';
export { registerCommands } from './register.ts';
