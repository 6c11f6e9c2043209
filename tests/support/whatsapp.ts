/**
 * The WhatsApp bot on the fake socket (tests/fixtures/whatsapp/setup.ts) with one case open: the timses adds ASN 1
 * to the campaign group (a participant stub, as Baileys delivers `group-participants.update` from the notification
 * node) and the case's alerts go out to the ASN and the Humas admin.
 */
import { participantStub } from '../../src/platforms/sim/whatsapp-socket.js';
import { ASN1_LID, ASN1_PN, drainAll, GROUP, startBot, TIMSES_LID, TIMSES_PN, type Clock } from '../fixtures/whatsapp/setup.js';

/** Starts the bot (`stops` gets its stop: adapter, then app), delivers the addition and sends the alerts. */
export async function startBotWithAlert(clock: Clock, stops: (() => Promise<void>)[], o: Parameters<typeof startBot>[1] = {}): Promise<Awaited<ReturnType<typeof startBot>>> {
  const b = await startBot(clock, o);
  stops.push(async () => {
    await b.wa.stop();
    await b.app.close();
  });
  await b.fake.deliver(participantStub({ group: GROUP, id: 'ADD-1', author: TIMSES_LID, authorAlt: TIMSES_PN, action: 'add', participants: [{ id: ASN1_LID, phoneNumber: ASN1_PN }], at: clock.now }));
  await b.wa.idle();
  await drainAll(b.app, clock, 5);
  return b;
}
