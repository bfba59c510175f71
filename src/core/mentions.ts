// One neutraliser for every renderer: the summaries work owns it (it also strips invisible characters).
export { neutraliseMentions } from '../summarize/sanitize.ts';
