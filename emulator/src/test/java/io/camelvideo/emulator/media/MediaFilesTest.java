package io.camelvideo.emulator.media;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

class MediaFilesTest {

    @Test
    void mp4IsAnIsoBmffFileWhoseBoxesAddUpToItsDeclaredLength() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MediaFiles.writeMp4(out, 9_600, "label", 1_000);
        byte[] mp4 = out.toByteArray();

        assertThat((long) mp4.length).isEqualTo(MediaFiles.mp4Length("label", 1_000));
        ByteBuffer buffer = ByteBuffer.wrap(mp4);
        StringBuilder boxes = new StringBuilder();
        int at = 0;
        while (at < mp4.length) {
            int size = buffer.getInt(at);
            boxes.append(new String(mp4, at + 4, 4)).append(' ');
            at += size;
        }
        assertThat(at).isEqualTo(mp4.length);
        assertThat(boxes.toString().trim()).isEqualTo("ftyp moov free mdat");
        assertThat(new String(mp4, 44, 4)).isEqualTo("mvhd");
        assertThat(buffer.getInt(60)).isEqualTo(1000);    // mvhd timescale
        assertThat(buffer.getInt(64)).isEqualTo(9_600);   // mvhd duration
    }

    @Test
    void mp3HasOneFrameHeaderPer417BytesAndWavDeclaresItsSize() {
        byte[] mp3 = MediaFiles.mp3(5_000);
        byte[] wav = MediaFiles.wav(2_000);

        assertThat(mp3.length % 417).isZero();
        for (int frame = 0; frame < mp3.length; frame += 417) {
            assertThat(mp3[frame] & 0xFF).isEqualTo(0xFF);
            assertThat(mp3[frame + 1] & 0xFF).isEqualTo(0xFB);
        }
        assertThat(Integer.reverseBytes(ByteBuffer.wrap(wav).getInt(4))).isEqualTo(wav.length - 8);
        assertThat(Integer.reverseBytes(ByteBuffer.wrap(wav).getInt(40))).isEqualTo(16_000);
    }

    @Test
    void pngStartsWithTheSignature() {
        assertThat(MediaFiles.png("x")).startsWith(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
    }
}
