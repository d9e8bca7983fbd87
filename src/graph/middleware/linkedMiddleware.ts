// Base for our middlewares: the library chains them with setNext(), and each one must hand the
// context on. Keeping that plumbing here lets each middleware be a few lines about one concern.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

export abstract class LinkedMiddleware implements Middleware {
  private next: Middleware | undefined;

  setNext(next: Middleware): void {
    this.next = next;
  }

  abstract execute(context: Context): Promise<void>;

  protected async callNext(context: Context): Promise<void> {
    if (!this.next) {
      // A chain that ends anywhere but the HTTP handler would silently send nothing.
      throw new Error(`${this.constructor.name} has no next middleware`);
    }
    await this.next.execute(context);
  }
}
