package io.camelvideo.emulator.media;

import io.camelvideo.emulator.EmulatorSettings;
import io.camelvideo.emulator.http.Api;
import io.camelvideo.emulator.http.ApiRequest;
import io.camelvideo.emulator.http.ApiResponse;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulator's CDN: result files of finished tasks, served without credentials under
 * {@code /cdn/<name>} (as the real services' CDN URLs are). A file can be expired to play the
 * 30-day retention: it then answers 404.
 */
public final class MediaStore implements Api {

    /** The kinds of file the CDN serves. */
    public enum Type {
        MP4("video/mp4"), MP3("audio/mpeg"), WAV("audio/wav"), PNG("image/png");

        private final String contentType;

        Type(String contentType) {
            this.contentType = contentType;
        }
    }

    private record Item(Type type, long durationMillis, String owner, String label) {
    }

    public static final String PREFIX = "/cdn/";

    private final Map<String, Item> items = new ConcurrentHashMap<>();
    private final Map<String, Boolean> expiredOwners = new ConcurrentHashMap<>();
    private final EmulatorSettings settings;
    private volatile String baseUrl = "";

    public MediaStore(EmulatorSettings settings) {
        this.settings = settings;
    }

    public void baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * Registers a file and returns its absolute URL.
     *
     * @param name  the file name, e.g. {@code 860000000000000123.mp4}
     * @param owner the task or job the file belongs to (used by {@link #expire(String)})
     */
    public String publish(String name, Type type, long durationMillis, String owner) {
        items.put(name, new Item(type, durationMillis, owner, "camel-video-emulator " + name));
        return baseUrl + PREFIX + name;
    }

    /** Makes every file of a task or job answer 404, as after the 30-day retention. */
    public void expire(String owner) {
        expiredOwners.put(owner, Boolean.TRUE);
    }

    public void clear() {
        items.clear();
        expiredOwners.clear();
    }

    @Override
    public boolean serves(ApiRequest request) {
        return request.path().startsWith(PREFIX);
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        String name = request.path().substring(PREFIX.length());
        Item item = items.get(name);
        if (item == null || expiredOwners.containsKey(item.owner())) {
            return ApiResponse.bytes(404, "application/xml",
                    "<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (!"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
            return ApiResponse.text(405, "method not allowed");
        }
        return switch (item.type()) {
            case MP4 -> {
                long padding = settings.videoPaddingBytes();
                yield new ApiResponse(200, item.type().contentType, MediaFiles.mp4Length(item.label(), padding),
                        out -> MediaFiles.writeMp4(out, item.durationMillis(), item.label(), padding));
            }
            case MP3 -> ApiResponse.bytes(200, item.type().contentType, MediaFiles.mp3(item.durationMillis()));
            case WAV -> ApiResponse.bytes(200, item.type().contentType, MediaFiles.wav(item.durationMillis()));
            case PNG -> ApiResponse.bytes(200, item.type().contentType, MediaFiles.png(name));
        };
    }
}
