// The workbench with real sign-in (`npm start -- --sign-in`), as a child process: the local
// identity provider is oidc-provider, an ES module that Jest's CommonJS runtime cannot load, and
// running the very command a newcomer runs proves that command too.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

export interface SignInWorkbench {
  url: string;
  /** The identity provider's authority (https://127.0.0.1:<port>/<tenant>). */
  authority: string;
  close(): Promise<void>;
}

export function startSignInWorkbench(timeoutMs = 60_000): Promise<SignInWorkbench> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      path.join(root, 'dev', 'workbench', 'start.ts'),
      '--no-build',
      '--port',
      '0',
      '--sign-in',
      '--identity-port',
      '0',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      void close();
      reject(new Error(`The sign-in workbench did not start: ${out}${err}`));
    }, timeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Contact Guard workbench: (\S+?)\/?\s/.exec(out)?.[1];
      const authority = /Local identity provider: (\S+)/.exec(out)?.[1];
      if (url && authority) {
        clearTimeout(timer);
        resolve({ url, authority, close });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The sign-in workbench exited (${code}): ${out}${err}`));
    });
  });
}
