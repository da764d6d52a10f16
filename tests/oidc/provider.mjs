// A real OpenID Connect provider on loopback for the tests: the npm package oidc-provider with
// its development login form (any password), one client for Redress (client_secret_post, PKCE),
// RP-initiated logout, and test users whose ID tokens carry `roles` and `groups` claims like
// Microsoft Entra ID's app roles and groups. Imported by the black-box and browser tests; run
// alone (`node tests/oidc/provider.mjs --port 9090 --redirect-uri URL`) for trying it by hand.
import { createServer } from 'node:http';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const webDir = join(fileURLToPath(new URL('../../web/', import.meta.url)));
const requireFromWeb = createRequire(join(webDir, 'package.json'));

export const CLIENT_ID = 'redress';
export const CLIENT_SECRET = 'a-test-client-secret-of-some-length';

// The test users: their login at the development form is their id.
export function testUsers() {
  return {
    alice: {
      email: 'alice@council.example',
      name: 'Alice Admin',
      roles: ['Redress.Admin'],
      groups: [],
    },
    harry: {
      email: 'harry@council.example',
      name: 'Harry Handler',
      roles: [],
      groups: ['g-housing-handlers'],
    },
    nora: { email: 'nora@council.example', name: 'Nora Nobody', roles: [], groups: [] },
  };
}

// Starts the provider on 127.0.0.1 (`port` 0: any free port). `redirectUri` and
// `postLogoutRedirectUri` are Redress's. Resolves with { issuer, users, stop }: change `users`
// (a user's roles, say) and the next sign-in's token says so.
export async function startOidcProvider({ port = 0, redirectUri, postLogoutRedirectUri }) {
  const { default: Provider } = await import(requireFromWeb.resolve('oidc-provider'));
  const jose = await import(requireFromWeb.resolve('jose'));
  // Its own RS256 signing key, as Entra ID signs with (not the package's development keys).
  const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await jose.exportJWK(privateKey)), kid: 'test-rs256', use: 'sig' };
  const users = testUsers();
  const server = createServer();
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [redirectUri],
        post_logout_redirect_uris: postLogoutRedirectUri ? [postLogoutRedirectUri] : [],
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username', 'roles', 'groups'],
      email: ['email'],
    },
    // The scopes' claims in the ID token itself, as Entra ID puts roles and groups there.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    cookies: { keys: ['a-test-cookie-key-not-secret'] },
    jwks: { keys: [signingKey] },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 3600,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
    },
    async findAccount(_ctx, id) {
      const user = users[id];
      return {
        accountId: id,
        async claims() {
          if (!user) return { sub: id };
          return { sub: id, preferred_username: id, ...user };
        },
      };
    },
  });
  // Quiet: a refused request is what the tests expect.
  provider.on('server_error', () => {});
  server.on('request', provider.callback());
  const stop = async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  };
  return { issuer, users, stop };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argument = (name, fallback) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : fallback;
  };
  const { issuer } = await startOidcProvider({
    port: Number(argument('--port', '9090')),
    redirectUri: argument('--redirect-uri', 'http://localhost:8080/api/v1/oidc/callback'),
    postLogoutRedirectUri: argument('--post-logout-redirect-uri', 'http://localhost:8080/'),
  });
  console.log(`OpenID provider at ${issuer}; client ${CLIENT_ID}, secret ${CLIENT_SECRET}`);
}
