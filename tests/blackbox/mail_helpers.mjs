// The real SMTP server every test that sends email talks to (Debian's python3-aiosmtpd,
// tests/mail/smtp_sink.py): the letters, reminders and portal tests, black-box and browser alike.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const SINK = new URL('../mail/smtp_sink.py', import.meta.url).pathname;

export async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

// Starts the sink on 127.0.0.1:`port`, writing what it receives to `mailDir`; resolves once it
// listens.
export async function startSink(port, mailDir, env = process.env) {
  mkdirSync(mailDir, { recursive: true });
  const child = spawn('/usr/bin/python3', [SINK, String(port), mailDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env,
  });
  await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the SMTP sink exited with ${code}`)));
    child.stdout.on('data', (data) => {
      if (String(data).includes('ready')) resolve();
    });
  });
  return child;
}

// A sink of its own for a test file: on a free port, writing to `dir`/mail. Resolves with
// { mailDir, port, sink }; stopSink(sink) stops it, and startSink(port, mailDir) starts it again
// where the server still sends (a relay that was down and comes back).
export async function startMailSink(dir) {
  const mailDir = join(dir, 'mail');
  const port = await freePort();
  return { mailDir, port, sink: await startSink(port, mailDir) };
}

// The `redress serve` arguments that send its mail through the sink on `port`, from the address
// the tests expect, with the outbox polled every 100 ms so that a test waits for its mail little.
export function relayArgs(port) {
  return [
    '--smtp-url',
    `smtp://127.0.0.1:${port}`,
    '--mail-from',
    'complaints@council.example.org',
    '--outbox-poll-ms',
    '100',
  ];
}

export async function stopSink(child) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(child.pid, 'SIGTERM');
  await exited;
}

// The messages the sink received, in the order it received them: their summaries
// (tests/mail/smtp_sink.py, named <pid>-<count>), with the PDF path.
export function received(mailDir) {
  const order = (name) =>
    Number(
      name
        .split('-')
        .pop()
        .replace(/\.json$/, ''),
    );
  return readdirSync(mailDir)
    .filter((name) => name.endsWith('.json'))
    .sort((a, b) => order(a) - order(b))
    .map((name) => ({
      ...JSON.parse(readFileSync(join(mailDir, name), 'utf8')),
      pdf: join(mailDir, name.replace(/\.json$/, '.pdf')),
    }));
}

export async function waitFor(what, probe, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// The 6-digit one-time codes of the portal emailed to `email` among `messages`, oldest first.
export function codesFor(messages, email) {
  return messages
    .filter((m) => m.to.includes(email) && /code/.test(m.subject))
    .map((m) => /code is (\d{6})/.exec(m.text)[1]);
}
