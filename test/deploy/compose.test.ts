import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// No Docker engine runs here: these checks hold the compose file and the image recipe to the
// project as it is (programs, commands, files), so that neither rots unseen.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Service {
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
}

const compose = parse(readFileSync(join(ROOT, 'compose.yaml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};

describe('compose.yaml', () => {
  it('runs PostgreSQL, one front end and several workers, all on one DATABASE_URL', () => {
    const { postgres, bot, worker } = compose.services;
    expect(postgres).toBeDefined();
    for (const service of [bot, worker]) {
      expect(service?.environment?.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\/\w+$/);
      expect(service?.depends_on?.postgres?.condition).toBe('service_healthy');
    }
    expect(worker?.deploy?.replicas).toBeGreaterThan(1);
  });

  it('starts programs the project has, with arguments its CLI accepts', () => {
    const { bot, worker } = compose.services;
    expect(bot?.command).toEqual(['node', 'bin/newsdesk-bot.js']);
    const [node, program, ...args] = worker?.command ?? [];
    expect(node).toBe('node');
    expect(existsSync(join(ROOT, program ?? 'missing'))).toBe(true);
    // The worker's arguments as its own CLI reads them (--help stops before any database is needed).
    const help = execFileSync('node', [join(ROOT, program!), ...args, '--help'], { encoding: 'utf8' });
    expect(help).toMatch(/--queues/);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const copied = [...dockerfile.matchAll(/^COPY (.+) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));

  it('copies only paths that exist, and everything the build and the programs read', () => {
    for (const path of copied) expect(existsSync(join(ROOT, path)), path).toBe(true);
    // What `npm ci` (prepare: tsconfig.build.json's src and commands) and the programs read.
    const needed = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
    needed.push('src', 'commands', 'bin', 'scripts', 'prompts');
    for (const path of needed) expect(copied, path).toContain(path);
  });

  it('never puts secrets or local state in the image', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const path of ['.env', 'node_modules', 'data', '*.db']) expect(ignored).toContain(path);
  });
});
