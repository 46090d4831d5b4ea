/**
 * Groups the messages one event-loop turn produces into a single
 * `postMessage`: each post costs a serialization and a wake-up of the other
 * thread, and under load many calls start (and many answers arrive) together.
 */

/** Collects messages and posts them as one array once the current task's microtasks are done. */
export class MessageBatcher<M> {
  #messages: M[] = [];
  #transfer: Transferable[] = [];

  /** `post` receives each batch (never empty) with the buffers to transfer. */
  constructor(
    private readonly post: (batch: M[], transfer: Transferable[]) => void,
  ) {}

  /** Queues `message`; it is posted with the others queued in this turn. */
  send(message: M, transfer: Transferable[] = []): void {
    if (this.#messages.length === 0) queueMicrotask(() => this.#flush());
    this.#messages.push(message);
    this.#transfer.push(...transfer);
  }

  #flush(): void {
    const messages = this.#messages;
    const transfer = this.#transfer;
    this.#messages = [];
    this.#transfer = [];
    this.post(messages, transfer);
  }
}
