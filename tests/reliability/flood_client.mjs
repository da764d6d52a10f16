// The attacker of sign_in_flood.test.mjs, in its own process so that its work does not delay the
// measuring client's event loop: CLIENTS connections, each from its own loopback address
// (127.0.1.N), send wrong sign-ins with made-up usernames back to back for DURATION_MS, then
// print the count of each status as JSON.
//   node flood_client.mjs BASE CLIENTS DURATION_MS
import { Agent, request } from 'node:http';

const base = process.argv[2];
const clients = Number(process.argv[3]);
const durationMs = Number(process.argv[4]);
const url = new URL('/api/v1/session', base);
const deadline = Date.now() + durationMs;
const statuses = {};

function signIn(agent, localAddress, n) {
  const body = JSON.stringify({
    username: `flood.${localAddress}.${n}`,
    password: 'not the password at all',
  });
  return new Promise((resolve) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent,
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', () => resolve('error'));
    req.end(body);
  });
}

async function client(i) {
  const localAddress = `127.0.1.${i + 1}`;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  for (let n = 0; Date.now() < deadline; ++n) {
    const status = await signIn(agent, localAddress, n);
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
  agent.destroy();
}

await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
process.stdout.write(`${JSON.stringify(statuses)}\n`);
