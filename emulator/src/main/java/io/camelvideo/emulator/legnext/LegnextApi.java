package io.camelvideo.emulator.legnext;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelvideo.emulator.EmulatorSettings;
import io.camelvideo.emulator.callback.CallbackDispatcher;
import io.camelvideo.emulator.http.Api;
import io.camelvideo.emulator.http.ApiRequest;
import io.camelvideo.emulator.http.ApiResponse;
import io.camelvideo.emulator.http.Json;
import io.camelvideo.emulator.media.MediaStore;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * The emulated Legnext API (legnext-api.md §1–§8): {@code x-api-key} auth, one POST per operation
 * under {@code /api/v1/} answering the bare job object, {@code GET /api/v1/job/{id}},
 * {@code GET /api/account/balance}, points frozen per job with 402 when they run out, flat error
 * bodies, and a {@code {timestamp, data}} callback when a job ends.
 */
public final class LegnextApi implements Api {

    private static final String TASKS = "/api/v1/";
    private static final String JOB = "/api/v1/job/";
    private static final String BALANCE = "/api/account/balance";
    /** legnext-api-current.md §9 (the FE shape) and §10 (the OC shape, a guess the contract calls unverified). */
    private static final String ACCOUNT_INFO = "/api/account/info";
    private static final String ACTIVE_TASKS = "/api/account/active_tasks";
    private static final long BASE_VIDEO_MILLIS = 5_000;
    private static final long EXTENSION_MILLIS = 4_000;

    private final EmulatorSettings settings;
    private final MediaStore media;
    private final CallbackDispatcher callbacks;
    private final LongSupplier clock;
    private final Map<String, LegnextJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, PointsAccount> accounts = new ConcurrentHashMap<>();

    public LegnextApi(EmulatorSettings settings, MediaStore media, CallbackDispatcher callbacks, LongSupplier clock) {
        this.settings = settings;
        this.media = media;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    @Override
    public boolean serves(ApiRequest request) {
        return request.path().startsWith(TASKS) || request.path().startsWith("/api/account/");
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        try {
            String apiKey = authenticate(request);
            String path = request.path();
            if (path.startsWith(JOB)) {
                requireMethod(request, "GET");
                return job(apiKey, path.substring(JOB.length()));
            }
            if (path.equals(BALANCE)) {
                requireMethod(request, "GET");
                return balance(apiKey);
            }
            if (path.equals(ACCOUNT_INFO)) {
                requireMethod(request, "GET");
                return accountInfo(apiKey);
            }
            if (path.equals(ACTIVE_TASKS)) {
                requireMethod(request, "GET");
                return activeTasks(apiKey);
            }
            LegnextTaskType type = path.startsWith(TASKS) ? LegnextTaskType.ofPath(path.substring(TASKS.length())) : null;
            if (type == null) {
                throw new LegnextError(404, "Not Found", "no endpoint " + path);
            }
            requireMethod(request, "POST");
            return submit(apiKey, type, request);
        } catch (LegnextError e) {
            return ApiResponse.json(e.status(), e.body());
        }
    }

    /** The flat error body for an injected HTTP status. */
    @Override
    public ApiResponse faultResponse(ApiRequest request, int httpStatus, Integer code) {
        String message = switch (httpStatus) {
            case 429 -> "Too many requests";
            case 502 -> "Bad gateway";
            case 503 -> "Service unavailable";
            case 504 -> "Gateway timeout";
            default -> httpStatus >= 500 ? "Internal server error" : "Request failed";
        };
        return ApiResponse.json(httpStatus, LegnextError.body(httpStatus, message, ""));
    }

    /** Sets a key's points (e.g. to play "points run out mid-run"). */
    public void points(String apiKey, long points) {
        account(apiKey).set(points, clock.getAsLong());
    }

    /** The job as a query would show it now, or null. */
    public Map<String, Object> job(String jobId) {
        LegnextJob job = jobs.get(jobId);
        return job == null ? null : job.toJson(clock.getAsLong());
    }

    public void reset() {
        jobs.clear();
        accounts.clear();
    }

    private String authenticate(ApiRequest request) {
        String key = request.header("x-api-key");
        if (key == null || !settings.legnextApiKeys().contains(key)) {
            throw new LegnextError(401, "Failed to verify api key", "");
        }
        return key;
    }

    private static void requireMethod(ApiRequest request, String method) {
        if (!method.equals(request.method())) {
            throw new LegnextError(405, "Method Not Allowed", request.method() + " " + request.path());
        }
    }

    private ApiResponse submit(String apiKey, LegnextTaskType type, ApiRequest request) {
        JsonNode body;
        try {
            body = Json.read(request.body());
        } catch (IOException e) {
            throw new LegnextError(400, "Invalid request parameters", "the body is not valid JSON");
        }
        long now = clock.getAsLong();
        LegnextSubmit submit = new LegnextValidator(id -> ownJob(apiKey, id), now, settings.legnextTextOnlyVideo()).validate(type, body);
        if (submit.text().contains(settings.blockMarker())) {
            throw new LegnextError(403, "Sensitive content detected", "banned prompt detected, please modify your prompt");
        }
        int limit = settings.legnextConcurrency();
        if (limit > 0 && unfinished(apiKey, now) >= limit) {
            throw new LegnextError(429, "Too many requests", "concurrent job limit of " + limit + " reached");
        }
        PointsAccount points = account(apiKey);
        if (!points.freeze(type.points(), now)) {
            throw new LegnextError(402, "Insufficient balance", "this job needs " + type.points() + " points, "
                    + points.available(now) + " are available");
        }
        LegnextJob job = newJob(apiKey, submit, now);
        if (job.fails) {
            points.refundAt(job.finishedAt, type.points());
        }
        jobs.put(job.id, job);
        if (job.callback != null) {
            callbacks.schedule(job.callback, job.finishedAt - now, () -> {
                Map<String, Object> notification = new LinkedHashMap<>();
                notification.put("timestamp", job.finishedAt / 1000);
                notification.put("data", job.toJson(job.finishedAt));
                return notification;
            });
        }
        return ApiResponse.json(200, job.toJson(now));
    }

    private LegnextJob newJob(String apiKey, LegnextSubmit submit, long now) {
        LegnextTaskType type = submit.type();
        long stagedAt = now + settings.realMillis(settings.legnextPendingMillis());
        long processingAt = stagedAt + settings.realMillis(settings.legnextStagedMillis());
        long processing = (long) (type.typicalSeconds() * 1000L * settings.legnextDurationFactor());
        boolean fails = submit.text().contains(settings.failMarker());
        long finishedAt = fails ? processingAt : processingAt + settings.realMillis(processing);
        long duration = 0;
        int extensions = 0;
        if (type == LegnextTaskType.VIDEO_DIFFUSION) {
            duration = BASE_VIDEO_MILLIS;
        } else if (type == LegnextTaskType.EXTEND_VIDEO) {
            duration = submit.source().videoDurationMillis + EXTENSION_MILLIS;
            extensions = submit.source().extensions + 1;
        } else if (type == LegnextTaskType.VIDEO_UPSCALE) {
            duration = submit.source().videoDurationMillis;
            extensions = submit.source().extensions;
        }
        String id = UUID.randomUUID().toString();
        String seed = Long.toString(1_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L));
        LegnextJob job = new LegnextJob(id, type, apiKey, submit.callback(), now, stagedAt, processingAt, finishedAt,
                fails, seed, duration, extensions);
        if (fails) {
            return job;
        }
        switch (type.output()) {
            case IMAGE_GRID -> {
                job.gridUrl = media.publish(id + "_grid.png", MediaStore.Type.PNG, 0, id);
                for (int n = 0; n < 4; n++) {
                    job.imageUrls.add(media.publish(id + "_" + n + ".png", MediaStore.Type.PNG, 0, id));
                }
            }
            case SINGLE_IMAGE -> job.gridUrl = media.publish(id + ".png", MediaStore.Type.PNG, 0, id);
            case VIDEO -> {
                int outputs = type == LegnextTaskType.VIDEO_UPSCALE ? 1 : 4;
                for (int n = 0; n < outputs; n++) {
                    job.videoUrls.add(media.publish(id + "_" + n + ".mp4", MediaStore.Type.MP4, duration, id));
                }
            }
            case TEXT -> {
            }
        }
        return job;
    }

    private ApiResponse job(String apiKey, String jobId) {
        LegnextJob job = ownJob(apiKey, jobId);
        if (job == null) {
            throw new LegnextError(404, "Job not found", "job " + jobId + " does not exist or has expired");
        }
        return ApiResponse.json(200, job.toJson(clock.getAsLong()));
    }

    private ApiResponse accountInfo(String apiKey) {
        long now = clock.getAsLong();
        PointsAccount account = account(apiKey);
        long frozen = jobs.values().stream().filter(j -> j.apiKey.equals(apiKey) && !j.statusAt(now).terminal())
                .mapToLong(j -> j.type.points()).sum();
        Map<String, Object> wallet = new LinkedHashMap<>();
        wallet.put("point_remain", account.available(now));
        wallet.put("point_frozen", frozen);
        wallet.put("point_used", jobs.values().stream().filter(j -> j.apiKey.equals(apiKey)
                && j.statusAt(now) == LegnextJob.Status.COMPLETED).mapToLong(j -> j.type.points()).sum());
        wallet.put("auto_recharge_enabled", false);
        wallet.put("credit_packs", null);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", Math.abs(apiKey.hashCode() % 100_000));
        data.put("name", "emulator");
        data.put("is_enable", true);
        data.put("plan", "developer");
        data.put("type", "ppu");
        data.put("max_concurrent_task_count", settings.legnextConcurrency() > 0 ? settings.legnextConcurrency() : 6);
        data.put("wallet", wallet);
        // the live shape carries the account's keys: clients must not pass them on
        data.put("api_keys", List.of(Map.of("id", 1, "name", "default", "revoked", false, "value", apiKey)));
        data.put("equivalent_in_usd", account.available(now) / 1000.0);
        return wrapped(data);
    }

    private ApiResponse activeTasks(String apiKey) {
        long now = clock.getAsLong();
        List<Map<String, Object>> tasks = jobs.values().stream()
                .filter(j -> j.apiKey.equals(apiKey) && !j.statusAt(now).terminal())
                .map(j -> {
                    Map<String, Object> task = new LinkedHashMap<>();
                    task.put("job_id", j.id);
                    task.put("task_type", j.type.wire());
                    task.put("status", j.statusAt(now).wire());
                    return task;
                }).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("total_active", tasks.size());
        data.put("concurrent_limit", settings.legnextConcurrency() > 0 ? settings.legnextConcurrency() : 6);
        data.put("tasks", tasks);
        data.put("updated_at", java.time.Instant.ofEpochMilli(now).toString());
        return wrapped(data);
    }

    private static ApiResponse wrapped(Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", 200);
        body.put("message", "success");
        body.put("data", data);
        return ApiResponse.json(200, body);
    }

    private ApiResponse balance(String apiKey) {
        long now = clock.getAsLong();
        PointsAccount account = account(apiKey);
        long points = account.available(now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("account_id", Math.abs(apiKey.hashCode() % 100_000));
        data.put("balance_usd", points / 1000.0);
        data.put("available_credits", 0);
        data.put("available_points", points);
        data.put("alert_threshold", 10);
        data.put("low_balance_alert", points / 1000.0 < 10);
        data.put("updated_at", java.time.Instant.ofEpochMilli(account.updatedAt(now)).toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", 200);
        body.put("message", "success");
        body.put("data", data);
        return ApiResponse.json(200, body);
    }

    private LegnextJob ownJob(String apiKey, String jobId) {
        LegnextJob job = jobs.get(jobId);
        return job != null && job.apiKey.equals(apiKey) ? job : null;
    }

    private long unfinished(String apiKey, long now) {
        return jobs.values().stream().filter(j -> j.apiKey.equals(apiKey) && !j.statusAt(now).terminal()).count();
    }

    private PointsAccount account(String apiKey) {
        return accounts.computeIfAbsent(apiKey, k -> new PointsAccount(settings.legnextInitialPoints(), clock.getAsLong()));
    }
}
