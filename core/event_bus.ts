import type { EventName, EventPayload } from '../common/contract';

export type EventListener = (name: EventName, payload: unknown) => void;

/** Typed events from core services to whichever transports are attached (IPC, HTTP stream). */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(name, payload);
  }

  /** Returns the function that detaches the listener. */
  attach(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
