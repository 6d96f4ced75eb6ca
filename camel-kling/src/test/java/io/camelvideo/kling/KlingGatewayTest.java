package io.camelvideo.kling;

import io.camelvideo.emulator.EmulatorSettings;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The same route against the official paths (JWT, raw envelope) and the gateways (Bearer key, raw and new-api wrapper). */
class KlingGatewayTest extends KlingTestSupport {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "official JWT raw,,/v1,auto",
            "official plain API key (since 2026-06),emulator-kling-api-key,/v1,auto",
            "new-api gateway auto,emulator-kling-api-key,/kling/v1,auto",
            "new-api gateway wrapped,emulator-kling-api-key,/kling/v1,wrapped",
            "raw gateway,emulator-kling-api-key,/raw/kling/v1,raw"})
    void oneRouteWorksAgainstEveryApiShape(String name, String apiKey, String prefix, String format) throws Exception {
        String auth = apiKey == null ? "" : "&apiKey=" + apiKey;
        String uri = "kling:text2video?pathPrefix=" + prefix + "&responseFormat=" + format + auth
                + "&waitForCompletion=true&download=true";

        Exchange out = sendReading(uri, "a lighthouse in a storm");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
        assertThat(out.getMessage().getHeader(KlingConstants.VIDEO_DURATION)).isEqualTo("5.1");
        assertThat(new String(out.getMessage().getBody(byte[].class), 4, 4)).isEqualTo("ftyp");
        // the new-api wrapper reports progress; the official API does not
        assertThat(out.getMessage().getHeader(KlingConstants.PROGRESS)).isEqualTo(prefix.equals("/kling/v1") ? "100%" : null);
        String path = prefix + "/videos/text2video";
        assertThat(requests("POST", path)).isEqualTo(1);
        assertThat(emulator.journal().matching(r -> r.path().startsWith(path)))
                .allSatisfy(r -> assertThat(r.header("Authorization")).startsWith(apiKey == null ? "Bearer eyJ" : "Bearer " + apiKey));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"raw format refuses the wrapper,/kling/v1,raw", "wrapped format refuses the raw envelope,/raw/kling/v1,wrapped"})
    void aForcedFormatRefusesTheOtherShape(String name, String prefix, String format) {
        Exchange created = send("kling:text2video?pathPrefix=" + prefix + "&apiKey=" + EmulatorSettings.DEFAULT_KLING_API_KEY,
                "a lighthouse");
        String taskId = created.getMessage().getHeader(KlingConstants.TASK_ID, String.class);

        Exchange out = send("kling:text2video?operation=status&maxRetries=0&pathPrefix=" + prefix + "&responseFormat=" + format
                + "&apiKey=" + EmulatorSettings.DEFAULT_KLING_API_KEY, null, KlingConstants.TASK_ID, taskId);

        assertThat(out.getException()).isInstanceOf(io.camelvideo.kling.api.KlingApiException.class);
    }
}
