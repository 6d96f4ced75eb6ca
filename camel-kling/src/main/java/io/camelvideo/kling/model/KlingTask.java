package io.camelvideo.kling.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.camelvideo.task.tracking.RemoteTask;

import java.util.List;

/**
 * A Kling task as the API reports it (kling-api.md §2): the body of the producer's answer and of the
 * consumer's exchanges. Unknown fields are ignored; ids and durations stay strings.
 *
 * @param createdAt epoch milliseconds (gateways that answer seconds are normalised)
 * @param progress  how far the task is, e.g. {@code 45%}, where the answer says it (the new-api gateway's
 *                  wrapper); null from the official API
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KlingTask(
        @JsonProperty("task_id") String taskId,
        @JsonProperty("task_status") String taskStatus,
        @JsonProperty("task_status_msg") String taskStatusMessage,
        @JsonProperty("task_info") TaskInfo taskInfo,
        @JsonProperty("task_result") TaskResult taskResult,
        @JsonProperty("final_unit_deduction") String finalUnitDeduction,
        @JsonProperty("created_at") long createdAt,
        @JsonProperty("updated_at") long updatedAt,
        @JsonProperty("progress") String progress) implements RemoteTask {

    public static final String SUBMITTED = "submitted";
    public static final String PROCESSING = "processing";
    public static final String SUCCEED = "succeed";
    public static final String FAILED = "failed";

    /** Caller metadata echoed back by the API. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TaskInfo(@JsonProperty("external_task_id") String externalTaskId,
                           @JsonProperty("parent_video") Video parentVideo) {
    }

    /** The outputs of a succeeded task. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TaskResult(@JsonProperty("videos") List<Video> videos, @JsonProperty("audios") List<Audio> audios,
                             @JsonProperty("images") List<Image> images, @JsonProperty("elements") List<Element> elements,
                             @JsonProperty("voices") List<Voice> voices) {
    }

    /** The voice a custom-voice task created (for {@code voice_list} and {@code element_voice_id}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Voice(@JsonProperty("voice_id") String voiceId, @JsonProperty("voice_name") String voiceName,
                        @JsonProperty("trial_url") String trialUrl, @JsonProperty("owned_by") String ownedBy) {
    }

    /** The voice a custom-voice task created, or null. */
    public Voice voice() {
        return taskResult == null || taskResult.voices() == null || taskResult.voices().isEmpty() ? null
                : taskResult.voices().get(0);
    }

    /** The element an element task created ({@code element_id} is a long: larger than JavaScript keeps exactly). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Element(@JsonProperty("element_id") long elementId, @JsonProperty("element_name") String elementName,
                          @JsonProperty("status") String status) {
    }

    /** The element an element task created, or null. */
    public Element element() {
        return taskResult == null || taskResult.elements() == null || taskResult.elements().isEmpty() ? null
                : taskResult.elements().get(0);
    }

    /**
     * A generated image of an image task. AI multi-shot's list items give three views as
     * {@code url_1..url_3} instead of {@code url} (kling-api-current.md §18): {@link #images()} flattens them.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Image(@JsonProperty("index") int index, @JsonProperty("url") String url,
                       @JsonProperty("watermark_url") String watermarkUrl, @JsonProperty("url_1") String url1,
                       @JsonProperty("url_2") String url2, @JsonProperty("url_3") String url3) {

        /** An image with one URL. */
        public Image(int index, String url, String watermarkUrl) {
            this(index, url, watermarkUrl, null, null, null);
        }
    }

    /** The generated images (image tasks), or an empty list; views given as {@code url_1..url_3} count one each. */
    public List<Image> images() {
        if (taskResult == null || taskResult.images() == null) {
            return List.of();
        }
        List<Image> images = new java.util.ArrayList<>();
        for (Image image : taskResult.images()) {
            if (image.url() != null && !image.url().isEmpty()) {
                images.add(image);
            }
            for (String view : java.util.Arrays.asList(image.url1(), image.url2(), image.url3())) {
                if (view != null && !view.isEmpty()) {
                    images.add(new Image(images.size(), view, null));
                }
            }
        }
        return images;
    }

    /** A generated video; {@code duration} is seconds as text, e.g. {@code "5.1"}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Video(@JsonProperty("id") String id, @JsonProperty("url") String url,
                        @JsonProperty("watermark_url") String watermarkUrl, @JsonProperty("duration") String duration) {
    }

    /**
     * A generated audio: add-sound and text-to-audio give an mp3 and a wav ({@code url_mp3}, {@code url_wav});
     * TTS gives one mp3 as {@code url} (its id is the {@code audio_id} avatar and lip sync take).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Audio(@JsonProperty("id") String id, @JsonProperty("url_mp3") String mp3Url,
                        @JsonProperty("url_wav") String wavUrl, @JsonProperty("duration_mp3") String mp3Duration,
                        @JsonProperty("duration_wav") String wavDuration, @JsonProperty("url") String url) {

        /** The mp3, whichever way the task names it. */
        public String mp3() {
            return mp3Url != null ? mp3Url : url;
        }
    }

    /** Whether the task has ended ({@code succeed} or {@code failed}); unknown statuses are still running. */
    @Override
    public boolean isFinished() {
        return SUCCEED.equals(taskStatus) || FAILED.equals(taskStatus);
    }

    public boolean isSucceeded() {
        return SUCCEED.equals(taskStatus);
    }

    public String externalTaskId() {
        return taskInfo == null ? null : taskInfo.externalTaskId();
    }

    @Override
    public String externalId() {
        return externalTaskId();
    }

    @Override
    public String status() {
        return taskStatus;
    }

    @Override
    public long createdAtMillis() {
        return createdAt;
    }

    /** {@code final_unit_deduction}: the units the task cost (0 when absent or not a number). */
    @Override
    public double cost() {
        try {
            return finalUnitDeduction == null ? 0 : Double.parseDouble(finalUnitDeduction.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The first generated video, or null. */
    public Video video() {
        return taskResult == null || taskResult.videos() == null || taskResult.videos().isEmpty()
                ? null : taskResult.videos().get(0);
    }

    /** The first generated audio, or null. */
    public Audio audio() {
        return taskResult == null || taskResult.audios() == null || taskResult.audios().isEmpty()
                ? null : taskResult.audios().get(0);
    }
}
