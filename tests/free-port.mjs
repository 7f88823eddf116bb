// A TCP port free on 127.0.0.1 right now (for a server a test starts as a child process, whose
// port must be known before it listens). Shared by the e2e and conformance suites.
import { createServer } from 'node:net';

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}
