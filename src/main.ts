// Placeholder owned by the bots work: config -> store -> schedulers -> adapters; graceful shutdown.
process.stdout.write('newsdesk bot: not wired yet\n');
