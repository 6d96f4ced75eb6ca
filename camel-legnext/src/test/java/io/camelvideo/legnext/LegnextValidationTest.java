package io.camelvideo.legnext;

import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input is refused before any HTTP call, naming the field and the limit. */
class LegnextValidationTest extends LegnextTestSupport {

    private static final String JOB = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no prompt|diffusion||  |text|required",
            "prompt too long|diffusion||LONG|text|8192",
            "job id not a uuid|variation|jobId=42&imageNo=0||jobId|UUID",
            "no job id|upscale|imageNo=0||jobId|required",
            "imageNo too big|variation|imageNo=4|JOBID|imageNo|0 to 3",
            "imageNo missing|pan|direction=1&scale=1.5|JOBID|imageNo|required",
            "videoNo negative|extendVideo|videoNo=-1|JOBID|videoNo|0 to 3",
            "videoNo missing|videoUpscale||JOBID|videoNo|required",
            "variation type 2|variation|imageNo=0&type=2|JOBID|type|0 to 1",
            "pan direction 4|pan|imageNo=0&direction=4&scale=1.5|JOBID|direction|0 to 3",
            "pan scale too big|pan|imageNo=0&direction=1&scale=3.5|JOBID|scale|1.1 to 3.0",
            "outpaint scale too big|outpaint|imageNo=0&scale=2.5|JOBID|scale|1.1 to 2.0",
            "outpaint scale missing|outpaint|imageNo=0|JOBID|scale|1.1 to 2.0",
            "blend one url|blend|imgUrls=https://a/1.png||imgUrls|2 to 5",
            "blend six urls|blend|imgUrls=https://a/1,https://a/2,https://a/3,https://a/4,https://a/5,https://a/6||imgUrls|2 to 5",
            "blend bad ratio|blend|imgUrls=https://a/1,https://a/2&aspectRatio=16:9||aspectRatio|2:3",
            "describe not http|describe|imgUrl=ftp://a/1.png||imgUrl|http(s)",
            "describe url too long|describe|imgUrl=https://a/LONGURL||imgUrl|1024",
            "inpaint no mask|inpaint|imageNo=0|JOBID|mask|required",
            "remix no prompt|remix|imageNo=0|JOBID|remixPrompt|required",
            "video without source|videoDiffusion|||prompt|jobId + imageNo",
            "videoType 2|videoDiffusion|imageNo=0&videoType=2|JOBID|videoType|0 to 1",
            "callback not http|diffusion|callback=mailto:x|a cat|callback|http(s)"})
    void refusedBeforeAnyRequest(String name, String operation, String options, String body, String field, String limit) {
        String query = options == null ? "" : "?" + options.replace("LONGURL", "x".repeat(1100));
        Object payload = body == null || body.isBlank() ? null : body.replace("LONG", "p".repeat(8193));
        Object[] headers = "JOBID".equals(body) ? new Object[] {LegnextConstants.JOB_ID, JOB} : new Object[0];
        if ("JOBID".equals(body)) {
            payload = null;
        }

        Exchange out = send("legnext:" + operation + query, payload, headers);

        assertThat(out.getException()).isInstanceOf(LegnextValidationException.class)
                .hasMessageContaining(field).hasMessageContaining(limit);
        assertThat(emulator.journal().all()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "legnext:diffusion?downloadOutput=7|downloadOutput=7|all, grid, 0, 1, 2, 3",
            "legnext:diffusion?onlyStatus=succeed|onlyStatus=succeed|completed, failed"})
    void optionsWithAFixedSetOfValuesFailTheRouteAtStartListingThem(String uri, String option, String values) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bad-" + option.hashCode()).to(uri);
            }
        })).hasStackTraceContaining(option).hasStackTraceContaining(values);
        assertThat(emulator.journal().all()).isEmpty();
    }
}
