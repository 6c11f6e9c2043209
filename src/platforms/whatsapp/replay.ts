/** `npx jaga-netral replay`: recorded Baileys events through the live WhatsApp handlers (see `replayWhatsAppEvent`). */
export { finishWhatsAppReplay, replayWhatsAppEvent, reviveWhatsAppEvent } from './adapter.js';
