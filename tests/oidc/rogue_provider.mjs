// A provider that misbehaves on demand, for the black-box tests of every refusal: it answers
// discovery, publishes an RS256 and an ES256 key, sends the browser straight back with a code
// (no login), and at its token endpoint mints the ID token `scenario` describes: claims changed
// or removed, signed with the wrong key, an unknown key id, alg none, or an HMAC keyed with its
// public key. Codes are single-use and bound to the PKCE challenge, as a real provider's are.
import { createServer } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const requireFromWeb = createRequire(
  join(fileURLToPath(new URL('../../web/', import.meta.url)), 'package.json'),
);

export const ROGUE_CLIENT_ID = 'redress-rogue';
export const ROGUE_CLIENT_SECRET = 'the-rogue-secret';

const base64url = (value) => Buffer.from(value).toString('base64url');

// Resolves with { issuer, scenario, tokenRequests, stop }. Set scenario's members before a
// sign-in: `claims` (merged into the ID token's; a member set to undefined is removed), `sign`
// ('rs256' default, 'es256', 'wrong_key', 'unknown_kid', 'none', 'hs256_public_key'),
// `subject`.
export async function startRogueProvider() {
  const jose = await import(requireFromWeb.resolve('jose'));
  const rsa = await jose.generateKeyPair('RS256', { extractable: true });
  const ec = await jose.generateKeyPair('ES256', { extractable: true });
  const other = await jose.generateKeyPair('RS256', { extractable: true });
  const rsaPublic = {
    ...(await jose.exportJWK(rsa.publicKey)),
    kid: 'rsa-1',
    alg: 'RS256',
    use: 'sig',
  };
  const ecPublic = {
    ...(await jose.exportJWK(ec.publicKey)),
    kid: 'ec-1',
    alg: 'ES256',
    use: 'sig',
  };
  const pending = new Map(); // code → { nonce, challenge, redirectUri }
  const scenario = {};
  const tokenRequests = [];

  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://127.0.0.1:${server.address().port}/rogue`;

  async function idToken(nonce) {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: issuer,
      aud: ROGUE_CLIENT_ID,
      sub: scenario.subject ?? 'rogue-user-1',
      iat: now,
      exp: now + 600,
      nonce,
      name: 'Rita Rogue',
      email: 'rita@council.example',
      preferred_username: 'rita',
      roles: ['Redress.Admin'],
      ...scenario.claims,
    };
    for (const [name, value] of Object.entries(claims))
      if (value === undefined) delete claims[name];
    switch (scenario.sign ?? 'rs256') {
      case 'es256':
        return new jose.SignJWT(claims)
          .setProtectedHeader({ alg: 'ES256', kid: 'ec-1' })
          .sign(ec.privateKey);
      case 'wrong_key':
        return new jose.SignJWT(claims)
          .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
          .sign(other.privateKey);
      case 'unknown_kid':
        return new jose.SignJWT(claims)
          .setProtectedHeader({ alg: 'RS256', kid: 'rsa-9' })
          .sign(other.privateKey);
      case 'none':
        return `${base64url(JSON.stringify({ alg: 'none', kid: 'rsa-1' }))}.${base64url(JSON.stringify(claims))}.`;
      case 'hs256_public_key':
        return new jose.SignJWT(claims)
          .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' })
          .sign(new TextEncoder().encode(JSON.stringify(rsaPublic)));
      default:
        return new jose.SignJWT(claims)
          .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
          .sign(rsa.privateKey);
    }
  }

  const json = (response, status, body) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };

  server.on('request', async (request, response) => {
    const url = new URL(request.url, issuer);
    const path = url.pathname.replace(/^\/rogue/, '');
    if (path === '/.well-known/openid-configuration') {
      return json(response, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        end_session_endpoint: `${issuer}/logout`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256', 'ES256'],
      });
    }
    if (path === '/jwks') return json(response, 200, { keys: [rsaPublic, ecPublic] });
    if (path === '/authorize') {
      const params = url.searchParams;
      if (params.get('code_challenge_method') !== 'S256')
        return json(response, 400, { error: 'invalid_request' });
      const code = randomBytes(16).toString('hex');
      pending.set(code, {
        nonce: params.get('nonce'),
        challenge: params.get('code_challenge'),
        redirectUri: params.get('redirect_uri'),
      });
      const back = new URL(params.get('redirect_uri'));
      back.searchParams.set('code', code);
      back.searchParams.set('state', params.get('state'));
      response.writeHead(302, { location: back.toString() });
      return response.end();
    }
    if (path === '/token' && request.method === 'POST') {
      let body = '';
      for await (const chunk of request) body += chunk;
      const form = new URLSearchParams(body);
      tokenRequests.push(Object.fromEntries(form));
      const grant = pending.get(form.get('code'));
      pending.delete(form.get('code'));
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (
        !grant ||
        form.get('client_id') !== ROGUE_CLIENT_ID ||
        form.get('client_secret') !== ROGUE_CLIENT_SECRET ||
        grant.challenge !== challenge ||
        grant.redirectUri !== form.get('redirect_uri')
      ) {
        return json(response, 400, { error: 'invalid_grant' });
      }
      return json(response, 200, {
        access_token: 'not-used',
        token_type: 'Bearer',
        id_token: await idToken(grant.nonce),
      });
    }
    json(response, 404, { error: 'not_found' });
  });

  const stop = async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  };
  return { issuer, scenario, tokenRequests, stop };
}
