package io.camelvideo.examples;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.camelvideo.emulator.Emulator;
import io.camelvideo.emulator.EmulatorSettings;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** One mail per finished task on a real SMTP server (GreenMail in the JVM): small videos attached, large ones linked. */
class MailDeliveryTest {

    static GreenMail greenMail;
    static int smtpPort;

    @BeforeAll
    static void startMail() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        smtpPort = greenMail.getSmtp().getPort();
    }

    @AfterAll
    static void stopMail() {
        greenMail.stop();
    }

    @Test
    void attachedWhenSmallLinkedWhenLargeReasonWhenFailed() throws Exception {
        try (Emulator emulator = Emulator.start(new EmulatorSettings().speed(1000))) {
            CamelContext context = DeliveryTestSupport.context(emulator);
            context.addRoutes(new MailDelivery("smtp://127.0.0.1:" + smtpPort + "?from=videos@example.com&to=ops@example.com",
                    10_000));
            context.start();
            try {
                var template = context.createProducerTemplate();
                template.sendBody(MailDelivery.SUBMIT, "a small fox");
                template.sendBody(MailDelivery.SUBMIT, "a [fail] cat");
                assertThat(greenMail.waitForIncomingEmail(30_000, 2)).isTrue();
                emulator.settings().videoPaddingBytes(50_000);
                template.sendBody(MailDelivery.SUBMIT, "a long lighthouse");
                assertThat(greenMail.waitForIncomingEmail(30_000, 3)).isTrue();

                Map<String, MimeMessage> bySubjectEnd = Arrays.stream(greenMail.getReceivedMessages())
                        .collect(Collectors.toMap(MailDeliveryTest::promptOf, Function.identity()));
                MimeMessage small = bySubjectEnd.get("a small fox");
                MimeMessage failed = bySubjectEnd.get("a [fail] cat");
                MimeMessage large = bySubjectEnd.get("a long lighthouse");

                assertThat(small.getSubject()).endsWith("succeed");
                Multipart parts = (Multipart) small.getContent();
                BodyPart video = parts.getBodyPart(1);
                assertThat(video.getFileName()).endsWith(".mp4");
                assertThat(video.isMimeType("video/mp4")).isTrue();
                assertThat(new String(video.getInputStream().readAllBytes(), 4, 4)).isEqualTo("ftyp");
                assertThat(failed.getSubject()).endsWith("failed");
                assertThat(text(failed)).contains("risk control");
                assertThat(text(large)).contains("too large to attach").contains("/cdn/");
                assertThat(large.getContent()).isInstanceOf(String.class);
            } finally {
                context.stop();
            }
        }
    }

    private static String promptOf(MimeMessage message) {
        try {
            String body = text(message);
            return body.lines().filter(l -> l.startsWith("Prompt: ")).findFirst().orElseThrow().substring(8);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            return multipart.getBodyPart(0).getContent().toString();
        }
        return content.toString();
    }
}
