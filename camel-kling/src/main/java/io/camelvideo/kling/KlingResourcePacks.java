package io.camelvideo.kling;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelvideo.kling.api.KlingApiException;
import io.camelvideo.kling.api.KlingClient;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * For the producer health check: whether the account's resource packs have units left. Asked at most
 * once a minute ({@code /account/costs} allows one call a second and its figure lags anyway); an
 * account whose packs cannot be read (a gateway without the endpoint) is not reported.
 */
final class KlingResourcePacks {

    private static final long ASK_EVERY_MILLIS = Duration.ofMinutes(1).toMillis();

    private final KlingClient client;
    private volatile long askedAt;
    private volatile String depleted;

    KlingResourcePacks(KlingClient client) {
        this.client = client;
    }

    /** Completes normally when units are left (or unknown); fails naming the packs when every one is used up. */
    CompletableFuture<Void> requireUnitsLeft() {
        long now = System.currentTimeMillis();
        if (askedAt != 0 && now - askedAt < ASK_EVERY_MILLIS) {
            return result();
        }
        askedAt = now;
        return client.costs(now - Duration.ofDays(30).toMillis(), now, null).handle((data, error) -> {
            depleted = error != null ? null : depleted(data);
            return null;
        }).thenCompose(ignored -> result());
    }

    private CompletableFuture<Void> result() {
        String problem = depleted;
        return problem == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(new KlingApiException(problem, 0, null, null, false, null, null));
    }

    /** The problem when the account has packs and none of them is online with units left, else null. */
    private static String depleted(JsonNode data) {
        JsonNode packs = data.path("resource_pack_subscribe_infos");
        if (!packs.isArray() || packs.isEmpty()) {
            return null;
        }
        for (JsonNode pack : packs) {
            if ("online".equals(pack.path("status").asText()) && pack.path("remaining_quantity").asDouble() > 0) {
                return null;
            }
        }
        return "No resource pack of the account has units left (" + packs.size() + " pack(s), none online with a"
                + " remainder): creates will be refused until one is bought or renewed";
    }
}
