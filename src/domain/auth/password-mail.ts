import type { Mail } from '../mail/mailer.ts';

/** The "forgot password" mail: the link, how long it works, and what to do if it was not you. */
export function resetPasswordMail(to: string, link: string): Mail {
  return {
    to,
    subject: 'Reset your Switchboard password',
    text: [
      'Someone (hopefully you) asked to reset the password of your Switchboard account.',
      '',
      `Choose a new password here (the link works once, for 6 hours): ${link}`,
      '',
      'If you did not ask for this, ignore this mail: your password stays as it is.',
    ].join('\n'),
  };
}

/** The mail a new agent gets: who added them to which account, and the link to choose a password. */
export function invitationMail(to: string, link: string, inviter: string | null, accountName: string): Mail {
  return {
    to,
    subject: `You have been invited to ${accountName} on Switchboard`,
    text: [
      `${inviter ?? 'An administrator'} added you to ${accountName} on Switchboard.`,
      '',
      `Choose your password to sign in (the link works once, for 7 days): ${link}`,
    ].join('\n'),
  };
}
