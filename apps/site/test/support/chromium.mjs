// Debian's Chromium (installed with apt; no browser download) and the flags
// this machine needs: no sandbox as root, and no background networking, which
// would otherwise flood the closed network. Shared by the e2e tests and the bench.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
