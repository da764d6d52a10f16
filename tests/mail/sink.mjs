// The test SMTP server (smtp_sink.py, Debian's python3-aiosmtpd) from node tests: start it on a
// free port, read what it received, stop it.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SINK = join(dirname(fileURLToPath(import.meta.url)), 'smtp_sink.py');

export async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

// Starts the sink writing into `directory` (created); resolves with { port, received, stop }.
export async function startSink(directory) {
  spawnSync('mkdir', ['-p', directory]);
  const port = await freePort();
  const child = spawn('/usr/bin/python3', [SINK, String(port), directory], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the SMTP sink exited with ${code}`)));
    child.stdout.on('data', (data) => {
      if (String(data).includes('ready')) resolve();
    });
  });
  // The messages received so far: their summaries (smtp_sink.py).
  const received = () =>
    readdirSync(directory)
      .filter((name) => name.endsWith('.json'))
      .map((name) => JSON.parse(readFileSync(join(directory, name), 'utf8')));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(child.pid, 'SIGTERM');
    await exited;
  };
  return { port, received, stop };
}

// Polls `probe` until it gives a value.
export async function waitFor(what, probe, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// The 6-digit one-time codes emailed to `email`, oldest first.
export function codesFor(received, email) {
  return received()
    .filter((m) => m.to.includes(email) && /code/.test(m.subject))
    .map((m) => /code is (\d{6})/.exec(m.text)[1]);
}
