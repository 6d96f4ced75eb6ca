package io.camelvideo.examples;

import jakarta.activation.DataHandler;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.builder.RouteBuilder;
import io.camelvideo.kling.KlingConstants;

import java.io.InputStream;

/**
 * Delivery by mail: one mail per finished task with its status and prompt; a succeeded video is
 * attached when it is small enough, otherwise the mail carries its link (valid for 30 days).
 * The prompt travels as the correlation header {@code VideoPrompt} (see {@link #SUBMIT}).
 */
public class MailDelivery extends RouteBuilder {

    /** Where prompts are submitted: the prompt is kept as the tracked header {@code VideoPrompt}. */
    public static final String SUBMIT = "direct:submit-for-mail";

    private final String smtpUri;
    private final long attachUpToBytes;

    /**
     * @param smtpUri         the {@code smtp:} endpoint with from/to
     * @param attachUpToBytes videos up to this size are attached, larger ones linked
     */
    public MailDelivery(String smtpUri, long attachUpToBytes) {
        this.smtpUri = smtpUri;
        this.attachUpToBytes = attachUpToBytes;
    }

    @Override
    public void configure() {
        from(SUBMIT).routeId("mail-submit")
                .setHeader("VideoPrompt", body())
                .to("kling:text2video?trackedHeaders=CamelFileName,VideoPrompt");

        from("kling:text2video?download=true").routeId("mail-delivery")
                .process(this::compose)
                .to(smtpUri);
    }

    private void compose(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String taskId = message.getHeader(KlingConstants.TASK_ID, String.class);
        String status = message.getHeader(KlingConstants.TASK_STATUS, String.class);
        StringBuilder text = new StringBuilder()
                .append("Task ").append(taskId).append(": ").append(status).append('\n')
                .append("Prompt: ").append(message.getHeader("VideoPrompt", "", String.class)).append('\n');
        String subject = "Kling video " + taskId + " " + status;
        if (!"succeed".equals(status)) {
            text.append("Reason: ").append(message.getHeader(KlingConstants.TASK_STATUS_MESSAGE, String.class)).append('\n');
            message.setBody(text.toString());
        } else {
            long length = message.getHeader(Exchange.CONTENT_LENGTH, 0L, Long.class);
            text.append("Duration: ").append(message.getHeader(KlingConstants.VIDEO_DURATION, String.class)).append(" s\n");
            String fileName = message.getHeader(Exchange.FILE_NAME, String.class);
            if (length <= attachUpToBytes) {
                byte[] video;
                try (InputStream in = message.getBody(InputStream.class)) {
                    video = in.readAllBytes();
                }
                text.append("The video is attached (").append(length).append(" bytes).\n");
                message.setBody(text.toString());
                exchange.getIn(AttachmentMessage.class).addAttachment(fileName,
                        new DataHandler(new ByteArrayDataSource(video, "video/mp4")));
            } else {
                text.append("The video (").append(length).append(" bytes) is too large to attach: ")
                        .append(message.getHeader(KlingConstants.VIDEO_URL, String.class)).append('\n');
                message.setBody(text.toString());
            }
        }
        message.setHeader("Subject", subject);
        message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=UTF-8");
    }
}
