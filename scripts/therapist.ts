/**
 * `npm run therapist -- <command>`: therapist accounts, from a terminal on the server.
 *
 *   add <username> [--name "Display name"] [--role lead|therapist]
 *                                             create an account (the display name is what clients see);
 *                                             without --role, a lead while there is no enabled lead yet
 *   list                                      show the accounts, their roles and whether they are disabled
 *   disable <username>                        stop an account signing in (signs it out everywhere)
 *   enable <username>                         let a disabled account sign in again
 *   set-role <username> lead|therapist        a lead also sees the service report and manages accounts
 *   remove <username>                         delete an account (signs it out; its chats go back to the queue)
 *   reset-password <username>                 set a new password (signs it out everywhere)
 *
 * The database is `SST_DB` (default `./data/sst.db`). The password comes from
 * `SST_THERAPIST_PASSWORD`, or is asked for twice with the typing hidden; when stdin is not a
 * terminal (a pipe), one line is read from it. A password or hash is never printed.
 * Exit code 0 on success, 1 on any refusal, with one sentence on stderr that says what to do.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import {
  AccountError,
  addTherapist,
  checkDisplayName,
  checkRole,
  disableAccount,
  enableAccount,
  removeTherapistAccount,
  requireFreeUsername,
  requireTherapist,
  resetTherapistPassword,
  setAccountRole,
} from '../server/auth/accounts.js';
import { openSqliteStore, type SqliteStore } from '../server/store/sqlite.js';

const USAGE = `Usage:
  npm run therapist -- add <username> [--name "Display name"] [--role lead|therapist]
  npm run therapist -- list
  npm run therapist -- disable <username>
  npm run therapist -- enable <username>
  npm run therapist -- set-role <username> lead|therapist
  npm run therapist -- remove <username>
  npm run therapist -- reset-password <username>

A lead also sees the service report and manages accounts in the console. Without --role, a new
account is a lead while the service has no enabled lead, and a therapist after that.

The database is SST_DB (default ./data/sst.db). The password is read from SST_THERAPIST_PASSWORD,
or asked for at the terminal.`;

const COMMANDS = ['add', 'list', 'disable', 'enable', 'set-role', 'remove', 'reset-password'];
const LEAD_CAN = 'leads also see the service report and manage accounts in the console';

/** A refusal: the message is the whole story for the person at the terminal. */
class CliError extends Error {}

const say = (line: string): void => void process.stdout.write(`${line}\n`);
const complain = (line: string): void => void process.stderr.write(`${line}\n`);

/** One line typed with nothing echoed. The prompt goes to stderr so stdout stays clean for scripts. */
async function askHidden(question: string): Promise<string> {
  // readline in terminal mode puts the TTY in raw mode and echoes through `output`; a sink as the
  // output means the keys typed are never shown (public API only, no private `_writeToOutput`).
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: sink, terminal: true });
  process.stderr.write(question);
  try {
    return await new Promise<string>((resolve, reject) => {
      rl.once('line', resolve);
      rl.once('SIGINT', () => reject(new CliError('Cancelled; nothing was changed.')));
      rl.once('close', () => reject(new CliError('No password was given; nothing was changed.')));
    });
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

/** The first line from a pipe (e.g. `printf '%s\n' "$PW" | npm run therapist -- add sam`). */
async function readOneLine(): Promise<string | null> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  try {
    for await (const line of rl) return line;
    return null;
  } finally {
    rl.close();
    process.stdin.destroy();
  }
}

async function readNewPassword(): Promise<string> {
  const fromEnv = process.env.SST_THERAPIST_PASSWORD;
  if (fromEnv !== undefined) return fromEnv;
  if (!process.stdin.isTTY) {
    const line = await readOneLine();
    if (line === null) {
      throw new CliError('No password was given: set SST_THERAPIST_PASSWORD, or run this at a terminal to type it.');
    }
    return line;
  }
  const first = await askHidden('New password (at least 10 characters): ');
  const second = await askHidden('Type it again: ');
  if (first !== second) throw new CliError('The two passwords do not match; nothing was changed. Please try again.');
  return first;
}

function openStore(): SqliteStore {
  const file = process.env.SST_DB || './data/sst.db';
  try {
    return openSqliteStore(file);
  } catch (error) {
    throw new CliError(`Could not open the database at ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => [...(row[i] ?? '')].length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

async function run(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { name: { type: 'string' }, role: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  const [command, username, ...extra] = parsed.positionals;
  const { name, role: roleFlag, help } = parsed.values;
  if (help || command === 'help') return say(USAGE);
  if (!command) throw new CliError(USAGE);
  if (!COMMANDS.includes(command)) throw new CliError(`Unknown command "${command}".\n\n${USAGE}`);
  if (name !== undefined && command !== 'add') throw new CliError('--name only goes with add.');
  if (roleFlag !== undefined && command !== 'add') {
    throw new CliError(`--role only goes with add; to change a role use: npm run therapist -- set-role ${username ?? '<username>'} lead|therapist`);
  }
  if (command === 'set-role') {
    if (username === undefined || extra.length !== 1) {
      throw new CliError('set-role takes a username and a role, e.g. npm run therapist -- set-role sam lead');
    }
  } else if (command === 'list' ? username !== undefined : username === undefined || extra.length > 0) {
    throw new CliError(
      command === 'list' ? 'list takes no username.' : `${command} takes exactly one username, e.g. npm run therapist -- ${command} sam`,
    );
  }
  // Checked before the database is opened or a password asked for.
  const role = roleFlag === undefined ? undefined : checkRole(roleFlag);
  const newRole = command === 'set-role' ? checkRole(extra[0]!) : undefined;

  const store = openStore();
  try {
    switch (command) {
      case 'list': {
        const therapists = await store.listTherapists();
        if (therapists.length === 0) {
          return say('No therapist accounts yet. Add one with: npm run therapist -- add <username> --name "Display name"');
        }
        say(
          table([
            ['USERNAME', 'DISPLAY NAME', 'ROLE', 'STATUS', 'CREATED'],
            ...therapists.map((t) => [t.username, t.displayName, t.role, t.disabled ? 'disabled' : 'enabled', t.createdAt.slice(0, 10)]),
          ]),
        );
        return;
      }
      case 'add': {
        // Everything that can be refused is checked before asking for a password nobody will use.
        await requireFreeUsername(store, username!);
        const displayName = checkDisplayName(name ?? username!);
        const created = await addTherapist(store, { username: username!, displayName, role, password: await readNewPassword() });
        say(`Added ${created.role} "${created.username}"; clients will see them as "${created.displayName}".`);
        if (role === undefined && created.role === 'lead') {
          say(`"${created.username}" is a lead because the service had no lead yet: ${LEAD_CAN}. (Use --role therapist to add a therapist instead.)`);
        }
        return;
      }
      case 'disable': {
        const therapist = await requireTherapist(store, username!);
        if (therapist.disabled) return say(`"${therapist.username}" is already disabled.`);
        await disableAccount(store, therapist.username);
        return say(
          `Disabled "${therapist.username}". They are signed out everywhere and cannot sign in until enabled again with: npm run therapist -- enable ${therapist.username}`,
        );
      }
      case 'enable': {
        const therapist = await requireTherapist(store, username!);
        if (!therapist.disabled) return say(`"${therapist.username}" is already enabled.`);
        await enableAccount(store, therapist.username);
        return say(`Enabled "${therapist.username}". They can sign in again with their password.`);
      }
      case 'set-role': {
        const therapist = await requireTherapist(store, username!);
        if (therapist.role === newRole) return say(`"${therapist.username}" is already a ${newRole}.`);
        await setAccountRole(store, therapist.username, newRole!);
        return say(
          newRole === 'lead'
            ? `"${therapist.username}" is now a lead: ${LEAD_CAN}.`
            : `"${therapist.username}" is now a therapist: they no longer see the service report or manage accounts.`,
        );
      }
      case 'reset-password': {
        const therapist = await requireTherapist(store, username!);
        await resetTherapistPassword(store, { username: therapist.username, password: await readNewPassword() });
        return say(`Changed the password for "${therapist.username}". They are signed out everywhere and sign in again with the new one.`);
      }
      case 'remove': {
        const therapist = await requireTherapist(store, username!);
        await removeTherapistAccount(store, therapist.username);
        return say(`Removed therapist "${therapist.username}". They are signed out, and any chat they held is back in the queue.`);
      }
    }
  } finally {
    await store.close();
  }
}

try {
  await run(process.argv.slice(2));
  process.exitCode = 0;
} catch (error) {
  if (error instanceof CliError || error instanceof AccountError) complain(error.message);
  else complain(`Something went wrong: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
