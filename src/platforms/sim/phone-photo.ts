/**
 * What happens to a screenshot between the phone and the bot, for the simulators, tests and the OCR evaluation.
 * A bot never gets the phone's PNG when the ASN sends it as a photo:
 * - Telegram recompresses every `photo` to JPEG on its servers and offers it in a few sizes, the largest at most
 *   1280 px on the long side for an ordinary photo (Bot API Message.photo, "available sizes of the photo",
 *   node_modules/@telegraf/types/message.d.ts; the 1280x1280 bound is Telegram's, stated by the Telegram Desktop
 *   maintainer in telegramdesktop/tdesktop#6520 and measured in tginfo/Telegram-Limits#179). A screenshot sent
 *   "as file" arrives as a `document` with its own bytes (tdlib/telegram-bot-api#85), so it keeps its PNG.
 * - WhatsApp: Baileys does not recompress what it sends or receives (lib/Utils/messages.js,
 *   prepareWAMessageMedia, encrypts the given bytes with encryptedStream and only draws a 32 px jpegThumbnail
 *   with sharp, lib/Utils/messages-media.js, extractImageThumb). The sender's phone does it: at its "standard"
 *   photo quality a picture arrives as a JPEG about 1600 px on the long side, at a quality well under 90. That
 *   figure is our assumption (WhatsApp publishes none); WHATSAPP_STANDARD below holds it.
 * sharp (already in the tree as Baileys' image library) does the downscaling (Lanczos) and the JPEG encoding
 * (mozjpeg, 4:2:0 chroma subsampling, as phones and Telegram send).
 */
import sharp from 'sharp';

/** How a picture is recompressed: its long side brought down to `longSide` pixels (never up), JPEG at `quality`. */
export interface PhotoCompression {
  longSide: number;
  quality: number;
}

/** A Telegram photo's largest size: 1280 px long side; quality 80 (Telegram publishes none; measured variants use 60 too). */
export const TELEGRAM_PHOTO: PhotoCompression = { longSide: 1280, quality: 80 };
/** A WhatsApp photo at the app's standard quality (our assumption, see above). */
export const WHATSAPP_STANDARD: PhotoCompression = { longSide: 1600, quality: 70 };

/** The picture as the platform delivers it: JPEG bytes and their pixel size. */
export async function compressPhoto(image: Buffer, c: PhotoCompression): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(image)
    .resize({ width: c.longSide, height: c.longSide, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: c.quality, chromaSubsampling: '4:2:0' })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * The sizes a Telegram `photo` carries, smallest first as the Bot API lists them: thumbnails of 90, 320 and 800 px
 * on the long side (those smaller than the picture), then the picture itself at up to 1280 px.
 */
export async function telegramPhotoSizes(image: Buffer, quality = TELEGRAM_PHOTO.quality): Promise<{ data: Buffer; width: number; height: number }[]> {
  const meta = await sharp(image).metadata();
  const long = Math.max(meta.width ?? 0, meta.height ?? 0);
  const sides = [90, 320, 800].filter((s) => s < Math.min(long, TELEGRAM_PHOTO.longSide));
  return Promise.all([...sides, TELEGRAM_PHOTO.longSide].map((longSide) => compressPhoto(image, { longSide, quality })));
}
