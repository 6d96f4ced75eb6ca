package io.camelvideo.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelvideo.emulator.Emulator;
import io.camelvideo.emulator.EmulatorSettings;
import io.camelvideo.emulator.faults.Fault;
import io.camelvideo.emulator.http.Api;
import io.camelvideo.emulator.http.ApiRequest;
import io.camelvideo.emulator.http.ApiResponse;
import io.camelvideo.emulator.http.Json;
import io.camelvideo.emulator.journal.RecordedRequest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's own control API under {@code /__emulator/}, for runs outside the JVM (curl, other
 * languages): health, settings, faults, recorded requests, callbacks, Legnext points, media expiry
 * and reset. Never subject to injected faults, and not recorded.
 */
public final class AdminApi implements Api {

    public static final String PREFIX = "/__emulator/";

    private final Emulator emulator;

    public AdminApi(Emulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public boolean serves(ApiRequest request) {
        return request.path().startsWith(PREFIX);
    }

    @Override
    public boolean observed() {
        return false;
    }

    /** p50 / p99 / max of the time from a status change to the receiver's answer to its callback. */
    private Map<String, Long> answerPercentiles() {
        long[] millis = emulator.callbacks().deliveries().stream().mapToLong(d -> d.answeredAfterMillis()).sorted().toArray();
        if (millis.length == 0) {
            return Map.of();
        }
        return Map.of("p50", millis[(millis.length - 1) / 2], "p99", millis[(int) Math.ceil(millis.length * 0.99) - 1],
                "max", millis[millis.length - 1]);
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        String what = request.method() + " " + request.path().substring(PREFIX.length());
        try {
            return switch (what) {
                case "GET health" -> ApiResponse.json(200, Map.of("status", "UP"));
                case "GET requests" -> ApiResponse.json(200, requests(request));
                case "GET stats" -> ApiResponse.json(200, Map.of(
                        "requests", emulator.journal().size(),
                        "gets", emulator.journal().count("GET", "/"),
                        "posts", emulator.journal().count("POST", "/"),
                        "pageGets", emulator.journal().matching(r -> r.method().equals("GET")
                                && (r.query().containsKey("pageNum") || r.query().containsKey("pageSize"))).size(),
                        "klingMostUnfinished", emulator.kling().mostUnfinished(),
                        "callbacks", emulator.callbacks().deliveries().stream().collect(java.util.stream.Collectors.groupingBy(
                                d -> Integer.toString(d.status()), java.util.TreeMap::new, java.util.stream.Collectors.counting())),
                        "callbackAnswerMillis", answerPercentiles()));
                case "DELETE requests" -> {
                    emulator.journal().clear();
                    yield noContent();
                }
                case "GET faults" -> ApiResponse.json(200, emulator.faults().pending().stream().map(Fault::toString).toList());
                case "POST faults" -> ApiResponse.json(201, Map.of("added", emulator.faults().add(fault(body(request))).toString()));
                case "DELETE faults" -> {
                    emulator.faults().clear();
                    yield noContent();
                }
                case "PUT settings" -> {
                    settings(body(request));
                    yield noContent();
                }
                case "GET callbacks" -> ApiResponse.json(200, emulator.callbacks().deliveries());
                case "PUT legnext/points" -> {
                    JsonNode body = body(request);
                    emulator.legnext().points(body.path("apiKey").asText(EmulatorSettings.DEFAULT_LEGNEXT_API_KEY),
                            body.path("points").asLong());
                    yield noContent();
                }
                case "POST media/expire" -> {
                    emulator.media().expire(body(request).path("owner").asText());
                    yield noContent();
                }
                case "POST reset" -> {
                    emulator.reset();
                    yield noContent();
                }
                default -> ApiResponse.json(404, Map.of("error", "unknown admin call " + what));
            };
        } catch (IllegalArgumentException | IOException e) {
            return ApiResponse.json(400, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private List<Map<String, Object>> requests(ApiRequest request) {
        long since = Long.parseLong(request.query().getOrDefault("since", "0"));
        return emulator.journal().matching(r -> r.sequence() > since).stream().map(AdminApi::describe).toList();
    }

    private static Map<String, Object> describe(RecordedRequest r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sequence", r.sequence());
        json.put("method", r.method());
        json.put("path", r.path());
        json.put("query", r.query());
        json.put("status", r.responseStatus());
        json.put("fault", r.fault());
        json.put("body", r.bodyText());
        return json;
    }

    private static Fault fault(JsonNode spec) {
        Fault.Builder builder = Fault.of(Fault.Type.parse(spec.path("type").asText("status")))
                .on(spec.hasNonNull("method") ? spec.get("method").asText() : null,
                        spec.hasNonNull("path") ? spec.get("path").asText() : null)
                .phase(Fault.Phase.parse(spec.path("phase").asText("before")))
                .httpStatus(spec.path("status").asInt(500))
                .code(spec.hasNonNull("code") ? spec.get("code").asInt() : null)
                .retryAfter(spec.hasNonNull("retryAfter") ? spec.get("retryAfter").asInt() : null)
                .delayMillis(spec.path("delayMillis").asLong(0))
                .times(spec.path("count").asInt(1))
                .forMillis(spec.path("durationMillis").asLong(0));
        return builder.build();
    }

    private void settings(JsonNode body) {
        EmulatorSettings s = emulator.settings();
        if (body.has("speed")) {
            s.speed(body.get("speed").asDouble());
        }
        if (body.has("latencyMillis")) {
            s.latencyMillis(body.get("latencyMillis").asLong());
        }
        if (body.has("klingQueuedMillis")) {
            s.klingQueuedMillis(body.get("klingQueuedMillis").asLong());
        }
        if (body.has("durationSpread")) {
            s.durationSpread(body.get("durationSpread").asDouble());
        }
        if (body.has("klingProcessingMillis")) {
            s.klingProcessingMillis(body.get("klingProcessingMillis").asLong());
        }
        if (body.has("klingPackUnits")) {
            s.klingPackUnits(body.get("klingPackUnits").asLong());
        }
        if (body.has("klingConcurrency")) {
            s.klingConcurrency(body.get("klingConcurrency").asInt());
        }
        if (body.has("legnextConcurrency")) {
            s.legnextConcurrency(body.get("legnextConcurrency").asInt());
        }
        if (body.has("legnextDurationFactor")) {
            s.legnextDurationFactor(body.get("legnextDurationFactor").asDouble());
        }
        if (body.has("dropCallbacks")) {
            s.dropCallbacks(body.get("dropCallbacks").asBoolean());
        }
        if (body.has("duplicateCallbacks")) {
            s.duplicateCallbacks(body.get("duplicateCallbacks").asBoolean());
        }
        if (body.has("videoPaddingBytes")) {
            s.videoPaddingBytes(body.get("videoPaddingBytes").asLong());
        }
    }

    private static JsonNode body(ApiRequest request) throws IOException {
        return request.body().length == 0 ? Json.MAPPER.createObjectNode() : Json.read(request.body());
    }

    private static ApiResponse noContent() {
        return new ApiResponse(204, null, -1, out -> {
        });
    }
}
