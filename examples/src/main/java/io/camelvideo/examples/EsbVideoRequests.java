package io.camelvideo.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * Embedding in an existing integration: extension requests arrive on an internal queue (any
 * {@code seda:}, {@code jms:} or {@code kafka:} endpoint), {@code kling:extend} submits them and
 * returns at once, and {@code from("kling:extend")} hands each finished task, with the request's
 * correlation headers ({@code CamelCorrelationId} and every {@code Order*} header), to the results queue.
 *
 * <pre>
 * request headers: CamelKlingVideoId (the video to extend), OrderId, CamelCorrelationId; body: the prompt
 * result headers:  the same, plus CamelKlingTaskStatus, CamelKlingVideoUrl, CamelKlingVideoDuration ...
 * </pre>
 */
public class EsbVideoRequests extends RouteBuilder {

    private final String requests;
    private final String results;

    /** @param requests the endpoint requests arrive on; {@code results} the one finished tasks go to */
    public EsbVideoRequests(String requests, String results) {
        this.requests = requests;
        this.results = results;
    }

    @Override
    public void configure() {
        from(requests).routeId("esb-submit")
                .to("kling:extend?trackedHeaders=CamelCorrelationId,Order*")
                .log("extension of video ${header.CamelKlingVideoId} for order ${header.OrderId} submitted as task "
                     + "${header.CamelKlingTaskId}");

        from("kling:extend").routeId("esb-deliver")
                .log("task ${header.CamelKlingTaskId} for order ${header.OrderId} ended ${header.CamelKlingTaskStatus}")
                .to(results);
    }
}
