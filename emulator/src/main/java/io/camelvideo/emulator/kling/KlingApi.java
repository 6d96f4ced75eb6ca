package io.camelvideo.emulator.kling;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelvideo.emulator.EmulatorSettings;
import io.camelvideo.emulator.callback.CallbackDispatcher;
import io.camelvideo.emulator.http.Api;
import io.camelvideo.emulator.http.ApiRequest;
import io.camelvideo.emulator.http.ApiResponse;
import io.camelvideo.emulator.http.Json;
import io.camelvideo.emulator.media.MediaStore;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The emulated Kling API (kling-api.md §1–§5, §8): the official {@code /v1/...} paths with JWT auth
 * and raw envelopes, and each configured gateway prefix ({@code /kling/v1/...}) with plain Bearer keys
 * in its {@link GatewayFormat}.
 */
public final class KlingApi implements Api {

    private static final String OFFICIAL_PREFIX = "";

    /** Where a request came in: the prefix, its format and whether it takes JWTs. */
    private record Entry(String prefix, GatewayFormat format, boolean jwt) {
    }

    private final EmulatorSettings settings;
    private final MediaStore media;
    private final CallbackDispatcher callbacks;
    private final LongSupplier clock;
    private final KlingTaskStore store = new KlingTaskStore();
    /** The synchronous endpoints (kling-api-current.md §0), below {@code /v1}. */
    private static final String TTS = "/audio/tts";
    private static final String IDENTIFY_FACE = "/videos/identify-face";
    private static final String IMAGE_RECOGNIZE = "/videos/image-recognize";
    /** kling-api-current.md §19: account costs, not under {@code /v1}. */
    private static final String COSTS = "/account/costs";
    private static final String PRESET_VOICES = "/general/presets-voices";
    private static final String SELECTION_PREFIX = "/videos/multi-elements/";
    private static final String PRESET_ELEMENTS = "/general/advanced-presets-elements";
    private static final String DELETE_VOICES = "/general/delete-voices";
    private static final String DELETE_ELEMENTS = "/general/delete-elements";
    /** The emulated account's one resource pack. */
    /** identify-face sessions by id. */
    private final Map<String, KlingValidator.FaceSession> sessions = new java.util.concurrent.ConcurrentHashMap<>();
    /** multi-elements selection sessions. */
    private final MultiElementSelections selections;
    private final JwtVerifier jwt;

    public KlingApi(EmulatorSettings settings, MediaStore media, CallbackDispatcher callbacks, LongSupplier clock) {
        this.settings = settings;
        this.media = media;
        this.callbacks = callbacks;
        this.clock = clock;
        this.jwt = new JwtVerifier(settings.klingJwtKeys());
        this.selections = new MultiElementSelections(store::nextId, media, clock);
    }

    @Override
    public boolean serves(ApiRequest request) {
        return entry(request.path()) != null;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        Entry entry = entry(request.path());
        try {
            String account = authenticate(entry, request);
            if (request.path().equals(entry.prefix() + COSTS)) {
                return costs(account, request);
            }
            return route(entry, account, request, request.path().substring(entry.prefix().length() + "/v1".length()));
        } catch (KlingError e) {
            return error(entry, e.code(), e.getMessage());
        }
    }

    /** The error body this prefix answers for an injected HTTP status (and optional business code). */
    @Override
    public ApiResponse faultResponse(ApiRequest request, int httpStatus, Integer code) {
        KlingErrorCode known = code != null ? KlingErrorCode.of(code) : KlingErrorCode.forStatus(httpStatus);
        int businessCode = code != null ? code : known.code();
        String message = known != null ? known.message() : "error " + businessCode;
        return errorBody(entry(request.path()), httpStatus, businessCode, message);
    }

    /** Forgets every task, video and identify-face session. */
    public void reset() {
        store.clear();
        sessions.clear();
        selections.clear();
    }

    /**
     * The most unfinished tasks one account had at the same time since the last reset: shows whether a
     * client kept to the parallel-task limit.
     */
    public int mostUnfinished() {
        return store.mostUnfinished();
    }

    /** How many tasks exist (every account, every kind): what was paid for, as the service would bill it. */
    public int taskCount() {
        return store.size();
    }

    /** The task with this id, as a query would show it now (for tests and the admin API), or null. */
    public Map<String, Object> task(String taskId) {
        KlingTask task = store.byId(taskId);
        return task == null ? null : task.toJson(clock.getAsLong());
    }

    private Entry entry(String path) {
        if (path.startsWith("/v1/") || path.equals(COSTS)) {
            return new Entry(OFFICIAL_PREFIX, GatewayFormat.RAW, true);
        }
        return settings.klingGateways().entrySet().stream()
                .filter(g -> path.startsWith(g.getKey() + "/v1/") || path.equals(g.getKey() + COSTS))
                .max(Comparator.comparingInt(g -> g.getKey().length()))
                .map(g -> new Entry(g.getKey(), g.getValue(), false))
                .orElse(null);
    }

    private String authenticate(Entry entry, ApiRequest request) {
        String authorization = request.header("Authorization");
        if (entry.jwt()) {
            // since 2026-06 the official API also takes a plain API key beside the AK/SK JWT (kling-api-current.md §0)
            String bearer = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
            if (bearer != null && bearer.split("\\.", -1).length != 3 && settings.klingApiKeys().contains(bearer)) {
                return "key:" + bearer;
            }
            return "ak:" + jwt.verify(authorization, clock.getAsLong() / 1000);
        }
        if (authorization == null || authorization.isBlank()) {
            throw new KlingError(KlingErrorCode.AUTHORIZATION_EMPTY);
        }
        String key = authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        if (key == null || !settings.klingApiKeys().contains(key)) {
            throw new KlingError(KlingErrorCode.AUTHENTICATION_FAILED, "Invalid API key");
        }
        return "key:" + key;
    }

    private ApiResponse route(Entry entry, String account, ApiRequest request, String subPath) {
        if (subPath.equals(TTS) || subPath.equals(IDENTIFY_FACE) || subPath.equals(IMAGE_RECOGNIZE)) { // synchronous: no GET
            if (!"POST".equals(request.method())) {
                throw new KlingError(KlingErrorCode.INVALID_METHOD);
            }
            JsonNode body = body(request);
            return switch (subPath) {
                case TTS -> tts(body);
                case IDENTIFY_FACE -> identifyFace(account, body);
                default -> imageRecognize(body);
            };
        }
        if (subPath.startsWith(SELECTION_PREFIX) && subPath.endsWith("-selection")) { // multi-elements, synchronous
            if (!"POST".equals(request.method())) {
                throw new KlingError(KlingErrorCode.INVALID_METHOD);
            }
            JsonNode body = body(request);
            long now = clock.getAsLong();
            return ok(switch (subPath.substring(SELECTION_PREFIX.length())) {
                case "init-selection" -> selections.init(account, body, videoId -> store.video(account, videoId, now));
                case "add-selection" -> selections.mark(account, body, true);
                case "delete-selection" -> selections.mark(account, body, false);
                case "clear-selection" -> selections.clear(account, body);
                case "preview-selection" -> selections.preview(account, body);
                default -> throw new KlingError(KlingErrorCode.NOT_FOUND, "The requested resource does not exist: "
                        + request.path());
            });
        }
        if (subPath.equals(PRESET_VOICES) || subPath.equals(PRESET_ELEMENTS)) {
            if (!"GET".equals(request.method())) {
                throw new KlingError(KlingErrorCode.INVALID_METHOD);
            }
            return presets(subPath.equals(PRESET_VOICES), request);
        }
        if (subPath.equals(DELETE_VOICES) || subPath.equals(DELETE_ELEMENTS)) {
            if (!"POST".equals(request.method())) {
                throw new KlingError(KlingErrorCode.INVALID_METHOD);
            }
            return delete(account, subPath.equals(DELETE_VOICES), body(request));
        }
        for (KlingKind kind : KlingKind.values()) {
            if (subPath.equals(kind.path())) {
                return switch (request.method()) {
                    case "POST" -> create(account, kind, request);
                    case "GET" -> list(account, kind, request);
                    default -> throw new KlingError(KlingErrorCode.INVALID_METHOD);
                };
            }
            if (subPath.startsWith(kind.path() + "/") && subPath.indexOf('/', kind.path().length() + 1) < 0) {
                if (!"GET".equals(request.method())) {
                    throw new KlingError(KlingErrorCode.INVALID_METHOD);
                }
                return query(entry, account, kind, subPath.substring(kind.path().length() + 1));
            }
        }
        throw new KlingError(KlingErrorCode.NOT_FOUND, "The requested resource does not exist: " + request.path());
    }

    private static JsonNode body(ApiRequest request) {
        try {
            JsonNode body = Json.read(request.body());
            if (body == null || !body.isObject()) {
                throw new KlingError(KlingErrorCode.INVALID_REQUEST, "Invalid request parameters: the body must be a JSON object");
            }
            return body;
        } catch (IOException e) {
            throw new KlingError(KlingErrorCode.INVALID_REQUEST, "Invalid request parameters: the body is not valid JSON");
        }
    }

    /**
     * Account costs (kling-api-current.md §19): the double envelope with one online pack of 10,000 units,
     * its remainder what the account's succeeded tasks cost (live: the real figure lags 12 hours).
     */
    private ApiResponse costs(String account, ApiRequest request) {
        if (!"GET".equals(request.method())) {
            throw new KlingError(KlingErrorCode.INVALID_METHOD);
        }
        long start;
        long end;
        try {
            start = Long.parseLong(request.query().get("start_time"));
            end = Long.parseLong(request.query().get("end_time"));
        } catch (RuntimeException e) {
            throw KlingError.invalid("start_time", "start_time and end_time are required, in epoch milliseconds");
        }
        if (end < start) {
            throw KlingError.invalid("end_time", "must not be before start_time");
        }
        long now = clock.getAsLong();
        java.math.BigDecimal packUnits = java.math.BigDecimal.valueOf(settings.klingPackUnits());
        java.math.BigDecimal remaining = packUnits.subtract(store.unitsSpent(account, now)).max(java.math.BigDecimal.ZERO);
        Map<String, Object> pack = new LinkedHashMap<>();
        pack.put("resource_pack_name", "Video Generation - 10,000 entries");
        pack.put("resource_pack_id", "509f3fd3d4ab4a3f9eec5db27aa44f27");
        pack.put("resource_pack_type", "decreasing_total");
        pack.put("total_quantity", packUnits.doubleValue());
        pack.put("remaining_quantity", remaining.doubleValue());
        pack.put("purchase_time", 1_726_124_664_368L);
        pack.put("effective_time", 1_726_124_664_368L);
        pack.put("invalid_time", 4_102_444_800_000L);
        pack.put("status", remaining.signum() > 0 ? "online" : "runOut");
        String name = request.query().get("resource_pack_name");
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("code", 0);
        inner.put("msg", "success");
        inner.put("resource_pack_subscribe_infos", name == null || name.equals(pack.get("resource_pack_name")) ? List.of(pack) : List.of());
        return ok(inner);
    }

    /** TTS (kling-api-current.md §9): answers the finished audio at once; no task to query. */
    /**
     * §17: the parts found in the image — main subject, head, face, clothing — each with whether it is
     * there and, when it is, a cut-out PNG (the clothing is reported absent, the sample's case).
     */
    private ApiResponse imageRecognize(JsonNode body) {
        KlingValidator.requiredImage(body, "image");
        String id = store.nextId();
        List<Map<String, Object>> images = new java.util.ArrayList<>();
        for (String type : List.of("object_seg", "head_seg", "face_seg", "cloth_seg")) {
            boolean present = !type.equals("cloth_seg");
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("type", type);
            image.put("is_contain", present);
            image.put("url", present ? media.publish(id + "_" + type + ".png", MediaStore.Type.PNG, 0, id) : "");
            images.add(image);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("final_unit_deduction", "0");
        data.put("task_result", Map.of("images", images));
        return ok(data);
    }

    private ApiResponse tts(JsonNode body) {
        String text = body.path("text").asText("");
        if (text.isBlank()) {
            throw KlingError.missing("text");
        }
        if (text.length() > 1000) {
            throw KlingError.invalid("text", "must be at most 1000 characters, had " + text.length());
        }
        if (text.contains(settings.blockMarker())) {
            throw new KlingError(KlingErrorCode.CONTENT_SECURITY);
        }
        if (body.path("voice_id").asText("").isBlank()) {
            throw KlingError.missing("voice_id");
        }
        String language = body.path("voice_language").asText("zh");
        if (!language.equals("zh") && !language.equals("en")) {
            throw KlingError.invalid("voice_language", "must be zh or en");
        }
        JsonNode speed = body.get("voice_speed");
        if (speed != null && !speed.isNull() && (!speed.isNumber() || speed.asDouble() < 0.8 || speed.asDouble() > 2.0)) {
            throw KlingError.invalid("voice_speed", "must be a number from 0.8 to 2.0");
        }
        long now = clock.getAsLong();
        long millis = Math.max(1_000, text.length() * 60L);
        String taskId = store.nextId();
        String audioId = store.nextId();
        Map<String, Object> audio = new LinkedHashMap<>();
        audio.put("id", audioId);
        audio.put("url", media.publish(audioId + ".mp3", MediaStore.Type.MP3, millis, taskId));
        audio.put("duration", KlingDurations.format(millis));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("task_id", taskId);
        data.put("task_status", "succeed");
        data.put("task_status_msg", "");
        data.put("task_result", Map.of("audios", List.of(audio)));
        data.put("final_unit_deduction", "0.1");
        data.put("created_at", now);
        data.put("updated_at", now);
        return ok(data);
    }

    /** Identify face (kling-api-current.md §6.1): a session of 24 h with the faces of a video; no task. */
    private ApiResponse identifyFace(String account, JsonNode body) {
        long now = clock.getAsLong();
        String videoId = body.path("video_id").asText("");
        String videoUrl = body.path("video_url").asText("");
        if (videoId.isBlank() == videoUrl.isBlank()) {
            throw KlingError.invalid("video_id", "exactly one of video_id and video_url is required");
        }
        KlingVideo video;
        if (!videoId.isBlank()) {
            video = store.video(account, videoId, now);
            if (video == null) {
                throw KlingError.invalid("video_id", "no video " + videoId + " of this account");
            }
        } else {
            if (!videoUrl.startsWith("http://") && !videoUrl.startsWith("https://")) {
                throw KlingError.invalid("video_url", "must be an http(s) URL");
            }
            video = new KlingVideo(store.nextId(), account, videoUrl, 5_200, "uploaded", now);
        }
        String sessionId = store.nextId();
        sessions.put(sessionId, new KlingValidator.FaceSession(account, video));
        Map<String, Object> face = new LinkedHashMap<>();
        face.put("face_id", "0");
        face.put("face_image", media.publish(sessionId + "_face_0.png", MediaStore.Type.PNG, 0, sessionId));
        face.put("start_time", 0);
        face.put("end_time", video.durationMillis());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("session_id", sessionId);
        data.put("final_unit_deduction", "0");
        data.put("face_data", List.of(face));
        return ok(data);
    }

    private ApiResponse create(String account, KlingKind kind, ApiRequest request) {
        JsonNode body = body(request);
        long now = clock.getAsLong();
        KlingCreate create = new KlingValidator(videoId -> store.video(account, videoId, now), sessionId -> {
            KlingValidator.FaceSession session = sessions.get(sessionId);
            return session != null && session.account().equals(account) ? session : null;
        }, sessionId -> selections.session(account, sessionId)).validate(kind, body);
        if (create.text().contains(settings.blockMarker())) {
            throw new KlingError(KlingErrorCode.CONTENT_SECURITY);
        }
        KlingTask task = newTask(account, create, now);
        switch (store.admit(task, settings.klingConcurrency(), now)) {
            case EXTERNAL_ID_TAKEN -> throw KlingError.invalid("external_task_id", "\"" + create.externalTaskId()
                    + "\" is already used by another task of this account");
            case OVER_PARALLEL_LIMIT -> throw new KlingError(KlingErrorCode.CONCURRENCY_LIMITED);
            case ADDED -> { }
        }
        scheduleCallbacks(task);
        return ok(task.toCreatedJson());
    }

    private KlingTask newTask(String account, KlingCreate create, long now) {
        long processingAt = now + settings.realMillis(settings.klingQueuedMillis());
        long finishedAt = processingAt + settings.realMillis(settings.nextKlingProcessingMillis());
        boolean fails = create.text().contains(settings.failMarker());
        String id = store.nextId();
        KlingTask task = new KlingTask(id, create.kind(), account, create.externalTaskId(), create.callbackUrl(), now,
                processingAt, finishedAt, fails ? KlingTask.RISK_CONTROL_MESSAGE : null, create.watermark(),
                unitDeduction(create), create.parentVideo());
        if (fails) {
            return task;
        }
        if (create.kind() == KlingKind.TEXT_TO_AUDIO) {
            task.audios.add(audio(create, id));
            return task;
        }
        if (create.kind() == KlingKind.CUSTOM_VOICE) {
            com.fasterxml.jackson.databind.node.ObjectNode voice = create.resource().deepCopy();
            String voiceId = store.nextId();
            voice.put("voice_id", voiceId);
            voice.put("trial_url", media.publish(voiceId + "_trial.mp3", MediaStore.Type.MP3, 3_000, id));
            voice.put("owned_by", "1234567");
            task.voices.add(voice);
            return task;
        }
        if (create.resource() != null) {
            com.fasterxml.jackson.databind.node.ObjectNode element = create.resource().deepCopy();
            element.put("element_id", Long.parseLong(store.nextId()));
            element.put("owned_by", "1234567");
            element.put("status", "succeed");
            task.elements.add(element);
            return task;
        }
        if (create.images() > 0) {
            for (int i = 0; i < create.images(); i++) {
                task.images.add(media.publish(id + "_" + i + ".png", MediaStore.Type.PNG, 0, id));
            }
            return task;
        }
        String videoId = store.nextId();
        String url = media.publish(videoId + ".mp4", MediaStore.Type.MP4, create.durationMillis(), id);
        task.videos.add(new KlingVideo(videoId, account, url, create.durationMillis(), create.model(), finishedAt));
        if (create.watermark()) {
            task.watermarkUrls.put(videoId, media.publish(videoId + "_watermarked.mp4", MediaStore.Type.MP4,
                    create.durationMillis(), id));
        }
        if (create.kind() == KlingKind.VIDEO_TO_AUDIO) {
            task.audios.add(audio(create, id));
        }
        return task;
    }

    private KlingTask.Audio audio(KlingCreate create, String taskId) {
        String audioId = store.nextId();
        return new KlingTask.Audio(audioId,
                media.publish(audioId + ".mp3", MediaStore.Type.MP3, create.durationMillis(), taskId),
                media.publish(audioId + ".wav", MediaStore.Type.WAV, create.durationMillis(), taskId),
                create.durationMillis());
    }

    private static String unitDeduction(KlingCreate create) {
        if (create.resource() != null) {
            return "0";
        }
        if (create.images() > 0) {
            return Integer.toString(create.images()); // one unit per image: a guess (kling-api-current.md §12 shows 2 for n=2)
        }
        BigDecimal perFiveSeconds = "pro".equals(create.mode()) ? new BigDecimal("3.5") : BigDecimal.ONE;
        long fives = Math.max(1, Math.round(create.durationMillis() / 5_000.0));
        return perFiveSeconds.multiply(BigDecimal.valueOf(fives)).stripTrailingZeros().toPlainString();
    }

    private void scheduleCallbacks(KlingTask task) {
        if (task.callbackUrl == null) {
            return;
        }
        long now = clock.getAsLong();
        List<Long> changes = new ArrayList<>(List.of(task.createdAt, task.processingAt));
        if (task.failureMessage == null) {
            changes.add(task.finishedAt);
        }
        for (long at : changes) {
            callbacks.schedule(task.callbackUrl, at - now, () -> task.toJson(at));
        }
    }

    private ApiResponse query(Entry entry, String account, KlingKind kind, String id) {
        KlingTask task = store.find(account, kind, id);
        if (task == null) {
            if (entry.format() == GatewayFormat.NEW_API) {
                return newApiError(404, "task_not_exist", "task_not_exist");
            }
            throw new KlingError(KlingErrorCode.NOT_FOUND, "The requested resource does not exist: task " + id);
        }
        long now = clock.getAsLong();
        Map<String, Object> raw = envelope(0, "SUCCEED", task.toJson(now));
        if (entry.format() == GatewayFormat.RAW) {
            return ApiResponse.json(200, raw);
        }
        KlingTask.Status status = task.statusAt(now);
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("task_id", task.id);
        wrapped.put("action", kind.newApiAction());
        wrapped.put("status", status.newApi);
        wrapped.put("fail_reason", status == KlingTask.Status.FAILED ? task.failureMessage : "");
        wrapped.put("submit_time", task.createdAt / 1000);
        wrapped.put("start_time", now >= task.processingAt ? task.processingAt / 1000 : 0);
        wrapped.put("finish_time", status.terminal() ? task.updatedAt(now) / 1000 : 0);
        wrapped.put("progress", task.progressAt(now));
        wrapped.put("data", raw);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "success");
        body.put("message", "");
        body.put("data", wrapped);
        return ApiResponse.json(200, body);
    }

    /**
     * §10/§11: Kling's own voices or elements, as list items with {@code owned_by: "kling"} and no
     * {@code task_info}; three of each, paged like the other lists (pageSize up to 1000).
     */
    private ApiResponse presets(boolean voices, ApiRequest request) {
        int pageNum = intParam(request, "pageNum", 1, 1, 1000);
        int pageSize = intParam(request, "pageSize", 30, 1, 1000);
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        String[] names = voices ? new String[] {"Warm Narrator", "Bright Host", "Calm Guide"}
                : new String[] {"City Street", "Golden Retriever", "Vintage Car"};
        for (int i = 0; i < names.length; i++) {
            String id = "86000000000000000" + i;
            Map<String, Object> item = new LinkedHashMap<>();
            item.put(voices ? "voice_id" : "element_id", voices ? (Object) id : (Object) Long.parseLong(id));
            item.put(voices ? "voice_name" : "element_name", names[i]);
            if (voices) {
                item.put("trial_url", "https://p1.a.kwimgs.com/kling/presets/voice_" + i + ".mp3");
            } else {
                item.put("element_description", names[i] + ", a preset element");
                item.put("reference_type", "image_refer");
                item.put("status", "succeed");
            }
            item.put("owned_by", "kling");
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("task_id", "8599000000000000" + (voices ? "1" : "2") + i);
            task.put("task_status", "succeed");
            task.put("task_result", Map.of(voices ? "voices" : "elements", List.of(item)));
            all.add(task);
        }
        int from = Math.min(all.size(), (pageNum - 1) * pageSize);
        return ok(all.subList(from, Math.min(all.size(), from + pageSize)));
    }

    /** §10/§11: deletes one of the account's custom voices or elements; answers {@code {task_id, task_status}}. */
    private ApiResponse delete(String account, boolean voice, JsonNode body) {
        String field = voice ? "voice_id" : "element_id";
        JsonNode id = body.get(field);
        if (id == null || id.isNull() || id.asText().isBlank()) {
            throw KlingError.missing(field);
        }
        KlingKind kind = voice ? KlingKind.CUSTOM_VOICE : KlingKind.ELEMENT;
        for (KlingTask task : store.all(account, kind)) {
            List<Object> owned = voice ? task.voices : task.elements;
            synchronized (owned) {
                for (Object item : owned) {
                    com.fasterxml.jackson.databind.node.ObjectNode resource = (com.fasterxml.jackson.databind.node.ObjectNode) item;
                    if (resource.path(field).asText().equals(id.asText()) && !"deleted".equals(resource.path("status").asText())) {
                        resource.put("status", "deleted");
                        return ok(Map.of("task_id", store.nextId(), "task_status", "succeed"));
                    }
                }
            }
        }
        throw KlingError.invalid(field, "\"" + id.asText() + "\" is not " + (voice ? "a voice" : "an element") + " of this account");
    }

    private ApiResponse list(String account, KlingKind kind, ApiRequest request) {
        int pageNum = intParam(request, "pageNum", 1, 1, 1000);
        int pageSize = intParam(request, "pageSize", 30, 1, 500);
        long now = clock.getAsLong();
        List<Map<String, Object>> data = store.page(account, kind, pageNum, pageSize).stream()
                .map(task -> task.toJson(now))
                .toList();
        return ok(data);
    }

    private static int intParam(ApiRequest request, String name, int defaultValue, int min, int max) {
        String raw = request.query().get(name);
        if (raw == null || raw.isEmpty()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw KlingError.invalid(name, "must be an integer, was \"" + raw + "\"");
        }
        if (value < min || value > max) {
            throw KlingError.invalid(name, "must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    private static ApiResponse ok(Object data) {
        return ApiResponse.json(200, envelope(0, "SUCCEED", data));
    }

    private static Map<String, Object> envelope(int code, String message, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("request_id", UUID.randomUUID().toString());
        if (data != null) {
            body.put("data", data);
        }
        return body;
    }

    private ApiResponse error(Entry entry, KlingErrorCode code, String message) {
        return errorBody(entry, code.httpStatus(), code.code(), message);
    }

    private static ApiResponse errorBody(Entry entry, int httpStatus, int code, String message) {
        if (entry != null && entry.format() == GatewayFormat.NEW_API) {
            String newApiCode = httpStatus == 401 ? "invalid_api_key" : Integer.toString(code);
            return newApiError(httpStatus, newApiCode, message);
        }
        return ApiResponse.json(httpStatus, envelope(code, message, null));
    }

    private static ApiResponse newApiError(int httpStatus, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("data", null);
        return ApiResponse.json(httpStatus, body);
    }
}
