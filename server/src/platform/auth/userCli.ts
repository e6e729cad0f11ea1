import { parseArgs } from 'node:util';
import pg from 'pg';
import { withDatabase } from '../db/withDatabase';
import { prepareDatabase } from '../db/openDatabase';
import { hashPassword } from './passwordHash';
import { ROLES, type Role } from './roles';
import { createUser, updateUser, userIdByEmail } from './userRepository';
import { readPassword } from './readPassword';

const USAGE = `usage:
  npm run user -- add --email a@b.dk --name "Navn" --role admin|planner
  npm run user -- passwd --email a@b.dk
  npm run user -- disable --email a@b.dk
The password comes from KOEGE_PASSWORD or is asked for on the terminal; never pass it as an argument.`;

const MIN_PASSWORD = 12;

async function password(): Promise<string> {
  const value = process.env.KOEGE_PASSWORD ?? (await readPassword('Password: '));
  if (value.length < MIN_PASSWORD || value.length > 256) {
    throw new Error(`the password must have ${MIN_PASSWORD} to 256 characters`);
  }
  return value;
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
  });
  const [command] = positionals;
  const email = values.email;
  if (!command || !['add', 'passwd', 'disable'].includes(command) || !email) throw new Error(USAGE);
  if (command === 'add' && (!values.name || !ROLES.includes(values.role as Role))) throw new Error(USAGE);
  // Ask before opening the database: the embedded engine takes seconds to start.
  const hash = command === 'disable' ? null : await hashPassword(await password());

  await withDatabase(async (connectionString, log) => {
    await prepareDatabase({ connectionString, seed: 'never', log });
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      if (command === 'add') {
        const user = await createUser(client, {
          email,
          displayName: values.name!,
          role: values.role as Role,
          passwordHash: hash!,
        });
        if (!user) throw new Error(`an account with the e-mail ${email} already exists`);
        log(`added ${user.role} account ${user.id} (${user.display_name})`);
        return;
      }
      const id = await userIdByEmail(client, email);
      if (id === null) throw new Error(`no account with the e-mail ${email}`);
      await updateUser(client, id, command === 'disable' ? { disabled: true } : { passwordHash: hash! });
      log(command === 'disable' ? `disabled account ${id}; its sessions ended` : `new password set for account ${id}`);
    } finally {
      await client.end();
    }
  });
}

main().catch((err: unknown) => {
  // Database CHECK failures (a malformed e-mail, an "@" in the name) arrive here as messages, never as secrets.
  console.error(`[køge] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
