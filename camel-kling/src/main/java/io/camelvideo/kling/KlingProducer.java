package io.camelvideo.kling;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelvideo.kling.model.KlingTask;
import io.camelvideo.kling.request.KlingRequestFactory;
import io.camelvideo.task.request.FieldValues;
import io.camelvideo.kling.api.KlingClient;
import io.camelvideo.task.camel.RemoteAccount;
import io.camelvideo.task.camel.RemoteTaskConfiguration;
import io.camelvideo.task.camel.RemoteTaskProducer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one operation per exchange without blocking the routing thread: every HTTP call is
 * asynchronous, and {@code waitForCompletion} parks the exchange with the account's poller until
 * the task ends.
 */
public class KlingProducer extends RemoteTaskProducer {

    private final KlingEndpoint endpoint;
    private final KlingRequestFactory requests = new KlingRequestFactory(KlingComponent.MAPPER);
    private KlingResourcePacks packs;

    public KlingProducer(KlingEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected CompletableFuture<?> healthProbe() {
        KlingClient client = endpoint.getAccount().client();
        KlingResourcePacks resources = resourcePacks(client);
        CompletableFuture<?> answers = endpoint.getKind() == KlingKind.accountCosts ? CompletableFuture.completedFuture(null)
                : client.list(endpoint.getKind(), 1, 1);
        return answers.thenCompose(answered -> resources.requireUnitsLeft());
    }

    /** Readiness also reports an account whose resource packs are used up (asked at most once a minute). */
    private synchronized KlingResourcePacks resourcePacks(KlingClient client) {
        if (packs == null) {
            packs = new KlingResourcePacks(client);
        }
        return packs;
    }

    @Override
    protected RemoteTaskConfiguration configuration() {
        return endpoint.getConfiguration();
    }

    @Override
    protected CompletableFuture<?> start(Exchange exchange) {
        KlingConfiguration config = endpoint.getConfiguration();
        KlingKind kind = endpoint.getKind();
        RemoteAccount<KlingClient, KlingTask> account = endpoint.getAccount();
        KlingOperation operation = operation(exchange);
        if ((operation == KlingOperation.presets || operation == KlingOperation.delete) && kind.presetsPath() == null) {
            throw new KlingValidationException("operation", operation + " is for the voice and element kinds (this endpoint is "
                    + kind + ")");
        }
        if (kind.synchronous() && operation != KlingOperation.create) {
            throw new KlingValidationException("operation", kind + " answers at once: it has no " + operation
                    + " (there is no task to query)");
        }
        return switch (operation) {
            case create -> {
                if (kind == KlingKind.accountCosts) {
                    yield costs(exchange, config);
                }
                if (kind.synchronous()) {
                    yield answerNow(exchange, requests.create(exchange, kind, config));
                }
                ObjectNode body = requests.create(exchange, kind, config);
                if (!body.hasNonNull("external_task_id")) {
                    body.put("external_task_id", submitKey(exchange, endpoint.taskScope().ledgerScope(), body));
                }
                String key = body.get("external_task_id").asText();
                String callback = body.has("callback_url") ? null : endpoint.getComponent().callbackUrl(account, kind.name(), key);
                if (callback != null) {
                    body.put("callback_url", callback);
                }
                yield afterCreate(account.submits().submit(endpoint.taskScope().ledgerScope(), key,
                                new KlingSubmit(account, endedWatch(config), kind, body), false),
                        account.submits(), endpoint.taskScope(), KlingComponent.CODEC, exchange,
                        task -> finish(exchange, task, config.isDownload()));
            }
            case status -> account.client().get(kind, taskReference(exchange))
                    .thenCompose(task -> finish(exchange, task, config.isDownload()));
            case download -> account.client().get(kind, taskReference(exchange))
                    .thenCompose(task -> finish(exchange, task, true));
            case list, presets -> {
                Message message = exchange.getMessage();
                int pageNum = paging(message, KlingConstants.PAGE_NUM, "pageNum", config.getPageNum());
                int pageSize = paging(message, KlingConstants.PAGE_SIZE, "pageSize", config.getPageSize());
                KlingRequestFactory.checkPaging(pageNum, pageSize);
                CompletableFuture<List<KlingTask>> page = operation == KlingOperation.list
                        ? account.client().list(kind, pageNum, pageSize) : account.client().presets(kind, pageNum, pageSize);
                yield page.thenAccept(tasks -> {
                    List<?> body = operation == KlingOperation.list ? tasks : presetsOf(kind, tasks);
                    message.setBody(body, List.class);
                    message.setHeader(KlingConstants.TASK_COUNT, body.size());
                });
            }
            case delete -> delete(exchange, kind);
        };
    }

    /** The voices or elements of preset list items (each item holds one). */
    private static List<?> presetsOf(KlingKind kind, List<KlingTask> items) {
        return items.stream().map(item -> kind == KlingKind.voice ? (Object) item.voice() : item.element())
                .filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Deletes the custom voice ({@code CamelKlingCustomVoiceId}) or element ({@code CamelKlingElementId}):
     * the headers a create of the kind sets, so a route can make one, use it and delete it.
     */
    private CompletableFuture<Void> delete(Exchange exchange, KlingKind kind) {
        Message message = exchange.getMessage();
        boolean voice = kind == KlingKind.voice;
        String header = voice ? KlingConstants.CUSTOM_VOICE_ID : KlingConstants.ELEMENT_ID;
        String id = message.getHeader(header, String.class);
        if (id == null || id.isBlank()) {
            throw new KlingValidationException(voice ? "voiceId" : "elementId", "is required to delete a " + kind
                    + ": set header " + header);
        }
        id = KlingRequestFactory.checkTaskReference(voice ? "voiceId" : "elementId", id.trim());
        ObjectNode body = KlingComponent.MAPPER.createObjectNode();
        if (voice) {
            body.put("voice_id", id);
        } else if (id.chars().allMatch(Character::isDigit) && id.length() <= 18) {
            body.put("element_id", Long.parseLong(id)); // element ids are numbers in the API's answers
        } else {
            body.put("element_id", id);
        }
        return endpoint.getAccount().client().delete(kind, body).thenAccept(data -> {
            message.setHeader(KlingConstants.TASK_ID, data.path("task_id").asText(null));
            message.setHeader(KlingConstants.TASK_STATUS, data.path("task_status").asText(null));
            message.setBody(KlingComponent.MAPPER.convertValue(data, java.util.Map.class));
        });
    }

    /**
     * A synchronous endpoint's answer as the reply: TTS's finished task (header {@code CamelKlingAudioId},
     * the id avatar and lip sync take; {@code download=true&format=mp3} fetches the file), identify-face's
     * session and faces as a Map (header {@code CamelKlingSessionId}, which advancedLipSync reads), image-recognize's
     * parts as a Map (header {@code CamelKlingImageUrls}: the cut-outs of the parts found).
     */
    private CompletableFuture<Void> answerNow(Exchange exchange, ObjectNode body) {
        KlingKind kind = endpoint.getKind();
        String path = kind == KlingKind.multiElementsSelection ? kind.path() + selectionStep(body).path() : kind.path();
        return endpoint.getAccount().client().answerNow(path, body).thenCompose(data -> {
            Message message = exchange.getMessage();
            message.setHeader(KlingConstants.UNIT_DEDUCTION, data.path("final_unit_deduction").asText(null));
            if (kind == KlingKind.identifyFace || kind == KlingKind.multiElementsSelection) {
                message.setHeader(KlingConstants.SESSION_ID, data.path("session_id").asText(null));
                message.setBody(KlingComponent.MAPPER.convertValue(data, java.util.Map.class));
                return CompletableFuture.completedFuture(null);
            }
            if (kind == KlingKind.imageRecognize) {
                List<String> found = new java.util.ArrayList<>();
                data.path("task_result").path("images").forEach(part -> {
                    if (part.path("is_contain").asBoolean() && !part.path("url").asText("").isEmpty()) {
                        found.add(part.path("url").asText());
                    }
                });
                message.setHeader(KlingConstants.IMAGE_URLS, found);
                message.setBody(KlingComponent.MAPPER.convertValue(data, java.util.Map.class));
                return CompletableFuture.completedFuture(null);
            }
            KlingTask task = KlingComponent.MAPPER.convertValue(data, KlingTask.class);
            message.setHeader(KlingConstants.AUDIO_ID, task.audio() == null ? null : task.audio().id());
            return finish(exchange, task, endpoint.getConfiguration().isDownload());
        });
    }

    /** The selection step of the endpoint, after checking the request has what the step needs (before any call). */
    private KlingSelectionAction selectionStep(ObjectNode body) {
        KlingSelectionAction action = endpoint.getConfiguration().getSelectionAction();
        boolean hasVideo = body.hasNonNull("video_id") || body.hasNonNull("video_url");
        if (action == KlingSelectionAction.init) {
            if (!hasVideo) {
                throw new KlingValidationException("videoId", "or videoUrl (video_url) is required to init a selection");
            }
            body.remove("session_id"); // a session header of an earlier step belongs to that step
            return action;
        }
        body.remove(List.of("video_id", "video_url"));
        if (!body.hasNonNull("session_id")) {
            throw new KlingValidationException("sessionId", "is required for selectionAction=" + action + ": the session of"
                    + " the init step (header CamelKlingSessionId)");
        }
        if ((action == KlingSelectionAction.add || action == KlingSelectionAction.delete)
                && (!body.hasNonNull("frame_index") || !body.path("points").isArray() || body.path("points").isEmpty())) {
            throw new KlingValidationException("frameIndex", "and the body's points [{x, y}] are required for selectionAction="
                    + action);
        }
        return action;
    }

    /**
     * The account's resource packs as a List of Maps, and header {@code CamelKlingRemainingUnits}: what
     * remains in the packs that are {@code online} (the API's figure lags about 12 hours).
     */
    private CompletableFuture<Void> costs(Exchange exchange, KlingConfiguration config) {
        long end = config.getEndTime() != null ? config.getEndTime() : System.currentTimeMillis();
        long start = config.getStartTime() != null ? config.getStartTime() : end - java.time.Duration.ofDays(30).toMillis();
        if (start > end) {
            throw new KlingValidationException("startTime", "must not be after endTime (" + start + " > " + end + ")");
        }
        return endpoint.getAccount().client().costs(start, end, config.getResourcePackName()).thenAccept(data -> {
            java.util.List<?> packs = KlingComponent.MAPPER.convertValue(data.path("resource_pack_subscribe_infos"), java.util.List.class);
            double remaining = 0;
            for (com.fasterxml.jackson.databind.JsonNode pack : data.path("resource_pack_subscribe_infos")) {
                if ("online".equals(pack.path("status").asText())) {
                    remaining += pack.path("remaining_quantity").asDouble();
                }
            }
            exchange.getMessage().setBody(packs == null ? java.util.List.of() : packs);
            exchange.getMessage().setHeader(KlingConstants.REMAINING_UNITS, remaining);
        });
    }

    /** Waits when asked to, sets the headers and body, and downloads when asked to. */
    private CompletableFuture<Void> finish(Exchange exchange, KlingTask task, boolean download) {
        return finish(exchange, task, endpoint.messages(), endpoint.getAccount(), endpoint.taskScope(), download);
    }

    private static int paging(Message message, String header, String name, int option) {
        Object value = message.getHeader(header);
        return value == null ? option
                : FieldValues.integer(value, problem -> new KlingValidationException(name, problem + " (header " + header + ")"));
    }

    private KlingOperation operation(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(KlingConstants.OPERATION);
        if (header == null) {
            return endpoint.getConfiguration().getOperation();
        }
        if (header instanceof KlingOperation operation) {
            return operation;
        }
        try {
            return KlingOperation.valueOf(header.toString().trim());
        } catch (IllegalArgumentException e) {
            throw new KlingValidationException("operation", "must be one of " + java.util.Arrays.toString(KlingOperation.values())
                    + " (header " + KlingConstants.OPERATION + " was '" + header + "')");
        }
    }

    /** The task a status or download is about: {@code CamelKlingTaskId}, else {@code CamelKlingExternalTaskId}. */
    private static String taskReference(Exchange exchange) {
        Message message = exchange.getMessage();
        String id = message.getHeader(KlingConstants.TASK_ID, String.class);
        String name = "taskId";
        if (id == null || id.isBlank()) {
            id = message.getHeader(KlingConstants.EXTERNAL_TASK_ID, String.class);
            name = "externalTaskId";
        }
        if (id == null || id.isBlank()) {
            throw new KlingValidationException("taskId", "is required: set header " + KlingConstants.TASK_ID + " (or "
                    + KlingConstants.EXTERNAL_TASK_ID + ")");
        }
        return KlingRequestFactory.checkTaskReference(name, id);
    }
}
