package io.camelvideo.emulator;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator on its own: {@code java -jar kling-legnext-emulator.jar [--port 8089] [--host 127.0.0.1]
 * [--speed 10]}. Prints where it listens and which credentials it accepts, then serves until stopped.
 */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmulatorSettings settings = new EmulatorSettings().port(8089).speed(10);
        Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
        while (!rest.isEmpty()) {
            String arg = rest.pop();
            switch (arg) {
                case "--port" -> settings.port(Integer.parseInt(value(arg, rest)));
                case "--host" -> settings.host(value(arg, rest));
                case "--speed" -> settings.speed(Double.parseDouble(value(arg, rest)));
                case "--access-key" -> {
                    String accessKey = value(arg, rest);
                    settings.klingJwtKey(accessKey, value("--access-key (then the secret key)", rest));
                }
                case "--kling-api-key" -> settings.klingApiKey(value(arg, rest));
                case "--legnext-api-key" -> settings.legnextApiKey(value(arg, rest));
                case "--kling-concurrency" -> settings.klingConcurrency(Integer.parseInt(value(arg, rest)));
                case "--journal-capacity" -> settings.journalCapacity(Integer.parseInt(value(arg, rest)));
                case "--help", "-h" -> {
                    System.out.println(usage());
                    return;
                }
                default -> {
                    System.err.println("unknown argument " + arg + "\n" + usage());
                    System.exit(2);
                }
            }
        }
        Emulator emulator = Emulator.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        System.out.println(banner(emulator));
        stopped.await();
    }

    static String banner(Emulator emulator) {
        EmulatorSettings s = emulator.settings();
        String base = emulator.baseUrl();
        StringBuilder text = new StringBuilder();
        text.append("Kling + Legnext API emulator listening on ").append(base)
                .append(" (time x").append(s.speed()).append(")\n");
        text.append("  Kling official  ").append(base).append("/v1/...   JWT (HS256) from AccessKey/SecretKey:\n");
        s.klingJwtKeys().forEach((ak, sk) -> text.append("                   ").append(ak).append(" / ").append(sk).append('\n'));
        s.klingGateways().forEach((prefix, format) -> text.append("  Kling gateway   ").append(base).append(prefix)
                .append("/v1/...   Bearer key, ").append(format).append(" responses\n"));
        text.append("                   keys: ").append(String.join(", ", s.klingApiKeys())).append('\n');
        text.append("  Legnext         ").append(base).append("/api/v1/...   x-api-key: ")
                .append(String.join(", ", s.legnextApiKeys())).append('\n');
        text.append("  Admin           ").append(base).append("/__emulator/ (faults, requests, settings, reset)\n");
        text.append("  A prompt containing ").append(s.failMarker()).append(" fails; one containing ")
                .append(s.blockMarker()).append(" is refused. Ctrl+C stops.");
        return text.toString();
    }

    private static String value(String flag, Deque<String> rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return rest.pop();
    }

    private static String usage() {
        return """
                usage: java -jar kling-legnext-emulator.jar [options]
                  --port N                    listen port (default 8089, 0 = any free port)
                  --host ADDRESS              bind address (default 127.0.0.1, loopback only)
                  --speed X                   time acceleration: a 65 s task takes 65/X s (default 10)
                  --access-key AK SK          accept a further Kling AccessKey/SecretKey pair
                  --kling-api-key KEY         accept a further Kling gateway Bearer key
                  --legnext-api-key KEY       accept a further Legnext x-api-key
                  --kling-concurrency N       unfinished Kling tasks per account before 429/1303 (default: no limit)
                  --journal-capacity N        requests kept for /__emulator/requests and stats (default 100000)""";
    }
}
