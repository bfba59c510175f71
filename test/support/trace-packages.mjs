// Preloaded with --import: prints, on stderr, each npm package the process loads ("package NAME"),
// so that a test can check which dependencies a command pulls in.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
const seen = new Set();
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  const name = result.url.match(/node_modules\\/((?:@[^/]+\\/)?[^/]+)/)?.[1];
  if (name && !seen.has(name)) {
    seen.add(name);
    process.stderr.write('package ' + name + '\\n');
  }
  return result;
}`)}`,
);
