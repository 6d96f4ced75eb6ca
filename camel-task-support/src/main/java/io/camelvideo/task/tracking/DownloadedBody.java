package io.camelvideo.task.tracking;

import io.camelvideo.task.media.SpooledMedia;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The files a delivery downloaded (one {@link SpooledMedia} or a list of them) and the headers the
 * download set, held so that a redelivery of the task reuses them instead of downloading again. The
 * spool files live until {@link #release()}, whatever happens to the exchanges that used them.
 */
final class DownloadedBody {

    private final Object body;
    private final Map<String, Object> headers;
    private final List<Runnable> holds;

    private DownloadedBody(Object body, Map<String, Object> headers, List<Runnable> holds) {
        this.body = body;
        this.headers = headers;
        this.holds = holds;
    }

    /**
     * What the download put on {@code message}: its body when that is a file or a list of files (else
     * null: nothing to keep) and the headers that differ from {@code before}.
     */
    static DownloadedBody capture(Message message, Map<String, Object> before) {
        Object body = message.getBody();
        List<Runnable> holds = new ArrayList<>();
        if (body instanceof SpooledMedia media) {
            holds.add(media.retain());
        } else if (body instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(SpooledMedia.class::isInstance)) {
            list.forEach(item -> holds.add(((SpooledMedia) item).retain()));
        } else {
            return null;
        }
        Map<String, Object> headers = new HashMap<>();
        message.getHeaders().forEach((name, value) -> {
            if (!Objects.equals(before.get(name), value)) {
                headers.put(name, value);
            }
        });
        return new DownloadedBody(body, headers, holds);
    }

    /** Sets the kept files (as new readers, owned by {@code exchange} too) and headers on {@code exchange}. */
    void applyTo(Exchange exchange) {
        Message message = exchange.getMessage();
        message.getHeaders().putAll(headers);
        if (body instanceof SpooledMedia media) {
            message.setBody(media.copy(exchange));
        } else {
            List<Object> copies = new ArrayList<>();
            for (Object item : (List<?>) body) {
                copies.add(((SpooledMedia) item).copy(exchange));
            }
            message.setBody(copies);
        }
    }

    /** Lets the files go: deleted once no exchange uses them. */
    void release() {
        holds.forEach(Runnable::run);
    }
}
