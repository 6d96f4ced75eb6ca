package io.camelvideo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.camelvideo.kling.KlingTaskFailedException;
import io.camelvideo.kling.KlingValidationException;
import io.camelvideo.kling.api.KlingApiException;
import io.camelvideo.kling.model.KlingTask;
import io.camelvideo.task.poll.TaskTimeoutException;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** The CLI's JSON answers, in the shapes of seed 001, on stdout. */
final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {
    }

    static Map<String, Object> success() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("success", true);
        return json;
    }

    /** A task as {@code status} shows it; failed tasks become an error answer. */
    static Map<String, Object> task(KlingTask task, boolean verbose) {
        if (KlingTask.FAILED.equals(task.taskStatus())) {
            String message = task.taskStatusMessage() == null || task.taskStatusMessage().isBlank()
                    ? "the task failed" : task.taskStatusMessage();
            throw new CliException(message.toLowerCase().contains("risk control") ? "content_policy" : "task_failed", message);
        }
        Map<String, Object> json = success();
        json.put("task_id", task.taskId());
        json.put("status", task.taskStatus());
        KlingTask.Video video = task.video();
        if (task.isSucceeded() && video != null) {
            json.put("video_id", video.id());
            json.put("duration", video.duration());
            if (verbose) {
                json.put("video_url", video.url());
                if (video.watermarkUrl() != null) {
                    json.put("watermark_url", video.watermarkUrl());
                }
            }
        }
        if (task.isSucceeded() && task.voice() != null) {
            json.put("voice_id", task.voice().voiceId());
            json.put("voice_name", task.voice().voiceName());
        }
        if (task.isSucceeded() && task.element() != null) {
            json.put("element_id", task.element().elementId());
            json.put("element_name", task.element().elementName());
        }
        KlingTask.Audio audio = task.audio();
        if (verbose && task.isSucceeded() && audio != null) {
            json.put("audio_mp3_url", audio.mp3());
            json.put("audio_wav_url", audio.wavUrl());
        }
        return json;
    }

    static void print(PrintStream out, Object json) {
        try {
            out.println(MAPPER.writeValueAsString(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prints the error answer for {@code error} and returns the exit code. */
    static int error(PrintStream out, Throwable error) {
        String code;
        String message = error.getMessage();
        if (error instanceof CliException cli) {
            code = cli.code();
        } else if (error instanceof KlingValidationException) {
            code = "invalid_argument";
        } else if (error instanceof KlingTaskFailedException failed) {
            code = String.valueOf(failed.getStatusMessage()).toLowerCase().contains("risk control") ? "content_policy" : "task_failed";
            message = failed.getStatusMessage();
        } else if (error instanceof TaskTimeoutException) {
            code = "timeout";
        } else if (error instanceof KlingApiException api) {
            code = apiCode(api);
        } else if (error instanceof java.nio.file.FileSystemException || error instanceof java.io.FileNotFoundException) {
            code = "file_error";
            message = "cannot write the local file: " + (message != null ? message : error.getClass().getSimpleName());
        } else if (error instanceof java.io.IOException) {
            code = "network_error";
            message = "cannot reach the Kling API: " + (message != null ? message : error.getClass().getSimpleName());
        } else if (error instanceof io.camelvideo.task.media.MediaDownloadException) {
            code = "download_error";
        } else {
            code = "error";
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("code", code);
        details.put("message", message != null ? message : error.getClass().getSimpleName());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("success", false);
        json.put("error", details);
        print(out, json);
        return 1;
    }

    /** Kling's code families (kling-api.md §5) as the CLI's error names. */
    static String apiCode(KlingApiException api) {
        int code;
        try {
            code = Integer.parseInt(api.getCode());
        } catch (NumberFormatException | NullPointerException e) {
            return api.getHttpStatus() == 401 ? "auth_error" : api.getHttpStatus() == 404 ? "task_not_found" : "api_error";
        }
        if (code >= 1000 && code <= 1004) {
            return "auth_error";
        }
        if (code >= 1100 && code <= 1102) {
            return "billing_error";
        }
        return switch (code) {
            case 1103 -> "permission_denied";
            case 1200, 1201 -> "invalid_request";
            case 1202, 1203 -> "task_not_found";
            case 1300, 1301 -> "content_policy";
            case 1302, 1303 -> "rate_limit";
            case 1304 -> "ip_not_allowed";
            default -> code >= 5000 ? "server_error" : "api_error";
        };
    }
}
