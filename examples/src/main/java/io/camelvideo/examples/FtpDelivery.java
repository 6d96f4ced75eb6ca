package io.camelvideo.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * Delivery to FTP: every finished {@code text2video} task's video is uploaded as {@code <taskId>.mp4}.
 * The video arrives as a spooled, re-readable stream; {@code binary=true} matters (FTP's ASCII mode
 * corrupts video bytes).
 *
 * <pre>
 * from("kling:text2video?download=true&amp;onlyStatus=succeed")
 *     .to("ftp://user@host/videos?password=RAW(...)&amp;binary=true&amp;passiveMode=true");
 * </pre>
 */
public class FtpDelivery extends RouteBuilder {

    private final String ftpUri;

    /** @param ftpUri the {@code ftp:} (or {@code sftp:}/{@code ftps:}) endpoint to upload to */
    public FtpDelivery(String ftpUri) {
        this.ftpUri = ftpUri;
    }

    @Override
    public void configure() {
        from("kling:text2video?download=true&onlyStatus=succeed").routeId("ftp-delivery")
                .to(ftpUri)
                .log("uploaded ${header.CamelFileName} (${header.Content-Length} bytes) for ${header.VideoPrompt}");
    }
}
