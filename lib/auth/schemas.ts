// The sign-up and sign-in bodies of better-auth's endpoints, as Marginalia bounds them: the
// OpenAPI document describes them, and the server may check a body against them before
// better-auth reads it (a display name is at most NAME_MAX characters, as the form says).
import { z } from 'zod';
import { EMAIL_MAX, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from '@/lib/limits';

const emailSchema = z.email('Enter an email address.').max(EMAIL_MAX, 'That email address is too long.');

export const signUpSchema = z.object({
  name: z
    .string({ error: 'Enter your name.' })
    .trim()
    .min(1, 'Enter your name.')
    .max(NAME_MAX, `Use at most ${NAME_MAX} characters for your name.`),
  email: emailSchema,
  password: z
    .string({ error: 'Enter a password.' })
    .min(PASSWORD_MIN, `The password is too short: use at least ${PASSWORD_MIN} characters.`)
    .max(PASSWORD_MAX, `The password is too long: use at most ${PASSWORD_MAX} characters.`),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: 'Enter your password.' }).max(PASSWORD_MAX, 'That password is too long.'),
});

/** The limits the server holds better-auth's bodies to (sign-up, sign-in, profile update):
 * lengths only, so that what better-auth itself accepts is otherwise unchanged. */
const atMost = (max: number, message: string) =>
  z
    .unknown()
    .refine((v) => typeof v !== 'string' || v.trim().length <= max, { message })
    .optional();

export const authFieldLimitsSchema = z.looseObject({
  name: atMost(NAME_MAX, `Use at most ${NAME_MAX} characters for your name.`),
  email: atMost(EMAIL_MAX, 'That email address is too long.'),
  password: atMost(PASSWORD_MAX, `The password is too long: use at most ${PASSWORD_MAX} characters.`),
});

/** better-auth answers with the account (and more, which is its own business). */
export const signedInSchema = z
  .object({ user: z.object({ id: z.string(), name: z.string(), email: z.string() }).loose() })
  .loose();
