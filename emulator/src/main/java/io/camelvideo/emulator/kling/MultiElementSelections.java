package io.camelvideo.emulator.kling;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelvideo.emulator.media.MediaStore;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The synchronous selection steps of multi-elements (kling-api-current.md §8): a video is initialised
 * into a 24-hour session, then frames are marked with points (at most ten frames, ten points each),
 * unmarked, cleared and previewed. The create task ({@code /videos/multi-elements}) reads the session.
 */
final class MultiElementSelections {

    /** One initialised video and its marked frames. */
    static final class Session {
        final String account;
        final KlingVideo video;
        final long createdAt;
        final Map<Integer, List<String>> marked = new TreeMap<>();

        Session(String account, KlingVideo video, long createdAt) {
            this.account = account;
            this.video = video;
            this.createdAt = createdAt;
        }

        int totalFrames() {
            return (int) (video.durationMillis() * FPS / 1000);
        }
    }

    static final int FPS = 30;
    private static final long SESSION_MILLIS = 24L * 3600 * 1000;

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Supplier<String> ids;
    private final MediaStore media;
    private final LongSupplier clock;

    MultiElementSelections(Supplier<String> ids, MediaStore media, LongSupplier clock) {
        this.ids = ids;
        this.media = media;
        this.clock = clock;
    }

    void clear() {
        sessions.clear();
    }

    /** The session of the account, still valid, or null. */
    Session session(String account, String id) {
        Session session = id == null ? null : sessions.get(id);
        return session != null && session.account.equals(account) && clock.getAsLong() - session.createdAt < SESSION_MILLIS
                ? session : null;
    }

    /** {@code init-selection}: the video by id (of the account) or URL, 2–5 s or 7–10 s. */
    Map<String, Object> init(String account, JsonNode body, java.util.function.Function<String, KlingVideo> videos) {
        String videoId = body.path("video_id").asText("");
        String videoUrl = body.path("video_url").asText("");
        if (videoId.isBlank() == videoUrl.isBlank()) {
            throw KlingError.invalid("video_id", "exactly one of video_id and video_url is required");
        }
        KlingVideo video;
        if (!videoId.isBlank()) {
            video = videos.apply(videoId);
            if (video == null) {
                throw KlingError.invalid("video_id", "no video " + videoId + " of this account");
            }
        } else {
            if (!videoUrl.startsWith("http://") && !videoUrl.startsWith("https://")) {
                throw KlingError.invalid("video_url", "must be an http(s) URL");
            }
            video = new KlingVideo(ids.get(), account, videoUrl, 5_000, "uploaded", clock.getAsLong());
        }
        long millis = video.durationMillis();
        if (!(millis >= 2_000 && millis <= 5_000 || millis >= 7_000 && millis <= 10_000)) {
            throw KlingError.invalid("video_id", "the video must last 2 to 5 s or 7 to 10 s, was " + millis + " ms");
        }
        String sessionId = ids.get();
        Session session = new Session(account, video, clock.getAsLong());
        sessions.put(sessionId, session);
        Map<String, Object> data = answer(sessionId);
        data.put("fps", (double) FPS);
        data.put("original_duration", millis);
        data.put("width", 1280);
        data.put("height", 720);
        data.put("total_frame", session.totalFrames());
        data.put("normalized_video", media.publish(sessionId + "_normalized.mp4", MediaStore.Type.MP4, millis, sessionId));
        return data;
    }

    /** {@code add-selection} and {@code delete-selection}: one frame's points; a delete must name them exactly. */
    Map<String, Object> mark(String account, JsonNode body, boolean add) {
        String sessionId = body.path("session_id").asText(null);
        Session session = required(account, sessionId);
        JsonNode frame = body.get("frame_index");
        if (frame == null || !frame.isIntegralNumber() || frame.asInt() < 0 || frame.asInt() >= session.totalFrames()) {
            throw KlingError.invalid("frame_index", "must be a whole number from 0 to " + (session.totalFrames() - 1));
        }
        JsonNode points = body.get("points");
        if (points == null || !points.isArray() || points.isEmpty() || points.size() > 10) {
            throw KlingError.invalid("points", "must hold 1 to 10 points {x, y}");
        }
        List<String> given = new ArrayList<>();
        for (JsonNode point : points) {
            double x = point.path("x").asDouble(-1);
            double y = point.path("y").asDouble(-1);
            if (!point.path("x").isNumber() || !point.path("y").isNumber() || x < 0 || x > 1 || y < 0 || y > 1) {
                throw KlingError.invalid("points", "each point needs x and y from 0 to 1 (from the top left)");
            }
            given.add(x + "," + y);
        }
        int index = frame.asInt();
        synchronized (session) {
            if (add) {
                if (!session.marked.containsKey(index) && session.marked.size() >= 10) {
                    throw KlingError.invalid("frame_index", "at most 10 frames can be marked");
                }
                List<String> kept = session.marked.computeIfAbsent(index, i -> new ArrayList<>());
                if (kept.size() + given.size() > 10) {
                    throw KlingError.invalid("points", "at most 10 points per frame");
                }
                kept.addAll(given);
            } else {
                List<String> kept = session.marked.get(index);
                if (kept == null || !kept.containsAll(given)) {
                    throw KlingError.invalid("points", "must be points marked on frame " + index + " before");
                }
                kept.removeAll(given);
                if (kept.isEmpty()) {
                    session.marked.remove(index);
                }
            }
        }
        Map<String, Object> mask = new LinkedHashMap<>();
        mask.put("object_id", 0);
        mask.put("rle_mask", Map.of("size", List.of(720, 1280), "counts", "0" + given.size() + "k" + index));
        mask.put("png_mask", Map.of("size", List.of(720, 1280), "base64", Base64.getEncoder().encodeToString(
                ("mask of frame " + index).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        Map<String, Object> data = answer(sessionId);
        data.put("res", Map.of("frame_index", index, "rle_mask_list", List.of(mask)));
        return data;
    }

    /** {@code clear-selection}: every mark of the session. */
    Map<String, Object> clear(String account, JsonNode body) {
        String sessionId = body.path("session_id").asText(null);
        Session session = required(account, sessionId);
        synchronized (session) {
            session.marked.clear();
        }
        return answer(sessionId);
    }

    /** {@code preview-selection}: the tracked selection as a video, its cover and the tracking output. */
    Map<String, Object> preview(String account, JsonNode body) {
        String sessionId = body.path("session_id").asText(null);
        Session session = required(account, sessionId);
        if (session.marked.isEmpty()) {
            throw KlingError.invalid("session_id", "nothing is selected yet: mark a frame with add-selection first");
        }
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("video", media.publish(sessionId + "_preview.mp4", MediaStore.Type.MP4, session.video.durationMillis(), sessionId));
        res.put("video_cover", media.publish(sessionId + "_cover.png", MediaStore.Type.PNG, 0, sessionId));
        res.put("tracking_output", media.publish(sessionId + "_tracking.mp4", MediaStore.Type.MP4,
                session.video.durationMillis(), sessionId));
        Map<String, Object> data = answer(sessionId);
        data.put("res", res);
        return data;
    }

    private Session required(String account, String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            throw KlingError.missing("session_id");
        }
        Session session = session(account, sessionId);
        if (session == null) {
            throw KlingError.invalid("session_id", "is unknown or older than 24 hours: run init-selection again");
        }
        return session;
    }

    private static Map<String, Object> answer(String sessionId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", 0);
        data.put("session_id", sessionId);
        data.put("final_unit_deduction", "0");
        return data;
    }
}
