package io.camelvideo.kling;

/** What the producer does when a create asks a model for what the capability map says it cannot do. */
public enum KlingCapabilityCheck {
    /** No check: the API decides. */
    off,
    /** A WARN line per endpoint and problem, then the request goes out (the API stays authoritative). */
    warn,
    /** The create fails before the call, naming the model and what it lacks. */
    strict
}
