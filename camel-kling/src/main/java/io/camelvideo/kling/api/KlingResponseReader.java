package io.camelvideo.kling.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelvideo.kling.KlingResponseFormat;
import io.camelvideo.kling.model.KlingTask;

import io.camelvideo.task.http.ApiHttpClient;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an answer of the official API or a gateway (kling-api.md §8) into tasks, or raises the
 * {@link KlingApiException} it stands for. In {@code auto} mode: a numeric {@code code} is the raw
 * Kling envelope ({@code 0} = success); {@code code:"success"} is the new-api wrapper, whose
 * {@code data.data.data} is the raw task (or, when absent, {@code data.status} is mapped:
 * SUCCESS→succeed, FAILURE→failed, IN_PROGRESS→processing, others→submitted); a create may also
 * answer a bare {@code task_id} or an OpenAI-style {@code id}. Timestamps in seconds are turned into
 * milliseconds.
 */
public final class KlingResponseReader {

    private static final Map<String, String> NEW_API_STATUS = Map.of(
            "SUCCESS", KlingTask.SUCCEED, "FAILURE", KlingTask.FAILED, "IN_PROGRESS", KlingTask.PROCESSING,
            "SUBMITTED", KlingTask.SUBMITTED, "QUEUED", KlingTask.SUBMITTED, "NOT_START", KlingTask.SUBMITTED,
            "succeeded", KlingTask.SUCCEED, "failed", KlingTask.FAILED, "processing", KlingTask.PROCESSING,
            "queued", KlingTask.SUBMITTED);

    private final ObjectMapper mapper;
    private final KlingResponseFormat format;

    public KlingResponseReader(ObjectMapper mapper, KlingResponseFormat format) {
        this.mapper = mapper;
        this.format = format;
    }

    /** One task (create or query answer). */
    public KlingTask task(HttpResponse<byte[]> response) {
        return toTask(data(response));
    }

    /** A list answer: {@code data} is an array of tasks. */
    public List<KlingTask> tasks(HttpResponse<byte[]> response) {
        JsonNode data = data(response);
        if (!data.isArray()) {
            throw malformed(response, "expected a list of tasks in 'data'");
        }
        List<KlingTask> tasks = new ArrayList<>(data.size());
        data.forEach(node -> tasks.add(toTask(node)));
        return tasks;
    }

    /** The answer's {@code data}, whatever its shape (the synchronous endpoints answer their own). */
    public JsonNode data(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        JsonNode body = ApiHttpClient.jsonOrNull(mapper, response);
        if (body == null || !body.isObject()) {
            if (status / 100 == 2) {
                throw malformed(response, "the answer is not a JSON object");
            }
            throw KlingApiException.of(status, null, "HTTP " + status + " without a Kling error body", null,
                    ApiHttpClient.retryAfter(response));
        }
        JsonNode code = body.get("code");
        if (code != null && code.isNumber() && format != KlingResponseFormat.wrapped) {
            if (code.asInt() == 0 && status / 100 == 2) {
                JsonNode data = body.get("data");
                if (data == null || data.isNull()) {
                    throw malformed(response, "the answer has no 'data'");
                }
                return data;
            }
            throw error(response, code.asText(), body);
        }
        if (code != null && code.isTextual() && format != KlingResponseFormat.raw) {
            if ("success".equalsIgnoreCase(code.asText()) && status / 100 == 2) {
                return unwrap(response, body.path("data"));
            }
            throw error(response, code.asText(), body);
        }
        if (code == null && status / 100 == 2 && format != KlingResponseFormat.raw
                && (body.hasNonNull("task_id") || body.hasNonNull("id"))) {
            return body; // a create answered with a bare object (new-api's OpenAI-style video object)
        }
        if (status / 100 != 2) {
            throw error(response, code == null ? null : code.asText(), body);
        }
        throw malformed(response, "unexpected answer format (responseFormat=" + format + ")");
    }

    private JsonNode unwrap(HttpResponse<byte[]> response, JsonNode data) {
        JsonNode inner = data.path("data");
        if (inner.isObject() && inner.has("code") && inner.path("data").isObject()) {
            ObjectNode task = inner.get("data").deepCopy();
            if (data.hasNonNull("progress")) {
                task.put("progress", data.get("progress").asText()); // the wrapper's, not in Kling's own body
            }
            return task;
        }
        if (data.isArray() || data.hasNonNull("task_status")) {
            return data;
        }
        if (!data.hasNonNull("task_id") && !data.hasNonNull("id")) {
            throw malformed(response, "the wrapped answer has no task");
        }
        ObjectNode task = mapper.createObjectNode();
        task.put("task_id", data.hasNonNull("task_id") ? data.get("task_id").asText() : data.get("id").asText());
        String status = data.path("status").asText("");
        task.put("task_status", NEW_API_STATUS.getOrDefault(status, status.toLowerCase(Locale.ROOT)));
        task.put("task_status_msg", data.path("fail_reason").asText(data.path("error").asText("")));
        if (data.hasNonNull("progress")) {
            task.put("progress", data.get("progress").asText());
        }
        return task;
    }

    private KlingTask toTask(JsonNode node) {
        ObjectNode task = node.deepCopy();
        if (!task.hasNonNull("task_id") && task.hasNonNull("id")) {
            task.put("task_id", task.get("id").asText());
        }
        if (!task.hasNonNull("task_status") && task.hasNonNull("status")) {
            String status = task.get("status").asText();
            task.put("task_status", NEW_API_STATUS.getOrDefault(status, status.toLowerCase(Locale.ROOT)));
        }
        for (String field : new String[] {"created_at", "updated_at"}) {
            JsonNode value = task.get(field);
            if (value != null && value.isNumber() && value.asLong() > 0 && value.asLong() < 1_000_000_000_000L) {
                task.put(field, value.asLong() * 1000);
            }
        }
        try {
            return mapper.treeToValue(task, KlingTask.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new KlingApiException("Kling answered a task this client cannot read: " + e.getMessage(),
                    200, null, null, false, null, e);
        }
    }

    private KlingApiException error(HttpResponse<byte[]> response, String code, JsonNode body) {
        return KlingApiException.of(response.statusCode(), code, body.path("message").asText(null),
                body.path("request_id").asText(null), ApiHttpClient.retryAfter(response));
    }

    /** An unreadable answer: safe to repeat for queries; for a create its outcome is unknown. */
    private static KlingApiException malformed(HttpResponse<byte[]> response, String problem) {
        return new KlingApiException("Kling answered HTTP " + response.statusCode() + " with an unreadable body: "
                + problem, response.statusCode(), null, null, true, null, null);
    }
}
