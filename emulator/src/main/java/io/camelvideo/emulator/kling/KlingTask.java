package io.camelvideo.emulator.kling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One emulated Kling task. Its whole timeline is fixed when it is created (real epoch milliseconds
 * of each status change), so its status at any instant is a pure function of the clock.
 */
final class KlingTask {

    static final String RISK_CONTROL_MESSAGE = "Failure to pass the risk control system";

    /** The four contract statuses. */
    enum Status {
        SUBMITTED("submitted", "SUBMITTED"),
        PROCESSING("processing", "IN_PROGRESS"),
        SUCCEED("succeed", "SUCCESS"),
        FAILED("failed", "FAILURE");

        final String wire;
        final String newApi;

        Status(String wire, String newApi) {
            this.wire = wire;
            this.newApi = newApi;
        }

        boolean terminal() {
            return this == SUCCEED || this == FAILED;
        }
    }

    /** One result audio of a video-to-audio task. */
    record Audio(String id, String mp3Url, String wavUrl, long durationMillis) {
    }

    final String id;
    final KlingKind kind;
    final String account;
    final String externalTaskId;
    final String callbackUrl;
    final long createdAt;
    final long processingAt;
    final long finishedAt;
    final String failureMessage;
    final boolean watermark;
    final String unitDeduction;
    final KlingVideo parentVideo;
    final List<KlingVideo> videos = new ArrayList<>();
    final Map<String, String> watermarkUrls = new LinkedHashMap<>();
    final List<Audio> audios = new ArrayList<>();
    /** The URLs of the images of an image task, in index order. */
    final List<String> images = new ArrayList<>();
    /** The element an element task created. */
    final List<Object> elements = new ArrayList<>();
    /** The voice a custom-voice task created. */
    final List<Object> voices = new ArrayList<>();

    KlingTask(String id, KlingKind kind, String account, String externalTaskId, String callbackUrl, long createdAt,
              long processingAt, long finishedAt, String failureMessage, boolean watermark, String unitDeduction,
              KlingVideo parentVideo) {
        this.id = id;
        this.kind = kind;
        this.account = account;
        this.externalTaskId = externalTaskId;
        this.callbackUrl = callbackUrl;
        this.createdAt = createdAt;
        this.processingAt = processingAt;
        this.finishedAt = finishedAt;
        this.failureMessage = failureMessage;
        this.watermark = watermark;
        this.unitDeduction = unitDeduction;
        this.parentVideo = parentVideo;
    }

    /** When the task reaches its terminal status. */
    long terminalAt() {
        return failureMessage != null ? processingAt : finishedAt;
    }

    Status statusAt(long now) {
        if (failureMessage != null && now >= processingAt) {
            return Status.FAILED;
        }
        if (now >= finishedAt) {
            return Status.SUCCEED;
        }
        return now >= processingAt ? Status.PROCESSING : Status.SUBMITTED;
    }

    long updatedAt(long now) {
        return switch (statusAt(now)) {
            case SUBMITTED -> createdAt;
            case PROCESSING -> processingAt;
            case SUCCEED -> finishedAt;
            case FAILED -> processingAt;
        };
    }

    /** Progress as the new-api gateway reports it, {@code "NN%"}. */
    String progressAt(long now) {
        Status status = statusAt(now);
        if (status.terminal()) {
            return "100%";
        }
        if (status == Status.SUBMITTED) {
            return "0%";
        }
        long span = Math.max(1, finishedAt - processingAt);
        long percent = 10 + (now - processingAt) * 89 / span;
        return Math.min(99, percent) + "%";
    }

    /** The task object of a query response (and of a callback body) at {@code now}. */
    Map<String, Object> toJson(long now) {
        Status status = statusAt(now);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("task_id", id);
        json.put("task_status", status.wire);
        json.put("task_status_msg", status == Status.FAILED ? failureMessage : "");
        Map<String, Object> info = new LinkedHashMap<>();
        if (externalTaskId != null) {
            info.put("external_task_id", externalTaskId);
        }
        if (parentVideo != null) {
            info.put("parent_video", Map.of("id", parentVideo.id(), "url", parentVideo.url(),
                    "duration", KlingDurations.format(parentVideo.durationMillis())));
        }
        json.put("task_info", info);
        if (status == Status.SUCCEED) {
            Map<String, Object> result = new LinkedHashMap<>();
            List<Map<String, Object>> videoList = new ArrayList<>();
            for (KlingVideo video : videos) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("id", video.id());
                v.put("url", video.url());
                if (watermarkUrls.containsKey(video.id())) {
                    v.put("watermark_url", watermarkUrls.get(video.id()));
                }
                v.put("duration", KlingDurations.format(video.durationMillis()));
                videoList.add(v);
            }
            if (!voices.isEmpty()) {
                result.put("voices", voices);
            } else if (!elements.isEmpty()) {
                result.put("elements", elements);
            } else if (!images.isEmpty()) {
                List<Map<String, Object>> imageList = new ArrayList<>();
                for (int i = 0; i < images.size(); i++) {
                    imageList.add(Map.of("index", i, "url", images.get(i)));
                }
                result.put("images", imageList);
            } else if (!videoList.isEmpty() || audios.isEmpty()) {
                result.put("videos", videoList);
            }
            if (!audios.isEmpty()) {
                List<Map<String, Object>> audioList = new ArrayList<>();
                for (Audio audio : audios) {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("id", audio.id());
                    a.put("url_mp3", audio.mp3Url());
                    a.put("url_wav", audio.wavUrl());
                    a.put("duration_mp3", KlingDurations.format(audio.durationMillis()));
                    a.put("duration_wav", KlingDurations.format(audio.durationMillis()));
                    audioList.add(a);
                }
                result.put("audios", audioList);
            }
            json.put("task_result", result);
        }
        json.put("watermark_info", Map.of("enabled", watermark));
        if (status.terminal()) {
            json.put("final_unit_deduction", status == Status.SUCCEED ? unitDeduction : "0");
        }
        json.put("created_at", createdAt);
        json.put("updated_at", updatedAt(now));
        return json;
    }

    /** The {@code data} of a create response. */
    Map<String, Object> toCreatedJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("task_id", id);
        json.put("task_status", Status.SUBMITTED.wire);
        Map<String, Object> info = new LinkedHashMap<>();
        if (externalTaskId != null) {
            info.put("external_task_id", externalTaskId);
        }
        json.put("task_info", info);
        json.put("created_at", createdAt);
        json.put("updated_at", createdAt);
        return json;
    }
}
