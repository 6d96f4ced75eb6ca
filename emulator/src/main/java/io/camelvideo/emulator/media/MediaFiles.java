package io.camelvideo.emulator.media;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Small but structurally valid media files, generated on the fly:
 * <ul>
 *   <li>mp4: an ISO BMFF file ({@code ftyp}, {@code moov/mvhd} carrying the clip's duration, an
 *       optional {@code free} padding box, {@code mdat}); tools such as ffprobe read its duration.</li>
 *   <li>mp3: MPEG-1 Layer III frames of silence (128 kbit/s, 44.1 kHz, mono).</li>
 *   <li>wav: RIFF/WAVE, 8 kHz 8-bit mono PCM silence.</li>
 *   <li>png: a 64×64 image whose colour is derived from a seed.</li>
 * </ul>
 */
public final class MediaFiles {

    private static final int MP3_FRAME_BYTES = 417;
    private static final double MP3_FRAME_SECONDS = 1152.0 / 44_100;
    private static final int WAV_SAMPLE_RATE = 8_000;

    private MediaFiles() {
    }

    /** Length in bytes of {@link #writeMp4}'s output. */
    public static long mp4Length(String label, long paddingBytes) {
        return 32 + 116 + (paddingBytes > 0 ? 8 + paddingBytes : 0) + 8 + label.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Writes an mp4 of {@code durationMillis}, with {@code label} as its media data. */
    public static void writeMp4(OutputStream target, long durationMillis, String label, long paddingBytes) throws IOException {
        DataOutputStream out = new DataOutputStream(target);
        // ftyp
        out.writeInt(32);
        out.writeBytes("ftyp");
        out.writeBytes("isom");
        out.writeInt(0x200);
        out.writeBytes("isomiso2avc1mp41");
        // moov { mvhd }
        out.writeInt(116);
        out.writeBytes("moov");
        out.writeInt(108);
        out.writeBytes("mvhd");
        out.writeInt(0);                    // version 0, flags
        out.writeInt(0);                    // creation time
        out.writeInt(0);                    // modification time
        out.writeInt(1000);                 // timescale: milliseconds
        out.writeInt((int) durationMillis); // duration
        out.writeInt(0x00010000);           // rate 1.0
        out.writeShort(0x0100);             // volume 1.0
        out.write(new byte[10]);            // reserved
        int[] matrix = {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000};
        for (int m : matrix) {
            out.writeInt(m);
        }
        out.write(new byte[24]);            // pre-defined
        out.writeInt(2);                    // next track id
        if (paddingBytes > 0) {
            out.writeInt((int) (8 + paddingBytes));
            out.writeBytes("free");
            byte[] zeros = new byte[64 * 1024];
            long left = paddingBytes;
            while (left > 0) {
                int n = (int) Math.min(zeros.length, left);
                out.write(zeros, 0, n);
                left -= n;
            }
        }
        byte[] data = label.getBytes(StandardCharsets.UTF_8);
        out.writeInt(8 + data.length);
        out.writeBytes("mdat");
        out.write(data);
        out.flush();
    }

    /** An mp3 of about {@code durationMillis} of silence. */
    public static byte[] mp3(long durationMillis) {
        int frames = Math.max(1, (int) Math.round(durationMillis / 1000.0 / MP3_FRAME_SECONDS));
        byte[] bytes = new byte[frames * MP3_FRAME_BYTES];
        for (int f = 0; f < frames; f++) {
            int at = f * MP3_FRAME_BYTES;
            bytes[at] = (byte) 0xFF;     // frame sync
            bytes[at + 1] = (byte) 0xFB; // MPEG-1, Layer III, no CRC
            bytes[at + 2] = (byte) 0x90; // 128 kbit/s, 44.1 kHz, no padding
            bytes[at + 3] = (byte) 0xC4; // mono, original
        }
        return bytes;
    }

    /** A wav of {@code durationMillis} of silence. */
    public static byte[] wav(long durationMillis) {
        int samples = (int) (durationMillis * WAV_SAMPLE_RATE / 1000);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(44 + samples);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeBytes("RIFF");
            out.writeInt(Integer.reverseBytes(36 + samples));
            out.writeBytes("WAVE");
            out.writeBytes("fmt ");
            out.writeInt(Integer.reverseBytes(16));
            out.writeShort(Short.reverseBytes((short) 1));   // PCM
            out.writeShort(Short.reverseBytes((short) 1));   // mono
            out.writeInt(Integer.reverseBytes(WAV_SAMPLE_RATE));
            out.writeInt(Integer.reverseBytes(WAV_SAMPLE_RATE)); // byte rate
            out.writeShort(Short.reverseBytes((short) 1));   // block align
            out.writeShort(Short.reverseBytes((short) 8));   // bits per sample
            out.writeBytes("data");
            out.writeInt(Integer.reverseBytes(samples));
            byte[] silence = new byte[samples];
            java.util.Arrays.fill(silence, (byte) 0x80);
            out.write(silence);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /** A 64×64 png coloured after {@code seed}. */
    public static byte[] png(String seed) {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(seed.hashCode() & 0xFFFFFF));
        g.fillRect(0, 0, 64, 64);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
