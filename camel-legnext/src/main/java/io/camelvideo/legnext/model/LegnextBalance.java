package io.camelvideo.legnext.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The account balance ({@code GET /api/account/balance}, its {@code data}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LegnextBalance(@JsonProperty("account_id") long accountId, @JsonProperty("balance_usd") double balanceUsd,
                             @JsonProperty("available_credits") long availableCredits,
                             @JsonProperty("available_points") long availablePoints,
                             @JsonProperty("alert_threshold") double alertThreshold,
                             @JsonProperty("low_balance_alert") boolean lowBalanceAlert,
                             @JsonProperty("updated_at") String updatedAt) {
}
