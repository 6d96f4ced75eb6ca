package io.camelvideo.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * Delivery to S3: every finished {@code text2video} task's video is stored under
 * {@code videos/<taskId>.mp4} with its content type and length, streamed from the spool file.
 */
public class S3Delivery extends RouteBuilder {

    private final String s3Uri;

    /** @param s3Uri the {@code aws2-s3:} endpoint (bucket, region, credentials, optional endpoint override) */
    public S3Delivery(String s3Uri) {
        this.s3Uri = s3Uri;
    }

    @Override
    public void configure() {
        from("kling:text2video?download=true&onlyStatus=succeed").routeId("s3-delivery")
                .setHeader("CamelAwsS3Key", simple("videos/${header.CamelKlingTaskId}.mp4"))
                .setHeader("CamelAwsS3ContentType", header("Content-Type"))
                .setHeader("CamelAwsS3ContentLength", header("Content-Length"))
                .to(s3Uri)
                .log("stored ${header.CamelAwsS3Key} (${header.Content-Length} bytes)");
    }
}
