package io.camelvideo.legnext.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvideo.legnext.model.LegnextBalance;
import io.camelvideo.legnext.model.LegnextJob;

import io.camelvideo.task.http.ApiHttpClient;

import java.io.IOException;
import java.net.http.HttpResponse;

/**
 * Reads Legnext answers: a bare job object for submits and job queries, {@code {code, message, data}}
 * for account calls, and the two error shapes of §6: flat {@code {code, message, raw_message}} and
 * job-shaped {@code {..., status:"failed", error:{code, message, raw_message}}}.
 */
public final class LegnextResponseReader {

    private final ObjectMapper mapper;

    public LegnextResponseReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public LegnextJob job(HttpResponse<byte[]> response) {
        JsonNode body = checked(response);
        if (!body.hasNonNull("job_id") || body.get("job_id").asText().isEmpty()) {
            throw malformed(response, "the answer has no job_id");
        }
        try {
            return mapper.treeToValue(body, LegnextJob.class);
        } catch (IOException | IllegalArgumentException e) {
            throw malformed(response, "the job cannot be read: " + e.getMessage());
        }
    }

    /** The {@code data} of a {@code {code, message, data}} account answer, whatever its shape. */
    public JsonNode data(HttpResponse<byte[]> response) {
        JsonNode data = checked(response).path("data");
        if (!data.isObject()) {
            throw malformed(response, "the answer has no data");
        }
        return data;
    }

    public LegnextBalance balance(HttpResponse<byte[]> response) {
        JsonNode data = checked(response).path("data");
        if (!data.isObject()) {
            throw malformed(response, "the balance answer has no data");
        }
        try {
            return mapper.treeToValue(data, LegnextBalance.class);
        } catch (IOException | IllegalArgumentException e) {
            throw malformed(response, "the balance cannot be read: " + e.getMessage());
        }
    }

    private JsonNode checked(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        JsonNode body = ApiHttpClient.jsonOrNull(mapper, response);
        if (status / 100 == 2) {
            if (body == null || !body.isObject()) {
                throw malformed(response, "the answer is not a JSON object");
            }
            return body;
        }
        if (body == null || !body.isObject()) {
            throw LegnextApiException.of(status, null, "HTTP " + status + " without a Legnext error body", null,
                    ApiHttpClient.retryAfter(response));
        }
        JsonNode error = body.path("error");
        boolean jobShaped = body.path("message").isMissingNode() && error.isObject();
        JsonNode source = jobShaped ? error : body;
        return throwError(response, source);
    }

    private static JsonNode throwError(HttpResponse<byte[]> response, JsonNode source) {
        throw LegnextApiException.of(response.statusCode(), source.hasNonNull("code") ? source.get("code").asText() : null,
                source.path("message").asText(null), source.path("raw_message").asText(null), ApiHttpClient.retryAfter(response));
    }

    /** An unreadable answer: safe to repeat for queries; for a submit its outcome is unknown. */
    private static LegnextApiException malformed(HttpResponse<byte[]> response, String problem) {
        return new LegnextApiException("Legnext answered HTTP " + response.statusCode() + " with an unreadable body: "
                + problem, response.statusCode(), null, null, true, null, null);
    }
}
