package io.camelvideo.legnext.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.camelvideo.task.tracking.RemoteTask;

import java.time.Instant;
import java.util.List;

/**
 * A Legnext job as the API reports it (legnext-api.md §3): the body of the producer's answer and of
 * the consumer's exchanges. Unknown fields are ignored; unknown statuses count as still running.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LegnextJob(
        @JsonProperty("job_id") String jobId,
        @JsonProperty("model") String model,
        @JsonProperty("task_type") String taskType,
        @JsonProperty("status") String status,
        @JsonProperty("output") Output output,
        @JsonProperty("meta") Meta meta,
        @JsonProperty("error") Error error) implements RemoteTask {

    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    /** What the job made: images, videos or prompts, depending on its type. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Output(@JsonProperty("image_url") String imageUrl, @JsonProperty("image_urls") List<String> imageUrls,
                         @JsonProperty("video_urls") List<String> videoUrls, @JsonProperty("seed") String seed,
                         @JsonProperty("promptEn") String promptEn, @JsonProperty("description") String description,
                         @JsonProperty("finalPrompt") String finalPrompt, @JsonProperty("prompts") List<String> prompts) {
    }

    /** Times (RFC 3339; the Go zero time when unset) and the points frozen and consumed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Meta(@JsonProperty("created_at") String createdAt, @JsonProperty("started_at") String startedAt,
                       @JsonProperty("ended_at") String endedAt, @JsonProperty("usage") Usage usage) {
    }

    /** Points: {@code frozen} at submit, {@code consume} once completed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Usage(@JsonProperty("type") String type, @JsonProperty("frozen") long frozen,
                        @JsonProperty("consume") long consume) {
    }

    /** The failure of a failed job ({@code code} 0 when none). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Error(@JsonProperty("code") int code, @JsonProperty("raw_message") String rawMessage,
                        @JsonProperty("message") String message) {
    }

    @Override
    public String taskId() {
        return jobId;
    }

    /** The points the job consumed ({@code meta.usage.consume}; a failed job consumes none). */
    @Override
    public double cost() {
        return meta == null || meta.usage() == null ? 0 : meta.usage().consume();
    }

    /** Legnext jobs have no caller-given id. */
    @Override
    public String externalId() {
        return null;
    }

    /** Only {@code completed} and {@code failed} end a job. */
    @Override
    public boolean isFinished() {
        return COMPLETED.equals(status) || FAILED.equals(status);
    }

    public boolean isCompleted() {
        return COMPLETED.equals(status);
    }

    /** Epoch ms of {@code meta.created_at}, or 0. */
    @Override
    public long createdAtMillis() {
        try {
            return meta == null || meta.createdAt() == null || meta.createdAt().isEmpty() ? 0
                    : Instant.parse(meta.createdAt()).toEpochMilli();
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
