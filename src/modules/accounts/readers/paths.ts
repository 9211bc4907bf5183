/** Where readers sign in; takes ?return=<path on this site> (see return-path.ts). */
export const READER_SIGN_IN_PATH = '/account/sign-in';
