package io.camelvideo.kling;

import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input is refused before any HTTP call, with the field and the limit named. */
class KlingValidationTest extends KlingTestSupport {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "prompt too long|text2video||LONG_PROMPT|prompt|2500",
            "no prompt|text2video|||prompt|required",
            "cfgScale above 1|text2video|cfgScale=1.5|p|cfgScale (cfg_scale)|between 0 and 1",
            "cfgScale negative|extend|cfgScale=-0.1&videoId=1|p|cfgScale|between 0 and 1",
            "mode unknown|text2video|mode=standard|p|mode|std, pro or 4k",
            "aspect ratio unknown|text2video|aspectRatio=4:3|p|aspectRatio|16:9",
            "duration not a number|text2video|duration=five|p|duration|whole number",
            "duration out of range|text2video|duration=30|p|duration|between 3 and 15",
            "camera two axes|text2video|cameraControl={\"type\":\"simple\",\"config\":{\"pan\":1,\"zoom\":1}}|p|cameraControl|exactly one",
            "camera unknown type|text2video|cameraControl={\"type\":\"spin\"}|p|cameraControl|type must be one of",
            "camera not json|text2video|cameraControl=zoom|p|cameraControl|JSON object",
            "image2video without image|image2video||p|image|required",
            "image not base64|image2video|image=not an image!|p|image|URL or Base64",
            "image tail with camera|image2video|imageTail=https://x/y.png&cameraControl={\"type\":\"down_back\"}|p|imageTail|cameraControl",
            "extend without video|extend||p|videoId (video_id)|required",
            "addSound with both|addSound|videoId=1&videoUrl=https://x/v.mp4||videoId|both were",
            "addSound with neither|addSound|soundEffectPrompt=rain||videoId|neither was",
            "sound prompt too long|addSound|videoId=1&soundEffectPrompt=LONG_SOUND||soundEffectPrompt|200",
            "bgm prompt too long|addSound|videoId=1&bgmPrompt=LONG_SOUND||bgmPrompt|200",
            "video url not http|addSound|videoUrl=file:/etc/passwd||videoUrl|http(s)",
            "callback not http|text2video|callbackUrl=ftp://x|p|callbackUrl|http(s)",
            "asmr not boolean|addSound|videoId=1|{\"asmrMode\":\"maybe\"}|asmrMode|true or false",
            "blank external id|text2video|externalTaskId= |p|externalTaskId|blank"})
    void refusedBeforeAnyRequest(String name, String kind, String options, String body, String field, String limit) {
        String query = options == null ? "" : "?" + options.replace("LONG_SOUND", "s".repeat(201));
        Object payload = body == null ? null : body.replace("LONG_PROMPT", "p".repeat(2501));

        Exchange out = send("kling:" + kind + query, payload);

        assertThat(out.getException()).isInstanceOf(KlingValidationException.class)
                .hasMessageContaining(field).hasMessageContaining(limit);
        assertThat(emulator.journal().all()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "pageSize too big|pageSize=501|pageSize",
            "pageSize zero|pageSize=0|pageSize",
            "pageNum too big|pageNum=1001|pageNum"})
    void listPagingIsCheckedFirst(String name, String options, String field) {
        Exchange out = send("kling:text2video?operation=list&" + options, null);

        assertThat(out.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining(field);
        assertThat(emulator.journal().all()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown camelCase body field|{\"prompt\":\"p\",\"elementList\":[]}|elementList",
            "unknown body field with a dash|{\"prompt\":\"p\",\"shot-type\":\"x\"}|shot-type",
            "invalid JSON body|{\"prompt\": |not valid JSON",
            "cfgScale text|{\"prompt\":\"p\",\"cfg_scale\":\"high\"}|cfgScale"})
    void badBodiesAreRefused(String name, String body, String message) {
        Exchange out = send("kling:text2video", body);

        assertThat(out.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining(message);
        assertThat(emulator.journal().all()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"status without task id,status", "download without task id,download"})
    void statusAndDownloadNeedATask(String name, String operation) {
        Exchange out = send("kling:text2video?operation=" + operation, null);

        assertThat(out.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("CamelKlingTaskId");
        assertThat(emulator.journal().all()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void imageLargerThanTenMegabytesIsRefusedUnread() {
        Exchange out = send("kling:image2video", new byte[10 * 1024 * 1024 + 1]);

        assertThat(out.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("10 MB");
        assertThat(emulator.journal().all()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void explicitVideoUrlBeatsAVideoIdHeaderOfAnEarlierStep() {
        Exchange out = send("kling:addSound?videoUrl=https://example.com/clip.mp4", Map.of(),
                KlingConstants.VIDEO_ID, "860000000000000001");

        assertThat(out.getException()).isNull();
        assertThat(emulator.journal().all().get(0).bodyText()).contains("video_url").doesNotContain("video_id");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "kling:text2video?onlyStatus=completed|onlyStatus=completed|succeed, failed",
            "kling:text2video?format=gif|gif|video, watermarked, mp3, wav",
            "kling:text2video?operation=remove|remove|create, status, list, download"})
    void optionsWithAFixedSetOfValuesFailTheRouteAtStartListingThem(String uri, String given, String values) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bad-" + given.hashCode()).to(uri);
            }
        })).hasStackTraceContaining(given).hasStackTraceContaining(values);
        assertThat(emulator.journal().all()).isEmpty();
    }
}
