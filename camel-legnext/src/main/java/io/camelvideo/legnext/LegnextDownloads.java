package io.camelvideo.legnext;

import io.camelvideo.legnext.api.LegnextApiException;
import io.camelvideo.legnext.model.LegnextJob;
import io.camelvideo.task.media.MediaBodies;
import io.camelvideo.task.media.MediaDownload;
import io.camelvideo.task.media.MediaDownloadException;
import io.camelvideo.task.media.MediaDownloader;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Replaces a message's body with a completed job's files (producer and consumer alike).
 * <ul>
 *   <li>One output ({@code downloadOutput} 0–3, {@code grid}, or a job with a single output such as
 *       upscale and videoUpscale): the body is that file, {@code CamelFileName} = {@code <jobId>_<n>.png|.mp4}
 *       (or {@code _grid.png}), with content type and length.</li>
 *   <li>{@code all} (default): the body is a {@code List} of re-readable streams, each with
 *       {@code getFileName()}; {@code split(body()).setHeader("CamelFileName", simple("${body.fileName}"))}
 *       writes them one by one.</li>
 * </ul>
 */
final class LegnextDownloads {

    private LegnextDownloads() {
    }

    /** One file to fetch: its output number (or the grid) and URL. */
    private record Pick(String suffix, String url) {
    }

    static CompletableFuture<Void> download(Exchange exchange, LegnextJob job, MediaDownloader downloader, String defaultOutput) {
        Message message = exchange.getMessage();
        String output = message.getHeader(LegnextConstants.DOWNLOAD_OUTPUT, defaultOutput, String.class).trim();
        List<Pick> picks = picks(job, output);
        boolean video = job.output().videoUrls() != null && !job.output().videoUrls().isEmpty();
        List<CompletableFuture<MediaDownload>> downloads = picks.stream()
                .map(pick -> downloader.download(pick.url(), job.jobId() + pick.suffix() + (video ? ".mp4" : ".png"),
                        status -> LegnextApiException.of(status, null, "an output of job " + job.jobId()
                                + " is not available (Legnext keeps results 30 days)", pick.url(), null)))
                .toList();
        boolean single = !"all".equals(output) || picks.size() == 1;
        return MediaBodies.set(exchange, downloads, !single);
    }

    private static List<Pick> picks(LegnextJob job, String output) {
        LegnextJob.Output out = job.output();
        List<String> all = new ArrayList<>();
        if (out != null && out.videoUrls() != null && !out.videoUrls().isEmpty()) {
            all.addAll(out.videoUrls());
        } else if (out != null && out.imageUrls() != null && !out.imageUrls().isEmpty()) {
            all.addAll(out.imageUrls());
        } else if (out != null && out.imageUrl() != null && !out.imageUrl().isEmpty()) {
            all.add(out.imageUrl());
        }
        if (all.isEmpty()) {
            throw new MediaDownloadException("Legnext job " + job.jobId() + " (" + job.taskType() + ") has no image or video to download");
        }
        if ("grid".equals(output)) {
            if (out.imageUrl() == null || out.imageUrl().isEmpty() || out.imageUrls() == null) {
                throw new LegnextValidationException("downloadOutput", "grid: job " + job.jobId() + " has no grid image");
            }
            return List.of(new Pick("_grid", out.imageUrl()));
        }
        if ("all".equals(output)) {
            List<Pick> picks = new ArrayList<>();
            for (int n = 0; n < all.size(); n++) {
                picks.add(new Pick("_" + n, all.get(n)));
            }
            return picks;
        }
        if (!output.matches("[0-3]")) {
            throw new LegnextValidationException("downloadOutput", "must be all, grid or 0 to 3 (was '" + output + "')");
        }
        int index = Integer.parseInt(output);
        if (index >= all.size()) {
            throw new LegnextValidationException("downloadOutput", output + ": job " + job.jobId() + " has " + all.size()
                    + " output(s)");
        }
        return List.of(new Pick("_" + index, all.get(index)));
    }
}
