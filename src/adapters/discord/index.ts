export { type DiscordBot, startDiscordBot, UNAUTHORIZED_MESSAGE } from './client.ts';
export { type InteractionsServer, startInteractionsServer } from './http-server.ts';
export { registerCommands } from './register.ts';
