package io.camelvideo.kling;

import io.camelvideo.kling.model.KlingTask;
import org.apache.camel.Message;

/** Copies a task's facts into the {@code CamelKling...} headers (producer answers and consumer exchanges). */
public final class KlingTaskHeaders {

    private KlingTaskHeaders() {
    }

    public static void apply(Message message, KlingTask task) {
        message.setHeader(KlingConstants.TASK_ID, task.taskId());
        message.setHeader(KlingConstants.TASK_STATUS, task.taskStatus());
        message.setHeader(KlingConstants.TASK_STATUS_MESSAGE, task.taskStatusMessage());
        message.setHeader(KlingConstants.EXTERNAL_TASK_ID, task.externalTaskId());
        message.setHeader(KlingConstants.UNIT_DEDUCTION, task.finalUnitDeduction());
        if (task.progress() != null) {
            message.setHeader(KlingConstants.PROGRESS, task.progress());
        }
        KlingTask.Video video = task.video();
        if (video != null) {
            message.setHeader(KlingConstants.VIDEO_ID, video.id());
            message.setHeader(KlingConstants.VIDEO_URL, video.url());
            message.setHeader(KlingConstants.VIDEO_DURATION, video.duration());
            message.setHeader(KlingConstants.WATERMARK_URL, video.watermarkUrl());
        }
        if (!task.images().isEmpty()) {
            // the first image is the next step's input image: kling:image then kling:image2video chain with no glue
            message.setHeader(KlingConstants.IMAGE, task.images().get(0).url());
            message.setHeader(KlingConstants.IMAGE_URLS, task.images().stream().map(KlingTask.Image::url).toList());
        }
        if (task.voice() != null) {
            message.setHeader(KlingConstants.CUSTOM_VOICE_ID, task.voice().voiceId());
        }
        if (task.element() != null) {
            message.setHeader(KlingConstants.ELEMENT_ID, task.element().elementId());
        }
        KlingTask.Audio audio = task.audio();
        if (audio != null) {
            message.setHeader(KlingConstants.AUDIO_MP3_URL, audio.mp3());
            message.setHeader(KlingConstants.AUDIO_WAV_URL, audio.wavUrl());
        }
    }
}
