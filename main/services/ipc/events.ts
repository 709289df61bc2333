import { eventChannels, type EventChannel, type EventOf } from '../../../shared/ipc/contract';

export type EventSink = (channel: EventChannel, payload: unknown) => void;

export interface EventEmitter {
  emit<C extends EventChannel>(channel: C, payload: EventOf<C>): void;
}

/**
 * Main → renderer events go out only on declared channels, and only with payloads that pass
 * their schema: a bug in a service cannot push arbitrary data into the page.
 */
export function createEventEmitter(sink: EventSink): EventEmitter {
  return {
    emit(channel, payload) {
      const checked = eventChannels[channel].safeParse(payload);
      if (!checked.success) throw new Error(`Event ${channel} does not match its contract`);
      sink(channel, checked.data);
    },
  };
}
