import { deleteAccountSchema } from '@/lib/account/schemas';
import { withReader } from '@/lib/server/api';
import { deleteAccount, describeAccountHoldings } from '@/lib/server/dal/account';

/** What deleting the account would take away, for the confirmation. */
export const GET = withReader({}, async ({ reader }) => ({
  holdings: await describeAccountHoldings(reader),
}));

/** Deletes the signed-in reader's account; the body says what becomes of their notes. */
export const DELETE = withReader({ body: deleteAccountSchema }, async ({ reader, body }) => ({
  deleted: await deleteAccount(reader, body.mode),
}));
