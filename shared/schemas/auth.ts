import { Type } from '@sinclair/typebox';
import { Nullable } from './common';
import { BIDI_CONTROL_CLASS } from './workflow';

export const Role = Type.Union([Type.Literal('planner'), Type.Literal('admin')]);
/** No control characters: NUL cannot be PostgreSQL text, and the address is looked up before any password check. */
export const Email = Type.String({
  minLength: 3,
  maxLength: 254,
  pattern: '^[^@\\s\\u0000-\\u001F\\u007F]+@[^@\\s\\u0000-\\u001F\\u007F]+$',
});
/** Shown publicly with every change, so it may not be (or hold) an e-mail address, nor reorder the text around it. */
export const DisplayName = Type.String({
  minLength: 1,
  maxLength: 100,
  pattern: `^[^@\\u0000-\\u001F\\u007F${BIDI_CONTROL_CLASS}]+$`,
  description: 'public; no "@", no control or bidirectional control characters',
});
/** Upper bound keeps one hash cheap; lower bound only for new passwords. */
export const NewPassword = Type.String({ minLength: 12, maxLength: 256 });

export const LoginBody = Type.Object(
  { email: Email, password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);

export const PublicUser = Type.Object({ display_name: Type.String(), role: Role });

export const LoginResult = Type.Object({ user: PublicUser, csrf_token: Type.String() });
export const Me = Type.Object({ user: Nullable(PublicUser), csrf_token: Type.Optional(Type.String()) });

export const Account = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  display_name: Type.String(),
  role: Role,
  disabled: Type.Boolean(),
  created_at: Type.String({ format: 'date-time' }),
});

export const NewAccount = Type.Object(
  { email: Email, display_name: DisplayName, role: Role, password: NewPassword },
  { additionalProperties: false },
);

export const AccountChange = Type.Object(
  {
    display_name: Type.Optional(DisplayName),
    role: Type.Optional(Role),
    disabled: Type.Optional(Type.Boolean()),
    password: Type.Optional(NewPassword),
  },
  { additionalProperties: false, minProperties: 1 },
);
