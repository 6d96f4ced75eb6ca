package io.camelvideo.emulator.legnext;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One emulated Legnext job. Its timeline ({@code pending → staged → processing → completed|failed})
 * is fixed at submit time in real epoch milliseconds, so its state is a pure function of the clock.
 */
final class LegnextJob {

    static final String GO_ZERO_TIME = "0001-01-01T00:00:00Z";
    static final int FAILURE_CODE = 10001;
    static final String FAILURE_MESSAGE = "Job failed: the generation was rejected by Midjourney moderation";

    /** The contract statuses. */
    enum Status {
        PENDING, STAGED, PROCESSING, COMPLETED, FAILED;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        boolean terminal() {
            return this == COMPLETED || this == FAILED;
        }
    }

    final String id;
    final LegnextTaskType type;
    final String apiKey;
    final String callback;
    final long createdAt;
    final long stagedAt;
    final long processingAt;
    final long finishedAt;
    final boolean fails;
    final String seed;
    /** Video jobs: the clip length and how many extensions led to it. */
    final long videoDurationMillis;
    final int extensions;
    final List<String> imageUrls = new ArrayList<>();
    final List<String> videoUrls = new ArrayList<>();
    String gridUrl = "";

    LegnextJob(String id, LegnextTaskType type, String apiKey, String callback, long createdAt, long stagedAt,
               long processingAt, long finishedAt, boolean fails, String seed, long videoDurationMillis, int extensions) {
        this.id = id;
        this.type = type;
        this.apiKey = apiKey;
        this.callback = callback;
        this.createdAt = createdAt;
        this.stagedAt = stagedAt;
        this.processingAt = processingAt;
        this.finishedAt = finishedAt;
        this.fails = fails;
        this.seed = seed;
        this.videoDurationMillis = videoDurationMillis;
        this.extensions = extensions;
    }

    Status statusAt(long now) {
        if (now >= finishedAt) {
            return fails ? Status.FAILED : Status.COMPLETED;
        }
        if (now >= processingAt) {
            return Status.PROCESSING;
        }
        return now >= stagedAt ? Status.STAGED : Status.PENDING;
    }

    /** The job object of legnext-api.md §3 as it is at {@code now}. */
    Map<String, Object> toJson(long now) {
        Status status = statusAt(now);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("job_id", id);
        json.put("model", "midjourney");
        json.put("task_type", type.wire());
        json.put("status", status.wire());
        Map<String, Object> webhook = new LinkedHashMap<>();
        webhook.put("endpoint", callback == null ? "" : callback);
        webhook.put("secret", "");
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("service_mode", "public");
        config.put("webhook_config", webhook);
        json.put("config", config);
        json.put("input", null);
        json.put("output", output(status == Status.COMPLETED));
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("type", "point");
        usage.put("frozen", type.points());
        usage.put("consume", status == Status.COMPLETED ? type.points() : 0);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("created_at", rfc3339(createdAt));
        meta.put("started_at", now >= processingAt ? rfc3339(processingAt) : GO_ZERO_TIME);
        meta.put("ended_at", status.terminal() ? rfc3339(finishedAt) : GO_ZERO_TIME);
        meta.put("usage", usage);
        json.put("meta", meta);
        json.put("detail", null);
        json.put("logs", List.of());
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status == Status.FAILED ? FAILURE_CODE : 0);
        error.put("raw_message", status == Status.FAILED ? "moderation: prompt rejected" : "");
        error.put("message", status == Status.FAILED ? FAILURE_MESSAGE : "");
        error.put("detail", null);
        json.put("error", error);
        return json;
    }

    private Map<String, Object> output(boolean completed) {
        Map<String, Object> output = new LinkedHashMap<>();
        switch (type.output()) {
            case IMAGE_GRID -> {
                output.put("image_url", completed ? gridUrl : "");
                output.put("image_urls", completed ? List.copyOf(imageUrls) : null);
                output.put("seed", completed ? seed : "");
                if (completed) {
                    List<Integer> all = List.of(0, 1, 2, 3);
                    Map<String, Object> actions = new LinkedHashMap<>();
                    for (String action : List.of("edit", "inpaint", "outpaint", "pan", "remix", "upscale", "variation")) {
                        actions.put(action, all);
                    }
                    actions.put("reroll", true);
                    output.put("available_actions", actions);
                }
            }
            case SINGLE_IMAGE -> {
                output.put("image_url", completed ? gridUrl : "");
                // upscale answers no list; remove-background (and, guessed, enhance-upscale) a list of that one image
                boolean listed = type == LegnextTaskType.REMOVE_BACKGROUND || type == LegnextTaskType.ENHANCE_UPSCALE;
                output.put("image_urls", completed && listed ? List.of(gridUrl) : null);
                output.put("seed", completed ? (type == LegnextTaskType.REMOVE_BACKGROUND ? "0" : seed) : "");
            }
            case TEXT -> {
                List<String> prompts = List.of("a lighthouse on a cliff at dusk, oil painting --ar 3:2",
                        "stormy sea, lighthouse beam, dramatic light --ar 3:2",
                        "minimalist lighthouse illustration, pastel colours",
                        "cinematic wide shot of a coastal lighthouse --v 7");
                output.put("promptEn", completed ? "1\uFE0F\u20E3 " + String.join("\n\n2\uFE0F\u20E3 ", prompts.subList(0, 2))
                        + "\n\n3\uFE0F\u20E3 " + prompts.get(2) + "\n\n4\uFE0F\u20E3 " + prompts.get(3) : "");
                output.put("description", completed ? "A lighthouse on a cliff above a stormy sea." : "");
                output.put("finalPrompt", completed ? prompts.get(0) : "");
                output.put("prompts", completed ? prompts : null);
            }
            case VIDEO -> {
                output.put("video_urls", completed ? List.copyOf(videoUrls) : null);
                output.put("seed", completed ? seed : "");
            }
        }
        return output;
    }

    static String rfc3339(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
