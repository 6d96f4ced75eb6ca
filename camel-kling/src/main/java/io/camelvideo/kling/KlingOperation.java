package io.camelvideo.kling;

/** What a {@code kling:} producer does with a message. */
public enum KlingOperation {
    /** Submit a new task (default). */
    create,
    /** Query one task by task id or external task id. */
    status,
    /** List the account's tasks of the kind, newest first. */
    list,
    /** Stream a finished task's video or audio as the body. */
    download,
    /** voice and element: Kling's own (preset) voices or elements, as a list body. */
    presets,
    /** voice and element: delete the custom voice or element of header {@code CamelKlingCustomVoiceId} / {@code CamelKlingElementId}. */
    delete
}
