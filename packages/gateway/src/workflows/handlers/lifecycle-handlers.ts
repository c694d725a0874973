/** Handlers of the partner messages of the lifecycle area (see index.ts): replacement and cancellation. */
import { receiveCancellation } from '../lifecycle/receive-cancellation.js';
import { receiveReplacement } from '../lifecycle/receive-replacement.js';
import type { HandlerMap } from './handler.js';

export const lifecycleHandlers: HandlerMap = {
  'co.replaced': receiveReplacement,
  'co.cancelled': receiveCancellation,
};
